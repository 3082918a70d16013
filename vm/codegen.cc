// Code generation from IR (see codegen.h).
#include "vm/codegen.h"

#include <array>
#include <type_traits>
#include <utility>

namespace sievekit::vm {
namespace {

// Calls and instructions a script compiles to, counted before generating so
// that the program's vectors are allocated once.
struct Size {
  size_t calls = 0;
  size_t instructions = 1;  // halt

  void Block(const std::vector<ir::Statement>& body) {
    for (const ir::Statement& s : body) Statement(s);
  }
  void Statement(const ir::Statement& s) {
    switch (s.kind) {
      case ir::Statement::Kind::kStop:
        ++instructions;
        return;
      case ir::Statement::Kind::kCall:
        ++calls;
        instructions += 2;  // execute, or enter-block and end-block
        Block(s.call.block);
        return;
      case ir::Statement::Kind::kIf:
        for (const ir::Branch& branch : s.branches) {
          Test(branch.condition);
          Block(branch.body);
          ++instructions;  // the jump to the end
        }
        if (s.else_body) Block(*s.else_body);
        return;
    }
  }
  void Test(const ir::Test& t) {
    if (t.kind == ir::Test::Kind::kCall) ++calls;
    ++instructions;  // a test or jump (not, anyof and allof add none)
    for (const ir::Test& child : t.children) Test(child);
  }
};

// kConsume: the script's call operands are moved into the program rather
// than copied (see codegen.h).
template <bool kConsume>
class CodeGenerator {
 public:
  using Script = std::conditional_t<kConsume, ir::Script, const ir::Script>;
  using Statement = std::conditional_t<kConsume, ir::Statement, const ir::Statement>;
  using Test = std::conditional_t<kConsume, ir::Test, const ir::Test>;
  using Call = std::conditional_t<kConsume, ir::Call, const ir::Call>;

  CodeGenerator(Script& script, Program& program) : script_(script), program_(program) {}

  void Run() {
    Size size;
    size.Block(script_.body);
    program_.Reserve(size.calls, size.instructions);
    for (const ir::ExtensionSpec* e : script_.required) program_.AddRequired(e);
    Block(script_.body);
    program_.Emit({Opcode::kHalt, 0, 0});
  }

 private:
  // Instruction indexes whose jump target is not known yet. Most lists hold
  // a jump or two, so the first few live inline (a script makes one list
  // per condition; allocating each would cost more than the jumps).
  class JumpList {
   public:
    void push_back(uint32_t pc) {
      if (size_ < kInline) {
        inline_[size_] = pc;
      } else {
        more_.push_back(pc);
      }
      ++size_;
    }
    template <typename F>
    void ForEach(F f) const {
      for (size_t i = 0; i < size_ && i < kInline; ++i) f(inline_[i]);
      for (uint32_t pc : more_) f(pc);
    }

   private:
    static constexpr size_t kInline = 4;
    std::array<uint32_t, kInline> inline_;
    size_t size_ = 0;
    std::vector<uint32_t> more_;
  };

  void Patch(const JumpList& jumps, uint32_t target) {
    jumps.ForEach([&](uint32_t pc) { program_.PatchTarget(pc, target); });
  }

  uint32_t AddCall(Call& call) {
    uint32_t line = 0, column = 0;
    if (script_.source) {
      const LineColumn at = script_.source->Locate(call.span.begin, &line_hint_);
      line = at.line;
      column = at.column;
    }
    if constexpr (kConsume) {
      // The block stays in the script: the caller generates it next.
      std::vector<ir::Statement> block = std::move(call.block);
      call.block.clear();
      const uint32_t index = program_.AddCall(std::move(call), line, column);
      call.block = std::move(block);
      return index;
    } else {
      ir::Call copy = call;
      copy.block.clear();
      return program_.AddCall(std::move(copy), line, column);
    }
  }

  void Block(std::conditional_t<kConsume, std::vector<ir::Statement>,
                                const std::vector<ir::Statement>>& body) {
    for (Statement& s : body) GenerateStatement(s);
  }

  void GenerateStatement(Statement& s) {
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
          auto& branch = s.branches[i];
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
  void Condition(Test& t, bool jump_if, JumpList* target) {
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
          for (Test& child : t.children) Condition(child, jump_if, target);
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

  Script& script_;
  Program& program_;
  uint32_t line_hint_ = 0;  // for SourceFile::Locate: calls come in source order
};

template <bool kConsume>
std::shared_ptr<Program> Generate(typename CodeGenerator<kConsume>::Script& script,
                                  const ir::Registry& registry) {
  auto program = std::make_shared<Program>(registry, script.source ? script.source->name() : "");
  CodeGenerator<kConsume>(script, *program).Run();
  return program;
}

Result<std::shared_ptr<const Program>> Prepared(std::shared_ptr<Program> program) {
  if (auto prepared = program->Prepare(); !prepared.ok()) return prepared.error();
  return std::shared_ptr<const Program>(std::move(program));
}

}  // namespace

Result<std::shared_ptr<const Program>> GenerateProgram(const ir::Script& script,
                                                       const ir::Registry& registry) {
  return Prepared(Generate<false>(script, registry));
}

Result<std::shared_ptr<const Program>> GenerateUnpreparedProgram(const ir::Script& script,
                                                                 const ir::Registry& registry) {
  return std::shared_ptr<const Program>(Generate<false>(script, registry));
}

Result<std::shared_ptr<const Program>> GenerateProgram(ir::Script&& script,
                                                       const ir::Registry& registry) {
  return Prepared(Generate<true>(script, registry));
}

Result<std::shared_ptr<const Program>> GenerateUnpreparedProgram(ir::Script&& script,
                                                                 const ir::Registry& registry) {
  return std::shared_ptr<const Program>(Generate<true>(script, registry));
}

}  // namespace sievekit::vm
