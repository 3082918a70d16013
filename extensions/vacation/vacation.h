// The vacation extension (RFC 5230) and vacation-seconds (RFC 6131).
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

// Registers "vacation", "vacation-seconds" and the vacation command.
void RegisterVacation(ir::Registry& registry);

}  // namespace sievekit::extensions
