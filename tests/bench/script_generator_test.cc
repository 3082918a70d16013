// Tests for bench/script_generator: the same inputs give the same script,
// it has the rules asked for in the shapes GUIs write, and it compiles
// without a diagnostic (Pigeonhole must accept it too: compare.sh checks
// that with its sievec).
#include "bench/script_generator.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/source_file.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"

namespace sievekit::bench {
namespace {

size_t Count(const std::string& text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ScriptGeneratorTest, DeterministicAndShaped) {
  EXPECT_EQ(GenerateRuleScript(50), GenerateRuleScript(50));
  EXPECT_NE(GenerateRuleScript(50, 1), GenerateRuleScript(50, 2));
  const std::string script = GenerateRuleScript(200);
  EXPECT_EQ(Count(script, "# rule:[Rule "), 200u);
  for (std::string_view shape : {"header :contains", "address :domain :is", "header :matches",
                                 "size :over", "envelope :is", "redirect", "stop;"}) {
    EXPECT_GT(Count(script, shape), 10u) << shape;
  }
}

TEST(ScriptGeneratorTest, Compiles) {
  for (int rules : {1, 200, 5000}) {
    auto source = std::make_shared<SourceFile>("generated", GenerateRuleScript(rules));
    const ir::FrontendResult result =
        ir::RunFrontend(source, extensions::DefaultRegistry(), ir::CompileOptions());
    EXPECT_TRUE(result.ok()) << rules;
    EXPECT_TRUE(result.diagnostics.all().empty()) << rules;
  }
}

}  // namespace
}  // namespace sievekit::bench
