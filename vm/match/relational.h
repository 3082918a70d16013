// Relational operators of RFC 5231 §4 ("gt", "ge", "lt", "le", "eq", "ne")
// and the decimal form of a :count.
//
// Pure functions over a comparator's ordering result; the kernels that find
// the ordering live in match_operand.h.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>

namespace sievekit::match {

enum class RelationalOp : uint8_t { kGt, kGe, kLt, kLe, kEq, kNe };

// The operator with this name, compared ASCII-case-insensitively (RFC 5231 §4
// gives them as ABNF quoted strings, which are case-insensitive); nullopt
// when unknown.
std::optional<RelationalOp> RelationalOpFromName(std::string_view name);

// "gt", "ge", ...
std::string_view RelationalOpName(RelationalOp op);

// Whether `left op right` holds, given order = left <=> right. The value from
// the message is the left side, the key the right (RFC 5231 §4.1).
constexpr bool Holds(RelationalOp op, std::strong_ordering order) {
  switch (op) {
    case RelationalOp::kGt:
      return order > 0;
    case RelationalOp::kGe:
      return order >= 0;
    case RelationalOp::kLt:
      return order < 0;
    case RelationalOp::kLe:
      return order <= 0;
    case RelationalOp::kEq:
      return order == 0;
    case RelationalOp::kNe:
      return order != 0;
  }
  return false;
}

// Room for any uint64_t in decimal.
using CountDigits = std::array<char, 20>;

// The count as a decimal string (no leading zeros) in *digits. :count
// compares this string with each key through the comparator, as :value would
// (RFC 5231 §4.2 with §4.1), so with i;ascii-casemap "10" sorts before "9".
std::string_view CountToDecimal(uint64_t count, CountDigits* digits);

}  // namespace sievekit::match
