// The test-file runner (see testsuite_runner.h).
#include "tools/testsuite_runner.h"

#include "common/diagnostic_render.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "tools/script_input.h"

#include <fmt/format.h>
#include "vm/codegen.h"
#include "vm/evaluator.h"

namespace sievekit::tools {

TestFileReport RunTestFile(const std::string& path) {
  TestFileReport report;
  report.file = path;
  auto source = ReadScript(path);
  if (!source.ok()) {
    report.compile_errors = source.error().message;
    return report;
  }
  const ir::Registry& registry = extensions::DefaultRegistry();
  ir::CompileOptions options;
  options.allow_testsuite = true;
  ir::FrontendResult front = ir::RunFrontend(*source, registry, options);
  if (!front.ok()) {
    report.compile_errors = RenderText(**source, front.diagnostics);
    return report;
  }
  auto program = vm::GenerateProgram(front.script, registry);
  if (!program.ok()) {
    report.compile_errors = program.error().message;
    return report;
  }
  report.compiled = true;
  extensions::TestsuiteHost host(registry, path);
  // The test file runs with the host's options, which test_config_reload
  // changes in place: upstream's settings apply to the file's own commands
  // too (a variable size limit, the subaddress separators).
  vm::Evaluator evaluator;
  const vm::EvalResult& result =
      evaluator.EvaluateMessage(**program, host.message(), host.envelope(), host.file_options());
  if (host.in_test()) host.EndTest();  // a `stop` inside a test block
  report.outcomes = host.outcomes();
  if (!result.errors.empty()) {
    const vm::RuntimeError& e = result.errors.front();
    report.runtime_error = fmt::format("line {}: {}", e.line, e.message);
  }
  return report;
}

}  // namespace sievekit::tools
