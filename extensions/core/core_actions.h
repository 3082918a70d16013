// Run-time implementations of the RFC 5228 actions keep, discard and
// redirect.
#pragma once

#include "vm/call_runtime.h"

namespace sievekit::extensions {

extern const vm::CallRuntime kKeepRuntime;
extern const vm::CallRuntime kDiscardRuntime;
extern const vm::CallRuntime kRedirectRuntime;

}  // namespace sievekit::extensions
