// Tests for vm/match/dynamic_key_matcher: runtime keys give the same answers
// as prepared operands, through one reused matcher.
#include "vm/match/dynamic_key_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::match {
namespace {

using Id = ComparatorId;

struct Case {
  MatchSpec spec;
  std::string key;
  std::string value;
};

TEST(DynamicKeyMatcherTest, AgreesWithPreparedOperands) {
  const Case cases[] = {
      {{Id::kAsciiCasemap, MatchType::kIs}, "Hello", "HELLO"},
      {{Id::kAsciiCasemap, MatchType::kIs}, "Hello", "HELLO!"},
      {{Id::kOctet, MatchType::kIs}, "Hello", "HELLO"},
      {{Id::kAsciiNumeric, MatchType::kIs}, "007", "7"},
      {{Id::kUnicodeCasemap, MatchType::kIs}, "\xC3\xA9", "E\xCC\x81"},
      {{Id::kAsciiCasemap, MatchType::kContains}, "nit", "FROBNITZM"},
      {{Id::kAsciiCasemap, MatchType::kContains}, "fbm", "frobnitzm"},
      {{Id::kAsciiCasemap, MatchType::kContains}, "", ""},
      {{Id::kUnicodeCasemap, MatchType::kContains}, "e", "caf\xC3\xA9"},
      {{Id::kAsciiCasemap, MatchType::kMatches}, "*@*.*", "a@b.c.d"},
      {{Id::kAsciiCasemap, MatchType::kMatches}, "*\\?", "really?"},
      {{Id::kAsciiCasemap, MatchType::kMatches}, "x*", "really?"},
      {{Id::kUnicodeCasemap, MatchType::kMatches}, "caf?", "CAF\xC3\x89"},
      {{Id::kAsciiNumeric, MatchType::kValue, RelationalOp::kLt}, "3", "2"},
      {{Id::kAsciiNumeric, MatchType::kValue, RelationalOp::kLt}, "3", "x"},
      {{Id::kAsciiCasemap, MatchType::kValue, RelationalOp::kGt}, "M", "nancy"},
      {{Id::kAsciiCasemap, MatchType::kValue, RelationalOp::kNe}, "abc", "ABC"},
      {{Id::kUnicodeCasemap, MatchType::kValue, RelationalOp::kGe}, "\xC3\xA9", "\xC3\x89"},
  };
  DynamicKeyMatcher matcher;  // one instance throughout: buffers are reused
  for (const Case& c : cases) {
    const std::vector<std::string> keys = {c.key};
    Result<MatchOperand> operand = MatchOperand::Prepare(c.spec, keys);
    ASSERT_TRUE(operand.ok());
    std::string folded;
    Fold(c.spec.comparator, c.value, &folded);
    std::vector<std::string_view> expected_captures, captures;
    const bool expected = operand->Match(folded, c.value, &expected_captures);
    EXPECT_EQ(matcher.Match(c.spec, c.key, folded, c.value, &captures), expected)
        << MatchTypeName(c.spec.type) << " '" << c.key << "' '" << c.value << "'";
    if (c.spec.type == MatchType::kMatches) {
      EXPECT_EQ(captures, expected_captures) << c.key;
    }
  }
}

TEST(DynamicKeyMatcherTest, SpotChecks) {
  DynamicKeyMatcher matcher;
  std::vector<std::string_view> captures;
  const MatchSpec matches{Id::kAsciiCasemap, MatchType::kMatches};
  ASSERT_TRUE(matcher.Match(matches, "*@*.*", "A@B.C.D", "a@b.c.d", &captures));
  EXPECT_EQ(captures, (std::vector<std::string_view>{"a@b.c.d", "a", "b", "c.d"}));
  EXPECT_FALSE(matcher.Match(matches, "*@*", "NONE", "none", &captures));
  EXPECT_TRUE(captures.empty());
  const MatchSpec contains{Id::kAsciiCasemap, MatchType::kContains};
  EXPECT_TRUE(matcher.Match(contains, "Money", "MAKE MONEY FAST", "MAKE MONEY FAST", nullptr));
  EXPECT_FALSE(matcher.Match(contains, "Honey", "MAKE MONEY FAST", "MAKE MONEY FAST", nullptr));
}

TEST(DynamicKeyMatcherTest, IncompatibleSpecIsFalse) {
  DynamicKeyMatcher matcher;
  std::vector<std::string_view> captures = {"stale"};
  EXPECT_FALSE(matcher.Match({Id::kAsciiNumeric, MatchType::kContains}, "1", "1", "1", nullptr));
  EXPECT_FALSE(matcher.Match({Id::kAsciiNumeric, MatchType::kMatches}, "*", "1", "1", &captures));
  EXPECT_TRUE(captures.empty());
}

TEST(DynamicKeyMatcherTest, Counts) {
  DynamicKeyMatcher matcher;
  const MatchSpec ge{Id::kAsciiNumeric, MatchType::kCount, RelationalOp::kGe};
  EXPECT_TRUE(matcher.MatchCount(ge, "3", 3));
  EXPECT_FALSE(matcher.MatchCount(ge, "3", 2));
  EXPECT_TRUE(matcher.MatchCount(ge, "003", 4));
  const MatchSpec lt{Id::kAsciiCasemap, MatchType::kCount, RelationalOp::kLt};
  EXPECT_TRUE(matcher.MatchCount(lt, "9", 10));  // string order
}

}  // namespace
}  // namespace sievekit::match
