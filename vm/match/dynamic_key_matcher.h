// DynamicKeyMatcher: matching against a key known only at run time (a key
// with "${...}" expanded per message, RFC 5229 §3), without a MatchOperand.
//
// It keeps the buffers of the last key it prepared — folded key, KMP table,
// compiled glob — and reuses them, so once warm a call does not allocate.
// Preparing a key costs O(key) and matching the same as with a prepared
// operand. Holds scratch state: use one per evaluation (per thread), not one
// shared instance.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vm/match/glob_pattern.h"
#include "vm/match/match_operand.h"
#include "vm/match/substring_searcher.h"

namespace sievekit::match {

class DynamicKeyMatcher {
 public:
  // As MatchOperand::Match with the single key `key` (unfolded, as the
  // script's expansion produced it). False for a comparator the match type
  // cannot use (the validator rejects those before anything runs).
  bool Match(const MatchSpec& spec, std::string_view key, std::string_view folded_value,
             std::string_view original_value, std::vector<std::string_view>* captures);

  // As MatchOperand::MatchCount with the single key `key`.
  bool MatchCount(const MatchSpec& spec, std::string_view key, uint64_t count);

 private:
  bool Relate(const MatchSpec& spec, std::string_view key, std::string_view folded_value);

  std::string folded_key_;
  SubstringSearcher searcher_;
  GlobPattern pattern_;
};

}  // namespace sievekit::match
