// Tests for vm/binary_format: the CRC-32 against the published check values
// (the same as zlib's crc32), the section names, and the fixed numbers of
// the layout that files on disk depend on.
#include "vm/binary_format.h"

#include <gtest/gtest.h>

#include <string>

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
