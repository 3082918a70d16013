// UTF-8 helpers: validation (RFC 3629: no overlongs, no surrogates, nothing
// above U+10FFFF), character counting, decoding and encoding one code point,
// and cutting a string without splitting a character.
//
// Pure functions on bytes; no allocation except Encode. Case folding and
// charset conversion live elsewhere (they need ICU).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sievekit::utf8 {

// Byte offset of the first invalid sequence, or nullopt when all is valid.
std::optional<size_t> FindInvalid(std::string_view text);
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
