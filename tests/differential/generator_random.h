// GeneratorRandom: the deterministic random source of the differential
// test's generators. SplitMix64, written out, rather than <random>'s
// distributions, whose results differ between standard libraries: a seed
// must name the same script and message everywhere, so that a failure
// printed by CI can be replayed on any machine. Not for anything but tests.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace sievekit::differential {

class GeneratorRandom {
 public:
  // `stream` tells apart generators fed the same seeds (scripts, messages).
  // Seed and stream are scrambled first: SplitMix64 steps its state by a
  // constant, so plain neighbouring seeds would give the same sequence
  // shifted by one draw.
  GeneratorRandom(uint64_t seed, uint64_t stream) : state_(Mix(Mix(seed) ^ stream)) {}

  uint64_t Next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return Mix(state_);
  }

  // A number in [0, n); n > 0. The modulo bias is irrelevant here.
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  // A number in [low, high].
  size_t Between(size_t low, size_t high) { return low + Below(high - low + 1); }
  // True with probability percent / 100.
  bool Percent(unsigned percent) { return Below(100) < percent; }

  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }
  template <typename T, size_t N>
  const T& Pick(const std::array<T, N>& items) {
    return items[Below(N)];
  }

 private:
  static uint64_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  uint64_t state_;
};

}  // namespace sievekit::differential
