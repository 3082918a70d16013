// FoldCache: the folded form of message values, computed once per message
// and comparator (DESIGN.md §6). A 200-rule script asks for the Subject under
// i;ascii-casemap dozens of times per message; folding it once and finding it
// again by the identity of its view makes every later test a hash probe.
//
// Only views the message owns (Message::Owns: its bytes and the values it
// computed) are cached, keyed by where they point: such views do not change
// until the message is parsed again, which gives it a new generation and
// empties the cache. Any other value (a scratch buffer, an expanded variable)
// is folded into the caller's buffer every time. Belongs to one evaluation
// context; keeps its memory from message to message, so a warm lookup does
// not allocate. Bounded: past kMaxEntries values per message it stops caching.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mail/arena.h"
#include "mail/message.h"
#include "vm/match/bigram_sketch.h"
#include "vm/match/comparator.h"

namespace sievekit::vm {

class FoldCache {
 public:
  static constexpr size_t kMaxEntries = 4096;

  // match::Fold(comparator, value), from the cache when `value` is owned by
  // `message`. The result stays valid until the next call with another
  // message generation, or (when not cached) until *scratch changes.
  std::string_view Fold(const mail::Message& message, match::ComparatorId comparator,
                        std::string_view value, std::string* scratch) {
    // i;octet folds to itself: nothing to compute or copy.
    if (comparator == match::ComparatorId::kOctet) return value;
    if (const Entry* e = Find(message, comparator, value)) return e->folded;
    return FoldAndStore(message, comparator, value, scratch)->folded;
  }

  // The same, and in *sketch the pairs of the folded value (see
  // match::BigramSketch), built once per cached value; nullptr for a value
  // that is not cached or is longer than BigramSketch::kMaxValueSize.
  std::string_view Fold(const mail::Message& message, match::ComparatorId comparator,
                        std::string_view value, std::string* scratch,
                        const match::BigramSketch** sketch) {
    Entry* e = Find(message, comparator, value);
    if (e == nullptr) e = FoldAndStore(message, comparator, value, scratch);
    if (e == &uncached_) {
      *sketch = nullptr;
      return e->folded;
    }
    if (!e->sketched) {
      e->sketched = true;
      if (e->folded.size() <= match::BigramSketch::kMaxValueSize) e->sketch.AddPairs(e->folded);
    }
    *sketch = e->folded.size() <= match::BigramSketch::kMaxValueSize ? &e->sketch : nullptr;
    return e->folded;
  }

 private:
  struct Entry {
    const char* data = nullptr;
    uint64_t generation = 0;  // the entry is live when it equals generation_
    std::string_view folded;
    size_t size = 0;
    match::ComparatorId comparator = match::ComparatorId::kOctet;
    bool sketched = false;
    match::BigramSketch sketch;
  };

  static size_t Hash(const char* data, size_t size, match::ComparatorId comparator) {
    uint64_t h = reinterpret_cast<uintptr_t>(data);
    h ^= (static_cast<uint64_t>(size) << 32) ^ static_cast<uint64_t>(comparator);
    h *= 0x9E3779B97F4A7C15ull;  // Fibonacci hashing: the high bits mix all input bits
    return static_cast<size_t>(h >> 32);
  }

  // The live entry for the value, or nullptr. Only views the message owns
  // are ever stored, and memory the message owns is never also someone
  // else's, so a hit needs no ownership check.
  Entry* Find(const mail::Message& message, match::ComparatorId comparator,
              std::string_view value) {
    if (message.generation() != generation_) Restart(message.generation());
    if (entries_.empty()) return nullptr;
    for (size_t slot = Hash(value.data(), value.size(), comparator) & mask_;;
         slot = (slot + 1) & mask_) {
      Entry& e = entries_[slot];
      if (e.generation != generation_) return nullptr;
      if (e.data == value.data() && e.size == value.size() && e.comparator == comparator) {
        return &e;
      }
    }
  }

  // Forgets the previous message's entries (without touching them).
  void Restart(uint64_t generation);
  // The miss path: folds, and stores the result when `message` owns `value`
  // (else returns &uncached_, whose `folded` views *scratch).
  Entry* FoldAndStore(const mail::Message& message, match::ComparatorId comparator,
                      std::string_view value, std::string* scratch);
  void Grow();

  std::vector<Entry> entries_;  // open addressing, a power of two, at most half full
  size_t mask_ = 0;             // entries_.size() - 1
  size_t live_ = 0;
  uint64_t generation_ = 0;
  mail::TextArena folded_;
  Entry uncached_;
};

}  // namespace sievekit::vm
