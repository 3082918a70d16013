// VerifyProgram: the checks a Program from untrusted bytes must pass before
// it is prepared and run. The interpreter (evaluator.cc) trusts what this
// verifies — call indexes in range, the right kind of call for each
// instruction, forward jumps only (so every run ends), a final halt — and
// the run-time hooks trust what CallVerifier re-checks for each call.
//
// Programs made by codegen pass it too (a test checks that on the corpus),
// so it states the invariants of every Program, not of the binary format.
// It does not prepare the program and does not modify it.
#pragma once

#include "common/result.h"
#include "ir/validation_context.h"
#include "vm/program.h"

namespace sievekit::vm {

// Checks, in order: the required extensions (each at most once, each
// available under `options`); every call (CallVerifier, each error naming
// the call); the code (known opcodes; execute on command calls and the
// test jumps on test calls, with call indexes in range; jump targets
// strictly forward and inside the code; unused operands zero; the last
// instruction a halt; every call run by at least one instruction).
Result<void> VerifyProgram(const Program& program, const ir::CompileOptions& options = {});

}  // namespace sievekit::vm
