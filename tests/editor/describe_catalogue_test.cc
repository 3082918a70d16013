// Tests for editor/describe_catalogue: every catalogue has every message
// English has, and every pattern is valid ICU MessageFormat.
#include "editor/describe_catalogue.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include <unicode/msgfmt.h>

namespace sievekit::editor {
namespace {

TEST(DescribeCatalogueTest, CataloguesAreCompleteAndValid) {
  const auto catalogues = DescriptionCatalogues();
  ASSERT_GE(catalogues.size(), 2u);
  EXPECT_EQ(catalogues[0].locale, "en");
  std::set<std::string_view> english;
  for (const auto& [id, pattern] : catalogues[0].messages) english.insert(id);
  for (const DescriptionCatalogue& c : catalogues) {
    std::set<std::string_view> ids;
    for (const auto& [id, pattern] : c.messages) {
      EXPECT_TRUE(ids.insert(id).second) << c.locale << ": " << id << " twice";
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
          icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size())));
      icu::MessageFormat format(u, icu::Locale(std::string(c.locale).c_str()), status);
      EXPECT_TRUE(U_SUCCESS(status)) << c.locale << ": " << id << ": " << u_errorName(status);
    }
    EXPECT_EQ(ids, english) << c.locale;
  }
}

}  // namespace
}  // namespace sievekit::editor
