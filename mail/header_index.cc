// HeaderIndex: open addressing over case-insensitive hashes of field names,
// one chain per name threaded through next_. Lookups never allocate and never
// touch the message bytes beyond the names compared.
#include "mail/header_index.h"

#include <cstring>

#include "mail/ascii.h"

namespace sievekit::mail {
namespace {

// Eight bytes with 'A'..'Z' lowered (other bytes, 8-bit ones included, are
// unchanged): ascii::ToLower on every byte of a word at once.
uint64_t LowerWord(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const uint64_t low7 = x & ~kHigh;
  // A byte's high bit says: its low seven bits are >= 'A', resp. > 'Z'.
  const uint64_t at_least_a = low7 + (0x80 - 'A') * kOnes;
  const uint64_t above_z = low7 + (0x80 - 'Z' - 1) * kOnes;
  const uint64_t upper = at_least_a & ~above_z & ~x & kHigh;
  return x | (upper >> 2);  // 0x80 >> 2 == 0x20, the case bit
}

uint64_t LoadWord(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

// Fewer than eight bytes, zero-padded (no variable-size memcpy call).
uint64_t LoadShort(const char* p, size_t n) {
  uint64_t word = 0;
  for (size_t i = 0; i < n; ++i) {
    word |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  }
  return word;
}

// ascii::EqualsIgnoreCase a word at a time: each lookup of a script's header
// name compares it with the message's spelling of it.
bool NamesEqual(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  if (n < 8) return LowerWord(LoadShort(a.data(), n)) == LowerWord(LoadShort(b.data(), n));
  for (size_t i = 0; i + 8 <= n; i += 8) {
    if (LowerWord(LoadWord(a.data() + i)) != LowerWord(LoadWord(b.data() + i))) return false;
  }
  // The last eight bytes, overlapping what was compared when n % 8 != 0.
  return LowerWord(LoadWord(a.data() + n - 8)) == LowerWord(LoadWord(b.data() + n - 8));
}

}  // namespace

HeaderIndex::NameKey HeaderIndex::KeyOf(std::string_view name) {
  // A word at a time over the lowered bytes: names are short, and every
  // field of every message is hashed once when the index is built.
  constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
  const size_t n = name.size();
  const uint64_t head = LowerWord(n >= 8 ? LoadWord(name.data()) : LoadShort(name.data(), n));
  uint64_t hash = (head ^ n) * kMultiplier;
  if (n > 8) {
    for (size_t i = 8; i + 8 <= n; i += 8) {
      hash = (hash ^ (hash >> 29) ^ LowerWord(LoadWord(name.data() + i))) * kMultiplier;
    }
    // The last eight bytes (overlapping what came before when n % 8 != 0).
    hash = (hash ^ (hash >> 29) ^ LowerWord(LoadWord(name.data() + n - 8))) * kMultiplier;
  }
  // The low bits pick the slot, and a product's low bits see only the low
  // bits of its input: mix everything into them (MurmurHash3's finaliser),
  // or names that differ only in their last bytes ("X-Header-17",
  // "X-Header-18") crowd into a few slots.
  hash ^= hash >> 33;
  hash *= 0xFF51AFD7ED558CCDull;
  hash ^= hash >> 33;
  hash *= 0xC4CEB9FE1A85EC53ull;
  hash ^= hash >> 33;
  return {hash, head};
}

size_t FieldRange::count() const {
  size_t n = 0;
  for (auto it = begin(); it != end(); ++it) ++n;
  return n;
}

void HeaderIndex::Build(std::span<const HeaderField> fields) {
  fields_ = fields;
  name_count_ = 0;
  size_t table_size = 16;
  while (table_size < fields.size() * 2) table_size *= 2;
  slots_.assign(table_size, kNone);
  keys_.resize(table_size);
  tails_.assign(table_size, kNone);
  next_.assign(fields.size(), kNone);
  for (size_t i = 0; i < fields.size(); ++i) {
    const auto index = static_cast<uint32_t>(i);
    const std::string_view name = fields[i].name();
    const NameKey key = KeyOf(name);
    const uint32_t slot = SlotOf(name, key);
    if (slots_[slot] == kNone) {
      slots_[slot] = index;
      keys_[slot] = key;
      ++name_count_;
    } else {
      next_[tails_[slot]] = index;
    }
    tails_[slot] = index;
  }
}

bool HeaderIndex::LongNamesEqual(std::string_view a, std::string_view b) {
  return NamesEqual(a, b);
}

}  // namespace sievekit::mail
