// Fuzz target: the binary loader. Any bytes must be refused with an Error or
// load into a program that evaluates and saves back to the same bytes.
#include <cstdint>
#include <string>

#include "extensions/all_extensions.h"
#include "fuzz/fuzz_check.h"
#include "vm/binary.h"
#include "vm/evaluator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sievekit;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto program = vm::LoadProgram(bytes, extensions::DefaultRegistry());
  if (!program.ok()) {
    FUZZ_CHECK(!program.error().message.empty(), "a refusal says why");
    return 0;
  }
  FUZZ_CHECK(vm::SaveProgram(**program) == bytes, "an accepted binary saves back identically");
  static vm::Evaluator evaluator;
  const mail::Envelope envelope{"<sender@example.com>", "<rcpt@example.org>", "", ""};
  const vm::EvalResult& result = evaluator.Evaluate(
      **program, "From: a@example.com\r\nSubject: hello\r\n\r\nbody\r\n", envelope);
  if (!result.errors.empty()) FUZZ_CHECK(result.implicit_keep, "an error keeps the message");
  return 0;
}
