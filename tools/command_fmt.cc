// `sievec fmt [--check] FILE`: print a script in the canonical layout.
//
// A script with syntax errors is not formatted (its diagnostics are printed
// and the exit status is 1). With --check nothing is printed; the exit status
// is 1 when the file is not already in the canonical layout.
#include <iostream>

#include "common/diagnostic_render.h"
#include "parser/formatter.h"
#include "parser/parser.h"
#include "tools/script_input.h"
#include "tools/subcommand.h"

namespace sievekit::tools {

int RunFmt(Args args) {
  bool check = false;
  std::string path;
  for (const std::string& arg : args) {
    if (arg == "--check") {
      check = true;
    } else if (path.empty() && (arg == "-" || arg.empty() || arg[0] != '-')) {
      path = arg;
    } else {
      std::cerr << "usage: sievec fmt [--check] FILE\n";
      return kExitUsage;
    }
  }
  if (path.empty()) {
    std::cerr << "usage: sievec fmt [--check] FILE\n";
    return kExitUsage;
  }
  auto source = ReadScript(path);
  if (!source.ok()) {
    std::cerr << "sievec: " << source.error().message << "\n";
    return kExitUsage;
  }
  syntax::ParseResult parsed = syntax::Parse(*source);
  if (!parsed.complete || parsed.diagnostics.has_errors()) {
    std::cerr << RenderText(**source, parsed.diagnostics);
    std::cerr << path << ": not formatted because of syntax errors\n";
    return kExitInvalid;
  }
  const std::string formatted = syntax::Format(parsed.tree);
  if (check) {
    if (formatted == (*source)->text()) return kExitOk;
    std::cerr << path << ": not in canonical layout\n";
    return kExitInvalid;
  }
  std::cout << formatted;
  return kExitOk;
}

}  // namespace sievekit::tools
