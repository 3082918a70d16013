// `sievec dump [--code|--syntax|--ir] FILE`: show what the compiler made of
// a script — its disassembled code (the default: vm/disassembler.h), the
// generic syntax tree, or the validated IR. FILE may also be a compiled
// binary (recognised by its magic number, whatever its name), which is
// loaded and verified like a delivery agent would, then disassembled; a
// binary has no syntax tree or IR to show.
//
// Exit status: 0 shown, 1 the script does not compile or the binary is
// refused (the reason goes to stderr), 2 usage or I/O error.
#include <fmt/format.h>

#include <iostream>

#include "common/diagnostic_render.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "ir/ir_dump.h"
#include "parser/tree_dump.h"
#include "tools/script_input.h"
#include "tools/subcommand.h"
#include "vm/binary.h"
#include "vm/codegen.h"
#include "vm/disassembler.h"

namespace sievekit::tools {
namespace {

constexpr std::string_view kUsage = "usage: sievec dump [--code|--syntax|--ir] FILE\n";

enum class Stage { kCode, kSyntax, kIr };

int DumpBinary(const SourceFile& file, Stage stage) {
  if (stage != Stage::kCode) {
    std::cerr << fmt::format(
        "sievec dump: {} is a compiled binary: it has no {} to show (only --code)\n", file.name(),
        stage == Stage::kSyntax ? "syntax tree" : "IR");
    return kExitUsage;
  }
  const ir::Registry& registry = extensions::DefaultRegistry();
  auto program = vm::LoadProgram(file.text(), registry);
  if (!program.ok()) {
    std::cerr << fmt::format("sievec: {}: {}\n", file.name(), program.error().message);
    return kExitInvalid;
  }
  std::cout << vm::Disassemble(**program);
  return kExitOk;
}

}  // namespace

int RunDump(Args args) {
  Stage stage = Stage::kCode;
  std::string path;
  for (const std::string& arg : args) {
    if (arg == "--code") {
      stage = Stage::kCode;
    } else if (arg == "--syntax") {
      stage = Stage::kSyntax;
    } else if (arg == "--ir") {
      stage = Stage::kIr;
    } else if (path.empty() && (arg == "-" || arg.empty() || arg[0] != '-')) {
      path = arg;
    } else {
      std::cerr << kUsage;
      return kExitUsage;
    }
  }
  if (path.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  auto source = ReadScript(path);
  if (!source.ok()) {
    std::cerr << "sievec: " << source.error().message << "\n";
    return kExitUsage;
  }
  if (vm::LooksLikeBinary((*source)->text())) return DumpBinary(**source, stage);

  const ir::Registry& registry = extensions::DefaultRegistry();
  ir::FrontendResult result = ir::RunFrontend(*source, registry);
  std::cerr << RenderText(**source, result.diagnostics);
  if (stage == Stage::kSyntax) {
    std::cout << syntax::DumpTree(result.tree);
    return result.ok() ? kExitOk : kExitInvalid;
  }
  if (!result.ok()) return kExitInvalid;
  if (stage == Stage::kIr) {
    std::cout << ir::DumpIr(result.script);
    return kExitOk;
  }
  auto program = vm::GenerateProgram(result.script, registry);
  if (!program.ok()) {
    std::cerr << fmt::format("sievec: {}: {}\n", path, program.error().message);
    return kExitInvalid;
  }
  std::cout << vm::Disassemble(**program);
  return kExitOk;
}

}  // namespace sievekit::tools
