// Open-addressing hash set of folded keys.
#include "vm/match/key_set.h"

#include <functional>

namespace sievekit::match {

uint64_t KeySet::Hash(std::string_view key) { return std::hash<std::string_view>{}(key); }

void KeySet::Reset(size_t count) {
  arena_.clear();
  size_ = 0;
  size_t capacity = 8;
  while (capacity < 2 * count) capacity *= 2;
  slots_.assign(capacity, Slot{});
}

void KeySet::Grow(size_t capacity) {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(capacity, Slot{});
  const size_t mask = capacity - 1;
  for (const Slot& slot : old) {
    if (slot.offset == kEmpty) continue;
    size_t i = static_cast<size_t>(slot.hash) & mask;
    while (slots_[i].offset != kEmpty) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

void KeySet::Insert(std::string_view key) {
  if (slots_.empty() || 2 * (size_ + 1) > slots_.size()) {
    Grow(slots_.empty() ? 8 : 2 * slots_.size());
  }
  const uint64_t hash = Hash(key);
  const size_t mask = slots_.size() - 1;
  size_t i = static_cast<size_t>(hash) & mask;
  while (slots_[i].offset != kEmpty) {
    if (slots_[i].hash == hash && KeyAt(slots_[i]) == key) return;
    i = (i + 1) & mask;
  }
  slots_[i] = Slot{hash, arena_.size(), key.size()};
  arena_.append(key);
  ++size_;
}

bool KeySet::Contains(std::string_view key) const {
  if (size_ == 0) return false;
  const uint64_t hash = Hash(key);
  const size_t mask = slots_.size() - 1;
  // Terminates: the table is never more than half full.
  for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.offset == kEmpty) return false;
    if (slot.hash == hash && KeyAt(slot) == key) return true;
  }
}

}  // namespace sievekit::match
