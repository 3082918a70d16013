// imap4flags (RFC 5232): the setflag, addflag and removeflag actions, the
// hasflag test, the internal flags variable, and :flags on keep and
// fileinto.
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterImap4flags(ir::Registry& registry);

}  // namespace sievekit::extensions
