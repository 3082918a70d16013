// KeySet: a set of folded keys for :is (and :value "eq") with many keys, such
// as a GUI whitelist of thousands of addresses.
//
// Open addressing with linear probing over one arena holding all key bytes:
// building allocates, a lookup never does. The table is at most half full and
// probe sequences depend only on the keys (from the script), never on the
// looked-up value (from the mail), so a hostile value cannot make a lookup
// slow. Immutable after building, so concurrent lookups are safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sievekit::match {

class KeySet {
 public:
  KeySet() = default;

  // Drops every key but keeps the memory, then makes room for `count` keys.
  void Reset(size_t count);

  // Adds a key (duplicates are stored once).
  void Insert(std::string_view key);

  bool Contains(std::string_view key) const;

  // Distinct keys.
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  struct Slot {
    uint64_t hash = 0;
    size_t offset = kEmpty;  // into arena_; kEmpty marks a free slot
    size_t length = 0;
  };
  static constexpr size_t kEmpty = static_cast<size_t>(-1);

  static uint64_t Hash(std::string_view key);
  std::string_view KeyAt(const Slot& slot) const {
    return std::string_view(arena_).substr(slot.offset, slot.length);
  }
  void Grow(size_t capacity);

  std::string arena_;
  std::vector<Slot> slots_;  // size is zero or a power of two
  size_t size_ = 0;
};

}  // namespace sievekit::match
