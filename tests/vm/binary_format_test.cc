// Tests for vm/binary_format: the CRC-32 against the published check values
// (the same as zlib's crc32), the section names, and the fixed numbers of
// the layout that files on disk depend on.
#include "vm/binary_format.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace sievekit::vm::binary {
namespace {

TEST(BinaryFormatTest, Crc32CheckValues) {
  const struct {
    std::string input;
    uint32_t crc;
  } cases[] = {
      {"", 0x00000000u},
      {"a", 0xE8B7BE43u},
      {"123456789", 0xCBF43926u},  // the standard check value of CRC-32/ISO-HDLC
      {"The quick brown fox jumps over the lazy dog", 0x414FA339u},
      {std::string(1, '\0'), 0xD202EF8Du},
      {std::string("\xff\xff\xff\xff", 4), 0xFFFFFFFFu},
  };
  for (const auto& c : cases) EXPECT_EQ(Crc32(c.input), c.crc) << c.input;
}

// Crc32 folds long inputs 16 bytes at a time when the processor can: every
// length around the block and cut-over sizes, and every alignment, must give
// the table result — and the tables must match a plain bit-by-bit CRC.
TEST(BinaryFormatTest, Crc32AgreesWithTablesOnEveryLength) {
  std::string data(4200, '\0');
  uint32_t state = 12345;
  for (char& c : data) {
    state = state * 1103515245u + 12345u;
    c = static_cast<char>(state >> 24);
  }
  auto bitwise = [](std::string_view bytes) {
    uint32_t crc = 0xffffffffu;
    for (char c : bytes) {
      crc ^= static_cast<unsigned char>(c);
      for (int bit = 0; bit < 8; ++bit) crc = (crc & 1u) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
    }
    return crc ^ 0xffffffffu;
  };
  const struct {
    size_t offset;
    size_t length;
  } cases[] = {{0, 0},   {0, 15},  {0, 16},  {0, 17},   {0, 63},    {0, 64},   {0, 65},
               {0, 79},  {0, 80},  {0, 81},  {3, 64},   {5, 100},   {7, 127},  {1, 128},
               {0, 129}, {9, 255}, {0, 256}, {0, 1000}, {13, 1024}, {0, 4096}, {11, 4189}};
  for (const auto& c : cases) {
    const std::string_view bytes = std::string_view(data).substr(c.offset, c.length);
    EXPECT_EQ(Crc32(bytes), Crc32ByTables(bytes)) << c.offset << "+" << c.length;
    EXPECT_EQ(Crc32ByTables(bytes), bitwise(bytes)) << c.offset << "+" << c.length;
  }
  const std::string ones(300, '\xff');
  EXPECT_EQ(Crc32(ones), bitwise(ones));
  const std::string zeros(300, '\0');
  EXPECT_EQ(Crc32(zeros), bitwise(zeros));
}

TEST(BinaryFormatTest, Crc32SeesEveryBitFlip) {
  const std::string base = "sievekit binary payload";
  const uint32_t crc = Crc32(base);
  for (size_t i = 0; i < base.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string flipped = base;
      flipped[i] = static_cast<char>(flipped[i] ^ (1 << bit));
      EXPECT_NE(Crc32(flipped), crc) << i << ":" << bit;
    }
  }
}

TEST(BinaryFormatTest, SectionNames) {
  EXPECT_EQ(SectionName(Section::kName), "name");
  EXPECT_EQ(SectionName(Section::kRequired), "required");
  EXPECT_EQ(SectionName(Section::kStrings), "strings");
  EXPECT_EQ(SectionName(Section::kCalls), "calls");
  EXPECT_EQ(SectionName(Section::kCode), "code");
  EXPECT_EQ(SectionName(static_cast<Section>(0)), "?");
}

TEST(BinaryFormatTest, FixedLayout) {
  // Changing any of these changes the files on disk: bump kFormatVersion.
  EXPECT_EQ(kMagic, std::string_view("\x89SVBIN\r\n", 8));
  EXPECT_EQ(kMagic.size(), 8u);
  EXPECT_EQ(kFormatVersion, 1u);
  EXPECT_EQ(kHeaderSize, 20u);
  EXPECT_EQ(kSectionHeaderSize, 5u);
  EXPECT_EQ(kSectionCount, 5u);
  EXPECT_EQ(kNoName, 0xffffffffu);
  EXPECT_EQ(kMinCallBytes, 47u);
  EXPECT_EQ(kInstructionBytes, 9u);
}

}  // namespace
}  // namespace sievekit::vm::binary
