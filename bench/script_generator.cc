// Rule-set generator for benchmarks (see script_generator.h).
#include "bench/script_generator.h"

#include <fmt/format.h>

#include <random>

namespace sievekit::bench {

std::string GenerateRuleScript(int rules, uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint32_t>(n)); };
  std::string out = "require [\"fileinto\", \"envelope\"];\n\n";
  for (int i = 0; i < rules; ++i) {
    out += fmt::format("# rule:[Rule {}]\n", i);
    switch (pick(5)) {
      case 0:
        out += fmt::format(
            "if header :contains [\"subject\", \"x-mailing-list\"] [\"project-{}\", \"list {}\"] "
            "{{\n  fileinto \"Lists/project-{}\";\n  stop;\n}}\n",
            i, i * 7, i);
        break;
      case 1:
        out += fmt::format(
            "if address :domain :is \"from\" [\"example{}.com\", \"mail{}.example.org\"] {{\n"
            "  fileinto \"Customers/{}\";\n}}\n",
            i, i, i);
        break;
      case 2:
        out += fmt::format(
            "if header :matches \"subject\" \"*[ticket-{}]*\" {{\n  fileinto \"Tickets\";\n"
            "  stop;\n}}\n",
            i);
        break;
      case 3:
        out += fmt::format(
            "if allof (size :over {}K, not exists \"x-keep-{}\") {{\n  fileinto \"Large\";\n}}\n",
            100 + pick(900), i);
        break;
      default:
        out += fmt::format(
            "if anyof (address :is \"to\" \"team{}@example.net\", envelope :is \"from\" "
            "\"boss{}@example.com\") {{\n  redirect \"assistant{}@example.net\";\n}}\n",
            i, i, i);
        break;
    }
  }
  return out;
}

}  // namespace sievekit::bench
