// `sievec dump [--syntax|--ir] FILE`: show what the compiler made of a
// script — the generic syntax tree, or the validated IR (the default).
#include <iostream>

#include <fmt/format.h>

#include "common/diagnostic_render.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "ir/ir_dump.h"
#include "parser/tree_dump.h"
#include "tools/script_input.h"
#include "tools/subcommand.h"

namespace sievekit::tools {

int RunDump(Args args) {
  enum class Stage { kSyntax, kIr } stage = Stage::kIr;
  std::string path;
  for (const std::string& arg : args) {
    if (arg == "--syntax") {
      stage = Stage::kSyntax;
    } else if (arg == "--ir") {
      stage = Stage::kIr;
    } else if (path.empty() && (arg == "-" || arg.empty() || arg[0] != '-')) {
      path = arg;
    } else {
      std::cerr << "usage: sievec dump [--syntax|--ir] FILE\n";
      return kExitUsage;
    }
  }
  if (path.empty()) {
    std::cerr << "usage: sievec dump [--syntax|--ir] FILE\n";
    return kExitUsage;
  }
  auto source = ReadScript(path);
  if (!source.ok()) {
    std::cerr << "sievec: " << source.error().message << "\n";
    return kExitUsage;
  }
  ir::FrontendResult result = ir::RunFrontend(*source, extensions::DefaultRegistry());
  std::cerr << RenderText(**source, result.diagnostics);
  if (stage == Stage::kSyntax) {
    std::cout << syntax::DumpTree(result.tree);
  } else if (result.ok()) {
    std::cout << ir::DumpIr(result.script);
  }
  return result.ok() ? kExitOk : kExitInvalid;
}

}  // namespace sievekit::tools
