// Tests for vm/match/comparator: names, capabilities, folding and ordering of
// the four comparators (RFC 4790 §9, RFC 5051).
#include "vm/match/comparator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::match {
namespace {

using Id = ComparatorId;

TEST(ComparatorTest, LooksUpNamesCaseInsensitively) {
  const struct {
    std::string_view name;
    std::optional<Id> id;
  } cases[] = {
      {"i;octet", Id::kOctet},
      {"i;ascii-casemap", Id::kAsciiCasemap},
      {"i;ascii-numeric", Id::kAsciiNumeric},
      {"i;unicode-casemap", Id::kUnicodeCasemap},
      {"I;OCTET", Id::kOctet},
      {"i;ASCII-Casemap", Id::kAsciiCasemap},
      {"I;Unicode-CaseMap", Id::kUnicodeCasemap},
      {"", std::nullopt},
      {"i;basic", std::nullopt},
      {"octet", std::nullopt},
      {"i;octet ", std::nullopt},
      {"i;ascii-casema", std::nullopt},
      {"default", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(ComparatorFromName(c.name), c.id) << c.name;
}

TEST(ComparatorTest, NamesRoundTrip) {
  for (int i = 0; i < kComparatorCount; ++i) {
    const auto id = static_cast<Id>(i);
    EXPECT_EQ(ComparatorFromName(ComparatorName(id)), id);
  }
  EXPECT_EQ(ComparatorName(Id::kAsciiCasemap), "i;ascii-casemap");
}

TEST(ComparatorTest, SupportedOperations) {
  const struct {
    Id id;
    bool equality, substring, ordering;
  } cases[] = {
      {Id::kOctet, true, true, true},
      {Id::kAsciiCasemap, true, true, true},
      {Id::kAsciiNumeric, true, false, true},  // RFC 4790 §9.1.1
      {Id::kUnicodeCasemap, true, true, true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Supports(c.id, Operation::kEquality), c.equality) << ComparatorName(c.id);
    EXPECT_EQ(Supports(c.id, Operation::kSubstring), c.substring) << ComparatorName(c.id);
    EXPECT_EQ(Supports(c.id, Operation::kOrdering), c.ordering) << ComparatorName(c.id);
  }
}

TEST(ComparatorTest, CharacterUnitsFollowRfc5228) {
  // RFC 5228 §2.7.1: i;octet and i;ascii-casemap define a character as one
  // octet; a Unicode comparator as one UTF-8 encoded character.
  EXPECT_EQ(CharacterUnitOf(Id::kOctet), CharacterUnit::kOctet);
  EXPECT_EQ(CharacterUnitOf(Id::kAsciiCasemap), CharacterUnit::kOctet);
  EXPECT_EQ(CharacterUnitOf(Id::kUnicodeCasemap), CharacterUnit::kUtf8Character);
  EXPECT_TRUE(FoldPreservesPositions(Id::kOctet));
  EXPECT_TRUE(FoldPreservesPositions(Id::kAsciiCasemap));
  EXPECT_FALSE(FoldPreservesPositions(Id::kUnicodeCasemap));
  EXPECT_FALSE(FoldPreservesPositions(Id::kAsciiNumeric));
}

struct FoldCase {
  Id id;
  std::string in;
  std::string folded;
};

TEST(ComparatorTest, Folds) {
  const FoldCase cases[] = {
      {Id::kOctet, "", ""},
      {Id::kOctet, "MiXeD \xC3\xA9\xFF", "MiXeD \xC3\xA9\xFF"},
      {Id::kAsciiCasemap, "", ""},
      {Id::kAsciiCasemap, "Hello, World!", "HELLO, WORLD!"},
      {Id::kAsciiCasemap, "az AZ [_`{ 09", "AZ AZ [_`{ 09"},
      // Only a-z change: Latin-1 and UTF-8 bytes stay as they are.
      {Id::kAsciiCasemap, "caf\xC3\xA9 CAF\xC3\x89", "CAF\xC3\xA9 CAF\xC3\x89"},
      {Id::kAsciiCasemap, "\xE9t\xE9", "\xE9T\xE9"},
      {Id::kAsciiCasemap, std::string("a\0b", 3), std::string("A\0B", 3)},
      {Id::kAsciiNumeric, "007", "7"},
      {Id::kAsciiNumeric, "000", "0"},
      {Id::kAsciiNumeric, "42abc", "42"},
      {Id::kAsciiNumeric, "abc", ""},
      {Id::kAsciiNumeric, "", ""},
      {Id::kUnicodeCasemap, "Hello", "HELLO"},
      {Id::kUnicodeCasemap, "caf\xC3\xA9", "CAFE\xCC\x81"},
      {Id::kUnicodeCasemap, "a\xFF", "A\xFF"},
  };
  std::string out = "stale contents";
  for (const auto& c : cases) {
    Fold(c.id, c.in, &out);
    EXPECT_EQ(out, c.folded) << ComparatorName(c.id) << " " << c.in;
  }
}

TEST(ComparatorTest, FoldIsIdempotent) {
  const std::string inputs[] = {"",          "Hello",   "007x", "caf\xC3\xA9", "\xEF\xAC\x81",
                                "x\xFF\xC3", "\xC7\x86"};
  for (int i = 0; i < kComparatorCount; ++i) {
    const auto id = static_cast<Id>(i);
    for (const std::string& in : inputs) {
      std::string once, twice;
      Fold(id, in, &once);
      Fold(id, once, &twice);
      EXPECT_EQ(once, twice) << ComparatorName(id) << " " << in;
    }
  }
}

TEST(ComparatorTest, FoldReusesTheBuffer) {
  std::string out;
  out.reserve(64);
  const char* const data = out.data();
  Fold(Id::kAsciiCasemap, "short", &out);
  Fold(Id::kUnicodeCasemap, "caf\xC3\xA9", &out);
  Fold(Id::kAsciiNumeric, "0012", &out);
  EXPECT_EQ(out, "12");
  EXPECT_EQ(out.data(), data);
}

struct OrderCase {
  Id id;
  std::string a, b;
  std::strong_ordering order;
};

TEST(ComparatorTest, OrdersFoldedStrings) {
  const OrderCase cases[] = {
      // i;octet, RFC 4790 §9.3.1: unsigned octets, the empty string first.
      {Id::kOctet, "", "", std::strong_ordering::equal},
      {Id::kOctet, "", "a", std::strong_ordering::less},
      {Id::kOctet, "a", "", std::strong_ordering::greater},
      {Id::kOctet, "abc", "abd", std::strong_ordering::less},
      {Id::kOctet, "ab", "abc", std::strong_ordering::less},
      {Id::kOctet, "B", "a", std::strong_ordering::less},
      {Id::kOctet, "\x7F", "\x80", std::strong_ordering::less},  // unsigned
      {Id::kOctet, "\xFF", "a", std::strong_ordering::greater},
      // i;ascii-casemap, RFC 4790 §9.2.1: as i;octet after upper-casing, so
      // "_" (0x5F) sorts after letters of either case folded to 0x41-0x5A.
      {Id::kAsciiCasemap, "a", "A", std::strong_ordering::equal},
      {Id::kAsciiCasemap, "a", "_", std::strong_ordering::less},
      {Id::kAsciiCasemap, "Z", "_", std::strong_ordering::less},
      {Id::kAsciiCasemap, "abc", "ABD", std::strong_ordering::less},
      // i;ascii-numeric, RFC 4790 §9.1.1.
      {Id::kAsciiNumeric, "0", "1", std::strong_ordering::less},
      {Id::kAsciiNumeric, "", "x", std::strong_ordering::equal},
      // i;unicode-casemap: i;octet on the fold.
      {Id::kUnicodeCasemap, "\xC3\xA9", "\xC3\x89", std::strong_ordering::equal},
  };
  std::string a, b;
  for (const auto& c : cases) {
    Fold(c.id, c.a, &a);
    Fold(c.id, c.b, &b);
    EXPECT_EQ(Compare(c.id, a, b), c.order) << ComparatorName(c.id) << " " << c.a << " " << c.b;
    EXPECT_EQ(Compare(c.id, b, a), 0 <=> (c.order <=> 0)) << "reversed";
  }
}

TEST(ComparatorTest, AsciiNumericComparesUnfoldedStringsToo) {
  EXPECT_EQ(Compare(Id::kAsciiNumeric, "007", "7"), std::strong_ordering::equal);
  EXPECT_EQ(Compare(Id::kAsciiNumeric, "10", "9x"), std::strong_ordering::greater);
}

TEST(ComparatorTest, AsciiUpper) {
  EXPECT_EQ(AsciiUpper('a'), 'A');
  EXPECT_EQ(AsciiUpper('z'), 'Z');
  EXPECT_EQ(AsciiUpper('A'), 'A');
  EXPECT_EQ(AsciiUpper('`'), '`');
  EXPECT_EQ(AsciiUpper('{'), '{');
  EXPECT_EQ(AsciiUpper('\xE9'), '\xE9');
}

}  // namespace
}  // namespace sievekit::match
