// spamtest, spamtestplus and virustest (RFC 5235): tests of the verdicts a
// spam or virus filter left in the message's header, read through the
// host's configuration (spam_config.h).
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

// Declares the "spamtest", "spamtestplus" and "virustest" capabilities.
void RegisterSpamtest(ir::Registry& registry);

}  // namespace sievekit::extensions
