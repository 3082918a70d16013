// The mailbox extension (RFC 5490 §3): ":create" on fileinto and the
// mailboxexists test.
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterMailbox(ir::Registry& registry);

}  // namespace sievekit::extensions
