// The body extension (RFC 5173): the `body` test with COMPARATOR,
// MATCH-TYPE and the body transforms :raw, :content and :text.
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterBody(ir::Registry& registry);

}  // namespace sievekit::extensions
