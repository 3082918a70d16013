// Tests for vm/match/match_type: names and comparator compatibility.
#include "vm/match/match_type.h"

#include <gtest/gtest.h>

namespace sievekit::match {
namespace {

TEST(MatchTypeTest, Names) {
  const struct {
    std::string_view name;
    std::optional<MatchType> type;
  } cases[] = {
      {":is", MatchType::kIs},
      {"is", MatchType::kIs},
      {":CONTAINS", MatchType::kContains},
      {":matches", MatchType::kMatches},
      {":value", MatchType::kValue},
      {":count", MatchType::kCount},
      {":Count", MatchType::kCount},
      {"", std::nullopt},
      {":", std::nullopt},
      {":regex", std::nullopt},
      {"::is", std::nullopt},
      {":i", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(MatchTypeFromName(c.name), c.type) << c.name;
  EXPECT_EQ(MatchTypeName(MatchType::kMatches), ":matches");
}

TEST(MatchTypeTest, Compatibility) {
  using Id = ComparatorId;
  const struct {
    Id comparator;
    MatchType type;
    bool compatible;
  } cases[] = {
      {Id::kOctet, MatchType::kIs, true},
      {Id::kOctet, MatchType::kContains, true},
      {Id::kOctet, MatchType::kMatches, true},
      {Id::kOctet, MatchType::kValue, true},
      {Id::kAsciiCasemap, MatchType::kMatches, true},
      {Id::kAsciiCasemap, MatchType::kCount, true},
      {Id::kUnicodeCasemap, MatchType::kContains, true},
      // RFC 5228 §2.7.1: "It is an error to use a comparator with :contains
      // or :matches that is not compatible with it."
      {Id::kAsciiNumeric, MatchType::kIs, true},
      {Id::kAsciiNumeric, MatchType::kContains, false},
      {Id::kAsciiNumeric, MatchType::kMatches, false},
      {Id::kAsciiNumeric, MatchType::kValue, true},
      {Id::kAsciiNumeric, MatchType::kCount, true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(IsCompatible(c.comparator, c.type), c.compatible)
        << ComparatorName(c.comparator) << " " << MatchTypeName(c.type);
  }
  EXPECT_EQ(RequiredOperation(MatchType::kIs), Operation::kEquality);
  EXPECT_EQ(RequiredOperation(MatchType::kMatches), Operation::kSubstring);
  EXPECT_EQ(RequiredOperation(MatchType::kCount), Operation::kOrdering);
  EXPECT_TRUE(TakesRelation(MatchType::kValue));
  EXPECT_FALSE(TakesRelation(MatchType::kContains));
}

}  // namespace
}  // namespace sievekit::match
