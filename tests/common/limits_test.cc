// Tests for common/limits.h: every compile-time limit, exceeded by one, is
// a diagnostic with its own id whose message names the limit, and the
// script does not compile; at the limit it compiles. Run through the
// library API, as a host configures the limits (CompileOptions::limits).
#include "common/limits.h"

#include <functional>
#include <string>

#include <gtest/gtest.h>

#include "sievekit/sievekit.h"

namespace sievekit {
namespace {

std::string Nested(int depth, std::string_view open, std::string_view inner,
                   std::string_view close) {
  std::string out;
  for (int i = 0; i < depth; ++i) out += open;
  out += inner;
  for (int i = 0; i < depth; ++i) out += close;
  return out;
}

std::string Sets(int count) {
  std::string out = "require \"variables\";\n";
  for (int i = 0; i < count; ++i) out += "set \"v" + std::to_string(i) + "\" \"x\";\n";
  return out;
}

std::string Errors(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += "nosuchcommand;\n";
  return out;
}

TEST(LimitsTest, EachCompileLimitHasItsDiagnostic) {
  const struct {
    std::string_view limit;  // named in the diagnostic's message
    std::string_view id;
    std::function<void(Limits&)> configure;
    std::string at_limit;    // compiles
    std::string past_limit;  // does not
  } cases[] = {
      {"max_script_size", "script-too-large", [](Limits& l) { l.max_script_size = 8; },
       "keep;   ", "keep;    "},
      {"max_block_depth", "block-nesting-too-deep", [](Limits& l) { l.max_block_depth = 3; },
       Nested(3, "if true {", "keep;", "}"), Nested(4, "if true {", "keep;", "}")},
      {"max_test_depth", "test-nesting-too-deep", [](Limits& l) { l.max_test_depth = 3; },
       // The if's test is at depth 1: three levels are two nots.
       "if " + Nested(2, "not ", "true", "") + " { keep; }",
       "if " + Nested(3, "not ", "true", "") + " { keep; }"},
      {"max_string_length", "string-too-long", [](Limits& l) { l.max_string_length = 4; },
       "if header :is \"x\" \"abcd\" { keep; }", "if header :is \"x\" \"abcde\" { keep; }"},
      {"max_list_length", "list-too-long", [](Limits& l) { l.max_list_length = 2; },
       "if header :is \"x\" [\"a\", \"b\"] { keep; }",
       "if header :is \"x\" [\"a\", \"b\", \"c\"] { keep; }"},
      {"max_variable_name_length", "variable-name-too-long",
       [](Limits& l) { l.max_variable_name_length = 4; },
       "require \"variables\"; set \"abcd\" \"x\";", "require \"variables\"; set \"abcde\" \"x\";"},
      {"max_variables", "too-many-variables", [](Limits& l) { l.max_variables = 3; }, Sets(3),
       Sets(4)},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.id);
    CompileOptions options;
    c.configure(options.limits);
    const CompileResult ok = Compile(c.at_limit, "limit.sieve", options);
    EXPECT_TRUE(ok.ok()) << ok.ErrorsText();
    const CompileResult past = Compile(c.past_limit, "limit.sieve", options);
    EXPECT_FALSE(past.ok());
    ASSERT_FALSE(past.diagnostics.all().empty());
    const Diagnostic& first = past.diagnostics.all().front();
    EXPECT_EQ(first.id(), c.id);
    EXPECT_NE(first.message.find(c.limit), std::string::npos) << first.message;
  }
}

TEST(LimitsTest, ErrorsAreCappedAtMaxErrors) {
  const struct {
    uint32_t max_errors;
    int errors;
    size_t reported;  // diagnostics listed, the cap's own included
    bool capped;
  } cases[] = {
      {3, 2, 2, false},
      // Reaching the cap ends the listing: the compiler cannot tell whether
      // more would follow.
      {3, 3, 4, true},
      {3, 50, 4, true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.errors);
    CompileOptions options;
    options.limits.max_errors = c.max_errors;
    const CompileResult result = Compile(Errors(c.errors), "errors.sieve", options);
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.all().size(), c.reported);
    EXPECT_EQ(result.diagnostics.all().back().id() == "too-many-errors", c.capped);
    if (c.capped) {
      EXPECT_EQ(result.diagnostics.all().back().message,
                "too many errors; stopping after 3 (max_errors)");
    }
  }
}

TEST(LimitsTest, DefaultsAreTheDocumentedOnes) {
  const Limits limits;
  EXPECT_EQ(limits.max_script_size, 1u << 20);
  EXPECT_EQ(limits.max_block_depth, 32u);
  EXPECT_EQ(limits.max_test_depth, 32u);
  EXPECT_EQ(limits.max_string_length, 1u << 20);
  EXPECT_EQ(limits.max_list_length, 65536u);
  EXPECT_EQ(limits.max_errors, 20u);
  EXPECT_EQ(limits.max_variable_name_length, 64u);
  EXPECT_EQ(limits.max_variables, 256u);
}

}  // namespace
}  // namespace sievekit
