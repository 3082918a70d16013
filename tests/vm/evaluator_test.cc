// Tests for vm/evaluator and vm/eval_context: RFC 5228 semantics of the
// implicit keep, stop, duplicate actions, runtime errors and limits, and the
// reuse of one Evaluator across messages.
#include "vm/evaluator.h"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "tests/vm/vm_test_util.h"

namespace sievekit::vm {
namespace {

using vmtest::CompileText;
using vmtest::RunScript;

const std::string kMessage =
    "From: Alice <alice@example.com>\r\n"
    "To: bob@example.org, \"Carol C\" <carol@example.net>\r\n"
    "Subject: Quarterly report\r\n"
    "X-Spam: yes\r\n"
    "\r\n"
    "Hello Bob.\r\n";

TEST(EvaluatorTest, Rfc5228Semantics) {
  const struct {
    std::string_view name;
    std::string script;
    std::string expected;
  } cases[] = {
      {"empty script keeps", "", "keep*"},
      {"keep cancels the implicit keep", "keep;", "keep"},
      {"discard", "discard;", "discard"},
      {"fileinto", "require \"fileinto\"; fileinto \"Reports\";", "fileinto:Reports"},
      {"duplicate fileinto is one action",
       "require \"fileinto\"; fileinto \"A\"; fileinto \"A\"; fileinto \"B\";",
       "fileinto:A fileinto:B"},
      {"keep and fileinto INBOX are one delivery",
       "require \"fileinto\"; keep; fileinto \"inbox\";", "keep"},
      {"duplicate redirect", "redirect \"x@example.com\"; redirect \"x@example.com\";",
       "redirect:x@example.com"},
      {"redirect normalises the address", "redirect \"X <x@example.com>\";",
       "redirect:x@example.com"},
      {"redirect domains compare without case",
       "redirect \"x@Example.COM\"; redirect \"x@example.com\"; redirect \"X@example.com\";",
       "redirect:x@Example.COM redirect:X@example.com"},
      {"stop ends the script", "discard; stop; keep;", "discard"},
      {"header :contains is case-insensitive",
       "if header :contains \"subject\" \"QUARTERLY\" { discard; }", "discard"},
      {"header :is with i;octet is exact",
       "if header :is :comparator \"i;octet\" \"subject\" \"quarterly report\" { discard; }",
       "keep*"},
      {"header :matches", "if header :matches \"Subject\" \"*report\" { discard; }", "discard"},
      {"address :domain over a list",
       "if address :domain :is \"to\" \"example.net\" { discard; }", "discard"},
      {"address :localpart", "if address :localpart :is \"from\" \"alice\" { discard; }",
       "discard"},
      {"address :all", "if address :all :is \"to\" \"carol@example.net\" { discard; }",
       "discard"},
      {"exists needs all headers", "if exists [\"From\", \"X-Missing\"] { discard; }", "keep*"},
      {"size :over", "if size :over 10 { discard; }", "discard"},
      {"size :under", "if size :under 10 { discard; }", "keep*"},
      {"elsif chain",
       "if false { discard; } elsif header :is \"x-spam\" \"yes\" { redirect \"s@example.com\"; }"
       " else { keep; }",
       "redirect:s@example.com"},
  };
  for (const auto& c : cases) {
    auto program = CompileText(c.script);
    ASSERT_NE(program, nullptr) << c.name;
    EXPECT_EQ(RunScript(*program, kMessage), c.expected) << c.name;
  }
}

TEST(EvaluatorTest, EnvelopeTest) {
  auto program = CompileText(
      "require \"envelope\";\n"
      "if envelope :domain :is \"from\" \"lists.example.org\" { discard; }\n"
      "if envelope :is \"from\" \"\" { redirect \"bounces@example.com\"; }\n");
  ASSERT_NE(program, nullptr);
  mail::Envelope list;
  list.mail_from = "<owner@lists.example.org>";
  EXPECT_EQ(RunScript(*program, kMessage, list), "discard");
  mail::Envelope bounce;
  bounce.mail_from = "<>";
  EXPECT_EQ(RunScript(*program, kMessage, bounce), "redirect:bounces@example.com");
}

TEST(EvaluatorTest, RedirectLimitIsARuntimeErrorThatKeeps) {
  auto program = CompileText(
      "redirect \"a@example.com\"; redirect \"b@example.com\"; redirect \"c@example.com\";");
  ASSERT_NE(program, nullptr);
  EvalOptions options;
  options.limits.max_redirects = 2;
  EXPECT_EQ(RunScript(*program, kMessage, {}, options), "error:max-redirects keep*");
  options.limits.max_redirects = 3;
  EXPECT_EQ(RunScript(*program, kMessage, {}, options),
            "redirect:a@example.com redirect:b@example.com redirect:c@example.com");
}

TEST(EvaluatorTest, CpuTimeLimitIsARuntimeErrorThatKeeps) {
  // Many tests over a large header: far more than a millisecond of work.
  std::string script;
  for (int i = 0; i < 4000; ++i)
    script += "if header :contains \"subject\" \"needle\" { discard; }\n";
  auto program = CompileText(script);
  ASSERT_NE(program, nullptr);
  const std::string message = "Subject: " + std::string(200000, 'x') + "\r\n\r\nbody\r\n";
  EvalOptions options;
  options.limits.max_cpu_time_ms = 1;
  Evaluator evaluator;
  const EvalResult& limited = evaluator.Evaluate(*program, message, {}, options);
  ASSERT_EQ(limited.errors.size(), 1u);
  EXPECT_EQ(limited.errors[0].id, "max-cpu-time");
  EXPECT_EQ(limited.errors[0].message,
            "the script used more than 1 ms of CPU time (limit max_cpu_time_ms)");
  EXPECT_TRUE(limited.implicit_keep);
  EXPECT_TRUE(limited.actions.empty());
  // Without the limit (the default) the same evaluation ends normally.
  auto quick = CompileText("if header :contains \"subject\" \"needle\" { discard; }");
  ASSERT_NE(quick, nullptr);
  EXPECT_EQ(RunScript(*quick, kMessage, {}, EvalOptions()), "keep*");
}

TEST(EvaluatorTest, RuntimeErrorsCarryTheirLocation) {
  auto program = CompileText("keep;\n\nredirect \"a@example.com\";\nredirect \"b@example.com\";");
  ASSERT_NE(program, nullptr);
  EvalOptions options;
  options.limits.max_redirects = 1;
  Evaluator evaluator;
  const EvalResult& result = evaluator.Evaluate(*program, kMessage, {}, options);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, 4u);
  EXPECT_EQ(result.errors[0].column, 1u);
  EXPECT_TRUE(result.actions.empty());
  EXPECT_TRUE(result.implicit_keep);
}

TEST(EvaluatorTest, TraceListsTestsAndCommands) {
  auto program = CompileText("if exists \"x-spam\" {\n  discard;\n  stop;\n}\nkeep;");
  ASSERT_NE(program, nullptr);
  EvalOptions options;
  options.trace = true;
  Evaluator evaluator;
  const EvalResult& result = evaluator.Evaluate(*program, kMessage, {}, options);
  ASSERT_EQ(result.trace.size(), 3u);
  EXPECT_EQ(result.trace[0], "1:4: test exists => true");
  EXPECT_EQ(result.trace[1], "2:3: command discard");
  EXPECT_EQ(result.trace[2], "stop");
}

TEST(EvaluatorTest, OneEvaluatorServesManyMessages) {
  auto program = CompileText("if header :is \"subject\" \"a\" { discard; }");
  ASSERT_NE(program, nullptr);
  Evaluator evaluator;
  for (int i = 0; i < 50; ++i) {
    const std::string subject = i % 2 ? "a" : "b";
    const std::string message = "Subject: " + subject + "\r\n\r\n";
    EXPECT_EQ(vmtest::Describe(evaluator.Evaluate(*program, message, {})),
              i % 2 ? "discard" : "keep*");
  }
}

TEST(EvaluatorTest, ProgramIsSharedByThreads) {
  auto program = CompileText(
      "require \"fileinto\";\n"
      "if header :matches \"subject\" \"*[0-9]*\" { fileinto \"Numbers\"; }\n"
      "if address :domain :is \"from\" \"example.com\" { discard; }\n");
  ASSERT_NE(program, nullptr);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Evaluator evaluator;
      for (int i = 0; i < 500; ++i) {
        const bool ours = (i + t) % 2 == 0;
        const std::string message = std::string("From: x@") + (ours ? "example.com" : "other.org") +
                                    "\r\nSubject: [0-9] " + std::to_string(i) + "\r\n\r\n";
        const std::string got = vmtest::Describe(evaluator.Evaluate(*program, message, {}));
        if (got != (ours ? "fileinto:Numbers discard" : "fileinto:Numbers")) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace sievekit::vm
