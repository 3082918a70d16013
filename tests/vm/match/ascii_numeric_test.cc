// Tests for vm/match/ascii_numeric: RFC 4790 §9.1 folding and ordering,
// including numbers far beyond 64 bits.
#include "vm/match/ascii_numeric.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::match {
namespace {

TEST(AsciiNumericTest, Folds) {
  const struct {
    std::string in, folded;
  } cases[] = {
      {"", ""},  // positive infinity
      {"abc", ""},
      {" 1", ""},  // does not start with a digit
      {"-1", ""},  // no negative numbers (RFC 5231 §3)
      {"+1", ""},
      {"0", "0"},
      {"00000", "0"},
      {"007", "7"},
      {"7", "7"},
      {"4294967298b", "4294967298"},
      {"04294967298", "4294967298"},
      {"18446744073709551616999", "18446744073709551616999"},
      {"000018446744073709551616999xyz", "18446744073709551616999"},
      {"12 34", "12"},
      {"3.14", "3"},
      {"\xD9\xA3", ""},  // ARABIC-INDIC DIGIT THREE is not an ASCII digit
  };
  std::string out;
  for (const auto& c : cases) {
    FoldAsciiNumeric(c.in, &out);
    EXPECT_EQ(out, c.folded) << c.in;
  }
}

// Strings listed in increasing order; strings in the same inner list are equal.
TEST(AsciiNumericTest, OrderingTable) {
  const std::vector<std::vector<std::string>> ascending = {
      {"0", "000", "0abc", "00"},
      {"1", "01", "1x"},
      {"7", "007", "7 days"},
      {"18"},
      {"4294967295"},
      {"4294967298", "04294967298", "4294967298b"},  // RFC 4790 §9.1.1 examples
      {"18446744073709551615"},                      // 2^64 - 1
      {"18446744073709551616"},                      // 2^64: no overflow
      {"18446744073709551616999"},
      {"99999999999999999999999999999999999999999999999999"},
      {"", "abc", "x", "y", " 5", "-3"},  // positive infinity, all equal
  };
  for (size_t i = 0; i < ascending.size(); ++i) {
    for (size_t j = 0; j < ascending.size(); ++j) {
      for (const std::string& a : ascending[i]) {
        for (const std::string& b : ascending[j]) {
          const std::strong_ordering expected = i <=> j;
          EXPECT_EQ(CompareAsciiNumeric(a, b), expected) << "'" << a << "' vs '" << b << "'";
          // The canonical forms order the same way.
          std::string fa, fb;
          FoldAsciiNumeric(a, &fa);
          FoldAsciiNumeric(b, &fb);
          EXPECT_EQ(CompareAsciiNumeric(fa, fb), expected) << "folded " << a << " vs " << b;
          if (expected == 0) {
            EXPECT_EQ(fa, fb) << a << " vs " << b;
          }
        }
      }
    }
  }
}

TEST(AsciiNumericTest, Rfc4790Examples) {
  // RFC 4790 §9.1.1: "0" < "1"; "1" < "4294967298"; "4294967298",
  // "04294967298" and "4294967298b" are equal; "04294967298" < "";
  // "", "x" and "y" are equal.
  EXPECT_TRUE(CompareAsciiNumeric("0", "1") < 0);
  EXPECT_TRUE(CompareAsciiNumeric("1", "4294967298") < 0);
  EXPECT_TRUE(CompareAsciiNumeric("4294967298", "04294967298") == 0);
  EXPECT_TRUE(CompareAsciiNumeric("04294967298", "4294967298b") == 0);
  EXPECT_TRUE(CompareAsciiNumeric("04294967298", "") < 0);
  EXPECT_TRUE(CompareAsciiNumeric("", "x") == 0);
  EXPECT_TRUE(CompareAsciiNumeric("x", "y") == 0);
}

}  // namespace
}  // namespace sievekit::match
