// reject and ereject (RFC 5429): refuse the message, with a reason.
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

// Registers both extensions ("reject" and "ereject"): two capabilities, one
// command each, the same rules.
void RegisterReject(ir::Registry& registry);

}  // namespace sievekit::extensions
