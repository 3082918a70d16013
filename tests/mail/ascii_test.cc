// Tests for mail/ascii.h: character classes, case folding, comparison and
// trimming never touch bytes above 0x7F.
#include "mail/ascii.h"

#include <gtest/gtest.h>

namespace sievekit::mail::ascii {
namespace {

TEST(AsciiTest, Classes) {
  EXPECT_TRUE(IsWsp(' '));
  EXPECT_TRUE(IsWsp('\t'));
  EXPECT_FALSE(IsWsp('\r'));
  EXPECT_TRUE(IsSpace('\r'));
  EXPECT_TRUE(IsSpace('\n'));
  EXPECT_FALSE(IsSpace('x'));
  EXPECT_EQ(HexValue('0'), 0);
  EXPECT_EQ(HexValue('a'), 10);
  EXPECT_EQ(HexValue('F'), 15);
  EXPECT_EQ(HexValue('g'), -1);
  EXPECT_EQ(HexValue('\xC3'), -1);
}

TEST(AsciiTest, CaseFoldingIsAsciiOnly) {
  EXPECT_EQ(ToLower('A'), 'a');
  EXPECT_EQ(ToLower('z'), 'z');
  EXPECT_EQ(ToLower('\xC3'), '\xC3');  // never folds 8-bit bytes
  EXPECT_TRUE(EqualsIgnoreCase("Content-Type", "content-TYPE"));
  EXPECT_FALSE(EqualsIgnoreCase("Subject", "Subjec"));
  EXPECT_FALSE(EqualsIgnoreCase("\xC3\x89", "\xC3\xA9"));  // É is not é here
  EXPECT_TRUE(StartsWithIgnoreCase("From foo", "from "));
  EXPECT_FALSE(StartsWithIgnoreCase("Fro", "from"));
  EXPECT_TRUE(HasUpper("aBc"));
  EXPECT_FALSE(HasUpper("abc\xC3\x89"));
}

TEST(AsciiTest, Trim) {
  const struct {
    std::string_view in;
    std::string_view out;
  } cases[] = {
      {"", ""}, {"   ", ""}, {" \t a b \r\n", "a b"}, {"x", "x"}, {"\r\n x\r\n y \t", "x\r\n y"},
  };
  for (const auto& c : cases) EXPECT_EQ(Trim(c.in), c.out) << c.in;
}

TEST(AsciiTest, IsAllAscii) {
  EXPECT_TRUE(IsAllAscii(""));
  EXPECT_TRUE(IsAllAscii("plain \x7F"));
  EXPECT_FALSE(IsAllAscii("caf\xC3\xA9"));
}

}  // namespace
}  // namespace sievekit::mail::ascii
