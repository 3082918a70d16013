// Tests for common/suggest: edit distance and "did you mean" choices.
#include "common/suggest.h"

#include <gtest/gtest.h>

namespace sievekit {
namespace {

TEST(SuggestTest, EditDistance) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("keep", "keep"), 0u);
  EXPECT_EQ(EditDistance("KEEP", "keep"), 0u);
  EXPECT_EQ(EditDistance("kep", "keep"), 1u);
  EXPECT_EQ(EditDistance("fileinot", "fileinto"), 1u);  // transposition
  EXPECT_EQ(EditDistance("abc", "xyz"), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
}

TEST(SuggestTest, SuggestsOnlyCloseCandidates) {
  const std::string_view candidates[] = {"fileinto", "keep", "discard", "redirect"};
  EXPECT_EQ(SuggestClosest("filein", candidates), "fileinto");
  EXPECT_EQ(SuggestClosest("kepe", candidates), "keep");
  EXPECT_EQ(SuggestClosest("redirectt", candidates), "redirect");
  EXPECT_EQ(SuggestClosest("vacation", candidates), std::nullopt);
  EXPECT_EQ(SuggestClosest("x", candidates), std::nullopt);
}

}  // namespace
}  // namespace sievekit
