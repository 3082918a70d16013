// Test helpers shared by the ir/ and extensions/ tests: compile a script
// held in a string through the whole front end (parse + validate) and
// summarise its diagnostics as one compact, exact string, so table-driven
// tests can compare everything the author would see in one assertion.
//
// The summary has one line per diagnostic, "LINE:COL ID: MESSAGE", followed
// by one line per note, "  note: MESSAGE". It never hides a diagnostic; it is
// test-only and must not be used by library code.
#pragma once

#include <fmt/format.h>

#include <memory>
#include <string>
#include <utility>

#include "common/diagnostic.h"
#include "common/source_file.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "ir/registry.h"
#include "ir/validation_context.h"

namespace sievekit::testutil {

// Parses and validates `text` (named "t.sieve") with `registry`.
inline ir::FrontendResult CompileScript(
    std::string text, const ir::Registry& registry = extensions::DefaultRegistry(),
    const ir::CompileOptions& options = {}) {
  return ir::RunFrontend(std::make_shared<const SourceFile>("t.sieve", std::move(text)), registry,
                         options);
}

// "LINE:COL ID: MESSAGE" per diagnostic, each note on its own line after it.
inline std::string Summarize(const SourceFile& source, const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.all()) {
    const LineColumn at = source.Locate(d.span.begin);
    out += fmt::format("{}:{} {}: {}\n", at.line, at.column, d.id(), d.message);
    for (const DiagnosticNote& note : d.notes) out += "  note: " + note.message + "\n";
  }
  return out;
}

inline std::string Summarize(const ir::FrontendResult& result) {
  return Summarize(*result.tree.source, result.diagnostics);
}

// Compiles and summarises in one step; "" means the script is valid.
inline std::string CheckScript(std::string text,
                               const ir::Registry& registry = extensions::DefaultRegistry(),
                               const ir::CompileOptions& options = {}) {
  return Summarize(CompileScript(std::move(text), registry, options));
}

}  // namespace sievekit::testutil
