// Extension availability as seen by validate hooks.
#include "ir/validation_context.h"

namespace sievekit::ir {

bool ValidationContext::IsEnabled(const ExtensionSpec* extension) const {
  return extension == nullptr || extension->always_enabled || enabled_.count(extension) > 0;
}

bool ValidationContext::IsEnabled(std::string_view extension_name) const {
  const ExtensionSpec* extension = registry_.FindExtension(extension_name);
  return extension != nullptr && IsEnabled(extension);
}

bool ValidationContext::IsAvailable(const ExtensionSpec& extension) const {
  if (extension.testsuite_only && !options_.allow_testsuite) return false;
  return options_.disabled_extensions.count(extension.name) == 0;
}

}  // namespace sievekit::ir
