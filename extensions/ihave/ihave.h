// ihave (RFC 5463): the ihave test and the error command.
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterIhave(ir::Registry& registry);

}  // namespace sievekit::extensions
