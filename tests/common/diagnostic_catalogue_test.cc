// Tests for common/diagnostic_catalogue: ids are unique, kebab-case, and
// every template formats with the argument count its users pass.
#include "common/diagnostic_catalogue.h"

#include <gtest/gtest.h>

#include <set>

namespace sievekit {
namespace {

TEST(DiagnosticCatalogueTest, IdsAreUniqueAndKebabCase) {
  std::set<std::string_view> seen;
  for (const DiagnosticKind* kind : diag::CoreKinds()) {
    EXPECT_TRUE(seen.insert(kind->id).second) << "duplicate id " << kind->id;
    for (char c : kind->id) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') << kind->id;
    }
    EXPECT_FALSE(kind->format.empty()) << kind->id;
  }
}

TEST(DiagnosticCatalogueTest, EveryTemplateFormatsWithFourArguments) {
  // Extra arguments are ignored by fmt, so four always suffice; a template
  // with a malformed replacement field would throw here instead of in use.
  for (const DiagnosticKind* kind : diag::CoreKinds()) {
    EXPECT_NO_THROW((void)fmt::format(fmt::runtime(kind->format), "a", "b", "c", "d"))
        << kind->id;
  }
}

}  // namespace
}  // namespace sievekit
