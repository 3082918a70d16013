// Prepared key lists and the match entry point.
#include "vm/match/match_operand.h"

#include <algorithm>
#include <string>
#include <utility>

namespace sievekit::match {

Result<MatchOperand> MatchOperand::Prepare(MatchSpec spec, std::span<const std::string> keys) {
  if (!IsCompatible(spec.comparator, spec.type)) {
    return Error{"comparator \"" + std::string(ComparatorName(spec.comparator)) +
                 "\" cannot be used with " + std::string(MatchTypeName(spec.type))};
  }
  MatchOperand operand;
  operand.spec_ = spec;
  operand.keys_.assign(keys.begin(), keys.end());

  // Byte-for-byte folds keep a key's pairs in every value that matches it.
  operand.uses_sketch_ = FoldPreservesPositions(spec.comparator) &&
                         (spec.type == MatchType::kContains || spec.type == MatchType::kMatches);

  if (spec.type == MatchType::kMatches) {
    operand.patterns_.reserve(keys.size());
    for (const std::string& key : keys) operand.patterns_.emplace_back(key, spec.comparator);
    if (operand.uses_sketch_) {
      size_t shortest = SIZE_MAX;
      for (const GlobPattern& pattern : operand.patterns_) {
        operand.key_pairs_.push_back(pattern.RequiredPairs());
        shortest = std::min(shortest, pattern.min_bytes());
      }
      operand.LimitSizes(shortest);
    }
    return operand;
  }

  operand.folded_keys_.resize(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) Fold(spec.comparator, keys[i], &operand.folded_keys_[i]);
  const std::vector<std::string>& folded = operand.folded_keys_;

  switch (spec.type) {
    case MatchType::kIs:
    case MatchType::kValue:
    case MatchType::kCount:
      // Distinct keys are counted for "ne"; the set itself serves lookups
      // only when a loop would be slower.
      operand.key_set_.Reset(folded.size());
      for (const std::string& key : folded) operand.key_set_.Insert(key);
      operand.use_key_set_ = folded.size() >= kManyKeys;
      if (spec.type == MatchType::kIs && FoldPreservesPositions(spec.comparator)) {
        // A value can only equal a key of its own length.
        operand.short_sizes_ = 0;
        operand.long_sizes_ = false;
        for (const std::string& key : folded) {
          if (key.size() < 64) {
            operand.short_sizes_ |= uint64_t{1} << key.size();
          } else {
            operand.long_sizes_ = true;
          }
        }
      }
      operand.distinct_keys_ = operand.key_set_.size();
      for (size_t i = 1; i < folded.size(); ++i) {
        if (Compare(spec.comparator, folded[i], folded[operand.min_key_]) < 0) {
          operand.min_key_ = i;
        }
        if (Compare(spec.comparator, folded[i], folded[operand.max_key_]) > 0) {
          operand.max_key_ = i;
        }
      }
      break;
    case MatchType::kContains:
      for (const std::string& key : folded) operand.has_empty_key_ |= key.empty();
      if (operand.uses_sketch_) {
        size_t shortest = SIZE_MAX;
        for (const std::string& key : folded) {
          operand.key_pairs_.emplace_back().AddPairs(key);
          shortest = std::min(shortest, key.size());
        }
        operand.LimitSizes(shortest);
      }
      if (folded.size() >= kManyKeys) {
        operand.multi_searcher_.emplace(folded);
      } else {
        operand.searchers_.reserve(folded.size());
        for (const std::string& key : folded) operand.searchers_.emplace_back(key);
      }
      break;
    case MatchType::kMatches:
      break;  // handled above
  }
  return operand;
}

void MatchOperand::LimitSizes(size_t shortest) {
  if (shortest == SIZE_MAX) {  // no keys: nothing matches
    short_sizes_ = 0;
    long_sizes_ = false;
  } else if (shortest < 64) {
    short_sizes_ = ~uint64_t{0} << shortest;
  } else {
    short_sizes_ = 0;
  }
}

bool MatchOperand::IsKey(std::string_view folded_value) const {
  if (use_key_set_) return key_set_.Contains(folded_value);
  for (const std::string& key : folded_keys_) {
    if (key == folded_value) return true;
  }
  return false;
}

bool MatchOperand::MatchRelation(std::string_view folded_value) const {
  if (folded_keys_.empty()) return false;
  // "Any pair is true" (RFC 5231 §4.1) collapses to one comparison with the
  // extreme key: v > some key iff v > the smallest, and so on.
  const ComparatorId comparator = spec_.comparator;
  switch (spec_.relation) {
    case RelationalOp::kGt:
      return Compare(comparator, folded_value, folded_keys_[min_key_]) > 0;
    case RelationalOp::kGe:
      return Compare(comparator, folded_value, folded_keys_[min_key_]) >= 0;
    case RelationalOp::kLt:
      return Compare(comparator, folded_value, folded_keys_[max_key_]) < 0;
    case RelationalOp::kLe:
      return Compare(comparator, folded_value, folded_keys_[max_key_]) <= 0;
    case RelationalOp::kEq:
      // Folded forms are canonical, so comparator equality is byte equality.
      return IsKey(folded_value);
    case RelationalOp::kNe:
      return distinct_keys_ > 1 || !IsKey(folded_value);
  }
  return false;
}

bool MatchOperand::Match(std::string_view folded_value, std::string_view original_value,
                         std::vector<std::string_view>* captures,
                         const BigramSketch* sketch) const {
  if (!uses_sketch_) sketch = nullptr;
  switch (spec_.type) {
    case MatchType::kIs:
      return IsKey(folded_value);
    case MatchType::kContains:
      if (has_empty_key_) return true;  // "" is contained in all values (RFC 5228 §2.7.1)
      if (multi_searcher_) {
        if (sketch != nullptr && std::none_of(key_pairs_.begin(), key_pairs_.end(),
                                              [&](const BigramSketch& pairs) {
                                                return sketch->Covers(pairs);
                                              })) {
          return false;
        }
        return multi_searcher_->ContainsAny(folded_value);
      }
      for (size_t i = 0; i < searchers_.size(); ++i) {
        if (sketch != nullptr && !sketch->Covers(key_pairs_[i])) continue;
        if (searchers_[i].FoundIn(folded_value)) return true;
      }
      return false;
    case MatchType::kMatches:
      for (size_t i = 0; i < patterns_.size(); ++i) {
        if (sketch != nullptr && !sketch->Covers(key_pairs_[i])) continue;
        if (patterns_[i].Match(folded_value, original_value, captures)) return true;
      }
      if (captures != nullptr) captures->clear();
      return false;
    case MatchType::kValue:
    case MatchType::kCount:
      return MatchRelation(folded_value);
  }
  return false;
}

bool MatchOperand::MatchCount(uint64_t count) const {
  CountDigits digits;
  const std::string_view decimal = CountToDecimal(count, &digits);
  return MatchRelation(decimal);
}

}  // namespace sievekit::match
