// Fuzz target: validation and code generation. Any input must compile to a
// program or to diagnostics, never crash; a program's calls must all be
// prepared.
#include <cstdint>
#include <string>

#include "extensions/all_extensions.h"
#include "fuzz/fuzz_check.h"
#include "ir/frontend.h"
#include "vm/codegen.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sievekit;
  auto source = std::make_shared<SourceFile>(
      "fuzz", std::string(reinterpret_cast<const char*>(data), size));
  const ir::Registry& registry = extensions::DefaultRegistry();
  ir::FrontendResult front = ir::RunFrontend(source, registry);
  if (!front.ok()) return 0;
  auto program = vm::GenerateProgram(front.script, registry);
  FUZZ_CHECK(program.ok(), "a validated script generates a program");
  for (const vm::ProgramCall& call : (*program)->calls()) {
    FUZZ_CHECK(call.prepared != nullptr, "every call is prepared");
  }
  return 0;
}
