// FoldCache: open addressing keyed by (view address, size, comparator);
// entries carry the generation they were made in, so a new message empties
// the table without touching it.
#include "vm/fold_cache.h"

namespace sievekit::vm {

void FoldCache::Restart(uint64_t generation) {
  generation_ = generation;
  live_ = 0;
  folded_.Reset();
}

FoldCache::Entry* FoldCache::FoldAndStore(const mail::Message& message,
                                          match::ComparatorId comparator, std::string_view value,
                                          std::string* scratch) {
  if (comparator != match::ComparatorId::kOctet) match::Fold(comparator, value, scratch);
  const std::string_view folded =
      comparator == match::ComparatorId::kOctet ? value : std::string_view(*scratch);
  if (!message.Owns(value) || live_ >= kMaxEntries) {
    uncached_.folded = folded;
    return &uncached_;
  }
  if (entries_.empty()) {
    entries_.resize(64);
    mask_ = entries_.size() - 1;
  }
  size_t slot = Hash(value.data(), value.size(), comparator) & mask_;
  while (entries_[slot].generation == generation_) slot = (slot + 1) & mask_;
  Entry& e = entries_[slot];
  e.data = value.data();
  e.generation = generation_;
  // i;octet values are their own folded form: no copy.
  e.folded = comparator == match::ComparatorId::kOctet ? value : folded_.Store(folded);
  e.size = value.size();
  e.comparator = comparator;
  e.sketched = false;
  e.sketch = match::BigramSketch();
  if (2 * ++live_ <= entries_.size()) return &e;
  Grow();
  return Find(message, comparator, value);
}

void FoldCache::Grow() {
  std::vector<Entry> old(entries_.size() * 2);
  old.swap(entries_);
  mask_ = entries_.size() - 1;
  for (const Entry& e : old) {
    if (e.generation != generation_) continue;
    size_t slot = Hash(e.data, e.size, e.comparator) & mask_;
    while (entries_[slot].generation == generation_) slot = (slot + 1) & mask_;
    entries_[slot] = e;
  }
}

}  // namespace sievekit::vm
