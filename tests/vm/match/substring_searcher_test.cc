// Tests for vm/match/substring_searcher: KMP search with memchr skipping,
// including periodic needles that defeat naive search.
#include "vm/match/substring_searcher.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::match {
namespace {

constexpr size_t npos = SubstringSearcher::npos;

TEST(SubstringSearcherTest, FailureTable) {
  const struct {
    std::string needle;
    std::vector<uint32_t> table;
  } cases[] = {
      {"", {}},
      {"a", {0}},
      {"aaaa", {0, 1, 2, 3}},
      {"abab", {0, 0, 1, 2}},
      {"abacabab", {0, 0, 1, 0, 1, 2, 3, 2}},
  };
  for (const auto& c : cases) {
    std::vector<uint32_t> table = {99};  // appends after existing entries
    AppendFailureTable(c.needle, &table);
    ASSERT_EQ(table.size(), 1 + c.table.size());
    EXPECT_EQ(std::vector<uint32_t>(table.begin() + 1, table.end()), c.table) << c.needle;
  }
}

TEST(SubstringSearcherTest, Finds) {
  const struct {
    std::string needle, haystack;
    size_t from, found;
  } cases[] = {
      // RFC 5228 §2.7.1: "frobnitzm" contains "frob" and "nit", not "fbm";
      // the empty key is contained in all values.
      {"frob", "frobnitzm", 0, 0},
      {"nit", "frobnitzm", 0, 4},
      {"fbm", "frobnitzm", 0, npos},
      {"", "frobnitzm", 0, 0},
      {"", "", 0, 0},
      {"", "abc", 3, 3},
      {"", "abc", 4, npos},
      {"a", "", 0, npos},
      {"abc", "ab", 0, npos},
      {"abc", "abc", 0, 0},
      {"abc", "xxabcxxabc", 3, 7},
      {"abc", "xxabcxxabc", 8, npos},
      {"aab", "aaab", 0, 1},  // needs the failure table
      {"abab", "abaabab", 0, 3},
      {"abacabab", "abacabacabab", 0, 4},
      {"aaaab", std::string(1000, 'a') + "b", 0, 996},
      {"MAKE MONEY FAST", "YOU CAN MAKE MONEY FAST", 0, 8},
      {std::string("\0b", 2), std::string("a\0b", 3), 0, 1},
      {"\xC3\xA9", "caf\xC3\xA9", 0, 3},
  };
  for (const auto& c : cases) {
    const SubstringSearcher searcher(c.needle);
    EXPECT_EQ(searcher.Find(c.haystack, c.from), c.found) << c.needle << " in " << c.haystack;
  }
}

TEST(SubstringSearcherTest, PeriodicNeedleOnLongHaystackFinishes) {
  // Naive search would take about 10^6 * 10^3 steps here; KMP takes 10^6.
  const std::string needle = std::string(1000, 'a') + "b";
  const std::string haystack(1000000, 'a');
  const SubstringSearcher searcher(needle);
  EXPECT_FALSE(searcher.FoundIn(haystack));
  EXPECT_EQ(searcher.Find(haystack + "b"), haystack.size() - 1000);
}

TEST(SubstringSearcherTest, AssignReusesBuffers) {
  SubstringSearcher searcher("a fairly long needle to leave SSO");
  searcher.Assign("short");
  EXPECT_EQ(searcher.needle(), "short");
  EXPECT_TRUE(searcher.FoundIn("a short one"));
  EXPECT_FALSE(searcher.FoundIn("a fairly long needle"));
}

}  // namespace
}  // namespace sievekit::match
