// Tests for common/extension_config.h: typed slots with defaults, replaced
// and reset values, and copies that share stored values.
#include "common/extension_config.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit {
namespace {

struct Limits {
  int max = 10;
};
struct Names {
  std::string header = "X-Default";
};

TEST(ExtensionConfigTest, GetGivesDefaultsUntilSet) {
  ExtensionConfig config;
  EXPECT_FALSE(config.Has<Limits>());
  EXPECT_EQ(config.Get<Limits>().max, 10);
  EXPECT_EQ(config.Get<Names>().header, "X-Default");
}

TEST(ExtensionConfigTest, SlotsAreKeyedByType) {
  ExtensionConfig config;
  config.Set(Limits{3});
  EXPECT_TRUE(config.Has<Limits>());
  EXPECT_FALSE(config.Has<Names>());
  EXPECT_EQ(config.Get<Limits>().max, 3);
  EXPECT_EQ(config.Get<Names>().header, "X-Default");
  config.Set(Limits{0});
  EXPECT_EQ(config.Get<Limits>().max, 0);
  config.Reset<Limits>();
  EXPECT_EQ(config.Get<Limits>().max, 10);
}

TEST(ExtensionConfigTest, CopiesKeepTheirOwnSlots) {
  ExtensionConfig a;
  a.Set(Names{"X-Spam"});
  ExtensionConfig b = a;
  b.Set(Names{"X-Other"});
  EXPECT_EQ(a.Get<Names>().header, "X-Spam");
  EXPECT_EQ(b.Get<Names>().header, "X-Other");
}

}  // namespace
}  // namespace sievekit
