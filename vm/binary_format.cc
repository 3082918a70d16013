// Section names and the CRC-32 of the binary format (see binary_format.h).
#include "vm/binary_format.h"

#include <array>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SIEVEKIT_CRC32_CLMUL 1
#endif

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

namespace {

// The CRC register after `n` more bytes, by the tables.
uint32_t UpdateByTables(uint32_t crc, const unsigned char* p, size_t n) {
  const auto& t = kCrcTables;
  for (; n >= 8; n -= 8, p += 8) {
    const uint32_t low = crc ^ LoadLittleEndian32(p);
    const uint32_t high = LoadLittleEndian32(p + 4);
    crc = t[7][low & 0xffu] ^ t[6][(low >> 8) & 0xffu] ^ t[5][(low >> 16) & 0xffu] ^
          t[4][low >> 24] ^ t[3][high & 0xffu] ^ t[2][(high >> 8) & 0xffu] ^
          t[1][(high >> 16) & 0xffu] ^ t[0][high >> 24];
  }
  for (; n > 0; --n, ++p) crc = t[0][(crc ^ *p) & 0xffu] ^ (crc >> 8);
  return crc;
}

#ifdef SIEVEKIT_CRC32_CLMUL
// Carry-less multiplication (PCLMULQDQ), 16 bytes per step instead of 8 by
// table lookups — the method of Intel's "Fast CRC Computation for Generic
// Polynomials Using PCLMULQDQ Instruction" for the bit-reflected CRC-32:
// fold the register across each next 16-byte block with x^(128±32) mod P,
// then reduce 128 bits to the 32-bit remainder (the last step a Barrett
// reduction). The constants are those powers of x modulo P, bit-reflected
// as the instruction sees them; the tests check the result against the
// tables on every length. `n` is a multiple of 16, at least 16.
__attribute__((target("pclmul,sse4.1"))) uint32_t UpdateByClmul(uint32_t crc,
                                                                const unsigned char* p, size_t n) {
  const __m128i fold = _mm_set_epi64x(0x0ccaa009e, 0x1751997d0);     // x^(128-32), x^(128+32)
  const __m128i x64 = _mm_set_epi64x(0, 0x163cd6124);                // x^64
  const __m128i barrett = _mm_set_epi64x(0x1f7011641, 0x1db710641);  // mu, P
  const __m128i low32 = _mm_set_epi32(0, 0, 0, -1);
  auto load = [](const unsigned char* q) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
  };
  __m128i x = _mm_xor_si128(load(p), _mm_cvtsi32_si128(static_cast<int>(crc)));
  for (p += 16, n -= 16; n >= 16; p += 16, n -= 16) {
    const __m128i low = _mm_clmulepi64_si128(x, fold, 0x00);
    const __m128i high = _mm_clmulepi64_si128(x, fold, 0x11);
    x = _mm_xor_si128(_mm_xor_si128(low, high), load(p));
  }
  // 128 bits to 64, then 64 to 32.
  x = _mm_xor_si128(_mm_clmulepi64_si128(x, fold, 0x10), _mm_srli_si128(x, 8));
  x = _mm_xor_si128(_mm_srli_si128(x, 4), _mm_clmulepi64_si128(_mm_and_si128(x, low32), x64, 0x00));
  // Barrett reduction to the remainder.
  __m128i t = _mm_clmulepi64_si128(_mm_and_si128(x, low32), barrett, 0x10);
  t = _mm_clmulepi64_si128(_mm_and_si128(t, low32), barrett, 0x00);
  return static_cast<uint32_t>(_mm_extract_epi32(_mm_xor_si128(x, t), 1));
}

bool HasClmul() {
  static const bool has = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1");
  return has;
}
#endif

}  // namespace

uint32_t Crc32(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  uint32_t crc = 0xffffffffu;
#ifdef SIEVEKIT_CRC32_CLMUL
  // A binary of a large script is a megabyte or more, checked when saved
  // and when loaded.
  if (n >= 64 && HasClmul()) {
    const size_t blocks = n & ~size_t{15};
    crc = UpdateByClmul(crc, p, blocks);
    p += blocks;
    n -= blocks;
  }
#endif
  return UpdateByTables(crc, p, n) ^ 0xffffffffu;
}

uint32_t Crc32ByTables(std::string_view bytes) {
  return UpdateByTables(0xffffffffu, reinterpret_cast<const unsigned char*>(bytes.data()),
                        bytes.size()) ^
         0xffffffffu;
}

}  // namespace sievekit::vm::binary
