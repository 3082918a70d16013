// RFC 2047 decoding (lenient, joining adjacent words and their bytes) and
// encoding (UTF-8, B or Q, folded at 76 characters).
#include "mail/encoded_words.h"

#include "common/utf8.h"
#include "mail/ascii.h"
#include "mail/transfer_decoding.h"

namespace sievekit::mail {
namespace {

constexpr bool IsAllSpace(std::string_view text) {
  for (char c : text) {
    if (!ascii::IsSpace(c)) return false;
  }
  return true;
}

// RFC 2047 token and encoded-text bytes: printable ASCII without space and
// without "?", which delimits the parts of a word.
constexpr bool IsWordByte(char c) { return c > 0x20 && c < 0x7F && c != '?'; }

// Characters that Q may carry literally in any header context (RFC 2047 §5
// rule 3, the most restrictive one).
constexpr bool IsQSafe(unsigned char c) {
  return ascii::IsAlpha(static_cast<char>(c)) || ascii::IsDigit(static_cast<char>(c)) || c == '!' ||
         c == '*' || c == '+' || c == '-' || c == '/';
}

size_t QLength(unsigned char c) { return IsQSafe(c) || c == ' ' ? 1 : 3; }

constexpr size_t Base64Length(size_t bytes) { return (bytes + 2) / 3 * 4; }

// Printable ASCII (HTAB allowed) that cannot be mistaken for an encoded word.
bool CanStayLiteral(std::string_view text) {
  for (char c : text) {
    if ((c < 0x20 && c != '\t') || c >= 0x7F) return false;
  }
  return text.find("=?") == std::string_view::npos;
}

void AppendWord(std::string_view bytes, bool base64, std::string* out) {
  out->append(base64 ? "=?UTF-8?B?" : "=?UTF-8?Q?");
  if (base64) {
    EncodeBase64(bytes, out);
  } else {
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (char c : bytes) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte == ' ') {
        out->push_back('_');
      } else if (IsQSafe(byte)) {
        out->push_back(c);
      } else {
        out->push_back('=');
        out->push_back(kHex[byte >> 4]);
        out->push_back(kHex[byte & 15]);
      }
    }
  }
  out->append("?=");
}

}  // namespace

std::optional<EncodedWord> ParseEncodedWord(std::string_view text) {
  if (text.size() < 8 || text[0] != '=' || text[1] != '?') return std::nullopt;
  size_t i = 2;
  while (i < text.size() && IsWordByte(text[i])) ++i;
  if (i == 2 || i + 3 > text.size() || text[i] != '?' || text[i + 2] != '?') {
    return std::nullopt;
  }
  EncodedWord word;
  word.charset = text.substr(2, i - 2);
  const char encoding = ascii::ToLower(text[i + 1]);
  if (encoding != 'b' && encoding != 'q') return std::nullopt;
  word.encoding = encoding == 'b' ? 'B' : 'Q';
  const size_t text_begin = i + 3;
  size_t j = text_begin;
  while (j < text.size() && IsWordByte(text[j])) ++j;
  if (j + 1 >= text.size() || text[j] != '?' || text[j + 1] != '=') return std::nullopt;
  word.text = text.substr(text_begin, j - text_begin);
  word.length = j + 2;
  const size_t star = word.charset.find('*');
  if (star != std::string_view::npos) {
    word.language = word.charset.substr(star + 1);
    word.charset = word.charset.substr(0, star);
    if (word.charset.empty()) return std::nullopt;
  }
  return word;
}

bool DecodeWordText(const EncodedWord& word, std::string* out) {
  if (word.encoding == 'B') {
    // Strict, unlike bodies: a damaged word is shown raw rather than guessed.
    const std::string_view text = word.text;
    size_t data_end = text.size();
    while (data_end > 0 && text[data_end - 1] == '=') --data_end;
    if (text.size() - data_end > 2 || data_end % 4 == 1) return false;
    if (text.substr(0, data_end).find('=') != std::string_view::npos) return false;
    return DecodeBase64(text, out) == 0;
  }
  const std::string_view text = word.text;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '_') {
      out->push_back(' ');
    } else if (c == '=') {
      const int high = i + 1 < text.size() ? ascii::HexValue(text[i + 1]) : -1;
      const int low = i + 2 < text.size() ? ascii::HexValue(text[i + 2]) : -1;
      if (high < 0 || low < 0) return false;
      out->push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      out->push_back(c);
    }
  }
  return true;
}

bool WordDecoder::NeedsDecoding(std::string_view text) {
  if (text.find("=?") != std::string_view::npos) return true;
  return !ascii::IsAllAscii(text) && !utf8::IsValid(text);
}

void WordDecoder::Decode(std::string_view text, CharsetConverter* converter, std::string* out) {
  converter_ = converter;
  run_.clear();
  run_bytes_.clear();
  previous_raw_ = false;
  size_t literal_begin = 0;  // text not yet appended, up to the next word
  size_t search = 0;
  for (;;) {
    const size_t start = text.find("=?", search);
    if (start == std::string_view::npos) break;
    const std::optional<EncodedWord> word = ParseEncodedWord(text.substr(start));
    if (!word) {
      search = start + 1;
      continue;
    }
    word_bytes_.clear();
    if (!DecodeWordText(*word, &word_bytes_)) {
      search = start + word->length;  // stays in the literal text, raw
      continue;
    }
    const std::string_view between = text.substr(literal_begin, start - literal_begin);
    std::string_view gap;
    if (!run_.empty() && IsAllSpace(between)) {
      // RFC 2047 §6.2: whitespace between adjacent encoded words is dropped
      // (kept only next to a word that stays raw).
      gap = between;
      if (!ascii::EqualsIgnoreCase(run_.back().charset, word->charset)) FlushRun(out);
    } else {
      FlushRun(out);
      AppendUtf8WithFallback(between, out);
      previous_raw_ = false;
    }
    run_.push_back({text.substr(start, word->length), word->charset, gap, run_bytes_.size(),
                    run_bytes_.size() + word_bytes_.size()});
    run_bytes_.append(word_bytes_);
    literal_begin = search = start + word->length;
  }
  FlushRun(out);
  AppendUtf8WithFallback(text.substr(literal_begin), out);
  converter_ = nullptr;
}

void WordDecoder::FlushRun(std::string* out) {
  if (run_.empty()) return;
  const size_t mark = out->size();
  const ConversionResult joined = converter_->ToUtf8(run_.front().charset, run_bytes_, out);
  if (joined.known_charset && joined.invalid_sequences == 0) {
    if (previous_raw_) out->insert(mark, run_.front().gap);
    previous_raw_ = false;
  } else {
    // Some word is bad: convert word by word, so only the bad ones stay raw,
    // and keep the original whitespace next to a raw word.
    out->resize(mark);
    for (const PendingWord& word : run_) {
      const size_t word_mark = out->size();
      const ConversionResult result = converter_->ToUtf8(
          word.charset, std::string_view(run_bytes_).substr(word.begin, word.end - word.begin),
          out);
      const bool raw = !result.known_charset || result.invalid_sequences != 0;
      if (raw) out->resize(word_mark);
      if (raw || previous_raw_) out->insert(word_mark, word.gap);
      if (raw) out->append(word.raw);
      previous_raw_ = raw;
    }
  }
  run_.clear();
  run_bytes_.clear();
}

void EncodeHeaderText(std::string_view utf8, const EncodeOptions& options, std::string* out) {
  if (CanStayLiteral(utf8)) {
    out->append(utf8);
    return;
  }
  size_t q_length = 0;
  for (char c : utf8) q_length += QLength(static_cast<unsigned char>(c));
  // Auto: Q keeps the ASCII letters readable, so it wins unless it is more
  // than a third longer than B (mostly non-Latin text).
  const bool base64 =
      options.encoding == WordEncoding::kBase64 ||
      (options.encoding == WordEncoding::kAuto && 3 * q_length > 4 * Base64Length(utf8.size()));
  constexpr size_t kOverhead = 12;  // "=?UTF-8?B?" and "?="
  constexpr size_t kMaxWord = 75;   // RFC 2047 §2
  const auto room_after = [&](size_t used) {
    const size_t line_room = options.max_line_length > used ? options.max_line_length - used : 0;
    return line_room < kMaxWord ? line_room : kMaxWord;
  };
  size_t room = room_after(options.first_line_used);
  if (room < kOverhead + 12 && options.first_line_used > 1) {
    out->append("\r\n ");  // the first line is too full for even one character
    room = room_after(1);
  }
  size_t word_begin = 0;
  size_t word_q_length = 0;
  size_t i = 0;
  while (i < utf8.size()) {
    size_t length = utf8::SequenceLength(utf8.substr(i));
    if (length == 0) length = 1;  // an invalid byte travels alone
    size_t char_q_length = 0;
    for (size_t k = i; k < i + length; ++k) {
      char_q_length += QLength(static_cast<unsigned char>(utf8[k]));
    }
    const size_t grown =
        base64 ? Base64Length(i + length - word_begin) : word_q_length + char_q_length;
    if (i > word_begin && kOverhead + grown > room) {
      AppendWord(utf8.substr(word_begin, i - word_begin), base64, out);
      out->append("\r\n ");
      room = room_after(1);
      word_begin = i;
      word_q_length = 0;
    }
    word_q_length += char_q_length;
    i += length;
  }
  AppendWord(utf8.substr(word_begin), base64, out);
}

}  // namespace sievekit::mail
