// UTF-8 helpers: validation (RFC 3629: no overlongs, no surrogates, nothing
// above U+10FFFF), character counting, decoding and encoding one code point,
// and cutting a string without splitting a character.
//
// Pure functions on bytes; no allocation except Encode. Case folding and
// charset conversion live elsewhere (they need ICU).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace sievekit::utf8 {

// Length of the leading run of ASCII bytes, checked eight at a time: scripts
// are mostly ASCII, and the parser validates every string and comment.
inline size_t AsciiPrefixLength(std::string_view text) {
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    if ((word & kHighBits) != 0) break;
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

// FindInvalid for text whose first `start` bytes are known to be valid
// (and to end at a character boundary).
std::optional<size_t> FindInvalidFrom(std::string_view text, size_t start);

// Byte offset of the first invalid sequence, or nullopt when all is valid.
// The all-ASCII case, by far the most common, is decided inline.
inline std::optional<size_t> FindInvalid(std::string_view text) {
  const size_t ascii = AsciiPrefixLength(text);
  if (ascii == text.size()) return std::nullopt;
  return FindInvalidFrom(text, ascii);
}
inline bool IsValid(std::string_view text) { return !FindInvalid(text).has_value(); }

// Number of characters; each byte of an invalid sequence counts as one.
size_t CountCharacters(std::string_view text);

// Length of the valid sequence starting at text[0], or 0 when it is invalid
// or text is empty.
size_t SequenceLength(std::string_view text);

// Decodes the character at text[0]; returns nullopt when invalid.
std::optional<char32_t> DecodeOne(std::string_view text, size_t* length);

// Appends the UTF-8 form of a scalar value; false (nothing appended) for
// surrogates and values above U+10FFFF.
bool Encode(char32_t code_point, std::string* out);

// The longest prefix of at most max_characters characters; never splits a
// valid sequence.
std::string_view TruncateCharacters(std::string_view text, size_t max_characters);

}  // namespace sievekit::utf8
