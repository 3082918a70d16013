// Section names and the CRC-32 of the binary format (see binary_format.h).
#include "vm/binary_format.h"

#include <array>

namespace sievekit::vm::binary {
namespace {

// One table lookup per byte; built at compile time.
constexpr std::array<uint32_t, 256> MakeCrcTable() {
  std::array<uint32_t, 256> table{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int bit = 0; bit < 8; ++bit) c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  return table;
}

constexpr std::array<uint32_t, 256> kCrcTable = MakeCrcTable();

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
  uint32_t crc = 0xffffffffu;
  for (char ch : bytes) {
    crc = kCrcTable[(crc ^ static_cast<unsigned char>(ch)) & 0xffu] ^ (crc >> 8);
  }
  return crc ^ 0xffffffffu;
}

}  // namespace sievekit::vm::binary
