// Keys for the response store: a SHA-256 digest over counted strings, so
// that no two different lists of parts give the same key (RFC 5230 §4.2's
// implementation note: "it is important not to let the same string used as
// the value for different parameters produce the same hash value") and so
// that the store holds no addresses in clear text. Keys are stable across
// processes, hosts and versions: a host sharing a Redis with an older one
// finds its records. Nothing here touches a store.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace sievekit::store {

// SHA-256 (FIPS 180-4) of `data`.
std::array<uint8_t, 32> Sha256(std::string_view data);

// Incremental SHA-256, for digests over several pieces.
class Sha256Hasher {
 public:
  Sha256Hasher();
  void Update(std::string_view data);
  std::array<uint8_t, 32> Finish();

 private:
  void Block(const uint8_t* block);

  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t length_ = 0;  // bytes hashed so far
};

// Lower-case hexadecimal.
std::string Hex(const std::array<uint8_t, 32>& digest);

// "<kind>:" followed by the hex digest of the parts, each preceded by its
// length in decimal and a ':' ("v1" as the first part versions the layout).
std::string ResponseKey(std::string_view kind, std::initializer_list<std::string_view> parts);

}  // namespace sievekit::store
