// HeaderIndex: case-insensitive lookup of header fields by name, in message
// order, for the evaluator's header, address and exists tests.
//
// Built once per message over the field list (one hash per field); a lookup
// hashes the name and walks a chain, so it neither allocates nor rescans the
// header. Build reuses its buffers, so a warm index does not allocate either.
// The index holds indices into the span it was built over and must be rebuilt
// when that span changes. Not thread-safe to build; lookups are const.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string_view>
#include <vector>

#include "mail/header_fields.h"

namespace sievekit::mail {

// The fields with one name, in message order.
class FieldRange {
 public:
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = HeaderField;
    using difference_type = std::ptrdiff_t;
    using pointer = const HeaderField*;
    using reference = const HeaderField&;

    Iterator() = default;
    Iterator(std::span<const HeaderField> fields, const uint32_t* next, uint32_t index)
        : fields_(fields), next_(next), index_(index) {}
    const HeaderField& operator*() const { return fields_[index_]; }
    const HeaderField* operator->() const { return &fields_[index_]; }
    Iterator& operator++() {
      index_ = next_[index_];
      return *this;
    }
    Iterator operator++(int) {
      Iterator old = *this;
      ++*this;
      return old;
    }
    // Position of the current field in the field list.
    uint32_t index() const { return index_; }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.index_ == b.index_; }

   private:
    std::span<const HeaderField> fields_;
    const uint32_t* next_ = nullptr;
    uint32_t index_ = UINT32_MAX;
  };

  FieldRange() = default;
  FieldRange(std::span<const HeaderField> fields, const uint32_t* next, uint32_t first)
      : fields_(fields), next_(next), first_(first) {}

  Iterator begin() const { return {fields_, next_, first_}; }
  Iterator end() const { return {fields_, next_, UINT32_MAX}; }
  bool empty() const { return first_ == UINT32_MAX; }
  // The first field, or nullptr when there is none.
  const HeaderField* front() const { return empty() ? nullptr : &fields_[first_]; }
  // Number of fields (walks the chain).
  size_t count() const;

 private:
  std::span<const HeaderField> fields_;
  const uint32_t* next_ = nullptr;
  uint32_t first_ = UINT32_MAX;
};

class HeaderIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // Indexes fields, which must outlive the index (or the next Build).
  void Build(std::span<const HeaderField> fields);
  void Clear() { Build({}); }

  // A name prepared for lookups: its case-insensitive hash, and its first
  // eight bytes with ASCII letters lowered (zero-padded). Two names of the
  // same size up to eight bytes are equal ignoring case iff their heads are.
  struct NameKey {
    uint64_t hash = 0;
    uint64_t head = 0;
  };
  static NameKey KeyOf(std::string_view name);

  // The fields named name, compared ASCII case-insensitively.
  FieldRange Find(std::string_view name) const { return Find(name, KeyOf(name)); }
  // The same with key == KeyOf(name), for callers that look the same name up
  // in message after message (a script's constant header names).
  // Inline: a script makes hundreds of lookups per message.
  FieldRange Find(std::string_view name, const NameKey& key) const {
    if (slots_.empty() || name.empty()) return {};
    return {fields_, next_.data(), slots_[SlotOf(name, key)]};
  }

  // Number of distinct names.
  size_t name_count() const { return name_count_; }

 private:
  // The slot of name: where it is, or the free slot where it would go. The
  // table is at most half full, so the probe ends at a free slot. Keys are
  // compared first; the bytes past the head only for longer names.
  uint32_t SlotOf(std::string_view name, const NameKey& key) const {
    const size_t mask = slots_.size() - 1;
    size_t slot = static_cast<size_t>(key.hash) & mask;
    for (; slots_[slot] != kNone; slot = (slot + 1) & mask) {
      if (keys_[slot].hash != key.hash || keys_[slot].head != key.head) continue;
      const std::string_view other = fields_[slots_[slot]].name();
      if (other.size() == name.size() && (name.size() <= 8 || LongNamesEqual(other, name))) break;
    }
    return static_cast<uint32_t>(slot);
  }
  // ASCII case-insensitive equality of two names of the same size (> 8).
  static bool LongNamesEqual(std::string_view a, std::string_view b);

  std::span<const HeaderField> fields_;
  std::vector<uint32_t> slots_;  // first field of a name, kNone when free
  std::vector<NameKey> keys_;     // KeyOf the slot's name (compared first)
  std::vector<uint32_t> tails_;  // last field of the same name, for Build
  std::vector<uint32_t> next_;   // next field of the same name, kNone at the end
  size_t name_count_ = 0;
};

}  // namespace sievekit::mail
