// Small command-line helpers shared by sievec subcommands.
#pragma once

#include <string>

namespace sievekit::tools {

enum class ColorMode { kAuto, kAlways, kNever };

// Accepts --color, --color=auto|always|never and --no-color; false for any
// other argument.
bool ParseColorFlag(const std::string& arg, ColorMode* mode);

// Whether to colour output on `fd`: never when NO_COLOR is set or the fd is
// not a terminal (auto), as https://no-color.org asks.
bool UseColor(ColorMode mode, int fd);

}  // namespace sievekit::tools
