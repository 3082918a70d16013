// fileinto (RFC 5228 §4.1): deliver the message into a named mailbox.
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterFileinto(ir::Registry& registry);

}  // namespace sievekit::extensions
