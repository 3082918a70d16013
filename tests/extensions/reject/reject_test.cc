// Tests for extensions/reject: the reject and ereject actions of RFC 5429 —
// their signatures, the UTF-8 reason (checked at compile time when
// constant, at run time when built from variables), the conflict rules of
// §2.4 as vm::EvalContext::CommitAction enforces them, and every example of
// the RFC compiled and evaluated end to end.
#include "extensions/reject/reject.h"

#include <gtest/gtest.h>

#include <string>

#include "extensions/all_extensions.h"
#include "tests/extensions/eval_test_util.h"
#include "vm/eval_context.h"

namespace sievekit::extensions {
namespace {

constexpr std::string_view kMessage =
    "From: Joe <joe@example.com>\r\n"
    "To: me@example.org\r\n"
    "Subject: hello\r\n"
    "\r\n"
    "Body.\r\n";

// A stand-in for the vacation action (RFC 5230), which is not part of this
// extension: only its action record matters to the conflict rules.
class FakeVacation final : public vm::PreparedCall {
 public:
  bool Run(vm::EvalContext& ctx) const override {
    vm::Action& a = ctx.NewAction("vacation");
    a.reason = "away";
    ctx.CommitAction();
    return true;
  }
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareFakeVacation(const ir::Call&,
                                                              vm::PrepareContext&) {
  return std::unique_ptr<vm::PreparedCall>(new FakeVacation());
}

const vm::CallRuntime kFakeVacationRuntime{PrepareFakeVacation};

// Every extension, plus "test-vacation" with the command test_vacation.
const ir::Registry& RegistryWithVacation() {
  static const ir::Registry* const registry = [] {
    auto* r = new ir::Registry();
    RegisterAllExtensions(*r);
    r->Register({"test-vacation", false, false}, [](ir::ExtensionBuilder& b) {
      b.Command("test_vacation").runtime = &kFakeVacationRuntime;
    });
    r->Finalize();
    return r;
  }();
  return *registry;
}

std::string RunWithVacation(std::string_view script, std::string_view message = kMessage) {
  return exttest::RunScript(script, message, {}, {}, RegistryWithVacation());
}

struct Case {
  std::string_view name;
  std::string script;
  std::string expected;
};

TEST(RejectTest, Validation) {
  const Case cases[] = {
      {"reject", "require \"reject\";\nreject \"no\";", ""},
      {"ereject", "require \"ereject\";\nereject \"no\";", ""},
      {"empty reason", "require \"reject\";\nreject \"\";", ""},
      {"UTF-8 reason", "require \"reject\";\nreject \"Caf\xc3\xa9 ferm\xc3\xa9\";", ""},
      {"not required", "reject \"no\";",
       "1:1 missing-require: command 'reject' needs the extension 'reject', which is not "
       "required\n"},
      {"ereject is its own capability", "require \"reject\";\nereject \"no\";",
       "2:1 missing-require: command 'ereject' needs the extension 'ereject', which is not "
       "required\n"},
      {"no reason", "require \"reject\";\nreject;",
       "2:1 missing-argument: the reject command requires 1 positional argument, but 0 were "
       "specified\n"},
      {"a list", "require \"ereject\";\nereject [\"a\", \"b\"];",
       "2:9 wrong-argument-type: the ereject command expects a string as argument 1 (reason), "
       "but a string list was found\n"},
      {"a number", "require \"reject\";\nreject 5;",
       "2:8 wrong-argument-type: the reject command expects a string as argument 1 (reason), "
       "but a number was found\n"},
      {"two reasons", "require \"reject\";\nreject \"a\" \"b\";",
       "2:12 too-many-arguments: too many arguments for the reject command: it takes 1 "
       "positional argument\n"},
      {"no tags", "require [\"reject\", \"copy\"];\nreject :copy \"a\";",
       "2:8 unknown-tag: unknown tagged argument ':copy' for the reject command (it takes no tagged arguments)\n"},
      {"not a test", "require \"reject\";\nif reject \"a\" {}",
       "2:4 command-used-as-test: cannot use command 'reject' as a test\n"},
      // §2.1, §2.2: the reason is UTF-8; only encoded-character can make a
      // constant that is not.
      {"reason not UTF-8", "require [\"reject\", \"encoded-character\"];\nreject \"Caf${hex:e9}\";",
       "2:8 invalid-reject-reason: the reason of reject is not valid UTF-8\n"},
      {"ereject reason not UTF-8",
       "require [\"ereject\", \"encoded-character\"];\nereject \"${hex:ff fe}\";",
       "2:9 invalid-reject-reason: the reason of ereject is not valid UTF-8\n"},
      {"reason UTF-8 from encoded-character",
       "require [\"reject\", \"encoded-character\"];\nreject \"Caf${hex:c3 a9}\";", ""},
      {"reason from variables is checked when it runs",
       "require [\"reject\", \"variables\"];\nreject \"${r}\";", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(exttest::Diagnose(c.script, RegistryWithVacation()), c.expected) << c.name;
  }
}

TEST(RejectTest, Actions) {
  const std::string both =
      "require [\"reject\", \"ereject\", \"variables\", \"fileinto\", "
      "\"copy\", \"test-vacation\", \"encoded-character\"];\n";
  const Case cases[] = {
      // §2.4: "A "reject" action cancels the implicit keep."
      {"reject", both + "reject \"go away\";", "reject:go away"},
      {"ereject", both + "ereject \"go away\";", "ereject:go away"},
      {"reason from variables", both + "set \"who\" \"Joe\"; reject \"Not you, ${who}.\";",
       "reject:Not you, Joe."},
      {"reason not UTF-8 at run time", both + "set \"r\" \"Caf${hex:e9}\"; reject \"${r}\";",
       "error:invalid-reject-reason keep*"},
      {"empty reason", both + "ereject \"\";", "ereject"},
      // §2.4: "Implementations MUST prohibit the execution of more than one
      // "reject" in a Sieve script", ereject included.
      {"two rejects", both + "reject \"a\"; reject \"a\";", "error:action-conflict keep*"},
      {"reject and ereject", both + "reject \"a\"; ereject \"b\";", "error:action-conflict keep*"},
      {"ereject and reject", both + "ereject \"a\"; reject \"b\";", "error:action-conflict keep*"},
      // "reject MUST be incompatible with the vacation action."
      {"reject, then vacation", both + "reject \"a\"; test_vacation;",
       "error:action-conflict keep*"},
      {"vacation, then ereject", both + "test_vacation; ereject \"a\";",
       "error:action-conflict keep*"},
      {"vacation alone", both + "test_vacation;", "vacation:away keep*"},
      // "It is NOT RECOMMENDED that implementations permit the use of
      // "reject" with actions that cause mail delivery": we do not.
      {"keep, then reject", both + "keep; reject \"a\";", "error:action-conflict keep*"},
      {"reject, then keep", both + "reject \"a\"; keep;", "error:action-conflict keep*"},
      {"reject, then fileinto", both + "reject \"a\"; fileinto \"box\";",
       "error:action-conflict keep*"},
      {"fileinto :copy, then ereject", both + "fileinto :copy \"box\"; ereject \"a\";",
       "error:action-conflict keep*"},
      {"redirect, then reject", both + "redirect \"x@example.com\"; reject \"a\";",
       "error:action-conflict keep*"},
      {"reject, then redirect :copy", both + "reject \"a\"; redirect :copy \"x@example.com\";",
       "error:action-conflict keep*"},
      // Discarding delivers nothing, so it goes with a reject.
      {"reject and discard", both + "reject \"a\"; discard;", "reject:a discard"},
      {"discard and ereject", both + "discard; ereject \"a\";", "discard ereject:a"},
      // Pigeonhole's reject/execute/basic.sieve, as the RFC reads it.
      {"reject and stop",
       both + "if address :contains \"to\" \"example.org\" {\n"
              "  reject \"Don't send unrequested messages.\";\n  stop;\n}\n"
              "keep;",
       "reject:Don't send unrequested messages."},
  };
  for (const auto& c : cases) EXPECT_EQ(RunWithVacation(c.script), c.expected) << c.name;
}

TEST(RejectTest, ConflictMessage) {
  const exttest::Compiled compiled = exttest::Compile("require \"reject\";\nkeep;\nreject \"no\";");
  ASSERT_NE(compiled.program, nullptr) << compiled.diagnostics;
  vm::Evaluator evaluator;
  const vm::EvalResult& result = evaluator.Evaluate(*compiled.program, kMessage, {});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].id, "action-conflict");
  EXPECT_EQ(result.errors[0].message, "the reject action conflicts with the earlier keep action");
  EXPECT_EQ(result.errors[0].line, 3u);
  EXPECT_TRUE(result.actions.empty());
  EXPECT_TRUE(result.implicit_keep);
}

TEST(RejectTest, ActionRecord) {
  const exttest::Compiled compiled =
      exttest::Compile("require \"ereject\";\n\nereject \"Caf\xc3\xa9\";");
  ASSERT_NE(compiled.program, nullptr) << compiled.diagnostics;
  vm::Evaluator evaluator;
  const vm::EvalResult& result = evaluator.Evaluate(*compiled.program, kMessage, {});
  ASSERT_EQ(result.actions.size(), 1u);
  const vm::Action& a = result.actions[0];
  EXPECT_EQ(a.type, "ereject");
  EXPECT_EQ(a.disposition, vm::Disposition::kRefuses);
  EXPECT_TRUE(a.cancels_implicit_keep);
  EXPECT_EQ(a.reason, "Caf\xc3\xa9");  // non-ASCII is the host's to replace for SMTP (§2.1.1)
  EXPECT_EQ(a.line, 3u);
  EXPECT_FALSE(result.implicit_keep);
}

// RFC 5429 §2.1.
TEST(RejectTest, Rfc5429Section2_1Ereject) {
  const std::string script =
      "require [\"ereject\"];\n"
      "\n"
      "if address \"from\" \"someone@example.com\" {\n"
      "    ereject \"I no longer accept mail from this address\";\n"
      "}\n";
  EXPECT_EQ(RunWithVacation(script, "From: Someone <someone@example.com>\r\n\r\nHi\r\n"),
            "ereject:I no longer accept mail from this address");
  EXPECT_EQ(RunWithVacation(script), "keep*");
}

// RFC 5429 §2.2.
TEST(RejectTest, Rfc5429Section2_2TooBig) {
  const std::string script =
      "require [\"reject\"];\n"
      "\n"
      "if size :over 100K {\n"
      "    reject text:\n"
      "Your message is too big.  If you want to send me a big attachment,\n"
      "put it on a public web site and send me a URL.\n"
      ".\n"
      "    ;\n"
      "}\n";
  std::string big = "Subject: big\r\n\r\n";
  while (big.size() <= 100 * 1024) big += std::string(76, 'x') + "\r\n";
  EXPECT_EQ(RunWithVacation(script, big),
            "reject:Your message is too big.  If you want to send me a big attachment,\r\n"
            "put it on a public web site and send me a URL.\r\n");
  EXPECT_EQ(RunWithVacation(script), "keep*");
}

// RFC 5429 §2.2.1.
TEST(RejectTest, Rfc5429Section2_2_1Coyote) {
  const std::string script =
      "require [\"reject\"];\n"
      "\n"
      "if header :contains \"from\" \"coyote@desert.example.org\" {\n"
      "    reject text:\n"
      "I am not taking mail from you, and I don't\n"
      "want your birdseed, either!\n"
      ".\n"
      "    ;\n"
      "}\n";
  EXPECT_EQ(
      RunWithVacation(script, "From: Wile E. Coyote <coyote@desert.example.org>\r\n\r\nBeep?\r\n"),
      "reject:I am not taking mail from you, and I don't\r\nwant your birdseed, either!\r\n");
  EXPECT_EQ(RunWithVacation(script), "keep*");
}

// RFC 5429 §2.5. The example needs spamtest (RFC 5235), which is not part
// of this extension; here the X-Spam-Score header stands in for the
// spamtest test, with the same comparisons.
TEST(RejectTest, Rfc5429Section2_5Spam) {
  const std::string script =
      "require [\"ereject\", \"relational\", \"fileinto\",\n"
      "         \"comparator-i;ascii-numeric\"];\n"
      "\n"
      "if header :value \"ge\"\n"
      "            :comparator \"i;ascii-numeric\" \"X-Spam-Score\" \"6\" {\n"
      "    ereject text:\n"
      "AntiSpam engine thinks your message is spam.\n"
      "It is therefore being refused.\n"
      "Please call 1-900-PAY-US if you want to reach us.\n"
      ".\n"
      "    ;\n"
      "} elsif header :value \"ge\"\n"
      "                 :comparator \"i;ascii-numeric\" \"X-Spam-Score\" \"4\" {\n"
      "    fileinto \"Suspect\";\n"
      "}\n";
  EXPECT_EQ(RunWithVacation(script, "X-Spam-Score: 8\r\n\r\nx\r\n"),
            "ereject:AntiSpam engine thinks your message is spam.\r\n"
            "It is therefore being refused.\r\n"
            "Please call 1-900-PAY-US if you want to reach us.\r\n");
  EXPECT_EQ(RunWithVacation(script, "X-Spam-Score: 5\r\n\r\nx\r\n"), "fileinto:Suspect");
  EXPECT_EQ(RunWithVacation(script, "X-Spam-Score: 1\r\n\r\nx\r\n"), "keep*");
}

}  // namespace
}  // namespace sievekit::extensions
