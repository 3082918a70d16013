// GenerateProgram: validated IR → a prepared, runnable Program.
//
// Statements become instructions; each command or test becomes one call
// record. Conditions compile to conditional jumps with jump lists: `not`
// swaps the sense of the jump, anyof/allof jump out as soon as their result
// is known. The script must have passed validation.
#pragma once

#include <memory>

#include "common/result.h"
#include "ir/ir.h"
#include "ir/registry.h"
#include "vm/program.h"

namespace sievekit::vm {

Result<std::shared_ptr<const Program>> GenerateProgram(const ir::Script& script,
                                                       const ir::Registry& registry);

// The same without preparing the calls (Program::Prepare): the result can be
// saved (SaveProgram), dumped or disassembled, but not evaluated. For a
// compiler that only writes the binary: whoever loads it prepares it then.
Result<std::shared_ptr<const Program>> GenerateUnpreparedProgram(const ir::Script& script,
                                                                 const ir::Registry& registry);

// The same two, taking the operands of the script's calls instead of
// copying them (a large script's calls hold most of its strings): the
// script keeps its shape, but its calls are left without arguments.
Result<std::shared_ptr<const Program>> GenerateProgram(ir::Script&& script,
                                                       const ir::Registry& registry);
Result<std::shared_ptr<const Program>> GenerateUnpreparedProgram(ir::Script&& script,
                                                                 const ir::Registry& registry);

}  // namespace sievekit::vm
