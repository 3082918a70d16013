// Tests for vm/match/bigram_sketch: a text's sketch covers the sketch of
// every substring, texts shorter than two bytes add nothing, and keys that
// need a pair the value lacks are told apart (the hash is fixed, so these
// results are stable).
#include "vm/match/bigram_sketch.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::match {
namespace {

BigramSketch Of(std::string_view text) {
  BigramSketch sketch;
  sketch.AddPairs(text);
  return sketch;
}

TEST(BigramSketchTest, CoversEverySubstring) {
  const std::string text = "[PROJECT-89] URGENT TRAVEL MONEY UPDATE \xC3\xA9";
  const BigramSketch sketch = Of(text);
  for (size_t begin = 0; begin < text.size(); ++begin) {
    for (size_t end = begin; end <= text.size(); ++end) {
      EXPECT_TRUE(sketch.Covers(Of(text.substr(begin, end - begin))))
          << text.substr(begin, end - begin);
    }
  }
}

TEST(BigramSketchTest, ShortTextsAddNothing) {
  EXPECT_TRUE(BigramSketch().Covers(Of("")));
  EXPECT_TRUE(BigramSketch().Covers(Of("x")));
  EXPECT_FALSE(BigramSketch().Covers(Of("xy")));
  BigramSketch sketch = Of("ab");
  sketch.AddPairs("c");  // a lone byte does not pair with the previous text
  EXPECT_FALSE(sketch.Covers(Of("bc")));
  EXPECT_TRUE(sketch.Covers(Of("ab")));
}

TEST(BigramSketchTest, MissingPairsReject) {
  const BigramSketch subject = Of("[PROJECT-89] URGENT TRAVEL MONEY UPDATE");
  const struct {
    std::string key;
    bool covered;
  } cases[] = {
      {"PROJECT-8", true},   {"PROJECT-1", false}, {"PROJECT-89]", true},
      {"[TICKET-12]", false}, {"LIST 7", false},   {"MONEY", true},
      {"project-89", false},  // sketches are of folded bytes: case matters
  };
  for (const auto& c : cases) EXPECT_EQ(subject.Covers(Of(c.key)), c.covered) << c.key;
}

}  // namespace
}  // namespace sievekit::match
