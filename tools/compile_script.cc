// The tools' compile path (see compile_script.h).
#include "tools/compile_script.h"

#include <unistd.h>

#include <iostream>
#include <utility>
#include <vector>

#include "common/diagnostic_render.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "tools/cli_options.h"
#include "tools/script_input.h"
#include "tools/subcommand.h"
#include "vm/binary.h"
#include "vm/codegen.h"

namespace sievekit::tools {

void KeepUntilExit(std::shared_ptr<const void> object) {
  // Never destroyed, so neither is anything it holds.
  static auto* kept = new std::vector<std::shared_ptr<const void>>();
  kept->push_back(std::move(object));
}

CompiledScript CompileScriptFile(const std::string& path, const ir::CompileOptions& options,
                                 CompilePurpose purpose) {
  auto source = ReadScript(path);
  if (!source.ok()) {
    std::cerr << "sievec: " << source.error().message << "\n";
    return {nullptr, kExitUsage};
  }
  const ir::Registry& registry = extensions::DefaultRegistry();
  // A compiled binary (sievec compile) runs as well as a script.
  if (vm::LooksLikeBinary((*source)->text())) {
    auto program = vm::LoadProgram((*source)->text(), registry, options);
    if (!program.ok()) {
      std::cerr << "sievec: " << path << ": " << program.error().message << "\n";
      return {nullptr, kExitInvalid};
    }
    return {*program, kExitOk};
  }
  if (CheckContent(**source).binary) {
    std::cerr << "sievec: " << path << ": this is binary data, not a Sieve script\n";
    return {nullptr, kExitInvalid};
  }
  auto front = std::make_shared<ir::FrontendResult>(ir::RunFrontend(*source, registry, options));
  KeepUntilExit(front);
  ir::FrontendResult& result = *front;
  const TextRenderOptions render{UseColor(ColorMode::kAuto, STDERR_FILENO)};
  std::cerr << RenderText(**source, result.diagnostics, render);
  if (!result.ok()) return {nullptr, kExitInvalid};
  // Nothing reads the IR after code generation, so its operands are moved
  // into the program instead of copied.
  auto program = purpose == CompilePurpose::kSave
                     ? vm::GenerateUnpreparedProgram(std::move(result.script), registry)
                     : vm::GenerateProgram(std::move(result.script), registry);
  if (!program.ok()) {
    std::cerr << "sievec: " << path << ": " << program.error().message << "\n";
    return {nullptr, kExitInvalid};
  }
  return {*program, kExitOk};
}

}  // namespace sievekit::tools
