// The copy extension (RFC 3894): ":copy" on fileinto and redirect.
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterCopy(ir::Registry& registry);

}  // namespace sievekit::extensions
