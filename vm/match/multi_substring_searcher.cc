// Aho–Corasick automaton over bytes.
#include "vm/match/multi_substring_searcher.h"

#include <algorithm>
#include <utility>

namespace sievekit::match {

MultiSubstringSearcher::MultiSubstringSearcher(std::span<const std::string> needles)
    : needle_count_(needles.size()) {
  // Build the trie with per-state edge lists, then flatten them.
  std::vector<std::vector<std::pair<unsigned char, uint32_t>>> children(1);
  output_.assign(1, kNone);
  const auto find_child = [&children](uint32_t state, unsigned char byte) -> uint32_t {
    for (const auto& [label, target] : children[state]) {
      if (label == byte) return target;
    }
    return kNone;
  };
  for (size_t index = 0; index < needles.size(); ++index) {
    uint32_t state = 0;
    for (const char c : needles[index]) {
      const auto byte = static_cast<unsigned char>(c);
      uint32_t next = find_child(state, byte);
      if (next == kNone) {
        next = static_cast<uint32_t>(children.size());
        children[state].emplace_back(byte, next);
        children.emplace_back();
        output_.push_back(kNone);
      }
      state = next;
    }
    // Keep the first of duplicate needles.
    if (output_[state] == kNone) output_[state] = static_cast<uint32_t>(index);
  }

  const size_t states = children.size();
  edge_begin_.assign(states + 1, 0);
  for (size_t s = 0; s < states; ++s) {
    std::sort(children[s].begin(), children[s].end());
    edge_begin_[s + 1] = edge_begin_[s] + static_cast<uint32_t>(children[s].size());
  }
  edge_label_.reserve(edge_begin_[states]);
  edge_target_.reserve(edge_begin_[states]);
  for (const auto& edges : children) {
    for (const auto& [label, target] : edges) {
      edge_label_.push_back(label);
      edge_target_.push_back(target);
    }
  }
  root_next_.fill(0);
  for (const auto& [label, target] : children[0]) root_next_[label] = target;

  // Failure links in breadth-first order, so a state's link is final before
  // its children need it. Outputs propagate along the links: a state reports
  // its own needle, or else the longest needle ending at a suffix of it.
  fail_.assign(states, 0);
  std::vector<uint32_t> queue;
  queue.reserve(states);
  for (const auto& edge : children[0]) queue.push_back(edge.second);
  for (size_t head = 0; head < queue.size(); ++head) {
    const uint32_t state = queue[head];
    if (output_[state] == kNone) output_[state] = output_[fail_[state]];
    for (const auto& [label, child] : children[state]) {
      uint32_t f = fail_[state];
      while (f != 0 && Child(f, label) == kNone) f = fail_[f];
      const uint32_t target = f == 0 ? root_next_[label] : Child(f, label);
      fail_[child] = target;
      queue.push_back(child);
    }
  }
}

uint32_t MultiSubstringSearcher::Child(uint32_t state, unsigned char byte) const {
  const auto begin = edge_label_.begin() + edge_begin_[state];
  const auto end = edge_label_.begin() + edge_begin_[state + 1];
  const auto it = std::lower_bound(begin, end, byte);
  if (it == end || *it != byte) return kNone;
  return edge_target_[static_cast<size_t>(it - edge_label_.begin())];
}

std::optional<size_t> MultiSubstringSearcher::FindEarliest(std::string_view haystack) const {
  if (output_.empty()) return std::nullopt;
  if (output_[0] != kNone) return output_[0];  // an empty needle
  uint32_t state = 0;
  for (const char c : haystack) {
    const auto byte = static_cast<unsigned char>(c);
    // Each fallback shortens the current match, and each byte lengthens it by
    // at most one, so the loop is linear overall.
    while (state != 0 && Child(state, byte) == kNone) state = fail_[state];
    state = state == 0 ? root_next_[byte] : Child(state, byte);
    if (output_[state] != kNone) return output_[state];
  }
  return std::nullopt;
}

}  // namespace sievekit::match
