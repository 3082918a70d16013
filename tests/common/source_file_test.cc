// Tests for common/source_file: line table, character columns, line text.
#include "common/source_file.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit {
namespace {

TEST(SourceFileTest, LocatesOffsetsOnLfAndCrlfLines) {
  SourceFile file("x.sieve", "keep;\r\nstop;\nfoo");
  EXPECT_EQ(file.LineCount(), 3u);
  EXPECT_EQ(file.Locate(0), (LineColumn{1, 1}));
  EXPECT_EQ(file.Locate(4), (LineColumn{1, 5}));
  EXPECT_EQ(file.Locate(7), (LineColumn{2, 1}));
  EXPECT_EQ(file.Locate(13), (LineColumn{3, 1}));
  EXPECT_EQ(file.Locate(1000), (LineColumn{3, 4}));  // clamped to the end
  EXPECT_EQ(file.LineText(1), "keep;");
  EXPECT_EQ(file.LineText(2), "stop;");
  EXPECT_EQ(file.LineText(3), "foo");
  EXPECT_EQ(file.LineText(4), "");
}

TEST(SourceFileTest, ColumnsCountCharactersNotBytes) {
  SourceFile file("x", "\"\xC3\xA9t\xC3\xA9\" x");
  // The x is at byte 8, after 6 characters and a space.
  EXPECT_EQ(file.Locate(8), (LineColumn{1, 7}));
}

// The hinted lookup must agree with the plain one whatever the hint: in
// increasing order (the fast path), backwards, far ahead, or out of range.
TEST(SourceFileTest, HintedLocateAgreesWithPlainLocate) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += (i % 3 == 0) ? "caf\xC3\xA9;\r\n" : "keep;\n";
  const SourceFile file("x", text);
  const uint32_t size = static_cast<uint32_t>(text.size());
  const struct {
    std::string_view name;
    uint32_t hint;
    std::vector<uint32_t> offsets;
  } cases[] = {
      {"increasing", 0, {0, 3, 5, 9, 12, 40, 41, 100, 150, size}},
      {"decreasing", 0, {size, 150, 100, 41, 40, 12, 0}},
      {"far jumps", 1, {0, size - 1, 1, size / 2, size + 10}},
      {"hint past the end", 1000, {7, 8, 9}},
      {"hint after the offset", 30, {4, 120}},
  };
  for (const auto& c : cases) {
    uint32_t hint = c.hint;
    for (uint32_t offset : c.offsets) {
      EXPECT_EQ(file.Locate(offset, &hint), file.Locate(offset)) << c.name << " @" << offset;
      EXPECT_EQ(hint, file.Locate(offset).line) << c.name << " @" << offset;
    }
  }
}

TEST(SourceFileTest, LineTableOfLongTexts) {
  const struct {
    std::string text;
    uint32_t lines;
    uint32_t last_line_start;
  } cases[] = {
      {"", 1, 0},
      {"\n", 2, 1},
      {"abc", 1, 0},
      {std::string(100, 'x') + "\n" + std::string(50, 'y'), 2, 101},
      {std::string(64, '\n'), 65, 64},
  };
  for (const auto& c : cases) {
    const SourceFile file("x", c.text);
    EXPECT_EQ(file.LineCount(), c.lines) << c.text.size();
    EXPECT_EQ(file.LineStart(file.LineCount()), c.last_line_start) << c.text.size();
  }
}

TEST(SourceFileTest, SliceClampsToTheText) {
  SourceFile file("x", "abcdef");
  EXPECT_EQ(file.Slice({1, 3}), "bc");
  EXPECT_EQ(file.Slice({4, 100}), "ef");
  EXPECT_EQ(file.Slice({100, 200}), "");
}

}  // namespace
}  // namespace sievekit
