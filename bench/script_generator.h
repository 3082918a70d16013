// Deterministic generators of Sieve scripts shaped like the rule sets GUI
// rule editors write (header :contains, address :domain :is, :matches on the
// subject, size, fileinto / redirect / stop), for benchmarks and scale tests.
#pragma once

#include <cstdint>
#include <string>

namespace sievekit::bench {

// `rules` if-blocks, each with a rule-name comment; the same inputs always
// give the same script.
std::string GenerateRuleScript(int rules, uint32_t seed = 1);

}  // namespace sievekit::bench
