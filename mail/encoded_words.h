// RFC 2047 encoded words: decoding header text to UTF-8, and encoding UTF-8
// text for headers we compose (vacation replies, notifications).
//
// Decoding is deliberately lenient, as mail readers are: encoded words are
// recognised anywhere in the text (also inside quoted strings and glued to
// other text), adjacent encoded words separated only by whitespace are joined
// without it, and the bytes of adjacent words in the same charset are joined
// before conversion so a character split across words survives. A word that
// cannot be decoded (unknown charset, bad base64 or Q, bytes invalid in its
// charset) stays as its raw text. Text outside encoded words goes through
// AppendUtf8WithFallback. Nothing here knows header structure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/charset.h"

namespace sievekit::mail {

// One syntactically complete "=?charset?encoding?text?=".
struct EncodedWord {
  std::string_view charset;   // without the RFC 2231 language
  std::string_view language;  // "en" in "=?us-ascii*en?q?x?=", usually empty
  char encoding = 'B';        // 'B' or 'Q', uppercased
  std::string_view text;      // the encoded text
  size_t length = 0;          // bytes of the whole word
};

// Parses the encoded word starting at text[0], or nullopt.
std::optional<EncodedWord> ParseEncodedWord(std::string_view text);

// Appends the bytes of a word's text; false (out unspecified) when broken.
bool DecodeWordText(const EncodedWord& word, std::string* out);

// Decodes header text; reusable, allocation-free once warm, not thread-safe.
class WordDecoder {
 public:
  // Appends the UTF-8 form of text to out.
  void Decode(std::string_view text, CharsetConverter* converter, std::string* out);

  // False when Decode would copy text unchanged (no "=?", valid UTF-8).
  static bool NeedsDecoding(std::string_view text);

 private:
  struct PendingWord {
    std::string_view raw;      // the word as written
    std::string_view charset;  // without language
    std::string_view gap;      // whitespace before it, when it follows a word
    size_t begin = 0;          // its decoded bytes in run_bytes_
    size_t end = 0;
  };
  // Converts the pending run of same-charset words and appends it to out.
  void FlushRun(std::string* out);

  CharsetConverter* converter_ = nullptr;  // during Decode only
  bool previous_raw_ = false;              // the last word flushed stayed raw
  std::vector<PendingWord> run_;
  std::string run_bytes_;
  std::string word_bytes_;
};

enum class WordEncoding {
  kAuto,             // Q unless it is over a third longer than B
  kBase64,           // "B"
  kQuotedPrintable,  // "Q"
};

struct EncodeOptions {
  WordEncoding encoding = WordEncoding::kAuto;
  // Characters already on the first line (e.g. 9 for "Subject: ").
  size_t first_line_used = 0;
  // RFC 2047 §2: encoded lines are at most 76 characters.
  size_t max_line_length = 76;
};

// Appends utf8 in a form fit for an unstructured header value. Printable
// ASCII text (no "=?", no control characters) is appended unchanged;
// anything else becomes UTF-8 encoded words, folded with CRLF SP so that no
// line exceeds max_line_length, and never splitting a UTF-8 character.
void EncodeHeaderText(std::string_view utf8, const EncodeOptions& options, std::string* out);

}  // namespace sievekit::mail
