// Program: a compiled Sieve script — instructions, the calls they run (each
// with its validated operands and its prepared, runnable form), the
// extensions it requires, and where each call sits in the source (for
// runtime errors, even when loaded from a binary without the source).
//
// A Program is immutable once built and safe to evaluate from many threads
// at once; hold it through std::shared_ptr<const Program>. It is built by
// codegen.h (from IR) or by binary.h (from a saved file); both prepare every
// call through the registry's run-time hooks before handing it out.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "ir/ir.h"
#include "ir/registry.h"
#include "vm/call_runtime.h"
#include "vm/opcodes.h"

namespace sievekit::vm {

struct ProgramCall {
  ir::Call call;  // operands; ir::Call::block is always empty here
  uint32_t line = 0;
  uint32_t column = 0;
  std::unique_ptr<PreparedCall> prepared;
};

class Program {
 public:
  Program(const ir::Registry& registry, std::string source_name);

  const ir::Registry& registry() const { return *registry_; }
  const std::string& source_name() const { return source_name_; }
  const std::vector<const ir::ExtensionSpec*>& required() const { return required_; }
  const std::vector<Instruction>& code() const { return code_; }
  const std::vector<ProgramCall>& calls() const { return calls_; }
  bool Requires(std::string_view extension) const;
  // Whether any string reads a match variable (${0}..${9}); matches record
  // their captures only then.
  bool reads_match_variables() const { return reads_match_variables_; }

  // ---- Building (codegen and the binary loader only) ----
  void AddRequired(const ir::ExtensionSpec* extension) { required_.push_back(extension); }
  // Room for this many calls and instructions, so that building a large
  // program does not move every call record as the vectors grow.
  void Reserve(size_t calls, size_t instructions) {
    calls_.reserve(calls);
    code_.reserve(instructions);
  }
  uint32_t AddCall(const ir::Call& call, uint32_t line, uint32_t column);
  uint32_t AddCall(ir::Call&& call, uint32_t line, uint32_t column);
  uint32_t Emit(Instruction instruction);
  uint32_t next_pc() const { return static_cast<uint32_t>(code_.size()); }
  void PatchTarget(uint32_t pc, uint32_t target) { code_[pc].b = target; }
  // Prepares every call; an Error names the call that could not be prepared.
  Result<void> Prepare();

 private:
  const ir::Registry* registry_;
  std::string source_name_;
  std::vector<const ir::ExtensionSpec*> required_;
  std::vector<Instruction> code_;
  std::vector<ProgramCall> calls_;
  bool reads_match_variables_ = false;
};

}  // namespace sievekit::vm
