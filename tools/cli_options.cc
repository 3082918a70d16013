// Colour flag parsing and terminal detection.
#include "tools/cli_options.h"

#include <unistd.h>

#include <cstdlib>

namespace sievekit::tools {

bool ParseColorFlag(const std::string& arg, ColorMode* mode) {
  if (arg == "--color" || arg == "--color=always") {
    *mode = ColorMode::kAlways;
  } else if (arg == "--color=auto") {
    *mode = ColorMode::kAuto;
  } else if (arg == "--color=never" || arg == "--no-color") {
    *mode = ColorMode::kNever;
  } else {
    return false;
  }
  return true;
}

bool UseColor(ColorMode mode, int fd) {
  if (mode != ColorMode::kAuto) return mode == ColorMode::kAlways;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(fd) != 0;
}

}  // namespace sievekit::tools
