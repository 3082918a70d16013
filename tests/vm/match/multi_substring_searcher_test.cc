// Tests for vm/match/multi_substring_searcher: Aho–Corasick over folded keys,
// checked against a plain search for every needle.
#include "vm/match/multi_substring_searcher.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::match {
namespace {

TEST(MultiSubstringSearcherTest, FindsTheEarliestEndingNeedle) {
  const std::vector<std::string> needles = {"HE", "SHE", "HIS", "HERS", "XYZ"};
  const MultiSubstringSearcher searcher(needles);
  const struct {
    std::string haystack;
    std::optional<size_t> found;
  } cases[] = {
      {"USHERS", 1},                      // "SHE" ends at 4 (and is longer than "HE" ending there)
      {"AHISX", 2},         {"HERS", 0},  // "HE" ends first
      {"XYHERS", 0},        {"XXYZ", 4},    {"", std::nullopt},    {"H", std::nullopt},
      {"SH", std::nullopt}, {"HIHIHIS", 2}, {"ZYX", std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(searcher.FindEarliest(c.haystack), c.found) << c.haystack;
    EXPECT_EQ(searcher.ContainsAny(c.haystack), c.found.has_value()) << c.haystack;
  }
  EXPECT_EQ(searcher.needle_count(), 5u);
}

TEST(MultiSubstringSearcherTest, EmptyNeedleMatchesEverything) {
  const std::vector<std::string> needles = {"ABC", ""};
  const MultiSubstringSearcher searcher(needles);
  EXPECT_EQ(searcher.FindEarliest(""), 1u);
  EXPECT_TRUE(searcher.ContainsAny("zzz"));
}

TEST(MultiSubstringSearcherTest, NoNeedlesMatchNothing) {
  const MultiSubstringSearcher searcher(std::vector<std::string>{});
  EXPECT_FALSE(searcher.ContainsAny(""));
  EXPECT_FALSE(searcher.ContainsAny("abc"));
  const MultiSubstringSearcher default_constructed;
  EXPECT_FALSE(default_constructed.ContainsAny("abc"));
}

TEST(MultiSubstringSearcherTest, AgreesWithPlainSearch) {
  // Needles over a two-letter alphabet share many prefixes and suffixes,
  // which exercises the failure links.
  std::vector<std::string> needles;
  for (int bits = 0; bits < 64; bits += 5) {
    std::string needle;
    for (int i = 0; i < 2 + bits % 5; ++i) needle.push_back((bits >> i) & 1 ? 'b' : 'a');
    needles.push_back(needle);
  }
  needles.push_back(std::string("\xFF\x00\x80", 3));
  needles.push_back("abba");
  const MultiSubstringSearcher searcher(needles);
  uint32_t seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string haystack;
    const int length = round % 12;
    for (int i = 0; i < length; ++i) {
      seed = seed * 1103515245 + 12345;
      haystack.push_back("abc\xFF"[(seed >> 16) % 4]);
    }
    bool expected = false;
    for (const std::string& needle : needles)
      expected |= haystack.find(needle) != std::string::npos;
    ASSERT_EQ(searcher.ContainsAny(haystack), expected) << haystack;
  }
}

TEST(MultiSubstringSearcherTest, ManyNeedlesLongHaystack) {
  std::vector<std::string> needles;
  for (int i = 0; i < 5000; ++i) needles.push_back("USER" + std::to_string(i) + "@EXAMPLE.COM");
  const MultiSubstringSearcher searcher(needles);
  const std::string noise(200000, 'U');
  EXPECT_FALSE(searcher.ContainsAny(noise));
  EXPECT_EQ(searcher.FindEarliest(noise + "<USER4321@EXAMPLE.COM>"), 4321u);
}

}  // namespace
}  // namespace sievekit::match
