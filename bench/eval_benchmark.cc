// Evaluation cost per message: a GUI-shaped rule set (200 rules, and 5,000
// to show the growth) over generated messages, with a warm Evaluator as mail
// delivery would hold it. The allocations counter counts heap allocations per
// evaluation (operator new is counted in this binary); warm evaluation
// should allocate nothing. Run: build/bin/eval_benchmark
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

void BM_EvaluatePerMessage(benchmark::State& state) {
  const auto program = CompileRules(static_cast<int>(state.range(0)));
  if (!program) {
    state.SkipWithError("rule script does not compile");
    return;
  }
  std::vector<std::string> messages;
  for (uint32_t i = 0; i < 200; ++i) messages.push_back(GenerateMessage(i));
  vm::Evaluator evaluator;
  const mail::Envelope envelope{"<sender@example.com>", "<bob@example.org>", "", ""};
  const vm::EvalOptions options;
  for (const std::string& m : messages) evaluator.Evaluate(*program, m, envelope, options);  // warm
  size_t i = 0;
  uint64_t actions = 0;
  const uint64_t allocations_before = g_allocations.load();
  for (auto _ : state) {
    const vm::EvalResult& r = evaluator.Evaluate(*program, messages[i], envelope, options);
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
BENCHMARK(BM_EvaluatePerMessage)->Arg(200)->Arg(1000)->Arg(5000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace sievekit::bench

BENCHMARK_MAIN();
