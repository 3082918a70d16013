// Tests for editor/mutf7: modified UTF-7 both ways, canonical and strict.
#include "editor/mutf7.h"

#include <gtest/gtest.h>

namespace sievekit::editor {
namespace {

TEST(ModifiedUtf7Test, EncodesAndDecodes) {
  const struct {
    std::string utf8;
    std::string mutf7;
  } cases[] = {
      {"", ""},
      {"INBOX", "INBOX"},
      {"Tom & Jerry", "Tom &- Jerry"},
      {"&", "&-"},
      // RFC 3501 §5.1.3's example.
      {"~peter/mail/\xE5\x8F\xB0\xE5\x8C\x97/\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",
       "~peter/mail/&U,BTFw-/&ZeVnLIqe-"},
      {"Entw\xC3\xBC" "rfe", "Entw&APw-rfe"},
      {"caf\xC3\xA9s", "caf&AOk-s"},
      {"\xC3\xA9\xC3\xA9", "&AOkA6Q-"},
      {"\xF0\x9F\x98\x80", "&2D3eAA-"},           // a surrogate pair
      {"tab\there", "tab&AAk-here"},             // a control character is encoded
      {"a\xC3\xA9&b", "a&AOk-&-b"},
  };
  for (const auto& c : cases) {
    Result<std::string> encoded = EncodeModifiedUtf7(c.utf8);
    ASSERT_TRUE(encoded.ok()) << c.utf8;
    EXPECT_EQ(*encoded, c.mutf7);
    Result<std::string> decoded = DecodeModifiedUtf7(c.mutf7);
    ASSERT_TRUE(decoded.ok()) << c.mutf7 << ": " << decoded.error().message;
    EXPECT_EQ(*decoded, c.utf8);
  }
}

TEST(ModifiedUtf7Test, RefusesWhatNoEncoderWrites) {
  const struct {
    std::string mutf7;
    std::string error;
  } cases[] = {
      {"caf\xC3\xA9", "byte 0xC3 at 3 must be encoded"},
      {"a\tb", "byte 0x09 at 1 must be encoded"},
      {"&AOk", "the shift at 0 does not end with '-'"},
      {"&AO/-", "'/' at 3 is not modified BASE64"},
      {"&AOk=-", "'=' at 4 is not modified BASE64"},
      {"&AOl-", "the shift at 0 has stray bits at its end"},
      {"&AOk-&AOk-", "two adjacent shifts at 5 (one would do)"},
      {"&AGE-", "the shift at 0 encodes a character that stands for itself"},
      {"&ACY-", "the shift at 0 encodes a character that stands for itself"},
      {"&2D0-", "the shift at 0 has a broken surrogate pair"},
      {"&3gA-", "the shift at 0 has a broken surrogate pair"},
  };
  for (const auto& c : cases) {
    Result<std::string> decoded = DecodeModifiedUtf7(c.mutf7);
    ASSERT_FALSE(decoded.ok()) << c.mutf7;
    EXPECT_EQ(decoded.error().message, c.error) << c.mutf7;
  }
  Result<std::string> bad = EncodeModifiedUtf7("bad\xFF");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "not valid UTF-8 at byte 3");
}

TEST(ModifiedUtf7Test, EveryCodePointRoundTrips) {
  // A sweep over the BMP (surrogates aside) and a sample above it, in runs
  // of different lengths so every BASE64 alignment is exercised.
  std::string text;
  for (char32_t cp = 1; cp < 0x30000; cp += (cp < 0x800 ? 1 : 97)) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (cp < 0x80) {
      text += static_cast<char>(cp);
    } else if (cp < 0x800) {
      text += static_cast<char>(0xC0 | (cp >> 6));
      text += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      text += static_cast<char>(0xE0 | (cp >> 12));
      text += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      text += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      text += static_cast<char>(0xF0 | (cp >> 18));
      text += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      text += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      text += static_cast<char>(0x80 | (cp & 0x3F));
    }
    if (cp % 7 == 0) text += 'x';
  }
  Result<std::string> encoded = EncodeModifiedUtf7(text);
  ASSERT_TRUE(encoded.ok());
  Result<std::string> decoded = DecodeModifiedUtf7(*encoded);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(*decoded, text);
}

}  // namespace
}  // namespace sievekit::editor
