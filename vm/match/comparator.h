// Comparators: the RFC 4790 collations Sieve uses (RFC 5228 §2.7.3) — their
// names, the operations each supports, folding to a canonical byte form, and
// ordering of folded strings.
//
// Folding is the whole trick of the match kernels: Fold maps a string to bytes
// on which equality, substring search and glob matching are plain byte
// operations that mean what the comparator means, so keys are folded once at
// compile time, values once per message, and nothing downstream looks at the
// comparator again. This file must not depend on ICU (unicode_casemap.cc owns
// it) and Fold must not allocate beyond growing the caller's buffer.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sievekit::match {

enum class ComparatorId : uint8_t {
  kOctet,           // "i;octet", RFC 4790 §9.3
  kAsciiCasemap,    // "i;ascii-casemap", RFC 4790 §9.2 (the Sieve default)
  kAsciiNumeric,    // "i;ascii-numeric", RFC 4790 §9.1
  kUnicodeCasemap,  // "i;unicode-casemap", RFC 5051
};
inline constexpr int kComparatorCount = 4;

// The collation operations of RFC 4790 §4.2.
enum class Operation : uint8_t { kEquality, kSubstring, kOrdering };

// What one "?" of :matches consumes (RFC 5228 §2.7.1: "the comparator that is
// used defines what a character is").
enum class CharacterUnit : uint8_t {
  kOctet,          // exactly one byte
  kUtf8Character,  // one UTF-8 encoded character; each invalid byte is one
};

// The comparator with this name, compared ASCII-case-insensitively (the
// collation-id of RFC 4790 §3.1 is ABNF, whose literals are case-insensitive);
// nullopt when unknown.
std::optional<ComparatorId> ComparatorFromName(std::string_view name);

// The registered name, e.g. "i;ascii-casemap".
std::string_view ComparatorName(ComparatorId id);

// Whether the comparator provides the operation. i;ascii-numeric has no
// substring operation (RFC 4790 §9.1.1), so :contains and :matches with it are
// errors (RFC 5228 §2.7.1).
bool Supports(ComparatorId id, Operation op);

// What "?" consumes with this comparator. i;octet and i;ascii-casemap: one
// octet, as RFC 5228 §2.7.1 says in so many words; i;unicode-casemap: one
// character.
CharacterUnit CharacterUnitOf(ComparatorId id);

// True when Fold maps each byte to exactly one byte, so positions in a folded
// value are positions in the original (captures can be taken directly).
bool FoldPreservesPositions(ComparatorId id);

// Replaces *out with the canonical form of `in` (reusing its capacity):
//   i;octet            identity;
//   i;ascii-casemap    a-z mapped to A-Z, every other byte unchanged — upper
//                      case because RFC 4790 §9.2.1 says so, and it matters
//                      for ordering ("_" sorts after "A" but before "a");
//   i;ascii-numeric    the number: leading digits without leading zeros ("0"
//                      for zero), or "" for a string that does not start with
//                      a digit (positive infinity);
//   i;unicode-casemap  RFC 5051 titlecase + decomposition; see
//                      unicode_casemap.h (invalid UTF-8 passes through byte
//                      by byte).
// Folding is idempotent: Fold(Fold(x)) == Fold(x).
void Fold(ComparatorId id, std::string_view in, std::string* out);

// Orders two folded strings by the comparator's ordering operation (RFC 4790
// §4.2.4). For i;ascii-numeric the arguments may also be unfolded.
std::strong_ordering Compare(ComparatorId id, std::string_view folded_a, std::string_view folded_b);

// i;ascii-casemap folding of one byte; exposed for the kernels' inner loops.
constexpr char AsciiUpper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - ('a' - 'A')) : c;
}

}  // namespace sievekit::match
