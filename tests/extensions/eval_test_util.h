// Test helpers for extension tests: compile a script held in a string
// through the whole pipeline (parse, validate, generate) and evaluate it on
// a message held in a string, summarising what happened as one exact string
// that a table-driven test compares in one assertion.
//
//   Diagnose(script)          "" when the script compiles; otherwise one line
//                             per diagnostic: "LINE:COL ID: MESSAGE\n".
//   RunScript(script, message, ...) the actions, space-separated, in order:
//                               keep | discard | fileinto:MAILBOX |
//                               redirect:ADDRESS | TYPE:REASON (reject...)
//                             each followed by "[flag flag]" when it has flags
//                             and "(copy)" for :copy; then "keep*" when the
//                             implicit keep applies. A runtime error shows as
//                             "error:ID" first; a script that does not compile
//                             gives "compile error: " + Diagnose(script).
//
// Test-only; never used by library code. Keep it small: anything specific
// to one extension belongs in that extension's test file.
#pragma once

#include <fmt/format.h>

#include <memory>
#include <string>
#include <string_view>

#include "common/diagnostic.h"
#include "common/source_file.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "ir/registry.h"
#include "mail/envelope.h"
#include "vm/codegen.h"
#include "vm/evaluator.h"

namespace sievekit::exttest {

struct Compiled {
  std::shared_ptr<const vm::Program> program;  // null when compilation failed
  std::string diagnostics;                     // as Diagnose() describes them
};

inline Compiled Compile(std::string_view script,
                        const ir::Registry& registry = extensions::DefaultRegistry()) {
  auto source = std::make_shared<const SourceFile>("t.sieve", std::string(script));
  ir::FrontendResult front = ir::RunFrontend(source, registry);
  Compiled out;
  for (const Diagnostic& d : front.diagnostics.all()) {
    const LineColumn at = source->Locate(d.span.begin);
    out.diagnostics += fmt::format("{}:{} {}: {}\n", at.line, at.column, d.id(), d.message);
  }
  if (!front.ok()) return out;
  auto program = vm::GenerateProgram(front.script, registry);
  if (!program.ok()) {
    out.diagnostics += "codegen: " + program.error().message + "\n";
    return out;
  }
  out.program = *program;
  return out;
}

inline std::string Diagnose(std::string_view script,
                            const ir::Registry& registry = extensions::DefaultRegistry()) {
  return Compile(script, registry).diagnostics;
}

inline std::string Describe(const vm::EvalResult& result) {
  std::string out;
  auto add = [&out](const std::string& item) {
    if (!out.empty()) out += ' ';
    out += item;
  };
  for (const vm::RuntimeError& e : result.errors) add("error:" + std::string(e.id));
  for (const vm::RuntimeError& w : result.warnings) add("warning:" + std::string(w.id));
  for (const vm::Action& a : result.actions) {
    std::string item(a.type);
    for (const std::string* field : {&a.mailbox, &a.address, &a.reason}) {
      if (!field->empty()) item += ":" + *field;
    }
    for (size_t i = 0; i < a.flags.size(); ++i) {
      item += (i == 0 ? "[" : " ") + a.flags[i] + (i + 1 == a.flags.size() ? "]" : "");
    }
    if (a.copy) item += "(copy)";
    add(item);
  }
  if (result.implicit_keep) add("keep*");
  return out;
}

inline std::string RunScript(std::string_view script, std::string_view message,
                             const mail::Envelope& envelope = {},
                             const vm::EvalOptions& options = {},
                             const ir::Registry& registry = extensions::DefaultRegistry()) {
  const Compiled compiled = Compile(script, registry);
  if (compiled.program == nullptr) return "compile error: " + compiled.diagnostics;
  vm::Evaluator evaluator;
  return Describe(evaluator.Evaluate(*compiled.program, message, envelope, options));
}

}  // namespace sievekit::exttest
