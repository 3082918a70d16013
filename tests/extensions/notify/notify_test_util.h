// Test helpers for extensions/notify: runs a script and describes its
// actions with the notify parameters spelled out, one action per line:
//   notify capability=enotify method=... importance=2 message=...
// (params in the order the action holds them, lists as [a,b]); other
// actions as exttest::Describe shows them; a runtime error as
// "error:ID: MESSAGE".
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "tests/extensions/eval_test_util.h"

namespace sievekit::notifytest {

inline std::string DescribeActions(const vm::EvalResult& r) {
  std::string out;
  for (const vm::RuntimeError& e : r.errors) {
    out += "error:" + std::string(e.id) + ": " + e.message + "\n";
  }
  for (const vm::Action& a : r.actions) {
    out += std::string(a.type);
    if (!a.mailbox.empty()) out += " " + a.mailbox;
    for (const vm::ActionParam& p : a.params) {
      out += " " + p.name + "=";
      if (const auto* s = std::get_if<std::string>(&p.value)) {
        out += *s;
      } else if (const auto* l = std::get_if<std::vector<std::string>>(&p.value)) {
        out += "[";
        for (size_t i = 0; i < l->size(); ++i) out += (i ? "," : "") + (*l)[i];
        out += "]";
      }
    }
    out += "\n";
  }
  if (r.implicit_keep) out += "keep*\n";
  return out;
}

inline std::string Run(std::string_view script, std::string_view message,
                       const mail::Envelope& envelope = {}, const vm::EvalOptions& options = {}) {
  const exttest::Compiled compiled = exttest::Compile(script);
  if (compiled.program == nullptr) return "compile error: " + compiled.diagnostics;
  vm::Evaluator evaluator;
  return DescribeActions(evaluator.Evaluate(*compiled.program, message, envelope, options));
}

}  // namespace sievekit::notifytest
