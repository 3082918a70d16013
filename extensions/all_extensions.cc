// The explicit list of extensions (no self-registering statics: the linker
// would drop them from a static library).
#include "extensions/all_extensions.h"

#include "extensions/core/core.h"
#include "extensions/encoded_character/encoded_character.h"
#include "extensions/envelope/envelope.h"
#include "extensions/fileinto/fileinto.h"

namespace sievekit::extensions {

void RegisterAllExtensions(ir::Registry& registry) {
  RegisterCore(registry);
  RegisterEncodedCharacter(registry);
  RegisterEnvelope(registry);
  RegisterFileinto(registry);
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
