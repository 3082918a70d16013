// Fuzz target: a script and a message together. The input is split at the
// first NUL byte (script before, message after); a script that compiles is
// evaluated on the message and must end in a defined result: actions, or a
// runtime error with the implicit keep.
#include <cstdint>
#include <string>

#include "extensions/all_extensions.h"
#include "fuzz/fuzz_check.h"
#include "ir/frontend.h"
#include "vm/codegen.h"
#include "vm/evaluator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sievekit;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t split = input.find('\0');
  const std::string script = input.substr(0, split);
  const std::string message = split == std::string::npos ? std::string() : input.substr(split + 1);
  const ir::Registry& registry = extensions::DefaultRegistry();
  ir::FrontendResult front = ir::RunFrontend(std::make_shared<SourceFile>("fuzz", script), registry);
  if (!front.ok()) return 0;
  auto program = vm::GenerateProgram(front.script, registry);
  if (!program.ok()) return 0;
  static vm::Evaluator evaluator;
  const mail::Envelope envelope{"<sender@example.com>", "<rcpt@example.org>", "", ""};
  const vm::EvalResult& result = evaluator.Evaluate(**program, message, envelope);
  if (!result.errors.empty()) {
    FUZZ_CHECK(result.implicit_keep && result.actions.empty(), "an error keeps the message");
  }
  return 0;
}
