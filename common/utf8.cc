// UTF-8 validation, counting, decoding and encoding (RFC 3629).
#include "common/utf8.h"

namespace sievekit::utf8 {
namespace {

inline bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

size_t SequenceLength(std::string_view text) {
  if (text.empty()) return 0;
  const auto b0 = static_cast<unsigned char>(text[0]);
  if (b0 < 0x80) return 1;
  size_t length;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) lo = 0xA0;  // no overlongs
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) lo = 0x90;  // no overlongs
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  const auto b1 = static_cast<unsigned char>(text[1]);
  if (b1 < lo || b1 > hi) return 0;
  for (size_t i = 2; i < length; ++i) {
    if (!IsContinuation(static_cast<unsigned char>(text[i]))) return 0;
  }
  return length;
}

std::optional<size_t> FindInvalidFrom(std::string_view text, size_t start) {
  size_t i = start;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t length = SequenceLength(text.substr(i));
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

size_t CountCharacters(std::string_view text) {
  // Each ASCII byte is one character.
  size_t i = AsciiPrefixLength(text);
  size_t count = i;
  while (i < text.size()) {
    const size_t length = SequenceLength(text.substr(i));
    i += length == 0 ? 1 : length;
    ++count;
  }
  return count;
}

std::optional<char32_t> DecodeOne(std::string_view text, size_t* length) {
  const size_t n = SequenceLength(text);
  if (length != nullptr) *length = n;
  if (n == 0) return std::nullopt;
  const auto b0 = static_cast<unsigned char>(text[0]);
  if (n == 1) return b0;
  char32_t value = b0 & (0x7F >> n);
  for (size_t i = 1; i < n; ++i) {
    value = (value << 6) | (static_cast<unsigned char>(text[i]) & 0x3F);
  }
  return value;
}

bool Encode(char32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return true;
}

std::string_view TruncateCharacters(std::string_view text, size_t max_characters) {
  size_t i = 0;
  size_t count = 0;
  while (i < text.size() && count < max_characters) {
    const size_t length = SequenceLength(text.substr(i));
    i += length == 0 ? 1 : length;
    ++count;
  }
  return text.substr(0, i);
}

}  // namespace sievekit::utf8
