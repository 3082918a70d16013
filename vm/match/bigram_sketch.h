// BigramSketch: the set of adjacent byte pairs in a text, hashed into 256
// bits — a prefilter for :contains and :matches. A key can only occur in a
// value that holds every pair of the key, so when the value's sketch lacks
// one of the key's pairs the search is skipped; the sketch never rejects a
// value the search would accept (a hash collision only lets a search run).
//
// Rule sets test one header against dozens of keys that differ in a few
// characters ("project-17", "project-18"); most keys miss, and a miss costs
// four word operations instead of a search. Sketches are built once per
// folded key at compile time and once per folded value per message (see
// vm::FoldCache). Plain data: no allocation, no state.
#pragma once

#include <cstdint>
#include <string_view>

namespace sievekit::match {

struct BigramSketch {
  // Values longer than this are not sketched: nearly every bit would be set,
  // and building the sketch would cost more than the search it saves.
  static constexpr size_t kMaxValueSize = 512;

  uint64_t bits[4] = {0, 0, 0, 0};

  // Adds every pair of adjacent bytes of `text` (none when it is shorter
  // than two bytes).
  void AddPairs(std::string_view text) {
    if (text.size() < 2) return;
    uint32_t pair = static_cast<unsigned char>(text[0]);
    for (size_t i = 1; i < text.size(); ++i) {
      pair = ((pair << 8) | static_cast<unsigned char>(text[i])) & 0xFFFF;
      const uint32_t bit = (pair * 0x9E3779B1u) >> 24;  // multiplicative hash to 0..255
      bits[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
  }

  // Whether every pair of `needed` may be in this sketch.
  bool Covers(const BigramSketch& needed) const {
    return ((needed.bits[0] & ~bits[0]) | (needed.bits[1] & ~bits[1]) |
            (needed.bits[2] & ~bits[2]) | (needed.bits[3] & ~bits[3])) == 0;
  }
};

}  // namespace sievekit::match
