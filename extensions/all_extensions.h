// Every extension sievekit offers, and the shared registry holding them.
// Adding an extension means adding its folder with an extension.cmake (see
// extensions/CMakeLists.txt); nothing else changes.
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

// Registers every extension into `registry` and finalises it.
void RegisterAllExtensions(ir::Registry& registry);

// A registry with every extension, built on first use (thread-safe) and
// shared read-only for the life of the process.
const ir::Registry& DefaultRegistry();

}  // namespace sievekit::extensions
