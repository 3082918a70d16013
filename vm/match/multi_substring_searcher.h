// Multi-needle substring search for :contains with many keys (Aho–Corasick).
//
// One pass over the haystack finds whether any needle occurs, in
// O(haystack) steps whatever the number of needles, instead of one pass per
// key. Transitions are stored sparsely (sorted edge lists) except at the root,
// which gets a dense 256-entry table because most bytes of a non-matching
// header leave the automaton at the root; memory stays proportional to the
// total needle length. Works on folded bytes; immutable after construction,
// so concurrent searches are safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sievekit::match {

class MultiSubstringSearcher {
 public:
  MultiSubstringSearcher() = default;
  explicit MultiSubstringSearcher(std::span<const std::string> needles);

  // Whether any needle occurs in `haystack` (an empty needle always does).
  bool ContainsAny(std::string_view haystack) const { return FindEarliest(haystack).has_value(); }

  // The index of a needle whose first occurrence ends earliest in `haystack`
  // (among several ending there, the longest), or nullopt.
  std::optional<size_t> FindEarliest(std::string_view haystack) const;

  size_t needle_count() const { return needle_count_; }
  size_t state_count() const { return fail_.size(); }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;

  // The child of `state` on `byte`, or kNone.
  uint32_t Child(uint32_t state, unsigned char byte) const;

  std::array<uint32_t, 256> root_next_{};  // 0 means "stay at the root"
  std::vector<uint32_t> edge_begin_;       // per state; edges of s: [begin[s], begin[s+1])
  std::vector<unsigned char> edge_label_;  // sorted within a state
  std::vector<uint32_t> edge_target_;
  std::vector<uint32_t> fail_;
  std::vector<uint32_t> output_;  // needle ending here or at a suffix state; kNone
  size_t needle_count_ = 0;
};

}  // namespace sievekit::match
