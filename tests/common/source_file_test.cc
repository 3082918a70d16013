// Tests for common/source_file: line table, character columns, line text.
#include "common/source_file.h"

#include <gtest/gtest.h>

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

TEST(SourceFileTest, SliceClampsToTheText) {
  SourceFile file("x", "abcdef");
  EXPECT_EQ(file.Slice({1, 3}), "bc");
  EXPECT_EQ(file.Slice({4, 100}), "ef");
  EXPECT_EQ(file.Slice({100, 200}), "");
}

}  // namespace
}  // namespace sievekit
