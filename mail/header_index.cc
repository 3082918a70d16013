// HeaderIndex: open addressing over case-folded FNV-1a hashes of field names,
// one chain per name threaded through next_. Lookups never allocate and never
// touch the message bytes beyond the names compared.
#include "mail/header_index.h"

#include "mail/ascii.h"

namespace sievekit::mail {
namespace {

uint64_t HashName(std::string_view name) {
  uint64_t hash = 14695981039346656037ull;
  for (char c : name) {
    hash ^= static_cast<unsigned char>(ascii::ToLower(c));
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace

size_t FieldRange::count() const {
  size_t n = 0;
  for (auto it = begin(); it != end(); ++it) ++n;
  return n;
}

uint32_t HeaderIndex::SlotOf(std::string_view name, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  size_t slot = static_cast<size_t>(hash) & mask;
  // The table is at most half full, so the probe ends at a free slot.
  while (slots_[slot] != kNone && !ascii::EqualsIgnoreCase(fields_[slots_[slot]].name(), name)) {
    slot = (slot + 1) & mask;
  }
  return static_cast<uint32_t>(slot);
}

void HeaderIndex::Build(std::span<const HeaderField> fields) {
  fields_ = fields;
  name_count_ = 0;
  size_t table_size = 16;
  while (table_size < fields.size() * 2) table_size *= 2;
  slots_.assign(table_size, kNone);
  tails_.assign(table_size, kNone);
  next_.assign(fields.size(), kNone);
  for (size_t i = 0; i < fields.size(); ++i) {
    const auto index = static_cast<uint32_t>(i);
    const std::string_view name = fields[i].name();
    const uint32_t slot = SlotOf(name, HashName(name));
    if (slots_[slot] == kNone) {
      slots_[slot] = index;
      ++name_count_;
    } else {
      next_[tails_[slot]] = index;
    }
    tails_[slot] = index;
  }
}

FieldRange HeaderIndex::Find(std::string_view name) const {
  if (slots_.empty() || name.empty()) return {};
  const uint32_t slot = SlotOf(name, HashName(name));
  return {fields_, next_.data(), slots_[slot]};
}

}  // namespace sievekit::mail
