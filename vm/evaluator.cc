// The interpreter loop and the Evaluator around it.
#include "vm/evaluator.h"

#include <fmt/format.h>

namespace sievekit::vm {
namespace {

void TraceCall(EvalContext& ctx, const ProgramCall& call, std::string_view outcome) {
  ctx.Trace(fmt::format("{}:{}: {} {}{}{}", call.line, call.column,
                        call.call.spec->kind == ir::CallKind::kTest ? "test" : "command",
                        call.call.spec->name, outcome.empty() ? "" : " => ", outcome));
}

}  // namespace

void Run(const Program& program, EvalContext& ctx) {
  const std::vector<Instruction>& code = program.code();
  const std::vector<ProgramCall>& calls = program.calls();
  const bool tracing = ctx.tracing();
  uint32_t pc = 0;
  // Jumps only go forward (the verifier checks binaries), so this ends.
  while (pc < code.size()) {
    const Instruction& ins = code[pc];
    switch (ins.op) {
      case Opcode::kHalt:
        return;
      case Opcode::kStop:
        if (tracing) ctx.Trace("stop");
        return;
      case Opcode::kJump:
        pc = ins.b;
        continue;
      case Opcode::kExecute: {
        const ProgramCall& call = calls[ins.a];
        ctx.set_current_call(&call);
        call.prepared->Run(ctx);
        if (tracing) TraceCall(ctx, call, "");
        if (ctx.failed()) return;
        ++pc;
        continue;
      }
      case Opcode::kTestJumpIfTrue:
      case Opcode::kTestJumpIfFalse: {
        const ProgramCall& call = calls[ins.a];
        ctx.set_current_call(&call);
        const bool value = call.prepared->Run(ctx);
        if (tracing) TraceCall(ctx, call, value ? "true" : "false");
        if (ctx.failed()) return;
        pc = (value == (ins.op == Opcode::kTestJumpIfTrue)) ? ins.b : pc + 1;
        continue;
      }
    }
    return;  // an unknown opcode cannot pass the verifier
  }
}

const EvalResult& Evaluator::Evaluate(const Program& program, std::string_view message,
                                      const mail::Envelope& envelope,
                                      const EvalOptions& options) {
  message_.Parse(message);
  return EvaluateParsed(program, envelope, options);
}

const EvalResult& Evaluator::EvaluateParsed(const Program& program,
                                            const mail::Envelope& envelope,
                                            const EvalOptions& options) {
  context_.Begin(program, message_, envelope, options);
  Run(program, context_);
  if (context_.failed()) {
    result_.actions = {};
    result_.implicit_keep = true;
  } else {
    result_.actions = context_.actions().all();
    result_.implicit_keep = context_.implicit_keep();
  }
  result_.implicit_keep_action =
      result_.implicit_keep ? &context_.FinishImplicitKeep() : nullptr;
  result_.errors = context_.errors();
  result_.trace = context_.trace();
  return result_;
}

}  // namespace sievekit::vm
