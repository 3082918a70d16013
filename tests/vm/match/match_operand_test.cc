// Tests for vm/match/match_operand: every match type with few and many keys,
// the RFC 5228 and RFC 5231 examples, captures, the size and pair
// prefilters, and concurrent use.
#include "vm/match/match_operand.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace sievekit::match {
namespace {

using Id = ComparatorId;
using Keys = std::vector<std::string>;

MatchOperand MustPrepare(MatchSpec spec, const Keys& keys) {
  Result<MatchOperand> operand = MatchOperand::Prepare(spec, keys);
  EXPECT_TRUE(operand.ok()) << (operand.ok() ? "" : operand.error().message);
  return std::move(operand).value();
}

bool RunMatch(const MatchOperand& operand, std::string_view value,
              std::vector<std::string_view>* captures = nullptr) {
  std::string folded;
  Fold(operand.spec().comparator, value, &folded);
  return operand.Match(folded, value, captures);
}

struct Case {
  MatchSpec spec;
  Keys keys;
  std::string value;
  bool matches;
};

void CheckAll(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const MatchOperand operand = MustPrepare(c.spec, c.keys);
    std::string keys;
    for (const std::string& key : c.keys) keys += "'" + key + "' ";
    EXPECT_EQ(RunMatch(operand, c.value), c.matches)
        << ComparatorName(c.spec.comparator) << " " << MatchTypeName(c.spec.type) << " "
        << RelationalOpName(c.spec.relation) << " keys " << keys << "value '" << c.value << "'";
  }
}

MatchSpec Spec(Id comparator, MatchType type, RelationalOp relation = RelationalOp::kEq) {
  return MatchSpec{comparator, type, relation};
}

TEST(MatchOperandTest, RejectsIncompatibleComparators) {
  for (const MatchType type : {MatchType::kContains, MatchType::kMatches}) {
    const Result<MatchOperand> operand =
        MatchOperand::Prepare(Spec(Id::kAsciiNumeric, type), Keys{"1"});
    ASSERT_FALSE(operand.ok());
    EXPECT_EQ(operand.error().message, "comparator \"i;ascii-numeric\" cannot be used with " +
                                           std::string(MatchTypeName(type)));
  }
  EXPECT_TRUE(MatchOperand::Prepare(Spec(Id::kAsciiNumeric, MatchType::kIs), Keys{"1"}).ok());
}

TEST(MatchOperandTest, Rfc5228Examples) {
  const Id k = Id::kAsciiCasemap;
  CheckAll({
      // §2.7.1: "frobnitzm" contains "frob" and "nit", but not "fbm"; the
      // empty key is contained in all values.
      {Spec(k, MatchType::kContains), {"frob"}, "frobnitzm", true},
      {Spec(k, MatchType::kContains), {"nit"}, "frobnitzm", true},
      {Spec(k, MatchType::kContains), {"fbm"}, "frobnitzm", false},
      {Spec(k, MatchType::kContains), {""}, "frobnitzm", true},
      {Spec(k, MatchType::kContains), {""}, "", true},
      // Only "frobnitzm" :is "frobnitzm"; "" :is only "".
      {Spec(k, MatchType::kIs), {"frobnitzm"}, "frobnitzm", true},
      {Spec(k, MatchType::kIs), {"frobnitzm"}, "frobnitz", false},
      {Spec(k, MatchType::kIs), {"frobnitzm"}, "frobnitzmx", false},
      {Spec(k, MatchType::kIs), {""}, "", true},
      {Spec(k, MatchType::kIs), {""}, "x", false},
      // §2.7.3: :contains :comparator "i;octet" "MAKE MONEY FAST".
      {Spec(Id::kOctet, MatchType::kContains),
       {"MAKE MONEY FAST"},
       "You can MAKE MONEY FAST",
       true},
      {Spec(Id::kOctet, MatchType::kContains),
       {"MAKE MONEY FAST"},
       "You can Make Money Fast",
       false},
      {Spec(k, MatchType::kContains), {"MAKE MONEY FAST"}, "You can Make Money Fast", true},
  });
}

TEST(MatchOperandTest, IsWithFewAndManyKeys) {
  const Keys few = {"alice@example.com", "BOB@example.org"};
  Keys many = few;
  for (int i = 0; i < 100; ++i) many.push_back("user" + std::to_string(i) + "@example.net");
  for (const Keys& key_list : std::vector<Keys>{few, many}) {
    const Keys* keys = &key_list;
    CheckAll({
        {Spec(Id::kAsciiCasemap, MatchType::kIs), *keys, "ALICE@EXAMPLE.COM", true},
        {Spec(Id::kAsciiCasemap, MatchType::kIs), *keys, "bob@EXAMPLE.org", true},
        {Spec(Id::kAsciiCasemap, MatchType::kIs), *keys, "carol@example.com", false},
        {Spec(Id::kAsciiCasemap, MatchType::kIs), *keys, "alice@example.com ", false},
        {Spec(Id::kOctet, MatchType::kIs), *keys, "alice@example.com", true},
        {Spec(Id::kOctet, MatchType::kIs), *keys, "ALICE@EXAMPLE.COM", false},
        {Spec(Id::kUnicodeCasemap, MatchType::kIs), *keys, "Bob@Example.Org", true},
    });
  }
  CheckAll({
      {Spec(Id::kAsciiNumeric, MatchType::kIs), {"7"}, "007", true},
      {Spec(Id::kAsciiNumeric, MatchType::kIs), {"7"}, "7 days", true},
      {Spec(Id::kAsciiNumeric, MatchType::kIs), {"7"}, "70", false},
      {Spec(Id::kAsciiNumeric, MatchType::kIs), {"abc"}, "", true},  // both infinite
      {Spec(Id::kAsciiNumeric, MatchType::kIs), {"0"}, "", false},
      {Spec(Id::kUnicodeCasemap, MatchType::kIs), {"\xC3\xA9t\xC3\xA9"}, "\xC3\x89T\xC3\x89", true},
      {Spec(Id::kAsciiCasemap, MatchType::kIs), {"\xC3\xA9t\xC3\xA9"}, "\xC3\x89T\xC3\x89", false},
  });
}

TEST(MatchOperandTest, ContainsWithFewAndManyKeys) {
  const Keys few = {"viagra", "lottery"};
  Keys many = few;
  for (int i = 0; i < 50; ++i) many.push_back("spam-word-" + std::to_string(i));
  for (const Keys& key_list : std::vector<Keys>{few, many}) {
    const Keys* keys = &key_list;
    CheckAll({
        {Spec(Id::kAsciiCasemap, MatchType::kContains), *keys, "Win the LOTTERY now", true},
        {Spec(Id::kAsciiCasemap, MatchType::kContains), *keys, "cheap ViAgRa", true},
        {Spec(Id::kAsciiCasemap, MatchType::kContains), *keys, "lotter y", false},
        {Spec(Id::kAsciiCasemap, MatchType::kContains), *keys, "", false},
        {Spec(Id::kOctet, MatchType::kContains), *keys, "LOTTERY", false},
        {Spec(Id::kUnicodeCasemap, MatchType::kContains), *keys, "L\xC3\xB6TTERY", false},
    });
  }
  Keys with_empty = many;
  with_empty.push_back("");
  CheckAll({
      {Spec(Id::kAsciiCasemap, MatchType::kContains), with_empty, "", true},
      {Spec(Id::kAsciiCasemap, MatchType::kContains), {"a", ""}, "xyz", true},
      {Spec(Id::kAsciiCasemap, MatchType::kContains), {}, "xyz", false},
      // RFC 5051 substring works on the decomposed form: "é" contains "e".
      {Spec(Id::kUnicodeCasemap, MatchType::kContains), {"e"}, "caf\xC3\xA9", true},
      {Spec(Id::kUnicodeCasemap, MatchType::kContains), {"T\xC3\x88ST"}, "a t\xC3\xA8st", true},
      {Spec(Id::kAsciiCasemap, MatchType::kContains), {"e"}, "caf\xC3\xA9", false},
  });
}

TEST(MatchOperandTest, MatchesCapturesFromTheFirstMatchingKey) {
  const MatchOperand operand = MustPrepare(Spec(Id::kAsciiCasemap, MatchType::kMatches),
                                           {"coyote@**.com", "wile@**.com", "*@*"});
  std::vector<std::string_view> captures;
  ASSERT_TRUE(RunMatch(operand, "wile@ACME.Example.COM", &captures));
  EXPECT_EQ(captures, (std::vector<std::string_view>{"wile@ACME.Example.COM", "", "ACME.Example"}));
  ASSERT_TRUE(RunMatch(operand, "roadrunner@desert.org", &captures));
  EXPECT_EQ(captures,
            (std::vector<std::string_view>{"roadrunner@desert.org", "roadrunner", "desert.org"}));
  EXPECT_FALSE(RunMatch(operand, "no at sign", &captures));
  EXPECT_TRUE(captures.empty());
  EXPECT_TRUE(operand.folded_keys().empty());
  EXPECT_EQ(operand.keys().size(), 3u);
}

TEST(MatchOperandTest, OtherMatchTypesLeaveCapturesAlone) {
  const std::vector<std::string_view> previous = {"whole", "one"};
  for (const MatchType type : {MatchType::kIs, MatchType::kContains, MatchType::kValue}) {
    const MatchOperand operand = MustPrepare(Spec(Id::kAsciiCasemap, type), {"x"});
    std::vector<std::string_view> captures = previous;
    RunMatch(operand, "x", &captures);
    RunMatch(operand, "y", &captures);
    EXPECT_EQ(captures, previous) << MatchTypeName(type);
  }
}

TEST(MatchOperandTest, Rfc5231ValueExamples) {
  const MatchType v = MatchType::kValue;
  CheckAll({
      // §7: header :value "lt" :comparator "i;ascii-numeric" ["x-priority"] ["3"]
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kLt), {"3"}, "1", true},
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kLt), {"3"}, "2 (High)", true},
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kLt), {"3"}, "3", false},
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kLt), {"3"}, "5", false},
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kLt), {"3"}, "high", false},  // infinity
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kLt), {"3"}, "", false},
      // §7: address :value "gt" :all :comparator "i;ascii-casemap" ["from"] ["M"]
      {Spec(Id::kAsciiCasemap, v, RelationalOp::kGt), {"M"}, "nancy@example.com", true},
      {Spec(Id::kAsciiCasemap, v, RelationalOp::kGt), {"M"}, "Zed@example.com", true},
      {Spec(Id::kAsciiCasemap, v, RelationalOp::kGt), {"M"}, "alice@example.com", false},
      {Spec(Id::kAsciiCasemap, v, RelationalOp::kGt), {"M"}, "m", false},
      {Spec(Id::kAsciiCasemap, v, RelationalOp::kGt), {"M"}, "mike@example.com", true},
      // §4.1: true if any pair is true.
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kGt), {"10", "2"}, "5", true},
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kLt), {"10", "2"}, "5", true},
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kEq), {"10", "2"}, "5", false},
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kEq), {"10", "2"}, "0010", true},
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kNe), {"10", "2"}, "10", true},
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kNe), {"10"}, "10", false},
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kNe), {"10", "010"}, "10", false},
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kGe),
       {"18446744073709551616"},
       "18446744073709551617",
       true},
      {Spec(Id::kAsciiNumeric, v, RelationalOp::kLe), {"x"}, "18446744073709551617", true},
      // Each comparator's ordering.
      {Spec(Id::kOctet, v, RelationalOp::kLt), {"a"}, "B", true},
      {Spec(Id::kAsciiCasemap, v, RelationalOp::kLt), {"a"}, "B", false},
      {Spec(Id::kAsciiCasemap, v, RelationalOp::kEq), {"abc"}, "ABC", true},
      {Spec(Id::kAsciiCasemap, v, RelationalOp::kLt), {"_"}, "a", true},  // "A" < "_"
      {Spec(Id::kOctet, v, RelationalOp::kLt), {"_"}, "a", false},
      {Spec(Id::kUnicodeCasemap, v, RelationalOp::kEq), {"\xC3\xA9"}, "\xC3\x89", true},
      {Spec(Id::kUnicodeCasemap, v, RelationalOp::kGt), {"E"}, "\xC3\xA9", true},  // "E" + U+0301
      {Spec(Id::kAsciiCasemap, v, RelationalOp::kGe), {}, "x", false},             // no keys
      {Spec(Id::kAsciiCasemap, v, RelationalOp::kNe), {}, "x", false},
  });
}

TEST(MatchOperandTest, Rfc5231CountExamples) {
  // §6: to: foo@example.com, baz@example.com; cc: qux@example.com; two
  // received fields and one subject.
  const MatchOperand ge3 =
      MustPrepare(Spec(Id::kAsciiNumeric, MatchType::kCount, RelationalOp::kGe), {"3"});
  EXPECT_TRUE(ge3.MatchCount(3));   // address :count "ge" ["to", "cc"] ["3"]
  EXPECT_FALSE(ge3.MatchCount(2));  // ... ["to"] ["3"]
  EXPECT_FALSE(ge3.MatchCount(1));  // ... ["cc"] ["3"]
  EXPECT_FALSE(ge3.MatchCount(2));  // header :count "ge" ["received"] ["3"]
  EXPECT_TRUE(ge3.MatchCount(3));   // ... ["received", "subject"] ["3"]
  // §7: address :count "gt" ["to"] ["5"]; :count "eq" ["to", "cc"] ["1"].
  const MatchOperand gt5 =
      MustPrepare(Spec(Id::kAsciiNumeric, MatchType::kCount, RelationalOp::kGt), {"5"});
  EXPECT_TRUE(gt5.MatchCount(6));
  EXPECT_FALSE(gt5.MatchCount(5));
  const MatchOperand eq1 =
      MustPrepare(Spec(Id::kAsciiNumeric, MatchType::kCount, RelationalOp::kEq), {"1"});
  EXPECT_TRUE(eq1.MatchCount(1));
  EXPECT_FALSE(eq1.MatchCount(0));
  EXPECT_FALSE(eq1.MatchCount(11));
  // With a string comparator the count compares as a string: "10" < "9".
  const MatchOperand lt9 =
      MustPrepare(Spec(Id::kAsciiCasemap, MatchType::kCount, RelationalOp::kLt), {"9"});
  EXPECT_TRUE(lt9.MatchCount(10));
  EXPECT_FALSE(lt9.MatchCount(9));
  // A key that is not a number is infinity for i;ascii-numeric.
  const MatchOperand lt_word =
      MustPrepare(Spec(Id::kAsciiNumeric, MatchType::kCount, RelationalOp::kLt), {"many"});
  EXPECT_TRUE(lt_word.MatchCount(UINT64_MAX));
  // Match with the decimal count is the same thing.
  EXPECT_TRUE(ge3.Match("3", "3", nullptr));
}

TEST(MatchOperandTest, RelationsAgreeWithPairwiseComparison) {
  // The min/max shortcut must equal "any pair is true" for every operator.
  const std::vector<std::string> pool = {"",  "0", "007",      "10",       "9", "a",  "A",
                                         "b", "_", "\xC3\xA9", "\xC3\x89", "e", "zz", "x1"};
  uint32_t seed = 7;
  const auto next = [&seed](size_t bound) {
    seed = seed * 1664525 + 1013904223;
    return static_cast<size_t>(seed >> 8) % bound;
  };
  for (int i = 0; i < kComparatorCount; ++i) {
    const auto comparator = static_cast<Id>(i);
    for (int r = 0; r < 6; ++r) {
      const auto relation = static_cast<RelationalOp>(r);
      for (int round = 0; round < 200; ++round) {
        Keys keys;
        for (size_t k = next(7); k > 0; --k) keys.push_back(pool[next(pool.size())]);
        const std::string& value = pool[next(pool.size())];
        const MatchOperand operand =
            MustPrepare(Spec(comparator, MatchType::kValue, relation), keys);
        std::string folded_value, folded_key;
        Fold(comparator, value, &folded_value);
        bool expected = false;
        for (const std::string& key : keys) {
          Fold(comparator, key, &folded_key);
          expected |= Holds(relation, Compare(comparator, folded_value, folded_key));
        }
        ASSERT_EQ(operand.Match(folded_value, value, nullptr), expected)
            << ComparatorName(comparator) << " " << RelationalOpName(relation) << " " << value;
      }
    }
  }
}

TEST(MatchOperandTest, FoldedKeysAreKept) {
  const MatchOperand operand =
      MustPrepare(Spec(Id::kAsciiCasemap, MatchType::kIs), {"Hello", "World"});
  EXPECT_EQ(operand.keys()[0], "Hello");
  EXPECT_EQ(operand.folded_keys()[1], "WORLD");
  EXPECT_EQ(operand.spec(), Spec(Id::kAsciiCasemap, MatchType::kIs));
}

// The prefilters never change a result: Match with the value's sketch
// gives what Match without it gives, and MayMatchSize is true for every
// value that matches. Random keys and values over a small alphabet (so that
// many pairs match), under every comparator that has substring operations.
TEST(MatchOperandTest, PrefiltersAgreeWithPlainMatching) {
  const std::vector<std::string> key_pieces = {"a", "b", "A", "ab", "ba", "x", "*", "?", "\\*", "-1"};
  const std::vector<std::string> value_pieces = {"a", "b", "B", "A", "ab", "x", "-1", "-2", "\xC3\xA9"};
  uint32_t seed = 5;
  const auto next = [&seed](size_t bound) {
    seed = seed * 1664525 + 1013904223;
    return static_cast<size_t>(seed >> 8) % bound;
  };
  int matches = 0;
  int skipped_by_size = 0;
  for (const Id comparator : {Id::kOctet, Id::kAsciiCasemap, Id::kUnicodeCasemap}) {
    for (const MatchType type : {MatchType::kIs, MatchType::kContains, MatchType::kMatches}) {
      for (int round = 0; round < 3000; ++round) {
        Keys keys(1 + next(MatchOperand::kManyKeys + 2));
        for (std::string& key : keys) {
          for (size_t i = next(4); i > 0; --i) {
            const std::string& piece = key_pieces[next(key_pieces.size())];
            // Wildcards are literals outside :matches; keep them rare there.
            if (type != MatchType::kMatches && (piece == "*" || piece == "?")) continue;
            key += piece;
          }
        }
        std::string value;
        if (next(2) == 0) value = keys[next(keys.size())];  // often a key itself
        for (size_t i = next(5); i > 0; --i) value += value_pieces[next(value_pieces.size())];
        const MatchOperand operand = MustPrepare(Spec(comparator, type), keys);
        std::string folded;
        Fold(comparator, value, &folded);
        BigramSketch sketch;
        sketch.AddPairs(folded);
        const bool plain = operand.Match(folded, value, nullptr);
        EXPECT_EQ(operand.Match(folded, value, nullptr, &sketch), plain)
            << ComparatorName(comparator) << " " << MatchTypeName(type) << " '" << value << "'";
        if (plain) {
          ++matches;
          EXPECT_TRUE(operand.MayMatchSize(value.size()))
              << ComparatorName(comparator) << " " << MatchTypeName(type) << " '" << value << "'";
        } else if (!operand.MayMatchSize(value.size())) {
          ++skipped_by_size;
        }
      }
    }
  }
  EXPECT_GT(matches, 1000);
  EXPECT_GT(skipped_by_size, 100);  // the size filter does reject values
}

// What MayMatchSize allows, per match type; comparators that do not fold
// byte for byte allow every size.
TEST(MatchOperandTest, MayMatchSizeByMatchType) {
  const MatchOperand is = MustPrepare(Spec(Id::kAsciiCasemap, MatchType::kIs),
                                      {"ab", "abcd", std::string(70, 'x')});
  EXPECT_FALSE(is.MayMatchSize(0));
  EXPECT_TRUE(is.MayMatchSize(2));
  EXPECT_FALSE(is.MayMatchSize(3));
  EXPECT_TRUE(is.MayMatchSize(4));
  EXPECT_TRUE(is.MayMatchSize(70));  // long keys: every long size may match
  const MatchOperand is_short = MustPrepare(Spec(Id::kOctet, MatchType::kIs), {"", "abc"});
  EXPECT_TRUE(is_short.MayMatchSize(0));
  EXPECT_FALSE(is_short.MayMatchSize(64));
  const MatchOperand contains =
      MustPrepare(Spec(Id::kAsciiCasemap, MatchType::kContains), {"abcd", "xyz"});
  EXPECT_FALSE(contains.MayMatchSize(2));
  EXPECT_TRUE(contains.MayMatchSize(3));
  EXPECT_TRUE(contains.MayMatchSize(1000));
  const MatchOperand matches =
      MustPrepare(Spec(Id::kOctet, MatchType::kMatches), {"*[ticket-?]*", "a*b"});
  EXPECT_FALSE(matches.MayMatchSize(1));
  EXPECT_TRUE(matches.MayMatchSize(2));
  const MatchOperand unicode = MustPrepare(Spec(Id::kUnicodeCasemap, MatchType::kIs), {"ab"});
  EXPECT_TRUE(unicode.MayMatchSize(5));
  const MatchOperand numeric =
      MustPrepare(Spec(Id::kAsciiNumeric, MatchType::kValue, RelationalOp::kGt), {"10"});
  EXPECT_TRUE(numeric.MayMatchSize(0));
  EXPECT_FALSE(MustPrepare(Spec(Id::kAsciiCasemap, MatchType::kIs), {"ab"}).uses_sketch());
  EXPECT_TRUE(contains.uses_sketch());
  EXPECT_TRUE(matches.uses_sketch());
  EXPECT_FALSE(MustPrepare(Spec(Id::kUnicodeCasemap, MatchType::kContains), {"ab"}).uses_sketch());
}

TEST(MatchOperandTest, ConcurrentUseIsSafe) {
  Keys keys;
  for (int i = 0; i < 200; ++i) keys.push_back("word" + std::to_string(i));
  const MatchOperand contains = MustPrepare(Spec(Id::kUnicodeCasemap, MatchType::kContains), keys);
  const MatchOperand matches =
      MustPrepare(Spec(Id::kUnicodeCasemap, MatchType::kMatches), {"*WORD1?9*", "*\xC3\xA9*"});
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::vector<std::string_view> captures;
      for (int i = 0; i < 2000; ++i) {
        const std::string value = "a Word" + std::to_string(100 + i % 100) + " \xC3\x89t\xC3\xA9";
        std::string folded;
        Fold(Id::kUnicodeCasemap, value, &folded);
        const bool expect_capture = (100 + i % 100) % 10 == 9 && (100 + i % 100) / 100 == 1;
        if (!contains.Match(folded, value, nullptr)) ++failures[t];
        if (!matches.Match(folded, value, &captures)) ++failures[t];
        if (expect_capture && captures.size() != 4) ++failures[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace sievekit::match
