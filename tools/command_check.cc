// `sievec check [--json] [--color=WHEN] FILE...`: validate scripts.
//
// Text diagnostics go to stderr, clang-style; --json prints one JSON array of
// diagnostics on stdout instead. Exit 0 when every script is valid, 1 when
// any has an error, 2 on usage or I/O errors (which win over 1).
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "common/diagnostic_catalogue.h"
#include "common/diagnostic_render.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "tools/cli_options.h"
#include "tools/script_input.h"
#include "tools/subcommand.h"

namespace sievekit::tools {

int RunCheck(Args args) {
  bool json = false;
  ColorMode color = ColorMode::kAuto;
  std::vector<std::string> files;
  for (const std::string& arg : args) {
    if (arg == "--json") {
      json = true;
    } else if (ParseColorFlag(arg, &color)) {
      continue;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      std::cerr << fmt::format("sievec check: unknown option '{}'\n", arg);
      return kExitUsage;
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) {
    std::cerr << "usage: sievec check [--json] [--color=auto|always|never] FILE...\n";
    return kExitUsage;
  }
  const TextRenderOptions render{UseColor(color, STDERR_FILENO)};
  JsonWriter out;
  out.BeginArray();
  int status = kExitOk;
  for (const std::string& path : files) {
    auto source = ReadScript(path);
    if (!source.ok()) {
      std::cerr << "sievec: " << source.error().message << "\n";
      status = kExitUsage;
      continue;
    }
    Diagnostics diagnostics;
    const ContentCheck content = CheckContent(**source);
    if (content.binary) {
      diagnostics.Report(diag::kBinaryFile, {0, 0});
    } else {
      ir::FrontendResult result =
          ir::RunFrontend(*source, extensions::DefaultRegistry(), ir::CompileOptions{});
      diagnostics = std::move(result.diagnostics);
      if (content.empty) diagnostics.Report(diag::kEmptyScript, {0, 0});
    }
    if (diagnostics.has_errors() && status == kExitOk) status = kExitInvalid;
    if (json) {
      RenderJson(**source, diagnostics, out);
    } else {
      std::cerr << RenderText(**source, diagnostics, render);
    }
  }
  out.EndArray();
  if (json) std::cout << out.str() << "\n";
  return status;
}

}  // namespace sievekit::tools
