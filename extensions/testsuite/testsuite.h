// vnd.dovecot.testsuite: the test-only extension that lets the upstream
// Pigeonhole suite run unchanged (`sievec test`). Available only when the
// compile options allow the testsuite — never to scripts compiled for
// delivery. Its commands act on the TestsuiteHost given as EvalOptions::host.
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterTestsuite(ir::Registry& registry);

}  // namespace sievekit::extensions
