// Tests for extensions/all_extensions: the explicit list of extensions and
// the shared default registry built from it.
#include "extensions/all_extensions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace sievekit::extensions {
namespace {

bool Contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(AllExtensionsTest, DefaultRegistryIsBuiltOnce) {
  EXPECT_EQ(&DefaultRegistry(), &DefaultRegistry());
}

TEST(AllExtensionsTest, DefaultRegistryHoldsTheRfc5228Extensions) {
  const ir::Registry& r = DefaultRegistry();
  for (std::string_view name : {"fileinto", "envelope", "encoded-character", "comparator-i;octet",
                                "comparator-i;ascii-casemap"}) {
    EXPECT_TRUE(Contains(r.ExtensionNames(), name)) << name;
  }
  for (std::string_view name : {"keep", "discard", "redirect", "fileinto"}) {
    EXPECT_TRUE(Contains(r.CommandNames(), name)) << name;
  }
  for (std::string_view name : {"address", "envelope", "exists", "header", "size"}) {
    EXPECT_TRUE(Contains(r.TestNames(), name)) << name;
  }
  // Control flow is built into the IR, not registered.
  for (std::string_view name : {"require", "if", "elsif", "else", "stop"}) {
    EXPECT_FALSE(Contains(r.CommandNames(), name)) << name;
  }
  for (std::string_view name : {"true", "false", "not", "anyof", "allof"}) {
    EXPECT_FALSE(Contains(r.TestNames(), name)) << name;
  }
}

TEST(AllExtensionsTest, RegistersIntoAFreshRegistry) {
  ir::Registry registry;
  RegisterAllExtensions(registry);
  EXPECT_EQ(registry.ExtensionNames(), DefaultRegistry().ExtensionNames());
  EXPECT_EQ(registry.CommandNames(), DefaultRegistry().CommandNames());
  EXPECT_EQ(registry.TestNames(), DefaultRegistry().TestNames());
}

TEST(AllExtensionsTest, RegisteringTwiceIsAProgrammingError) {
  ir::Registry registry;
  RegisterAllExtensions(registry);
  EXPECT_THROW(RegisterAllExtensions(registry), std::logic_error);
}

}  // namespace
}  // namespace sievekit::extensions
