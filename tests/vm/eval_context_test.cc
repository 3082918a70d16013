// Tests for the runtime limits of vm/eval_context (RuntimeLimits, and the
// limits extensions enforce through EvalContext::Fail): each one, exceeded,
// is a runtime error whose id and message name the limit, with the message
// kept by the implicit keep and none of the script's actions applied; and
// the accounting of max_match_work, pass by pass.
#include "vm/eval_context.h"

#include <functional>
#include <string>

#include <gtest/gtest.h>

#include "extensions/notify/notify.h"
#include "tests/vm/vm_test_util.h"

namespace sievekit::vm {
namespace {

using vmtest::CompileText;
using vmtest::RunScript;

const std::string kMessage =
    "From: Alice <alice@example.com>\r\n"
    "To: bob@example.org\r\n"
    "Subject: hello world\r\n"
    "\r\n"
    "Hello Bob.\r\n";

std::string Repeat(std::string_view text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

TEST(EvalContextLimitsTest, EveryRuntimeLimitKeepsTheMessageAndNamesTheLimit) {
  const struct {
    std::string_view limit;     // the field named in the message
    std::string_view error_id;  // the runtime error's id
    std::string script;
    std::string message;
    std::function<void(EvalOptions&)> configure;
    std::string_view expected_message;
  } cases[] = {
      {"max_actions", "max-actions",
       "require \"fileinto\"; fileinto \"a\"; fileinto \"b\"; fileinto \"c\"; fileinto \"d\";",
       kMessage, [](EvalOptions& o) { o.limits.max_actions = 3; },
       "total number of actions exceeds policy limit of 3 (max_actions)"},
      {"max_redirects", "max-redirects",
       "redirect \"a@example.com\"; redirect \"b@example.com\"; redirect \"c@example.com\";",
       kMessage, [](EvalOptions& o) { o.limits.max_redirects = 2; },
       "number of redirect actions exceeds policy limit of 2 (max_redirects)"},
      {"max_variables", "max-variables",
       "require \"variables\"; set \"a\" \"1\"; set \"b\" \"2\"; set \"c\" \"3\"; discard;",
       kMessage, [](EvalOptions& o) { o.limits.max_variables = 2; },
       "more than 2 variables (limit max_variables)"},
      {"max_cpu_time_ms", "max-cpu-time",
       Repeat("if header :contains \"subject\" \"needle\" { discard; }\n", 4000),
       "Subject: " + std::string(60000, 'x') + "\r\n\r\nbody\r\n",
       [](EvalOptions& o) { o.limits.max_cpu_time_ms = 1; },
       "the script used more than 1 ms of CPU time (limit max_cpu_time_ms)"},
      {"max_match_work", "max-match-work",
       "if header :contains \"subject\" \"needle\" { discard; }\n"
       "if header :contains \"subject\" \"needle\" { discard; }\n"
       "discard;",
       kMessage, [](EvalOptions& o) { o.limits.max_match_work = 20; },
       "the tests compared more than 20 bytes of values (limit max_match_work)"},
      {"max_notifications", "max-notifications",
       "require \"enotify\"; notify \"mailto:a@example.com\"; "
       "notify \"mailto:b@example.com\";",
       kMessage,
       [](EvalOptions& o) {
         o.extension_config.Set(extensions::NotifyConfig{.max_notifications = 1});
       },
       "number of notify actions exceeds policy limit of 1 (max_notifications)"},
      {"max_notifications", "notify-prohibited",
       "require \"enotify\"; notify \"mailto:a@example.com\";", kMessage,
       [](EvalOptions& o) {
         o.extension_config.Set(extensions::NotifyConfig{.max_notifications = 0});
       },
       "local policy prohibits the use of a notify action (max_notifications is 0)"},
      {"max_regex_size", "max-regex-size",
       "require [\"regex\", \"variables\"]; set \"k\" \"" + std::string(9000, 'a') +
           "\"; if header :regex \"subject\" \"${k}\" { discard; } discard;",
       kMessage, [](EvalOptions&) {},
       "a :regex key is 9000 bytes long after expanding its variables, more than the limit "
       "of 8192 bytes (max_regex_size)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.error_id);
    auto program = CompileText(c.script);
    ASSERT_NE(program, nullptr);
    EvalOptions options;
    c.configure(options);
    Evaluator evaluator;
    const EvalResult& result = evaluator.Evaluate(*program, c.message, {}, options);
    ASSERT_EQ(result.errors.size(), 1u);
    EXPECT_EQ(result.errors[0].id, c.error_id);
    EXPECT_EQ(result.errors[0].message, c.expected_message);
    EXPECT_NE(result.errors[0].message.find(c.limit), std::string::npos);
    EXPECT_TRUE(result.implicit_keep);
    EXPECT_TRUE(result.actions.empty());
    // Under the default limits the same script ends without an error
    // (max_regex_size is a constant).
    if (c.limit != "max_regex_size") {
      Evaluator unlimited;
      EXPECT_TRUE(unlimited.Evaluate(*program, c.message, {}, EvalOptions()).errors.empty());
    }
  }
}

// RFC 5229 §6: a value longer than the supported size is truncated, and that
// "MUST NOT be treated as an error" — the one runtime limit that is not one.
TEST(EvalContextLimitsTest, VariableSizeTruncatesWithoutAnError) {
  const struct {
    std::string_view name;
    uint32_t max_variable_size;
    std::string script;
    std::string expected;
  } cases[] = {
      {"cut at the limit", 4,
       "require \"variables\"; set \"x\" \"abcdefgh\"; "
       "if string :is \"${x}\" \"abcd\" { discard; }",
       "discard"},
      {"never inside a UTF-8 character", 4,
       "require \"variables\"; set \"x\" \"abc\xc3\xa9z\"; "
       "if string :is \"${x}\" \"abc\" { discard; }",
       "discard"},
      {"at the limit nothing is cut", 8,
       "require \"variables\"; set \"x\" \"abcdefgh\"; "
       "if string :is \"${x}\" \"abcdefgh\" { discard; }",
       "discard"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto program = CompileText(c.script);
    ASSERT_NE(program, nullptr);
    EvalOptions options;
    options.limits.max_variable_size = c.max_variable_size;
    EXPECT_EQ(RunScript(*program, kMessage, {}, options), c.expected);
  }
}

// The work one match costs: the value's bytes ("hello world" is 11) times
// the passes its kernel makes. A budget of exactly that much passes, one
// byte less fails.
TEST(EvalContextLimitsTest, MatchWorkCountsBytesPerPass) {
  const struct {
    std::string_view name;
    std::string script;
    uint64_t work;
  } cases[] = {
      {":is, one key", "if header :is \"subject\" \"hello there\" { discard; }", 11},
      {":is, a key set", "if header :is \"subject\" [\"a\", \"b\", \"c\", \"hello there\"] {}",
       11},
      {":contains, two keys one by one", "if header :contains \"subject\" [\"x\", \"y\"] {}", 22},
      {":contains, the many-key automaton",
       "if header :contains \"subject\" [\"w\", \"x\", \"y\", \"z\"] {}", 11},
      {":matches, per pattern", "if header :matches \"subject\" [\"*x*\", \"*y*\", \"*z*\"] {}",
       33},
      {"relational :value",
       "require \"relational\"; if header :value \"gt\" \"subject\" [\"a\", \"b\"] {}", 11},
      {"keys with variables, per key",
       "require \"variables\"; set \"k\" \"zz\"; "
       "if header :contains \"subject\" [\"${k}\", \"${k}y\"] {}",
       22},
      {":regex, per key",
       "require \"regex\"; if header :regex \"subject\" [\"x+\", \"y+\"] {}", 22},
      {"two headers", "if header :contains [\"subject\", \"to\"] \"zz\" {}", 11 + 15},
      {"address parts are the values", "if address :domain :contains \"to\" \"zz\" {}", 11},
      {"string test over a variable",
       "require \"variables\"; set \"v\" \"12345\"; if string :contains \"${v}\" \"zz\" {}", 5},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto program = CompileText(c.script);
    ASSERT_NE(program, nullptr);
    EvalOptions options;
    options.limits.max_match_work = c.work;
    EXPECT_EQ(RunScript(*program, kMessage, {}, options), "keep*");
    options.limits.max_match_work = c.work - 1;
    EXPECT_EQ(RunScript(*program, kMessage, {}, options), "error:max-match-work keep*");
  }
}

TEST(EvalContextLimitsTest, MatchWorkSkipsValuesNoKeyFitsAndResetsPerMessage) {
  // No 11-byte value can equal a 3-byte key: rejected before any work.
  auto by_size = CompileText("if header :is \"subject\" \"abc\" { discard; }");
  ASSERT_NE(by_size, nullptr);
  EvalOptions options;
  options.limits.max_match_work = 0;
  EXPECT_EQ(RunScript(*by_size, kMessage, {}, options), "keep*");

  // The budget is per evaluation: one evaluator serves many messages.
  auto program = CompileText("if header :contains \"subject\" \"world\" { discard; }");
  ASSERT_NE(program, nullptr);
  options.limits.max_match_work = 11;
  Evaluator evaluator;
  for (int i = 0; i < 3; ++i) {
    const EvalResult& result = evaluator.Evaluate(*program, kMessage, {}, options);
    EXPECT_TRUE(result.errors.empty());
    ASSERT_EQ(result.actions.size(), 1u);
    EXPECT_EQ(result.actions[0].type, "discard");
  }
}

TEST(EvalContextLimitsTest, MatchWorkErrorIsRaisedOnceAndStopsTheScript) {
  // Many values past the budget inside one test: one error, no actions.
  std::string message;
  for (int i = 0; i < 50; ++i) message += "X-Tag: value number " + std::to_string(i) + "\r\n";
  message += "\r\nbody\r\n";
  auto program = CompileText(
      "require \"fileinto\"; if header :contains \"x-tag\" \"nothing\" { keep; } "
      "fileinto \"never\";");
  ASSERT_NE(program, nullptr);
  EvalOptions options;
  options.limits.max_match_work = 100;
  EXPECT_EQ(RunScript(*program, message, {}, options), "error:max-match-work keep*");
}

TEST(EvalContextLimitsTest, DefaultsAreTheDocumentedOnes) {
  const RuntimeLimits limits;
  EXPECT_EQ(limits.max_actions, 64u);
  EXPECT_EQ(limits.max_redirects, 4u);
  EXPECT_EQ(limits.max_variables, 256u);
  EXPECT_EQ(limits.max_variable_size, 64u * 1024u);
  EXPECT_EQ(limits.max_cpu_time_ms, 0u);
  EXPECT_EQ(limits.max_match_work, uint64_t{1} << 30);
  EXPECT_EQ(extensions::NotifyConfig().max_notifications, 10u);
}

}  // namespace
}  // namespace sievekit::vm
