// Tests for mail/encoded_words: parsing single words, decoding header text
// (joining, fallbacks, raw text for broken words) and the encoder (length
// limits, never splitting a character, round trips through the decoder).
#include "mail/encoded_words.h"

#include <gtest/gtest.h>

#include <string>

#include "common/utf8.h"

namespace sievekit::mail {
namespace {

TEST(ParseEncodedWordTest, Shapes) {
  auto word = ParseEncodedWord("=?utf-8?Q?a_b?= rest");
  ASSERT_TRUE(word.has_value());
  EXPECT_EQ(word->charset, "utf-8");
  EXPECT_EQ(word->encoding, 'Q');
  EXPECT_EQ(word->text, "a_b");
  EXPECT_EQ(word->length, 15u);

  word = ParseEncodedWord("=?US-ASCII*EN?b?QQ==?=");
  ASSERT_TRUE(word.has_value());
  EXPECT_EQ(word->charset, "US-ASCII");
  EXPECT_EQ(word->language, "EN");
  EXPECT_EQ(word->encoding, 'B');

  word = ParseEncodedWord(
      "=?utf-8?q?"
      "?=");
  ASSERT_TRUE(word.has_value());
  EXPECT_EQ(word->text, "");

  for (std::string_view bad :
       {"=?utf-8?x?abc?=", "=??q?abc?=", "=?utf-8?q?a b?=", "=?utf-8?q?abc", "=?utf-8?q?abc?",
        "?utf-8?q?abc?=", "=?utf 8?q?abc?=", "=?*en?q?abc?=", "=?utf-8?qq?abc?="}) {
    EXPECT_FALSE(ParseEncodedWord(bad).has_value()) << bad;
  }
}

struct DecodeCase {
  std::string_view name;
  std::string_view in;
  std::string_view out;
};

TEST(WordDecoderTest, Decode) {
  const DecodeCase cases[] = {
      {"plain", "hello world", "hello world"},
      {"q", "=?utf-8?q?caf=C3=A9_au_lait?=", "caf\xC3\xA9 au lait"},
      {"b", "=?UTF-8?B?Y2Fmw6k=?=", "caf\xC3\xA9"},
      {"latin1", "=?iso-8859-1?q?caf=E9?=", "caf\xC3\xA9"},
      {"text around", "Re: =?utf-8?q?caf=C3=A9?= ok", "Re: caf\xC3\xA9 ok"},
      {"adjacent joined", "=?utf-8?q?a?= =?utf-8?q?b?=", "ab"},
      {"adjacent across fold", "=?utf-8?q?a?=\r\n =?utf-8?q?b?=", "ab"},
      {"adjacent different charsets", "=?utf-8?q?a?= =?iso-8859-1?q?=E9?=", "a\xC3\xA9"},
      {"space in encoded text kept", "=?utf-8?q?a_?= =?utf-8?q?b?=", "a b"},
      {"not adjacent", "=?utf-8?q?a?= x =?utf-8?q?b?=", "a x b"},
      {"split character", "=?utf-8?B?4oI=?= =?utf-8?B?rA==?=", "\xE2\x82\xAC"},
      {"glued to text", "x=?utf-8?q?y?=z", "xyz"},
      {"language", "=?us-ascii*en?q?Keith_Moore?=", "Keith Moore"},
      {"unknown charset raw", "=?x-bogus?q?abc?= def", "=?x-bogus?q?abc?= def"},
      {"bad base64 raw", "=?utf-8?b?a!b?=", "=?utf-8?b?a!b?="},
      {"bad q raw", "=?utf-8?q?=ZZ?=", "=?utf-8?q?=ZZ?="},
      {"invalid bytes raw", "=?utf-8?q?=FF?=", "=?utf-8?q?=FF?="},
      {"8-bit in ascii raw", "=?us-ascii?q?=E9?=", "=?us-ascii?q?=E9?="},
      {"raw word keeps whitespace",
       "=?utf-8?q?a?= =?utf-8?q?=FF?= =?utf-8?q?b?=", "a =?utf-8?q?=FF?= b"},
      {"raw between good ones", "=?x-bogus?q?a?= =?utf-8?q?b?=", "=?x-bogus?q?a?= b"},
      {"not a word", "=?utf-8?q?a b?=", "=?utf-8?q?a b?="},
      {"stray marker", "=?=?utf-8?q?x?=", "=?x"},
      {"empty word",
       "[=?utf-8?q?"
       "?=]",
       "[]"},
      {"raw 8-bit latin1 around", "caf\xE9 =?utf-8?q?ok?=", "caf\xC3\xA9 ok"},
      {"raw utf-8 kept", "caf\xC3\xA9", "caf\xC3\xA9"},
      {"koi8-r", "=?koi8-r?B?8NLJ18XU?=", "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},
      {"iso-2022-jp split",
       "=?iso-2022-jp?B?GyRCRnwbKEI=?= =?iso-2022-jp?B?GyRCS1wbKEI=?=", "\xE6\x97\xA5\xE6\x9C\xAC"},
  };
  WordDecoder decoder;
  CharsetConverter converter;
  for (const auto& c : cases) {
    std::string out;
    decoder.Decode(c.in, &converter, &out);
    EXPECT_EQ(out, c.out) << c.name;
    EXPECT_TRUE(utf8::IsValid(out)) << c.name;
  }
}

TEST(WordDecoderTest, NeedsDecoding) {
  EXPECT_FALSE(WordDecoder::NeedsDecoding("plain text"));
  EXPECT_FALSE(WordDecoder::NeedsDecoding("caf\xC3\xA9"));
  EXPECT_TRUE(WordDecoder::NeedsDecoding("caf\xE9"));
  EXPECT_TRUE(WordDecoder::NeedsDecoding("a =?x"));
}

std::string Decode(std::string_view text) {
  WordDecoder decoder;
  CharsetConverter converter;
  std::string out;
  decoder.Decode(text, &converter, &out);
  return out;
}

// Every line at most max, and every encoded word at most 75 characters.
void ExpectLineLengths(std::string_view encoded, size_t first_used, size_t max) {
  size_t used = first_used;
  size_t begin = 0;
  for (;;) {
    const size_t end = encoded.find("\r\n", begin);
    const std::string_view line =
        encoded.substr(begin, end == std::string_view::npos ? end : end - begin);
    EXPECT_LE(used + line.size(), max) << encoded;
    if (end == std::string_view::npos) break;
    used = 0;
    begin = end + 2;
  }
}

TEST(EncodeHeaderTextTest, AsciiUnchanged) {
  for (std::string_view text : {"", "Hello, world", "tabs\tok", "a = b ? c"}) {
    std::string out;
    EncodeHeaderText(text, {}, &out);
    EXPECT_EQ(out, text);
  }
}

TEST(EncodeHeaderTextTest, ExactForms) {
  const struct {
    std::string_view name;
    std::string_view in;
    WordEncoding encoding;
    std::string_view out;
  } cases[] = {
      {"q short", "caf\xC3\xA9", WordEncoding::kAuto, "=?UTF-8?Q?caf=C3=A9?="},
      {"q space", "a \xC3\xA9", WordEncoding::kQuotedPrintable, "=?UTF-8?Q?a_=C3=A9?="},
      {"b forced", "caf\xC3\xA9", WordEncoding::kBase64, "=?UTF-8?B?Y2Fmw6k=?="},
      {"auto picks b for cjk", "\xE6\x97\xA5\xE6\x9C\xAC", WordEncoding::kAuto,
       "=?UTF-8?B?5pel5pys?="},
      {"marker forces encoding", "=?x?q?y?=", WordEncoding::kQuotedPrintable,
       "=?UTF-8?Q?=3D=3Fx=3Fq=3Fy=3F=3D?="},
      {"control forces encoding", "a\nb", WordEncoding::kQuotedPrintable, "=?UTF-8?Q?a=0Ab?="},
  };
  for (const auto& c : cases) {
    std::string out;
    EncodeOptions options;
    options.encoding = c.encoding;
    EncodeHeaderText(c.in, options, &out);
    EXPECT_EQ(out, c.out) << c.name;
  }
}

TEST(EncodeHeaderTextTest, LongTextFoldsAndRoundTrips) {
  std::string text;
  for (int i = 0; i < 40; ++i)
    text +=
        "gr\xC3\xBC\xC3\x9F"
        "e \xF0\x9F\x98\x80 ";
  for (WordEncoding encoding :
       {WordEncoding::kAuto, WordEncoding::kBase64, WordEncoding::kQuotedPrintable}) {
    for (size_t first_used : {size_t{0}, size_t{9}, size_t{40}, size_t{70}}) {
      EncodeOptions options;
      options.encoding = encoding;
      options.first_line_used = first_used;
      std::string out;
      EncodeHeaderText(text, options, &out);
      ExpectLineLengths(out, first_used, 76);
      EXPECT_NE(out.find("\r\n "), std::string::npos);
      // Unfold as a header would, then decode: the text comes back whole.
      std::string unfolded;
      for (size_t i = 0; i < out.size(); ++i) {
        if (out.compare(i, 2, "\r\n") == 0) {
          ++i;
          continue;
        }
        unfolded.push_back(out[i]);
      }
      // A fold before the first word leaves leading whitespace, which header
      // unfolding trims.
      const size_t first = unfolded.find_first_not_of(' ');
      unfolded.erase(0, first);
      EXPECT_EQ(Decode(unfolded), text) << out;
      // Each word decodes alone: no character was split between words.
      size_t pos = 0;
      while ((pos = unfolded.find("=?", pos)) != std::string::npos) {
        const auto word = ParseEncodedWord(std::string_view(unfolded).substr(pos));
        ASSERT_TRUE(word.has_value());
        EXPECT_LE(word->length, 75u);
        std::string bytes;
        ASSERT_TRUE(DecodeWordText(*word, &bytes));
        EXPECT_TRUE(utf8::IsValid(bytes)) << bytes;
        pos += word->length;
      }
    }
  }
}

}  // namespace
}  // namespace sievekit::mail
