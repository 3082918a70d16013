// Evaluation cost per message with a warm Evaluator, as mail delivery holds
// it: GUI-shaped rule sets of 50 to 5,000 rules over generated messages
// (BM_EvaluatePerMessage, the rule-count curve), and the 200-rule set over
// messages of 10 to 640 header lines (BM_EvaluateHeaderLines, the header-size
// curve). The allocations counter counts heap allocations per evaluation
// (operator new is counted in this binary): warm evaluation must show 0.
// Run: build/bin/eval_benchmark (docs/benchmarks.md has the results).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "bench/message_generator.h"
#include "bench/script_generator.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "vm/codegen.h"
#include "vm/evaluator.h"

namespace {
std::atomic<uint64_t> g_allocations{0};
}  // namespace

void* operator new(size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
// GCC sees free() on memory from operator new; with the malloc-based
// operator new above, that pairing is right.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop

namespace sievekit::bench {
namespace {

std::shared_ptr<const vm::Program> CompileRules(int rules) {
  auto source = std::make_shared<SourceFile>("bench", GenerateRuleScript(rules));
  ir::CompileOptions options;
  options.limits.max_script_size = 1u << 30;
  ir::FrontendResult front = ir::RunFrontend(source, extensions::DefaultRegistry(), options);
  if (!front.ok()) return nullptr;
  auto program = vm::GenerateProgram(front.script, extensions::DefaultRegistry());
  return program.ok() ? *program : nullptr;
}

// Evaluates `messages` in turn with one warm Evaluator and reports the
// counters. The first pass over all messages warms every buffer up.
void EvaluateMessages(benchmark::State& state, const vm::Program& program,
                      const std::vector<std::string>& messages) {
  vm::Evaluator evaluator;
  const mail::Envelope envelope{"<sender@example.com>", "<bob@example.org>", "", ""};
  const vm::EvalOptions options;
  for (const std::string& m : messages) evaluator.Evaluate(program, m, envelope, options);
  size_t i = 0;
  uint64_t actions = 0;
  const uint64_t allocations_before = g_allocations.load();
  for (auto _ : state) {
    const vm::EvalResult& r = evaluator.Evaluate(program, messages[i], envelope, options);
    actions += r.actions.size();
    if (++i == messages.size()) i = 0;
  }
  state.counters["allocations_per_message"] = benchmark::Counter(
      static_cast<double>(g_allocations.load() - allocations_before) /
      static_cast<double>(state.iterations()));
  state.counters["messages_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  benchmark::DoNotOptimize(actions);
}

// The rule-count curve: state.range(0) rules, 200 messages of 20-40 header
// lines and 1 KB-200 KB.
void BM_EvaluatePerMessage(benchmark::State& state) {
  const auto program = CompileRules(static_cast<int>(state.range(0)));
  if (!program) {
    state.SkipWithError("rule script does not compile");
    return;
  }
  std::vector<std::string> messages;
  for (uint32_t i = 0; i < 200; ++i) messages.push_back(GenerateMessage(i));
  EvaluateMessages(state, *program, messages);
}
BENCHMARK(BM_EvaluatePerMessage)
    ->Arg(50)
    ->Arg(100)
    ->Arg(200)
    ->Arg(500)
    ->Arg(1000)
    ->Arg(2000)
    ->Arg(5000)
    ->Unit(benchmark::kMicrosecond);

// The header-size curve: the 200-rule set over 200 messages of
// state.range(0) header lines (bodies of 4 KB, so that only the header
// grows).
void BM_EvaluateHeaderLines(benchmark::State& state) {
  const auto program = CompileRules(200);
  if (!program) {
    state.SkipWithError("rule script does not compile");
    return;
  }
  MessageOptions shape;
  shape.header_lines = static_cast<int>(state.range(0));
  shape.body_size = 4096;
  std::vector<std::string> messages;
  size_t header_bytes = 0;
  for (uint32_t i = 0; i < 200; ++i) {
    messages.push_back(GenerateMessage(i, 7, shape));
    header_bytes += messages.back().find("\r\n\r\n");
  }
  EvaluateMessages(state, *program, messages);
  state.counters["header_bytes"] = static_cast<double>(header_bytes) / 200.0;
}
BENCHMARK(BM_EvaluateHeaderLines)
    ->Arg(10)
    ->Arg(20)
    ->Arg(40)
    ->Arg(80)
    ->Arg(160)
    ->Arg(320)
    ->Arg(640)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace sievekit::bench

BENCHMARK_MAIN();
