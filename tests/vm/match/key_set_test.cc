// Tests for vm/match/key_set: membership, duplicates, empty keys, growth.
#include "vm/match/key_set.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::match {
namespace {

TEST(KeySetTest, Membership) {
  KeySet set;
  EXPECT_FALSE(set.Contains(""));
  set.Reset(3);
  for (std::string_view key : {"ALICE@EXAMPLE.COM", "BOB@EXAMPLE.ORG", "", "ALICE@EXAMPLE.COM"}) {
    set.Insert(key);
  }
  EXPECT_EQ(set.size(), 3u);  // the duplicate is stored once
  const struct {
    std::string_view key;
    bool member;
  } cases[] = {
      {"ALICE@EXAMPLE.COM", true},
      {"BOB@EXAMPLE.ORG", true},
      {"", true},
      {"alice@example.com", false},  // keys are already folded; lookup is exact
      {"ALICE@EXAMPLE.CO", false},
      {"ALICE@EXAMPLE.COMX", false},
      {std::string_view("\0", 1), false},
  };
  for (const auto& c : cases) EXPECT_EQ(set.Contains(c.key), c.member) << c.key;
}

TEST(KeySetTest, GrowsPastItsReservation) {
  KeySet set;
  set.Reset(1);
  for (int i = 0; i < 10000; ++i) set.Insert("key" + std::to_string(i));
  EXPECT_EQ(set.size(), 10000u);
  for (int i = 0; i < 10000; ++i) ASSERT_TRUE(set.Contains("key" + std::to_string(i))) << i;
  for (int i = 10000; i < 11000; ++i) ASSERT_FALSE(set.Contains("key" + std::to_string(i))) << i;
}

TEST(KeySetTest, ResetEmptiesTheSet) {
  KeySet set;
  set.Insert("A");
  set.Reset(0);
  EXPECT_TRUE(set.empty());
  EXPECT_FALSE(set.Contains("A"));
  set.Insert("B");
  EXPECT_TRUE(set.Contains("B"));
}

}  // namespace
}  // namespace sievekit::match
