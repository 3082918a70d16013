// The RFC 5228 base language, registered through the same builder API as
// every extension: keep, discard, redirect; the header, address, exists and
// size tests; the i;octet and i;ascii-casemap comparators; the :is,
// :contains and :matches match types; the :all, :localpart and :domain
// address parts.
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterCore(ir::Registry& registry);

}  // namespace sievekit::extensions
