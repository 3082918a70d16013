// The library façade: front end + code generation with the default registry.
#include "sievekit/sievekit.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "common/diagnostic_catalogue.h"
#include "common/diagnostic_render.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "vm/binary.h"
#include "vm/codegen.h"

namespace sievekit {

std::string CompileResult::ErrorsText() const {
  return source ? RenderText(*source, diagnostics) : std::string();
}

namespace {

ir::CompileOptions ToIrOptions(const CompileOptions& options) {
  ir::CompileOptions ir_options;
  ir_options.limits = options.limits;
  ir_options.disabled_extensions = options.disabled_extensions;
  return ir_options;
}

}  // namespace

CompileResult Compile(std::string_view text, std::string name, const CompileOptions& options) {
  CompileResult result;
  result.source = std::make_shared<const SourceFile>(std::move(name), std::string(text));
  const ir::CompileOptions ir_options = ToIrOptions(options);
  const ir::Registry& registry = extensions::DefaultRegistry();
  ir::FrontendResult front = ir::RunFrontend(result.source, registry, ir_options);
  result.diagnostics = std::move(front.diagnostics);
  if (result.diagnostics.has_errors()) return result;
  auto program = vm::GenerateProgram(front.script, registry);
  if (!program.ok()) {
    // Only a registry without a run-time implementation gets here; report it
    // as a diagnostic so callers have one place to look.
    result.diagnostics.Report(diag::kInvalidValue, {0, 0}, program.error().message);
    return result;
  }
  result.program = std::move(*program);
  return result;
}

FileCompileResult CompileFile(const std::string& path, const CompileOptions& options) {
  FileCompileResult result;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.io_error = path + ": " + std::strerror(errno);
    return result;
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  static_cast<CompileResult&>(result) = Compile(text, path, options);
  return result;
}

std::string SaveBinary(const Program& program) { return vm::SaveProgram(program); }

Result<std::shared_ptr<const Program>> LoadBinary(std::string_view bytes,
                                                  const CompileOptions& options) {
  return vm::LoadProgram(bytes, extensions::DefaultRegistry(), ToIrOptions(options));
}

}  // namespace sievekit
