// Compiling a script file for the tools: read, parse, validate, generate
// code, printing diagnostics the way `sievec check` does — or load it, when
// it is a binary from `sievec compile`. Shared by run, filter and compile.
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

// What the caller will do with the program: evaluate it (its calls are
// prepared), or only save it as a binary (they are not: the loader prepares).
enum class CompilePurpose { kEvaluate, kSave };

// Diagnostics go to stderr (coloured when it is a terminal).
CompiledScript CompileScriptFile(const std::string& path,
                                 const ir::CompileOptions& options = ir::CompileOptions{},
                                 CompilePurpose purpose = CompilePurpose::kEvaluate);

// Keeps `object` alive until the process exits, where the operating system
// reclaims it at once: a sievec command compiles one script, and freeing a
// large script's trees node by node costs as much as building them. Still
// reachable at exit (a leak checker does not report it).
void KeepUntilExit(std::shared_ptr<const void> object);

}  // namespace sievekit::tools
