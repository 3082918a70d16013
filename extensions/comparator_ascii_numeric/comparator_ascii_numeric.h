// The comparator-i;ascii-numeric extension (RFC 5228 §2.7.3, RFC 4790 §9.1).
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterComparatorAsciiNumeric(ir::Registry& registry);

}  // namespace sievekit::extensions
