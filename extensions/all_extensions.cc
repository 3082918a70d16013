// Registers every extension: the list is generated from the extension.cmake
// files (no self-registering statics: the linker would drop them from a
// static library).
#include "extensions/all_extensions.h"

#include "registered_extensions.inc"

namespace sievekit::extensions {

void RegisterAllExtensions(ir::Registry& registry) {
  RegisterEveryExtension(registry);
  registry.Finalize();
}

const ir::Registry& DefaultRegistry() {
  static const ir::Registry* const registry = [] {
    auto* r = new ir::Registry();
    RegisterAllExtensions(*r);
    return r;
  }();
  return *registry;
}

}  // namespace sievekit::extensions
