// Relational operator names and count formatting (RFC 5231 §4).
#include "vm/match/relational.h"

#include <charconv>

#include "vm/match/comparator.h"

namespace sievekit::match {
namespace {

constexpr std::array<std::string_view, 6> kNames = {"gt", "ge", "lt", "le", "eq", "ne"};

}  // namespace

std::optional<RelationalOp> RelationalOpFromName(std::string_view name) {
  if (name.size() != 2) return std::nullopt;
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (AsciiUpper(name[0]) == AsciiUpper(kNames[i][0]) &&
        AsciiUpper(name[1]) == AsciiUpper(kNames[i][1])) {
      return static_cast<RelationalOp>(i);
    }
  }
  return std::nullopt;
}

std::string_view RelationalOpName(RelationalOp op) { return kNames[static_cast<size_t>(op)]; }

std::string_view CountToDecimal(uint64_t count, CountDigits* digits) {
  const auto result = std::to_chars(digits->data(), digits->data() + digits->size(), count);
  return std::string_view(digits->data(), static_cast<size_t>(result.ptr - digits->data()));
}

}  // namespace sievekit::match
