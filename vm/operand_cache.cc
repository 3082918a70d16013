// OperandCache: collecting an operand's values. Folded text goes to the
// cache's own arena (not vm::FoldCache, which stops storing past its bound),
// so every view the cache hands out lives as long as its entry.
#include "vm/operand_cache.h"

namespace sievekit::vm {

void OperandCache::Add(const mail::Message& message, std::string_view value) {
  // Views the message owns stay put until its next Parse; anything else
  // (an address part built in a buffer) is copied.
  if (!value.empty() && !message.Owns(value)) value = arena_.Store(value);
  OperandValue& v = values_.emplace_back();
  v.original = value;
  if (comparator_ == match::ComparatorId::kOctet) {
    v.folded = value;  // i;octet folds to itself
  } else {
    match::Fold(comparator_, value, &scratch_);
    v.folded = scratch_ == value ? value : arena_.Store(scratch_);
  }
}

std::span<OperandValue> OperandCache::Finish(uint32_t id) {
  if (id >= slots_.size()) slots_.resize(id + 1);
  Slot& slot = slots_[id];
  slot.epoch = epoch_;
  slot.begin = start_;
  slot.end = static_cast<uint32_t>(values_.size());
  return std::span<OperandValue>(values_).subspan(start_, slot.end - start_);
}

}  // namespace sievekit::vm
