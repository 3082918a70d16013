// Parser and front-end throughput on large generated rule sets: bytes per
// second for the PEGTL parse alone, and for parse + validation (the whole
// compile front end). Run: build/bin/parse_benchmark
#include <benchmark/benchmark.h>

#include "bench/script_generator.h"
#include "common/source_file.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "parser/parser.h"

namespace sievekit::bench {
namespace {

Limits BenchLimits() {
  Limits limits;
  limits.max_script_size = 1u << 30;  // measure the parser, not the size limit
  return limits;
}

void BM_Parse(benchmark::State& state) {
  const auto source =
      std::make_shared<SourceFile>("bench", GenerateRuleScript(static_cast<int>(state.range(0))));
  const Limits limits = BenchLimits();
  for (auto _ : state) {
    syntax::ParseResult result = syntax::Parse(source, limits);
    if (result.diagnostics.has_errors()) state.SkipWithError("generated script has errors");
    benchmark::DoNotOptimize(result.tree.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(source->text().size()));
  state.counters["script_bytes"] = static_cast<double>(source->text().size());
}
BENCHMARK(BM_Parse)->Arg(200)->Arg(5000)->Unit(benchmark::kMillisecond);

void BM_ParseAndValidate(benchmark::State& state) {
  const auto source =
      std::make_shared<SourceFile>("bench", GenerateRuleScript(static_cast<int>(state.range(0))));
  ir::CompileOptions options;
  options.limits = BenchLimits();
  const ir::Registry& registry = extensions::DefaultRegistry();
  for (auto _ : state) {
    ir::FrontendResult result = ir::RunFrontend(source, registry, options);
    if (!result.ok()) state.SkipWithError("generated script has errors");
    benchmark::DoNotOptimize(result.script.body.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(source->text().size()));
}
BENCHMARK(BM_ParseAndValidate)->Arg(200)->Arg(5000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sievekit::bench

BENCHMARK_MAIN();
