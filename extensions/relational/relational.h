// The relational extension (RFC 5231): the :value and :count match types.
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterRelational(ir::Registry& registry);

}  // namespace sievekit::extensions
