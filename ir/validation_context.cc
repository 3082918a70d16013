// Extension availability as seen by validate hooks.
#include "ir/validation_context.h"

#include <algorithm>

namespace sievekit::ir {

bool ValidationContext::IsEnabled(const ExtensionSpec* extension) const {
  return extension == nullptr || extension->always_enabled ||
         std::find(enabled_.begin(), enabled_.end(), extension) != enabled_.end();
}

void ValidationContext::Enable(const ExtensionSpec* extension) {
  if (std::find(enabled_.begin(), enabled_.end(), extension) == enabled_.end()) {
    enabled_.push_back(extension);
    UpdateStringTransforms();
  }
}

void ValidationContext::Disable(const ExtensionSpec* extension) {
  enabled_.erase(std::remove(enabled_.begin(), enabled_.end(), extension), enabled_.end());
  UpdateStringTransforms();
}

void ValidationContext::UpdateStringTransforms() {
  enabled_transforms_.clear();
  for (const Registry::ExtensionTransform& transform : registry_.string_transforms()) {
    if (IsEnabled(transform.extension)) enabled_transforms_.push_back(&transform);
  }
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
