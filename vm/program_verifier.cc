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
    }
    if (uses_call) {
      if (ins.a >= calls.size()) {
        return Error{fmt::format("{}: call {} out of range (the program has {})", where, ins.a,
                                 calls.size())};
      }
      const ir::CallKind want =
          ins.op == Opcode::kExecute ? ir::CallKind::kCommand : ir::CallKind::kTest;
      const ir::CallSpec& spec = *calls[ins.a].call.spec;
      if (spec.kind != want) {
        return Error{fmt::format("{}: call {} is the {} '{}', not a {}", where, ins.a,
                                 spec.kind == ir::CallKind::kTest ? "test" : "command", spec.name,
                                 want == ir::CallKind::kTest ? "test" : "command")};
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
    } else if (ins.b != 0) {
      return Error{fmt::format("{}: unused operand b is {}, not 0", where, ins.b)};
    }
  }
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
