// i;unicode-casemap folding (RFC 5051 §2): the "titlecased canonicalized
// UTF-8" form of a string, whole or one character at a time.
//
// Each code point is mapped by its simple titlecase mapping (UnicodeData.txt)
// and then fully decomposed (NFKD, compatibility and canonical); each code
// point the decomposition yields is folded again until nothing changes, so
// the fold is idempotent and a ligature or a digraph folds like the letters it
// stands for ("ﬁ" and "fi" both give "FI"; "ǆ", "ǅ", "Ǆ" and "dž" all give
// "DZ" + U+030C). The mapping is per code point, as RFC 5051 §2 defines it,
// with no reordering of combining marks across characters; that makes the
// fold of a string the concatenation of the folds of its characters, which is
// what lets :matches work character by character and still agree with :is and
// :contains on folded bytes. Simple (not full) mappings mean "ß" stays "ß"
// (it is not "SS"), and "İ" folds to "I" + U+0307 while "ı" folds to "I".
//
// Invalid UTF-8: RFC 5051 §2 treats text that cannot be read as Unicode as
// binary. We apply that per byte: each byte that does not start a valid
// sequence (utf8::SequenceLength) is one character and folds to itself, so
// one stray Latin-1 byte in a header does not stop the rest from matching
// case-insensitively. Folded valid text always starts with a lead byte, so a
// passed-through byte can never join with folded bytes into a new character.
//
// ICU is private to the .cc file. Folds of the Basic Multilingual Plane come
// from a table built once per process on first use (thread-safe); other
// planes call ICU per character. No allocation beyond the caller's buffers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sievekit::match {

// The most bytes one character can fold to. unicode_casemap_test checks every
// code point against it; a fold that would not fit (no known one) is replaced
// by the character itself, so the behaviour stays defined.
inline constexpr size_t kMaxFoldedCharacterBytes = 64;

// Room for the fold of a character that is not in the BMP table.
struct UnicodeFoldBuffer {
  char bytes[kMaxFoldedCharacterBytes];
};

// Replaces *out with the fold of `in` (reusing its capacity).
void FoldUnicodeCasemap(std::string_view in, std::string* out);

// The fold of the character at the start of non-empty `text`; *consumed
// receives its length in bytes (1 for an invalid byte). The view points into
// a static table, into `text`, or into *buffer, and stays valid while those do.
std::string_view FoldUnicodeCharacter(std::string_view text, size_t* consumed,
                                      UnicodeFoldBuffer* buffer);

// The fold of one code point, computed through ICU without the table (tests
// compare the two; also how the table is built). False for surrogates and
// values above U+10FFFF.
bool FoldCodePointUncached(char32_t code_point, std::string* out);

}  // namespace sievekit::match
