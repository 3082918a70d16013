// MatchOperand: a key list prepared once, at compile time, for one
// comparator and match type — the record a VM test instruction points at.
//
// Preparation folds the keys and builds what the match type needs: a KeySet
// for :is with many keys, a substring searcher per key (or one Aho–Corasick
// automaton for many keys) for :contains, a compiled GlobPattern per key for
// :matches, and the smallest and largest key for :value and :count (so a
// relational test costs one comparison however many keys there are). Match
// then runs on bytes of a value the caller has folded once per message.
//
// Immutable after Prepare: one operand is shared by every thread evaluating
// the program. Keys that contain variables are not known until run time;
// DynamicKeyMatcher (dynamic_key_matcher.h) matches those.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "vm/match/bigram_sketch.h"
#include "vm/match/comparator.h"
#include "vm/match/glob_pattern.h"
#include "vm/match/key_set.h"
#include "vm/match/match_type.h"
#include "vm/match/multi_substring_searcher.h"
#include "vm/match/relational.h"
#include "vm/match/substring_searcher.h"

namespace sievekit::match {

// Comparator, match type and (for :value and :count) relational operator.
struct MatchSpec {
  ComparatorId comparator = ComparatorId::kAsciiCasemap;  // RFC 5228 §2.7.3 default
  MatchType type = MatchType::kIs;                        // RFC 5228 §2.7.1 default
  RelationalOp relation = RelationalOp::kEq;              // ignored unless TakesRelation

  friend bool operator==(const MatchSpec&, const MatchSpec&) = default;
};

class MatchOperand {
 public:
  // From this many keys on, :is uses a hash set and :contains one automaton;
  // below it a plain loop over a few keys is faster.
  static constexpr size_t kManyKeys = 4;

  // Prepares `keys`. An Error when the comparator cannot serve the match type
  // (the validator reports that to the user first; reaching here with it
  // means a corrupt program).
  static Result<MatchOperand> Prepare(MatchSpec spec, std::span<const std::string> keys);

  // Whether the value matches any key (RFC 5228 §2.7.1; RFC 5231 §4.1: true
  // if any pair is true). `folded_value` must be Fold(spec().comparator,
  // original_value); the original is read only for :matches captures and by
  // i;unicode-casemap :matches. Captures (may be null) are written only by
  // :matches (RFC 5229 §3.2): on a match, those of the first key that matched,
  // in key order; on no match, cleared. Other match types leave it untouched.
  // For :count, pass the count as a decimal string (or use MatchCount).
  //
  // `sketch`, when given, must hold the pairs of folded_value
  // (BigramSketch::AddPairs): :contains and :matches then skip the keys whose
  // pairs it lacks. Results are the same with or without it.
  bool Match(std::string_view folded_value, std::string_view original_value,
             std::vector<std::string_view>* captures,
             const BigramSketch* sketch = nullptr) const;

  // Whether Match can use a sketch of the value (it prefilters :contains and
  // :matches keys under i;octet and i;ascii-casemap).
  bool uses_sketch() const { return uses_sketch_; }
  // For :is: whether the folded value equals a key (what Match returns for
  // :is, without the dispatch on the match type).
  bool IsFoldedKey(std::string_view folded_value) const { return IsKey(folded_value); }

  // Whether a value with these pairs can match no key (uses_sketch() must
  // be true): Match would then return false without searching. A caller
  // that holds the sketch already skips the call.
  bool SketchRejects(const BigramSketch& value_pairs) const {
    for (const BigramSketch& key : key_pairs_) {
      if (value_pairs.Covers(key)) return false;
    }
    return true;
  }

  // False when no value of `size` bytes can match, judged from the key
  // lengths alone (under comparators that fold byte for byte: exact sizes
  // for :is, the shortest key or pattern for :contains and :matches), so a
  // caller may skip folding the value. True when the keys cannot tell.
  bool MayMatchSize(size_t size) const {
    return size < 64 ? ((short_sizes_ >> size) & 1) != 0 : long_sizes_;
  }

  // For :count: compares the decimal count (left) with the keys (right) by
  // spec().relation (RFC 5231 §4.2). Decimal digits are their own fold under
  // every comparator, so no folding is needed.
  bool MatchCount(uint64_t count) const;

  const MatchSpec& spec() const { return spec_; }
  // The keys as given, for dumps and for saving the program.
  std::span<const std::string> keys() const { return keys_; }
  // The folded keys, in key order (empty for :matches, whose keys are
  // patterns with their literals folded inside GlobPattern).
  std::span<const std::string> folded_keys() const { return folded_keys_; }

 private:
  MatchOperand() = default;

  bool IsKey(std::string_view folded_value) const;
  // Makes MayMatchSize reject values shorter than `shortest` bytes
  // (SIZE_MAX: every value, as when there are no keys).
  void LimitSizes(size_t shortest);
  bool MatchRelation(std::string_view folded_value) const;

  MatchSpec spec_;
  std::vector<std::string> keys_;
  std::vector<std::string> folded_keys_;
  // :is, and "eq"/"ne" of :value and :count.
  KeySet key_set_;
  bool use_key_set_ = false;
  // MayMatchSize: bit n of short_sizes_ says a value of n bytes may match;
  // long_sizes_ says the same for every size from 64 on.
  uint64_t short_sizes_ = ~uint64_t{0};
  bool long_sizes_ = true;
  // :contains and :matches: per key, the pairs a value must hold to match
  // (empty when uses_sketch_ is false).
  bool uses_sketch_ = false;
  std::vector<BigramSketch> key_pairs_;
  // :contains.
  bool has_empty_key_ = false;
  std::vector<SubstringSearcher> searchers_;
  std::optional<MultiSubstringSearcher> multi_searcher_;
  // :matches.
  std::vector<GlobPattern> patterns_;
  // :value and :count.
  size_t min_key_ = 0;
  size_t max_key_ = 0;
  size_t distinct_keys_ = 0;
};

}  // namespace sievekit::match
