// Tests for tools/cli_options: the --color flag spellings and when colour
// is used (never when NO_COLOR is set or the output is not a terminal in
// auto mode; always and never as asked otherwise).
#include "tools/cli_options.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace sievekit::tools {
namespace {

TEST(CliOptionsTest, ParsesColorFlags) {
  const struct {
    std::string arg;
    bool accepted;
    ColorMode mode;
  } cases[] = {
      {"--color", true, ColorMode::kAlways},
      {"--color=always", true, ColorMode::kAlways},
      {"--color=auto", true, ColorMode::kAuto},
      {"--color=never", true, ColorMode::kNever},
      {"--no-color", true, ColorMode::kNever},
      {"--colour", false, ColorMode::kAuto},
      {"--color=sometimes", false, ColorMode::kAuto},
      {"--COLOR", false, ColorMode::kAuto},
      {"color", false, ColorMode::kAuto},
      {"", false, ColorMode::kAuto},
  };
  for (const auto& c : cases) {
    ColorMode mode = ColorMode::kAuto;
    EXPECT_EQ(ParseColorFlag(c.arg, &mode), c.accepted) << c.arg;
    EXPECT_EQ(mode, c.mode) << c.arg;
  }
}

TEST(CliOptionsTest, UseColor) {
  EXPECT_TRUE(UseColor(ColorMode::kAlways, -1));
  EXPECT_FALSE(UseColor(ColorMode::kNever, -1));
  // An invalid descriptor is not a terminal.
  EXPECT_FALSE(UseColor(ColorMode::kAuto, -1));
  const char* old = std::getenv("NO_COLOR");
  const std::string saved = old != nullptr ? old : "";
  setenv("NO_COLOR", "1", 1);
  EXPECT_FALSE(UseColor(ColorMode::kAuto, 2));
  EXPECT_TRUE(UseColor(ColorMode::kAlways, 2));  // an explicit request wins
  if (old != nullptr) {
    setenv("NO_COLOR", saved.c_str(), 1);
  } else {
    unsetenv("NO_COLOR");
  }
}

}  // namespace
}  // namespace sievekit::tools
