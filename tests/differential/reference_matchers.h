// The string matching of the reference evaluator: comparators (RFC 4790 §9),
// match types (RFC 5228 §2.7.1, RFC 5231 §4) and address parts (RFC 5228
// §2.7.4, RFC 5233 §4), written for clarity and nothing else.
//
// These functions are the second opinion that the differential test holds
// against the VM, so they must not use anything from vm/ (no KeyMatcher, no
// vm/match kernels): every rule is re-derived here from the RFC text in the
// most naive form that is still obviously right — folding per character,
// trying every start position, a dynamic programming table for globs. Never
// optimise them; slow and plain is the point. Test-only code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mail/address.h"

namespace sievekit::differential {

// The comparators the reference knows (RFC 4790 §9.1-9.3).
enum class Comparator { kOctet, kAsciiCasemap, kAsciiNumeric };
// "i;octet", "i;ascii-casemap", "i;ascii-numeric" (case-insensitive);
// nullopt for any other name.
std::optional<Comparator> ComparatorNamed(std::string_view name);

// The result of a comparator's ordering operation.
enum class Order { kLess, kEqual, kGreater };

// The ordering operation of `comparator` on a (left) and b (right).
//   i;octet: byte by byte, unsigned, a shorter prefix first (§9.3.1).
//   i;ascii-casemap: i;octet after mapping a-z to A-Z (§9.2.1).
//   i;ascii-numeric: the numbers of the leading digits, any size; a string
//     not starting with a digit is positive infinity, equal to any other
//     infinity (§9.1.1).
Order Compare(Comparator comparator, std::string_view a, std::string_view b);

// The equality operation: Compare(...) == kEqual.
bool Equal(Comparator comparator, std::string_view a, std::string_view b);

// The substring operation (RFC 5228 :contains): whether `key` occurs in
// `value`; the empty key occurs in every value. Not defined for
// i;ascii-numeric (callers never ask).
bool ContainsSubstring(Comparator comparator, std::string_view value, std::string_view key);

// RFC 5228 :matches: whether the whole of `value` matches `pattern`, where
// "*" is any run of characters, "?" exactly one character (one octet for the
// comparators here, §2.7.1) and "\" makes the character after it literal
// (a trailing "\" stands for itself). Characters compare with the comparator.
bool MatchesGlob(Comparator comparator, std::string_view value, std::string_view pattern);

// RFC 5231 relation `op` ("gt", "ge", "lt", "le", "eq", "ne", lower case)
// between value (left side) and key (right side) under the comparator.
bool Relation(Comparator comparator, std::string_view op, std::string_view value,
              std::string_view key);

enum class MatchType { kIs, kContains, kMatches, kValue, kCount };
// "is", "contains", "matches", "value", "count" (no colon); nullopt otherwise.
std::optional<MatchType> MatchTypeNamed(std::string_view name);

// What a test compares with: comparator, match type and, for :value and
// :count, the relational operator.
struct KeyTest {
  Comparator comparator = Comparator::kAsciiCasemap;
  MatchType match_type = MatchType::kIs;
  std::string relational_op;  // lower case; only for kValue and kCount
};

// Whether one value from the message matches one key, for every match type
// but :count.
bool MatchValue(const KeyTest& test, std::string_view value, std::string_view key);

// :count (RFC 5231 §4.2): whether the number of entities, written in
// decimal, stands in the test's relation to the key under its comparator.
bool MatchCount(const KeyTest& test, uint64_t count, std::string_view key);

enum class AddressPart { kAll, kLocalPart, kDomain, kUser, kDetail };
// "all", "localpart", "domain", "user", "detail" (no colon); nullopt otherwise.
std::optional<AddressPart> AddressPartNamed(std::string_view name);

// The part of `address` that keys are matched against, or nullopt when the
// address can match no key at all:
//   :all        the whole address (Address::all), always;
//   :localpart  the local part, :domain the domain — only for a
//               syntactically valid address (RFC 5228 §2.7.4);
//   :user       the local part before the first `separator`, or the whole
//               local part when it has none (RFC 5233 §4);
//   :detail     what follows the first `separator`; no value at all when the
//               local part has no separator, "" when nothing follows it.
// :user and :detail follow the validity rule of :localpart (RFC 5233 §4).
std::optional<std::string> ExtractAddressPart(AddressPart part, const mail::Address& address,
                                              std::string_view separator);

}  // namespace sievekit::differential
