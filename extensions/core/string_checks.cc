// Runtime-string detection for compile-time checks.
#include "extensions/core/string_checks.h"

namespace sievekit::extensions {

bool IsRuntimeString(const ir::ValidationContext& context, std::string_view text) {
  return text.find("${") != std::string_view::npos && context.IsEnabled("variables");
}

}  // namespace sievekit::extensions
