// Test helpers for vm/: compile Sieve text with every extension and run it
// on message text. Failures to compile are test failures that show the
// diagnostics.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/diagnostic_render.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "vm/codegen.h"
#include "vm/evaluator.h"

namespace sievekit::vm::vmtest {

inline std::shared_ptr<const Program> CompileText(const std::string& script) {
  auto source = std::make_shared<SourceFile>("test.sieve", script);
  ir::FrontendResult front = ir::RunFrontend(source, extensions::DefaultRegistry());
  EXPECT_TRUE(front.ok()) << RenderText(*source, front.diagnostics);
  if (!front.ok()) return nullptr;
  auto program = GenerateProgram(front.script, extensions::DefaultRegistry());
  EXPECT_TRUE(program.ok()) << (program.ok() ? "" : program.error().message);
  return program.ok() ? *program : nullptr;
}

// A compact description of a result: "fileinto:Junk redirect:a@b keep*"
// where "keep*" is the implicit keep and "error:ID" a runtime error.
inline std::string Describe(const EvalResult& result) {
  std::string out;
  auto add = [&](const std::string& s) { out += (out.empty() ? "" : " ") + s; };
  for (const RuntimeError& e : result.errors) add("error:" + std::string(e.id));
  for (const Action& a : result.actions) {
    std::string s(a.type);
    if (!a.mailbox.empty()) s += ":" + a.mailbox;
    if (!a.address.empty()) s += ":" + a.address;
    if (!a.reason.empty()) s += ":" + a.reason;
    if (a.copy) s += "(copy)";
    add(s);
  }
  if (result.implicit_keep) add("keep*");
  return out;
}

inline std::string RunScript(const Program& program, const std::string& message,
                       const mail::Envelope& envelope = {}, const EvalOptions& options = {}) {
  Evaluator evaluator;
  return Describe(evaluator.Evaluate(program, message, envelope, options));
}

}  // namespace sievekit::vm::vmtest
