// Compiling a script file for the tools: read, parse, validate, generate
// code, printing diagnostics the way `sievec check` does — or load it, when
// it is a binary from `sievec compile`. Shared by run and filter.
#pragma once

#include <memory>
#include <string>

#include "ir/validation_context.h"
#include "vm/program.h"

namespace sievekit::tools {

struct CompiledScript {
  std::shared_ptr<const vm::Program> program;  // null on failure
  int status = 0;                              // exit status when program is null
};

// Diagnostics go to stderr (coloured when it is a terminal).
CompiledScript CompileScriptFile(const std::string& path,
                                 const ir::CompileOptions& options = ir::CompileOptions{});

}  // namespace sievekit::tools
