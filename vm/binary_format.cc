// Section names and the CRC-32 of the binary format (see binary_format.h).
#include "vm/binary_format.h"

#include <array>

namespace sievekit::vm::binary {
namespace {

// Eight tables, built at compile time: table[0] is the classic one (one
// lookup per byte); table[k][i] is the CRC of byte i followed by k zero
// bytes, which lets Crc32 fold eight bytes per step ("slicing by 8") — a
// binary of a large script is a megabyte or more, checked when saved and
// when loaded.
using CrcTables = std::array<std::array<uint32_t, 256>, 8>;

constexpr CrcTables MakeCrcTables() {
  CrcTables tables{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int bit = 0; bit < 8; ++bit) c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    tables[0][i] = c;
  }
  for (size_t k = 1; k < tables.size(); ++k) {
    for (uint32_t i = 0; i < 256; ++i) {
      const uint32_t previous = tables[k - 1][i];
      tables[k][i] = (previous >> 8) ^ tables[0][previous & 0xffu];
    }
  }
  return tables;
}

constexpr CrcTables kCrcTables = MakeCrcTables();

// Four bytes as a little-endian number, whatever the host.
uint32_t LoadLittleEndian32(const unsigned char* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
         static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
}

}  // namespace

std::string_view SectionName(Section section) {
  switch (section) {
    case Section::kName:
      return "name";
    case Section::kRequired:
      return "required";
    case Section::kStrings:
      return "strings";
    case Section::kCalls:
      return "calls";
    case Section::kCode:
      return "code";
  }
  return "?";
}

uint32_t Crc32(std::string_view bytes) {
  const auto& t = kCrcTables;
  uint32_t crc = 0xffffffffu;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  for (; n >= 8; n -= 8, p += 8) {
    const uint32_t low = crc ^ LoadLittleEndian32(p);
    const uint32_t high = LoadLittleEndian32(p + 4);
    crc = t[7][low & 0xffu] ^ t[6][(low >> 8) & 0xffu] ^ t[5][(low >> 16) & 0xffu] ^
          t[4][low >> 24] ^ t[3][high & 0xffu] ^ t[2][(high >> 8) & 0xffu] ^
          t[1][(high >> 16) & 0xffu] ^ t[0][high >> 24];
  }
  for (; n > 0; --n, ++p) crc = t[0][(crc ^ *p) & 0xffu] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

}  // namespace sievekit::vm::binary
