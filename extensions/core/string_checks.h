// Helpers for validate hooks that check string arguments.
#pragma once

#include <string_view>

#include "ir/validation_context.h"

namespace sievekit::extensions {

// True when the string's value is only known at run time: the script uses
// the variables extension and the string contains "${". Such strings are
// checked when evaluated, not when compiled.
bool IsRuntimeString(const ir::ValidationContext& context, std::string_view text);

}  // namespace sievekit::extensions
