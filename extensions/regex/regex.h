// The regex extension (draft-murchison-sieve-regex-07): the :regex match
// type for every test that takes a MATCH-TYPE, and the :quoteregex modifier
// of `set` (RFC 5229 §4.1 precedence 20, alongside :quotewildcard).
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterRegex(ir::Registry& registry);

}  // namespace sievekit::extensions
