// The comparator-i;unicode-casemap extension (RFC 5051).
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterComparatorUnicodeCasemap(ir::Registry& registry);

}  // namespace sievekit::extensions
