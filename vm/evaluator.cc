// The interpreter loop and the Evaluator around it.
#include "vm/evaluator.h"

#include <time.h>

#include <fmt/format.h>

namespace sievekit::vm {
namespace {

void TraceCall(EvalContext& ctx, const ProgramCall& call, std::string_view outcome) {
  ctx.Trace(fmt::format("{}:{}: {} {}{}{}", call.line, call.column,
                        call.call.spec->kind == ir::CallKind::kTest ? "test" : "command",
                        call.call.spec->name, outcome.empty() ? "" : " => ", outcome));
}

}  // namespace

namespace {

// Leaves the innermost open block after a runtime error or an exit request;
// returns where to go on, or false to end the evaluation (an error that no
// block command cleared).
bool UnwindBlock(const Program& program, EvalContext& ctx, BlockEnd how, uint32_t* pc) {
  std::vector<EvalContext::OpenBlock>& open = ctx.open_blocks();
  while (!open.empty()) {
    const EvalContext::OpenBlock block = open.back();
    open.pop_back();
    const ProgramCall& call = program.calls()[block.call];
    ctx.set_current_call(&call);
    call.prepared->EndBlock(ctx, how);
    if (how == BlockEnd::kExit || !ctx.failed()) {
      *pc = block.end;
      return true;
    }
  }
  return false;
}

}  // namespace

namespace {

// CPU time of the calling thread, in nanoseconds.
uint64_t ThreadCpuNanos() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<uint64_t>(now.tv_sec) * 1'000'000'000u + static_cast<uint64_t>(now.tv_nsec);
}

}  // namespace

void Run(const Program& program, EvalContext& ctx) {
  // Raw pointers: the calls below cannot change the program, but the
  // compiler cannot know that and would reload the vectors' bounds after
  // every call (a rule set runs a few hundred instructions per message).
  const Instruction* const code = program.code().data();
  const uint32_t code_size = static_cast<uint32_t>(program.code().size());
  const ProgramCall* const calls = program.calls().data();
  const bool tracing = ctx.tracing();
  const uint32_t cpu_limit_ms = ctx.options().limits.max_cpu_time_ms;
  const uint64_t cpu_start = cpu_limit_ms != 0 ? ThreadCpuNanos() : 0;
  uint32_t steps = 0;
  uint32_t pc = 0;
  // Jumps only go forward, and a block repeats only when its command says
  // so (the verifier checks binaries), so this ends.
  while (pc < code_size) {
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
        ++pc;
        break;
      }
      case Opcode::kTestJumpIfTrue:
      case Opcode::kTestJumpIfFalse: {
        const ProgramCall& call = calls[ins.a];
        ctx.set_current_call(&call);
        const bool value = call.prepared->Run(ctx);
        if (tracing) TraceCall(ctx, call, value ? "true" : "false");
        pc = (value == (ins.op == Opcode::kTestJumpIfTrue)) ? ins.b : pc + 1;
        break;
      }
      case Opcode::kEnterBlock: {
        const ProgramCall& call = calls[ins.a];
        ctx.set_current_call(&call);
        const bool enter = call.prepared->Run(ctx);
        if (tracing) TraceCall(ctx, call, enter ? "enter" : "skip");
        if (enter && !ctx.failed()) ctx.open_blocks().push_back({ins.a, pc + 1, ins.b});
        pc = enter ? pc + 1 : ins.b;
        break;
      }
      case Opcode::kEndBlock: {
        const EvalContext::OpenBlock block = ctx.open_blocks().back();
        ctx.open_blocks().pop_back();
        const ProgramCall& call = calls[block.call];
        ctx.set_current_call(&call);
        if (call.prepared->EndBlock(ctx, BlockEnd::kNormal) == BlockNext::kRepeat &&
            !ctx.failed()) {
          ctx.open_blocks().push_back(block);
          pc = block.body;
        } else {
          pc = block.end;
        }
        break;
      }
    }
    if (cpu_limit_ms != 0 && ++steps % RuntimeLimits::kCpuCheckInterval == 0 && !ctx.failed() &&
        ThreadCpuNanos() - cpu_start > uint64_t{cpu_limit_ms} * 1'000'000u) {
      ctx.Fail("max-cpu-time",
               fmt::format("the script used more than {} ms of CPU time (limit max_cpu_time_ms)",
                           cpu_limit_ms));
      // No block command may carry on past this limit.
      ctx.open_blocks().clear();
      return;
    }
    if (ctx.failed()) [[unlikely]] {
      if (!UnwindBlock(program, ctx, BlockEnd::kError, &pc)) return;
    } else if (ctx.TakeBlockExit()) [[unlikely]] {
      if (!UnwindBlock(program, ctx, BlockEnd::kExit, &pc)) return;
    }
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
  return EvaluateMessage(program, message_, envelope, options);
}

const EvalResult& Evaluator::EvaluateMessage(const Program& program, mail::Message& message,
                                             const mail::Envelope& envelope,
                                             const EvalOptions& options) {
  context_.Begin(program, message, envelope, options);
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
  result_.warnings = context_.warnings();
  result_.trace = context_.trace();
  return result_;
}

}  // namespace sievekit::vm
