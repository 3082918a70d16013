// Code generation from IR (see codegen.h).
#include "vm/codegen.h"

namespace sievekit::vm {
namespace {

class CodeGenerator {
 public:
  CodeGenerator(const ir::Script& script, Program& program) : script_(script), program_(program) {}

  void Run() {
    for (const ir::ExtensionSpec* e : script_.required) program_.AddRequired(e);
    Block(script_.body);
    program_.Emit({Opcode::kHalt, 0, 0});
  }

 private:
  // Instruction indexes whose jump target is not known yet.
  using JumpList = std::vector<uint32_t>;

  void Patch(const JumpList& jumps, uint32_t target) {
    for (uint32_t pc : jumps) program_.PatchTarget(pc, target);
  }

  uint32_t AddCall(const ir::Call& call) {
    ir::Call copy = call;
    copy.block.clear();
    uint32_t line = 0, column = 0;
    if (script_.source) {
      const LineColumn at = script_.source->Locate(call.span.begin);
      line = at.line;
      column = at.column;
    }
    return program_.AddCall(std::move(copy), line, column);
  }

  void Block(const std::vector<ir::Statement>& body) {
    for (const ir::Statement& s : body) Statement(s);
  }

  void Statement(const ir::Statement& s) {
    switch (s.kind) {
      case ir::Statement::Kind::kStop:
        program_.Emit({Opcode::kStop, 0, 0});
        return;
      case ir::Statement::Kind::kCall: {
        const uint32_t call = AddCall(s.call);
        if (!s.call.spec->takes_block) {
          program_.Emit({Opcode::kExecute, call, 0});
          return;
        }
        const uint32_t enter = program_.Emit({Opcode::kEnterBlock, call, 0});
        Block(s.call.block);
        program_.Emit({Opcode::kEndBlock, call, enter + 1});
        program_.PatchTarget(enter, program_.next_pc());
        return;
      }
      case ir::Statement::Kind::kIf: {
        JumpList to_end;
        for (size_t i = 0; i < s.branches.size(); ++i) {
          const ir::Branch& branch = s.branches[i];
          JumpList to_next;
          Condition(branch.condition, /*jump_if=*/false, &to_next);
          Block(branch.body);
          const bool last = i + 1 == s.branches.size() && !s.else_body;
          if (!last) to_end.push_back(program_.Emit({Opcode::kJump, 0, 0}));
          Patch(to_next, program_.next_pc());
        }
        if (s.else_body) Block(*s.else_body);
        Patch(to_end, program_.next_pc());
        return;
      }
    }
  }

  // Emits code that jumps (adding the jump to `target`) when the test's
  // value equals `jump_if`, and falls through otherwise.
  void Condition(const ir::Test& t, bool jump_if, JumpList* target) {
    switch (t.kind) {
      case ir::Test::Kind::kTrue:
      case ir::Test::Kind::kFalse:
        if ((t.kind == ir::Test::Kind::kTrue) == jump_if) {
          target->push_back(program_.Emit({Opcode::kJump, 0, 0}));
        }
        return;
      case ir::Test::Kind::kNot:
        Condition(t.children.front(), !jump_if, target);
        return;
      case ir::Test::Kind::kCall:
        target->push_back(program_.Emit(
            {jump_if ? Opcode::kTestJumpIfTrue : Opcode::kTestJumpIfFalse, AddCall(t.call), 0}));
        return;
      case ir::Test::Kind::kAnyOf:
      case ir::Test::Kind::kAllOf: {
        // anyof jumps out on the first true child when looking for true, and
        // needs every child false to jump when looking for false; allof is
        // the mirror image.
        const bool short_circuit_value = t.kind == ir::Test::Kind::kAnyOf;
        if (jump_if == short_circuit_value) {
          for (const ir::Test& child : t.children) Condition(child, jump_if, target);
          return;
        }
        JumpList skip;
        for (size_t i = 0; i + 1 < t.children.size(); ++i) {
          Condition(t.children[i], short_circuit_value, &skip);
        }
        Condition(t.children.back(), jump_if, target);
        Patch(skip, program_.next_pc());
        return;
      }
    }
  }

  const ir::Script& script_;
  Program& program_;
};

}  // namespace

namespace {

std::shared_ptr<Program> Generate(const ir::Script& script, const ir::Registry& registry) {
  auto program = std::make_shared<Program>(registry, script.source ? script.source->name() : "");
  CodeGenerator(script, *program).Run();
  return program;
}

}  // namespace

Result<std::shared_ptr<const Program>> GenerateProgram(const ir::Script& script,
                                                       const ir::Registry& registry) {
  std::shared_ptr<Program> program = Generate(script, registry);
  if (auto prepared = program->Prepare(); !prepared.ok()) return prepared.error();
  return std::shared_ptr<const Program>(std::move(program));
}

Result<std::shared_ptr<const Program>> GenerateUnpreparedProgram(const ir::Script& script,
                                                                 const ir::Registry& registry) {
  return std::shared_ptr<const Program>(Generate(script, registry));
}

}  // namespace sievekit::vm
