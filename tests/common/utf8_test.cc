// Tests for common/utf8: validation per RFC 3629, counting, decoding,
// encoding and truncation.
#include "common/utf8.h"

#include <gtest/gtest.h>

namespace sievekit::utf8 {
namespace {

struct ValidityCase {
  std::string_view name;
  std::string text;
  std::optional<size_t> first_invalid;
};

TEST(Utf8Test, FindInvalid) {
  const ValidityCase cases[] = {
      {"empty", "", std::nullopt},
      {"ascii", "hello", std::nullopt},
      {"two byte", "caf\xC3\xA9", std::nullopt},
      {"three byte", "\xE2\x82\xAC", std::nullopt},
      {"four byte", "\xF0\x9F\x98\x80", std::nullopt},
      {"lone continuation", "a\x80", 1},
      {"overlong two byte", "\xC0\xAF", 0},
      {"overlong three byte", "\xE0\x80\xAF", 0},
      {"surrogate", "\xED\xA0\x80", 0},
      {"above max", "\xF4\x90\x80\x80", 0},
      {"truncated", "ab\xE2\x82", 2},
      {"invalid lead", "\xFF", 0},
      // Long ASCII runs are skipped eight bytes at a time; what follows them
      // is still checked at its exact offset.
      {"long ascii", "0123456789abcdefghij", std::nullopt},
      {"invalid after 8", "01234567\xFF", 8},
      {"invalid after 11", "0123456789a\x80", 11},
      {"invalid in word",
       "0123\xC0\xAF"
       "6789abcdef",
       4},
      {"valid then invalid",
       "0123456789\xC3\xA9"
       "abcdefgh\xFF",
       20},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FindInvalid(c.text), c.first_invalid) << c.name;
  }
}

TEST(Utf8Test, AsciiPrefixLengthAndFindInvalidFrom) {
  const struct {
    std::string text;
    size_t ascii;
  } prefixes[] = {
      {"", 0},
      {"abc", 3},
      {"0123456789abcdef", 16},
      {"0123456\xC3\xA9", 7},
      {"01234567\xC3\xA9", 8},
      {"\xC3\xA9"
       "abc",
       0},
  };
  for (const auto& c : prefixes) EXPECT_EQ(AsciiPrefixLength(c.text), c.ascii) << c.text;
  // Resuming after a valid prefix finds what a scan from the start finds.
  EXPECT_EQ(FindInvalidFrom("ab\xC3\xA9\xFF", 2), std::optional<size_t>(4));
  EXPECT_EQ(FindInvalidFrom("ab\xC3\xA9\xFF", 4), std::optional<size_t>(4));
  EXPECT_EQ(FindInvalidFrom("ab\xC3\xA9", 2), std::nullopt);
  EXPECT_EQ(FindInvalidFrom("abc", 3), std::nullopt);
}

TEST(Utf8Test, CountCharacters) {
  EXPECT_EQ(CountCharacters(""), 0u);
  EXPECT_EQ(CountCharacters("abc"), 3u);
  EXPECT_EQ(CountCharacters("caf\xC3\xA9"), 4u);
  EXPECT_EQ(CountCharacters("\xF0\x9F\x98\x80x"), 2u);
  EXPECT_EQ(CountCharacters("\xFF\xFE"), 2u);  // invalid bytes count one each
  EXPECT_EQ(CountCharacters("0123456789abcdefghij"), 20u);
  EXPECT_EQ(CountCharacters("0123456789caf\xC3\xA9"), 14u);
  EXPECT_EQ(CountCharacters("01234567\xFF\xFE"), 10u);
}

TEST(Utf8Test, DecodeAndEncodeRoundTrip) {
  for (char32_t cp : {U'A', U'\u00e9', U'\u20ac', U'\U0001F600', U'\U0010FFFF'}) {
    std::string bytes;
    ASSERT_TRUE(Encode(cp, &bytes));
    size_t length = 0;
    EXPECT_EQ(DecodeOne(bytes, &length), cp);
    EXPECT_EQ(length, bytes.size());
  }
  std::string out;
  EXPECT_FALSE(Encode(0xD800, &out));
  EXPECT_FALSE(Encode(0x110000, &out));
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(DecodeOne("\xC3", nullptr), std::nullopt);
}

TEST(Utf8Test, TruncateNeverSplitsACharacter) {
  EXPECT_EQ(TruncateCharacters("h\xC3\xA9llo", 2), "h\xC3\xA9");
  EXPECT_EQ(TruncateCharacters("abc", 10), "abc");
  EXPECT_EQ(TruncateCharacters("\xE2\x82\xAC\xE2\x82\xAC", 1), "\xE2\x82\xAC");
  EXPECT_EQ(TruncateCharacters("abc", 0), "");
}

}  // namespace
}  // namespace sievekit::utf8
