// Tests for common/diagnostic_catalogue: ids are unique, kebab-case, and
// every template formats with the argument count its users pass.
#include "common/diagnostic_catalogue.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

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

TEST(DiagnosticCatalogueTest, EveryTemplateFormatsWithEightArguments) {
  // Extra arguments are ignored by fmt, so eight always suffice; a template
  // with a malformed replacement field would throw here instead of in use.
  for (const DiagnosticKind* kind : diag::CoreKinds()) {
    EXPECT_NO_THROW(
        (void)fmt::format(fmt::runtime(kind->format), "a", "b", "c", "d", "e", "f", "g", "h"))
        << kind->id;
  }
}

TEST(DiagnosticCatalogueTest, ListsEveryKindTheHeaderDeclares) {
  // CoreKinds() is maintained by hand; count the declarations to catch a
  // kind that was added to the header but not to the list.
  std::ifstream header(std::string(SIEVEKIT_SOURCE_ROOT) + "/common/diagnostic_catalogue.h");
  std::stringstream text;
  text << header.rdbuf();
  const std::string s = text.str();
  size_t declared = 0;
  for (size_t at = s.find("inline constexpr DiagnosticKind"); at != std::string::npos;
       at = s.find("inline constexpr DiagnosticKind", at + 1)) {
    ++declared;
  }
  EXPECT_GT(declared, 0u);
  EXPECT_EQ(diag::CoreKinds().size(), declared);
}

}  // namespace
}  // namespace sievekit
