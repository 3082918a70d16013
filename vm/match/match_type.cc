// Match type names and comparator compatibility.
#include "vm/match/match_type.h"

#include <array>

namespace sievekit::match {
namespace {

constexpr std::array<std::string_view, 5> kNames = {":is", ":contains", ":matches", ":value",
                                                    ":count"};

}  // namespace

std::optional<MatchType> MatchTypeFromName(std::string_view name) {
  if (!name.empty() && name.front() == ':') name.remove_prefix(1);
  for (size_t i = 0; i < kNames.size(); ++i) {
    const std::string_view candidate = kNames[i].substr(1);
    if (candidate.size() != name.size()) continue;
    bool equal = true;
    for (size_t j = 0; j < name.size() && equal; ++j) {
      equal = AsciiUpper(name[j]) == AsciiUpper(candidate[j]);
    }
    if (equal) return static_cast<MatchType>(i);
  }
  return std::nullopt;
}

std::string_view MatchTypeName(MatchType type) { return kNames[static_cast<size_t>(type)]; }

Operation RequiredOperation(MatchType type) {
  switch (type) {
    case MatchType::kIs:
      return Operation::kEquality;
    case MatchType::kContains:
    case MatchType::kMatches:
      return Operation::kSubstring;
    case MatchType::kValue:
    case MatchType::kCount:
      return Operation::kOrdering;
  }
  return Operation::kEquality;
}

bool IsCompatible(ComparatorId comparator, MatchType type) {
  return Supports(comparator, RequiredOperation(type));
}

}  // namespace sievekit::match
