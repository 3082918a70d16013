// The program-level checks (see program_verifier.h).
#include "vm/program_verifier.h"

#include <fmt/format.h>

#include <set>
#include <string>
#include <vector>

#include "vm/call_verifier.h"

namespace sievekit::vm {
namespace {

Result<void> VerifyRequired(const Program& program, const ir::CompileOptions& options) {
  // A context only to ask about availability the way `require` does.
  const SourceFile no_source("", "");
  Diagnostics unused;
  const ir::ValidationContext context(program.registry(), options, no_source, unused);
  std::set<const ir::ExtensionSpec*> seen;
  for (const ir::ExtensionSpec* e : program.required()) {
    if (!seen.insert(e).second) {
      return Error{fmt::format("the extension '{}' is required twice", e->name)};
    }
    if (!context.IsAvailable(*e)) {
      return Error{
          fmt::format("the program requires the extension '{}', which is not available", e->name)};
    }
  }
  return {};
}

Result<void> VerifyCalls(const Program& program, const ir::CompileOptions& options) {
  CallVerifier verifier(program.registry(), options, program.required());
  const std::vector<ProgramCall>& calls = program.calls();
  for (size_t i = 0; i < calls.size(); ++i) {
    if (calls[i].call.spec == nullptr) return Error{fmt::format("call {} has no spec", i)};
    if (auto r = verifier.Verify(calls[i].call); !r.ok()) {
      return Error{
          fmt::format("call {} ('{}'): {}", i, calls[i].call.spec->name, r.error().message)};
    }
  }
  return {};
}

// Blocks nest properly: each enter-block at p with end e has the matching
// end-block at e-1 jumping back to p+1, blocks lie within their parents, and
// every jump stays inside the block it starts in (no jumping into or out of
// a block except through its ends). So the interpreter's stack of open
// blocks always matches the code.
Result<void> VerifyBlocks(const std::vector<Instruction>& code) {
  constexpr uint32_t kTopLevel = UINT32_MAX;
  std::vector<uint32_t> block_of(code.size(), kTopLevel);  // innermost enter-block pc
  std::vector<uint32_t> open;                              // enter-block pcs
  for (uint32_t pc = 0; pc < code.size(); ++pc) {
    while (!open.empty() && pc >= code[open.back()].b) open.pop_back();
    block_of[pc] = open.empty() ? kTopLevel : open.back();
    const Instruction& ins = code[pc];
    if (ins.op == Opcode::kEnterBlock) {
      const uint32_t end = ins.b;
      if (end <= pc + 1 || end >= code.size()) {
        return Error{fmt::format("instruction {} (enter-block): end {} is not after it and inside "
                                 "the code",
                                 pc, end)};
      }
      if (!open.empty() && end > code[open.back()].b - 1) {
        return Error{fmt::format("instruction {} (enter-block): the block ends past its parent",
                                 pc)};
      }
      const Instruction& last = code[end - 1];
      if (last.op != Opcode::kEndBlock || last.a != ins.a || last.b != pc + 1) {
        return Error{fmt::format("instruction {} (enter-block): no matching end-block at {}", pc,
                                 end - 1)};
      }
      open.push_back(pc);
    } else if (ins.op == Opcode::kEndBlock) {
      if (open.empty() || code[open.back()].b != pc + 1) {
        return Error{fmt::format("instruction {} (end-block): not the end of an open block", pc)};
      }
    }
  }
  for (uint32_t pc = 0; pc < code.size(); ++pc) {
    const Instruction& ins = code[pc];
    const bool jumps = ins.op == Opcode::kJump || ins.op == Opcode::kTestJumpIfTrue ||
                       ins.op == Opcode::kTestJumpIfFalse;
    if (jumps && block_of[ins.b] != block_of[pc]) {
      return Error{fmt::format("instruction {} ({}): the jump to {} crosses a block boundary", pc,
                               OpcodeName(ins.op), ins.b)};
    }
  }
  return {};
}

Result<void> VerifyCode(const Program& program) {
  const std::vector<Instruction>& code = program.code();
  const std::vector<ProgramCall>& calls = program.calls();
  if (code.empty()) return Error{"the code is empty (it must end with halt)"};
  std::vector<bool> referenced(calls.size(), false);
  for (size_t pc = 0; pc < code.size(); ++pc) {
    const Instruction& ins = code[pc];
    const uint8_t raw = static_cast<uint8_t>(ins.op);
    if (raw >= kOpcodeCount)
      return Error{fmt::format("instruction {}: unknown opcode {}", pc, raw)};
    const std::string where = fmt::format("instruction {} ({})", pc, OpcodeName(ins.op));
    bool uses_call = false;
    bool uses_target = false;
    switch (ins.op) {
      case Opcode::kHalt:
      case Opcode::kStop:
        break;
      case Opcode::kJump:
        uses_target = true;
        break;
      case Opcode::kExecute:
        uses_call = true;
        break;
      case Opcode::kTestJumpIfTrue:
      case Opcode::kTestJumpIfFalse:
        uses_call = uses_target = true;
        break;
      case Opcode::kEnterBlock:
      case Opcode::kEndBlock:
        uses_call = true;  // targets: checked with the block structure below
        break;
    }
    if (uses_call) {
      if (ins.a >= calls.size()) {
        return Error{fmt::format("{}: call {} out of range (the program has {})", where, ins.a,
                                 calls.size())};
      }
      const bool command = ins.op == Opcode::kExecute || ins.op == Opcode::kEnterBlock ||
                           ins.op == Opcode::kEndBlock;
      const ir::CallKind want = command ? ir::CallKind::kCommand : ir::CallKind::kTest;
      const ir::CallSpec& spec = *calls[ins.a].call.spec;
      if (spec.kind != want) {
        return Error{fmt::format("{}: call {} is the {} '{}', not a {}", where, ins.a,
                                 spec.kind == ir::CallKind::kTest ? "test" : "command", spec.name,
                                 want == ir::CallKind::kTest ? "test" : "command")};
      }
      const bool block_op = ins.op == Opcode::kEnterBlock || ins.op == Opcode::kEndBlock;
      if (block_op != spec.takes_block) {
        return Error{fmt::format("{}: the command '{}' {} a block", where, spec.name,
                                 spec.takes_block ? "takes" : "does not take")};
      }
      referenced[ins.a] = true;
    } else if (ins.a != 0) {
      return Error{fmt::format("{}: unused operand a is {}, not 0", where, ins.a)};
    }
    if (uses_target) {
      // Forward only: the interpreter needs no step limit to end.
      if (ins.b <= pc || ins.b >= code.size()) {
        return Error{fmt::format("{}: jump target {} is not after it and inside the code (0..{})",
                                 where, ins.b, code.size() - 1)};
      }
    } else if (ins.b != 0 && ins.op != Opcode::kEnterBlock && ins.op != Opcode::kEndBlock) {
      return Error{fmt::format("{}: unused operand b is {}, not 0", where, ins.b)};
    }
  }
  if (auto r = VerifyBlocks(code); !r.ok()) return r;
  if (code.back().op != Opcode::kHalt) {
    return Error{fmt::format("the last instruction ({}) is {}, not halt", code.size() - 1,
                             OpcodeName(code.back().op))};
  }
  for (size_t i = 0; i < referenced.size(); ++i) {
    if (!referenced[i]) {
      return Error{
          fmt::format("call {} ('{}') is not run by any instruction", i, calls[i].call.spec->name)};
    }
  }
  return {};
}

}  // namespace

Result<void> VerifyProgram(const Program& program, const ir::CompileOptions& options) {
  if (auto r = VerifyRequired(program, options); !r.ok()) return r;
  if (auto r = VerifyCalls(program, options); !r.ok()) return r;
  return VerifyCode(program);
}

}  // namespace sievekit::vm
