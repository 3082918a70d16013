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

  // The fields named name, compared ASCII case-insensitively.
  FieldRange Find(std::string_view name) const;

  // Number of distinct names.
  size_t name_count() const { return name_count_; }

 private:
  uint32_t SlotOf(std::string_view name, uint64_t hash) const;

  std::span<const HeaderField> fields_;
  std::vector<uint32_t> slots_;  // first field of a name, kNone when free
  std::vector<uint32_t> tails_;  // last field of the same name, for Build
  std::vector<uint32_t> next_;   // next field of the same name, kNone at the end
  size_t name_count_ = 0;
};

}  // namespace sievekit::mail
