// Program assembly and preparation.
#include "vm/program.h"

#include <fmt/format.h>

namespace sievekit::vm {

std::string_view OpcodeName(Opcode op) {
  switch (op) {
    case Opcode::kHalt: return "halt";
    case Opcode::kStop: return "stop";
    case Opcode::kExecute: return "execute";
    case Opcode::kTestJumpIfTrue: return "test-jump-if-true";
    case Opcode::kTestJumpIfFalse: return "test-jump-if-false";
    case Opcode::kJump: return "jump";
    case Opcode::kEnterBlock: return "enter-block";
    case Opcode::kEndBlock: return "end-block";
  }
  return "?";
}

Program::Program(const ir::Registry& registry, std::string source_name)
    : registry_(&registry), source_name_(std::move(source_name)) {}

bool Program::Requires(std::string_view extension) const {
  for (const ir::ExtensionSpec* e : required_) {
    if (e->name == extension) return true;
  }
  return false;
}

uint32_t Program::AddCall(const ir::Call& call, uint32_t line, uint32_t column) {
  return AddCall(ir::Call(call), line, column);
}

uint32_t Program::AddCall(ir::Call&& call, uint32_t line, uint32_t column) {
  // Built in place: a call record is large, and each move of it costs.
  // (Member by member: clang 14 cannot emplace an aggregate from arguments.)
  ProgramCall& added = calls_.emplace_back();
  added.call = std::move(call);
  added.line = line;
  added.column = column;
  return static_cast<uint32_t>(calls_.size() - 1);
}

uint32_t Program::Emit(Instruction instruction) {
  code_.push_back(instruction);
  return static_cast<uint32_t>(code_.size() - 1);
}

Result<void> Program::Prepare() {
  PrepareContext context(required_);
  for (ProgramCall& entry : calls_) {
    const ir::CallSpec& spec = *entry.call.spec;
    if (spec.runtime == nullptr || spec.runtime->prepare == nullptr) {
      return Error{fmt::format("'{}' cannot run: no run-time implementation", spec.name)};
    }
    auto prepared = spec.runtime->prepare(entry.call, context);
    if (!prepared.ok()) {
      return Error{fmt::format("line {}: '{}': {}", entry.line, spec.name,
                               prepared.error().message)};
    }
    entry.prepared = std::move(*prepared);
  }
  reads_match_variables_ = context.reads_match_variables();
  return {};
}

}  // namespace sievekit::vm
