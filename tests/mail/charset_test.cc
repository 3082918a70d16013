// Tests for mail/charset: ICU conversion of declared charsets, the fast
// paths, invalid-byte replacement, unknown names, and the windows-1252
// fallback for unlabelled 8-bit text.
#include "mail/charset.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::mail {
namespace {

struct ConvertCase {
  std::string_view charset;
  std::string bytes;
  std::string utf8;
  size_t invalid;
};

TEST(CharsetConverterTest, ConvertsKnownCharsets) {
  const ConvertCase cases[] = {
      {"utf-8", "caf\xC3\xA9", "caf\xC3\xA9", 0},
      {"UTF8", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0},
      {"us-ascii", "plain", "plain", 0},
      {"iso-8859-1", "caf\xE9", "caf\xC3\xA9", 0},
      // ISO-8859-1 is read as windows-1252 (0x80..0x9F).
      {"ISO-8859-1", "\x93q\x94 \x80", "\xE2\x80\x9Cq\xE2\x80\x9D \xE2\x82\xAC", 0},
      {"iso-8859-2",
       "\xB3\xF3"
       "d\xBC",
       "\xC5\x82\xC3\xB3"
       "d\xC5\xBA",
       0},
      {"iso-8859-15", "\xA4", "\xE2\x82\xAC", 0},
      {"windows-1252", "\x80\x85", "\xE2\x82\xAC\xE2\x80\xA6", 0},
      {"koi8-r", "\xF0\xD2\xC9\xD7\xC5\xD4", "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82", 0},
      {"iso-2022-jp", "\x1B$BF|K\\\x1B(B", "\xE6\x97\xA5\xE6\x9C\xAC", 0},
      {"shift_jis", "\x93\xFA\x96\x7B", "\xE6\x97\xA5\xE6\x9C\xAC", 0},
      {"gb2312", "\xD6\xD0\xCE\xC4", "\xE4\xB8\xAD\xE6\x96\x87", 0},
      {"utf-8*en", "x", "x", 0},  // RFC 2231 language suffix ignored
      {" utf-8 ", "x", "x", 0},
      // Invalid sequences become U+FFFD and are counted.
      {"utf-8",
       "a\xFF"
       "b",
       "a\xEF\xBF\xBD"
       "b",
       1},
      {"us-ascii", "caf\xE9", "caf\xEF\xBF\xBD", 1},
      {"shift_jis", "\x82", "\xEF\xBF\xBD", 1},
      {"utf-8", "", "", 0},
  };
  CharsetConverter converter;
  for (const auto& c : cases) {
    std::string out = "prefix:";
    const ConversionResult result = converter.ToUtf8(c.charset, c.bytes, &out);
    EXPECT_TRUE(result.known_charset) << c.charset;
    EXPECT_EQ(out, "prefix:" + c.utf8) << c.charset;
    EXPECT_EQ(result.invalid_sequences, c.invalid) << c.charset;
  }
}

TEST(CharsetConverterTest, UnknownCharsetsAppendNothing) {
  CharsetConverter converter;
  for (std::string_view name :
       {"x-unknown", "", "  ", "utf-8\x01", "unknown-8bit",
        "this-charset-name-is-far-too-long-to-be-a-real-charset-name-at-all"}) {
    std::string out;
    const ConversionResult result = converter.ToUtf8(name, "abc", &out);
    EXPECT_FALSE(result.known_charset) << name;
    EXPECT_TRUE(out.empty()) << name;
    EXPECT_FALSE(converter.IsKnown(name)) << name;
  }
  EXPECT_TRUE(converter.IsKnown("KOI8-R"));
  EXPECT_TRUE(converter.IsKnown("latin1"));
}

TEST(CharsetConverterTest, ManyCharsetsCycleThroughTheCache) {
  CharsetConverter converter;
  const char* names[] = {"iso-8859-2",   "iso-8859-3",   "iso-8859-4", "iso-8859-5",
                         "iso-8859-6",   "iso-8859-7",   "iso-8859-8", "iso-8859-9",
                         "iso-8859-13",  "iso-8859-15",  "koi8-r",     "koi8-u",
                         "windows-1250", "windows-1251", "big5",       "euc-kr"};
  for (int round = 0; round < 3; ++round) {
    for (const char* name : names) {
      std::string out;
      EXPECT_TRUE(converter.ToUtf8(name, "ascii", &out).known_charset) << name;
      EXPECT_EQ(out, "ascii") << name;
    }
  }
}

TEST(CharsetConverterTest, StatefulCharsetsStartFresh) {
  CharsetConverter converter;
  std::string out;
  // Leaves the converter in the JIS X 0208 state (no final escape back)...
  converter.ToUtf8("iso-2022-jp", "\x1B$BF|", &out);
  out.clear();
  // ...which must not leak into the next conversion.
  converter.ToUtf8("iso-2022-jp", "AB", &out);
  EXPECT_EQ(out, "AB");
}

TEST(CharsetConverterTest, MovedConverterStillWorks) {
  CharsetConverter first;
  std::string out;
  first.ToUtf8("koi8-r", "\xC1", &out);
  CharsetConverter second(std::move(first));
  out.clear();
  EXPECT_TRUE(second.ToUtf8("koi8-r", "\xC1", &out).known_charset);
  EXPECT_EQ(out, "\xD0\xB0");
}

TEST(FallbackTest, KeepsValidUtf8AndReadsOtherBytesAsWindows1252) {
  const struct {
    std::string in;
    std::string out;
  } cases[] = {
      {"plain", "plain"},
      {"caf\xC3\xA9", "caf\xC3\xA9"},
      {"caf\xE9", "caf\xC3\xA9"},
      {"\x80", "\xE2\x82\xAC"},
      {"\x81", "\xC2\x81"},  // undefined in windows-1252: the C1 control
      {"\xFF", "\xC3\xBF"},
      {"ok \xC3\xA9 bad \xE9 cut \xE2\x82", "ok \xC3\xA9 bad \xC3\xA9 cut \xC3\xA2\xE2\x80\x9A"},
      {std::string("nul\0byte", 8), std::string("nul\0byte", 8)},
  };
  for (const auto& c : cases) {
    std::string out;
    AppendUtf8WithFallback(c.in, &out);
    EXPECT_EQ(out, c.out) << c.in;
  }
}

TEST(FallbackTest, Windows1252TableAgreesWithIcu) {
  CharsetConverter converter;
  for (int byte = 0x80; byte < 0x100; ++byte) {
    if (byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D) continue;
    const std::string in(1, static_cast<char>(byte));
    std::string ours;
    std::string icu;
    AppendUtf8WithFallback(in, &ours);
    converter.ToUtf8("windows-1252", in, &icu);
    EXPECT_EQ(ours, icu) << byte;
  }
}

TEST(Utf16Test, SurrogatesAndLoneSurrogates) {
  std::string out;
  AppendUtf16AsUtf8(u"a\U0001F600", &out);
  EXPECT_EQ(out, "a\xF0\x9F\x98\x80");
  out.clear();
  const char16_t lone[] = {0xD800, u'x', 0xDC00};
  AppendUtf16AsUtf8(std::u16string_view(lone, 3), &out);
  EXPECT_EQ(out, "\xEF\xBF\xBDx\xEF\xBF\xBD");
}

TEST(CharsetNameTest, AsciiNames) {
  EXPECT_TRUE(IsAsciiCharsetName("US-ASCII"));
  EXPECT_TRUE(IsAsciiCharsetName("ascii"));
  EXPECT_FALSE(IsAsciiCharsetName("utf-8"));
}

}  // namespace
}  // namespace sievekit::mail
