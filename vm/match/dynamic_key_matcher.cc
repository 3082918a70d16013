// Runtime keys: fold, prepare into reused buffers, match.
#include "vm/match/dynamic_key_matcher.h"

namespace sievekit::match {

bool DynamicKeyMatcher::Relate(const MatchSpec& spec, std::string_view key,
                               std::string_view folded_value) {
  Fold(spec.comparator, key, &folded_key_);
  return Holds(spec.relation, Compare(spec.comparator, folded_value, folded_key_));
}

bool DynamicKeyMatcher::Match(const MatchSpec& spec, std::string_view key,
                              std::string_view folded_value, std::string_view original_value,
                              std::vector<std::string_view>* captures) {
  if (!IsCompatible(spec.comparator, spec.type)) {
    if (spec.type == MatchType::kMatches && captures != nullptr) captures->clear();
    return false;
  }
  switch (spec.type) {
    case MatchType::kIs:
      Fold(spec.comparator, key, &folded_key_);
      return folded_value == folded_key_;
    case MatchType::kContains:
      Fold(spec.comparator, key, &folded_key_);
      searcher_.Assign(folded_key_);
      return searcher_.FoundIn(folded_value);
    case MatchType::kMatches:
      pattern_.Assign(key, spec.comparator);
      return pattern_.Match(folded_value, original_value, captures);
    case MatchType::kValue:
    case MatchType::kCount:
      return Relate(spec, key, folded_value);
  }
  return false;
}

bool DynamicKeyMatcher::MatchCount(const MatchSpec& spec, std::string_view key, uint64_t count) {
  CountDigits digits;
  return Relate(spec, key, CountToDecimal(count, &digits));
}

}  // namespace sievekit::match
