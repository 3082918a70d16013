// Tests for parser/string_literal: the one writer and reader of Sieve string
// tokens (quoted, multi-line) and of comment text (rule names in markers).
#include "parser/string_literal.h"

#include <gtest/gtest.h>

#include "parser/parser.h"

namespace sievekit::syntax {
namespace {

TEST(StringLiteralTest, QuotedStringsRoundTrip) {
  const struct {
    std::string value;
    std::string token;
  } cases[] = {
      {"", "\"\""},
      {"plain", "\"plain\""},
      {"say \"hi\"", "\"say \\\"hi\\\"\""},
      {"back\\slash", "\"back\\\\slash\""},
      {"caf\xC3\xA9", "\"caf\xC3\xA9\""},
      {"two\r\nlines", "\"two\r\nlines\""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(EncodeQuotedString(c.value), c.token) << c.value;
    EXPECT_EQ(DecodeQuotedString(c.token), c.value) << c.token;
  }
  // Any other escaped character means itself (RFC 5228 §2.4.2).
  EXPECT_EQ(DecodeQuotedString("\"\\a\\.\""), "a.");
}

// The grammar's scan of quoted text, eight bytes at a time: the result must
// be that of the byte-by-byte rule at every position in the word.
TEST(StringLiteralTest, QuotedTextLength) {
  const struct {
    std::string text;
    size_t length;
  } cases[] = {
      {"", 0},
      {"\"", 0},
      {"abc\"", 3},
      {"abc", 3},                  // no closing quote: all of it
      {"abcdefgh\"rest", 8},       // quote right after a word
      {"abcdefghijklmno\"", 15},   // quote at the end of the second word
      {"a\\\"b\"", 4},             // escaped quote skipped
      {"abcdefg\\\"hijk\"x", 13},  // escape across a word boundary
      {"\\\\\"", 2},               // escaped backslash, then the quote
      {"abc\\", 3},                // a final backslash escapes nothing
      {"abcdefgh\\", 8},
      {"line\nbreak\"", 10},  // line breaks are text
  };
  for (const auto& c : cases) {
    EXPECT_EQ(QuotedTextLength(c.text), c.length) << c.text;
  }
  // The quote, or an escape before it, at every position of the first words.
  for (size_t k = 0; k < 20; ++k) {
    EXPECT_EQ(QuotedTextLength(std::string(k, 'x') + "\"" + std::string(10, 'y')), k) << k;
    EXPECT_EQ(QuotedTextLength(std::string(k, 'x') + "\\\"\"" + std::string(10, 'y')), k + 2) << k;
  }
}

// Decoding copies runs between backslashes and line breaks whole; the
// characters around each break and escape must come out exactly.
TEST(StringLiteralTest, QuotedStringsDecodeEscapesAndLineBreaks) {
  const struct {
    std::string token;
    std::string value;
  } cases[] = {
      {"\"a\nb\"", "a\r\nb"},                                // bare LF stands for CRLF
      {"\"a\r\nb\"", "a\r\nb"},                              // CRLF kept
      {"\"\n\n\"", "\r\n\r\n"},                              // LF first, LF after LF
      {"\"ab\\\ncd\"", "ab\r\ncd"},                          // escaped LF is still a line break
      {"\"\\\\\"", "\\"},                                    // escaped backslash only
      {"\"x\\\"y\\\"\"", "x\"y\""},                          // escaped quotes at the end
      {"\"\\\"", "\\"},                                      // a lone backslash before the close
      {"\"", ""},                                            // shorter than two quotes
      {"\"0123456789abcdef\\\"x\"", "0123456789abcdef\"x"},  // escape after a word
      {"\"0123456789abcdef\nx\"", "0123456789abcdef\r\nx"},  // LF after a word
  };
  for (const auto& c : cases) {
    EXPECT_EQ(DecodeQuotedString(c.token), c.value) << c.token;
  }
}

TEST(StringLiteralTest, MultiLineStringsDotStuffAndRoundTrip) {
  const struct {
    std::string value;
    std::string newline;
    std::string token;
  } cases[] = {
      {"", "\n", "text:\n.\n"},
      {"one\r\n", "\n", "text:\none\n.\n"},
      {".dot\r\n..two\r\n", "\n", "text:\n..dot\n...two\n.\n"},
      {"a\r\nb\r\n", "\r\n", "text:\r\na\r\nb\r\n.\r\n"},
  };
  for (const auto& c : cases) {
    ASSERT_TRUE(CanEncodeMultiLine(c.value)) << c.value;
    const std::string token = EncodeMultiLineString(c.value, c.newline);
    EXPECT_EQ(token, c.token);
    EXPECT_EQ(DecodeMultiLineString(token), c.value);
  }
  EXPECT_FALSE(CanEncodeMultiLine("no line end"));
  EXPECT_FALSE(CanEncodeMultiLine("bare\n"));
}

TEST(StringLiteralTest, CommentTextStaysOnOneLineAndRoundTrips) {
  const struct {
    std::string value;
    std::string text;
  } cases[] = {
      {"Drop all messages from the spam.com domain", "Drop all messages from the spam.com domain"},
      {"two\r\nlines", "two\\r\\nlines"},
      {"back\\slash", "back\\\\slash"},
      {"tab\there", "tab\\x09here"},
      {std::string("nul\0!", 5), "nul\\x00!"},
      {"del\x7F", "del\\x7F"},
      {"brackets ] [ and \"quotes\" # hash", "brackets ] [ and \"quotes\" # hash"},
      {"\xE2\x9C\x93 caf\xC3\xA9", "\xE2\x9C\x93 caf\xC3\xA9"},
  };
  for (const auto& c : cases) {
    const std::string text = EncodeCommentText(c.value);
    EXPECT_EQ(text, c.text);
    EXPECT_EQ(text.find_first_of("\r\n"), std::string::npos);
    EXPECT_EQ(DecodeCommentText(text), c.value);
    // The encoded name is one hash comment, however odd the name.
    ParseResult r = Parse(std::make_shared<SourceFile>("t", "# " + text + "\nkeep;"));
    EXPECT_FALSE(r.diagnostics.has_errors());
    EXPECT_EQ(r.tree.commands.size(), 1u);
  }
  // Backslashes before anything else read as written (hand-written names).
  EXPECT_EQ(DecodeCommentText("a\\b \\x41 \\x7 end\\"), "a\\b \\x41 \\x7 end\\");
}

}  // namespace
}  // namespace sievekit::syntax
