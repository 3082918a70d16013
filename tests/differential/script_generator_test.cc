// Tests for the script generator: determinism, validity of everything it
// produces, that it covers the constructs the differential test is meant to
// exercise, that about half of its tests hold on generated messages, and
// that shrinking yields smaller valid scripts.
#include "tests/differential/script_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>

#include "common/source_file.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "tests/differential/message_generator.h"
#include "tests/differential/reference_evaluator.h"

namespace sievekit::differential {
namespace {

ir::FrontendResult Validate(const std::string& text) {
  return ir::RunFrontend(std::make_shared<const SourceFile>("generated.sieve", text),
                         extensions::DefaultRegistry());
}

std::string Diagnostics(const ir::FrontendResult& front) {
  std::string out;
  for (const Diagnostic& d : front.diagnostics.all()) {
    out += std::string(d.id()) + ": " + d.message + "\n";
  }
  return out;
}

TEST(ScriptGeneratorTest, SameSeedSameScriptOtherSeedOtherScript) {
  EXPECT_EQ(GenerateScript(42).Render(), GenerateScript(42).Render());
  EXPECT_NE(GenerateScript(42).Render(), GenerateScript(43).Render());
}

TEST(ScriptGeneratorTest, EveryScriptValidatesWithoutWarnings) {
  for (uint64_t seed = 0; seed < 2000; ++seed) {
    const std::string text = GenerateScript(seed).Render();
    const ir::FrontendResult front = Validate(text);
    ASSERT_TRUE(front.ok()) << "seed " << seed << ":\n" << text << Diagnostics(front);
    ASSERT_TRUE(front.diagnostics.all().empty()) << "seed " << seed << ":\n"
                                                 << text << Diagnostics(front);
  }
}

TEST(ScriptGeneratorTest, RequireListsExactlyTheExtensionsUsed) {
  const struct {
    std::string_view used;       // text that appears in the body
    std::string_view extension;  // what it needs
  } needs[] = {
      {"fileinto ", "\"fileinto\""}, {"envelope ", "\"envelope\""},
      {":copy", "\"copy\""},         {":count", "\"relational\""},
      {":user", "\"subaddress\""},   {"i;ascii-numeric\" ", "\"comparator-i;ascii-numeric\""},
  };
  for (uint64_t seed = 0; seed < 300; ++seed) {
    const std::string text = GenerateScript(seed).Render();
    const size_t body_start = text.starts_with("require") ? text.find('\n') + 1 : 0;
    const std::string_view require = std::string_view(text).substr(0, body_start);
    const std::string_view body = std::string_view(text).substr(body_start);
    for (const auto& n : needs) {
      if (body.find(n.used) != std::string_view::npos) {
        EXPECT_NE(require.find(n.extension), std::string_view::npos) << text;
      }
    }
    const bool relational = body.find(":count") != std::string_view::npos ||
                            body.find(":value") != std::string_view::npos;
    EXPECT_EQ(require.find("\"relational\"") != std::string_view::npos, relational) << text;
    const bool subaddress = body.find(":user") != std::string_view::npos ||
                            body.find(":detail") != std::string_view::npos;
    EXPECT_EQ(require.find("\"subaddress\"") != std::string_view::npos, subaddress) << text;
  }
}

TEST(ScriptGeneratorTest, CoversTheConstructsUnderTest) {
  std::string all;
  for (uint64_t seed = 0; seed < 300; ++seed) all += GenerateScript(seed).Render();
  for (const std::string_view construct : {"if ",
                                           "} elsif ",
                                           "} else {",
                                           "stop;",
                                           "not ",
                                           "anyof (",
                                           "allof (",
                                           "true",
                                           "false",
                                           "header ",
                                           "address ",
                                           "envelope ",
                                           "exists ",
                                           "size :over",
                                           "size :under",
                                           "keep;",
                                           "discard;",
                                           "fileinto ",
                                           "fileinto :copy",
                                           "redirect ",
                                           "redirect :copy",
                                           ":is ",
                                           ":contains ",
                                           ":matches ",
                                           ":value \"",
                                           ":count \"",
                                           "\"LT\"",
                                           ":comparator \"i;octet\"",
                                           ":comparator \"i;ascii-casemap\"",
                                           ":comparator \"i;ascii-numeric\"",
                                           ":all ",
                                           ":localpart ",
                                           ":domain ",
                                           ":user ",
                                           ":detail ",
                                           "\\\\*",
                                           "?",
                                           " 1K",
                                           "<alice@"}) {
    EXPECT_NE(all.find(construct), std::string::npos) << construct;
  }
  // Key lists of four keys and more (the VM's key sets and multi-key
  // searchers), and keys derived from message values: a pattern with an
  // escaped wildcard taken from "a*b?c", a piece of "abababac aab".
  size_t long_lists = 0;
  for (size_t open = all.find('['); open != std::string::npos; open = all.find('[', open + 1)) {
    const size_t close = all.find(']', open);
    const std::string_view list = std::string_view(all).substr(open, close - open);
    size_t commas = 0;
    for (size_t at = list.find("\", \""); at != std::string_view::npos;
         at = list.find("\", \"", at + 1)) {
      ++commas;
    }
    if (commas >= 3) ++long_lists;
  }
  EXPECT_GT(long_lists, 20u);
  EXPECT_NE(all.find("bab"), std::string::npos);
  // Three levels of nested blocks, never four.
  EXPECT_NE(all.find("\n    if "), std::string::npos);
  EXPECT_EQ(all.find("\n      if "), std::string::npos);
}

TEST(ScriptGeneratorTest, NeverUsesUnsupportedConstructs) {
  for (uint64_t seed = 0; seed < 500; ++seed) {
    const std::string text = GenerateScript(seed).Render();
    for (std::string_view banned :
         {"variables", "imap4flags", "reject", "set ", "${", "i;unicode"}) {
      EXPECT_EQ(text.find(banned), std::string::npos) << banned << " in\n" << text;
    }
    // i;ascii-numeric has no substring operation.
    EXPECT_EQ(text.find("\"i;ascii-numeric\" :contains"), std::string::npos);
    EXPECT_EQ(text.find(":contains :comparator \"i;ascii-numeric\""), std::string::npos);
  }
}

// The generators share a vocabulary so that tests are neither almost always
// true nor almost always false; this pins the balance and that duplicates
// and :copy make the implicit keep go both ways.
TEST(ScriptGeneratorTest, AboutHalfOfTheTestsHoldOnGeneratedMessages) {
  ReferenceStats stats;
  size_t implicit_keeps = 0;
  size_t pairs = 0;
  for (uint64_t seed = 0; seed < 300; ++seed) {
    const ir::FrontendResult front = Validate(GenerateScript(seed).Render());
    ASSERT_TRUE(front.ok());
    for (uint64_t m = 0; m < 5; ++m) {
      const GeneratedMessage message = GenerateMessage(seed * 5 + m);
      const ReferenceResult result =
          EvaluateReference(front.script, message.Render(), message.envelope, {}, &stats);
      ASSERT_EQ(result.error.find("unsupported"), std::string::npos) << result.error_message;
      ++pairs;
      if (result.implicit_keep) ++implicit_keeps;
    }
  }
  const double true_rate = static_cast<double>(stats.true_tests) / static_cast<double>(stats.tests);
  const double keep_rate = static_cast<double>(implicit_keeps) / static_cast<double>(pairs);
  std::printf("tests: %llu, true: %.3f; implicit keep: %.3f\n",
              static_cast<unsigned long long>(stats.tests), true_rate, keep_rate);
  EXPECT_GT(stats.tests, 5000u);
  EXPECT_GT(true_rate, 0.35);
  EXPECT_LT(true_rate, 0.65);
  EXPECT_GT(keep_rate, 0.15);
  EXPECT_LT(keep_rate, 0.85);
}

}  // namespace
}  // namespace sievekit::differential
