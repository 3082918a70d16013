// The variables extension (RFC 5229): the `set` command with its modifiers,
// the `string` test, and the compile-time checks of "${...}" references in
// every string of a script that requires it (namespaces, match variable
// range). Expansion itself is the VM's (vm/string_template.h), since every
// command's strings are templates in such a script.
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterVariables(ir::Registry& registry);

}  // namespace sievekit::extensions
