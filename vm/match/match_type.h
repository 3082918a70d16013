// Match types (RFC 5228 §2.7.1, RFC 5231 §4) and which comparators they work
// with.
//
// Only names and compatibility rules live here, so the validator can reject
// ":contains" with "i;ascii-numeric" without pulling in the kernels. Nothing
// here matches anything.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "vm/match/comparator.h"

namespace sievekit::match {

enum class MatchType : uint8_t {
  kIs,        // equality (RFC 5228 §2.7.1; the default)
  kContains,  // substring
  kMatches,   // glob with "*" and "?"
  kValue,     // relational comparison of values (RFC 5231 §4.1)
  kCount,     // relational comparison of a count (RFC 5231 §4.2)
};

// The tag without its colon is compared ASCII-case-insensitively: "is",
// "contains", "matches", "value", "count"; a leading ':' is accepted too.
std::optional<MatchType> MatchTypeFromName(std::string_view name);

// ":is", ":contains", ... for dumps and messages.
std::string_view MatchTypeName(MatchType type);

// The comparator operation a match type needs: equality for :is, substring
// for :contains and :matches (RFC 5228 §2.7.1), ordering for :value and
// :count (RFC 5231 §4.1, "any comparator that returns sort information").
Operation RequiredOperation(MatchType type);

// Whether the comparator can be used with the match type; false means the
// script is in error (RFC 5228 §2.7.1, §2.7.3).
bool IsCompatible(ComparatorId comparator, MatchType type);

// Whether the match type takes a relational operator ("gt", ...).
constexpr bool TakesRelation(MatchType type) {
  return type == MatchType::kValue || type == MatchType::kCount;
}

}  // namespace sievekit::match
