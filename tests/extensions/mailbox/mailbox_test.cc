// Tests for extensions/mailbox (RFC 5490 §3): fileinto :create marks the
// action for the host, mailboxexists asks the host (and is false when the
// host cannot tell), and the compile-time checks.
#include "extensions/mailbox/mailbox.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions {
namespace {

using exttest::Compile;
using exttest::Diagnose;
using exttest::RunScript;

// A host whose store holds the named mailboxes.
class FakeStore : public vm::HostServices {
 public:
  explicit FakeStore(std::set<std::string, std::less<>> names) : names_(std::move(names)) {}
  std::optional<bool> MailboxExists(std::string_view name) const override {
    return names_.count(name) > 0;
  }

 private:
  std::set<std::string, std::less<>> names_;
};

constexpr std::string_view kMessage = "From: a@example.com\r\nSubject: x\r\n\r\nbody\r\n";

TEST(MailboxTest, MailboxexistsAsksTheHost) {
  FakeStore store({"INBOX", "Lists", "Lists/sieve"});
  vm::EvalOptions options;
  options.host = &store;
  const struct {
    std::string_view names;
    std::string_view actions;
  } cases[] = {
      {R"("Lists")", "discard"},
      {R"(["Lists", "Lists/sieve"])", "discard"},  // all of them exist
      {R"(["Lists", "Nope"])", "keep*"},           // one does not
      {R"("nope")", "keep*"},                      // names are exact
      {R"("")", "keep*"},
  };
  for (const auto& c : cases) {
    const std::string script = "require \"mailbox\";\nif mailboxexists " + std::string(c.names) +
                               " { discard; }";
    EXPECT_EQ(RunScript(script, kMessage, {}, options), c.actions) << c.names;
  }
}

TEST(MailboxTest, MailboxexistsIsFalseWhenTheHostCannotTell) {
  vm::EvalOptions options;  // no host
  EXPECT_EQ(RunScript("require \"mailbox\";\nif mailboxexists \"INBOX\" { discard; }", kMessage,
                      {}, options),
            "keep*");
  vm::HostServices silent;  // a host that does not know its store
  options.host = &silent;
  EXPECT_EQ(RunScript("require \"mailbox\";\nif mailboxexists \"INBOX\" { discard; }", kMessage,
                      {}, options),
            "keep*");
}

TEST(MailboxTest, MailboxNameFromVariablesThatIsNotUtf8IsFalse) {
  FakeStore store({"\xFFrop"});
  vm::EvalOptions options;
  options.host = &store;
  EXPECT_EQ(RunScript("require [\"mailbox\", \"variables\", \"encoded-character\"];\n"
                      "set \"m\" \"${hex:ff}rop\";\nif mailboxexists \"${m}\" { discard; }",
                      kMessage, {}, options),
            "keep*");
}

TEST(MailboxTest, CreateMarksTheFileintoAction) {
  const exttest::Compiled compiled = Compile(
      "require [\"fileinto\", \"mailbox\"];\nfileinto :create \"New\";\nfileinto \"Old\";");
  ASSERT_NE(compiled.program, nullptr) << compiled.diagnostics;
  vm::Evaluator evaluator;
  const vm::EvalResult& r = evaluator.Evaluate(*compiled.program, kMessage, {}, {});
  ASSERT_EQ(r.actions.size(), 2u);
  const vm::ActionParam* create = r.actions[0].Param("create");
  ASSERT_NE(create, nullptr);
  EXPECT_EQ(std::get<bool>(create->value), true);
  EXPECT_EQ(r.actions[1].Param("create"), nullptr);
}

TEST(MailboxTest, CompileErrors) {
  const struct {
    std::string_view name;
    std::string_view script;
    std::string_view diagnostics;
  } cases[] = {
      {"valid",
       "require [\"mailbox\", \"fileinto\"];\nif mailboxexists \"a\" { fileinto :create \"a\"; }",
       ""},
      {"no argument", "require \"mailbox\";\nif mailboxexists {}",
       "2:4 missing-argument: the mailboxexists test requires 1 positional argument, but 0 were "
       "specified\n"},
      {"a number", "require \"mailbox\";\nif mailboxexists 3 {}",
       "2:18 wrong-argument-type: the mailboxexists test expects a string list as argument 1 "
       "(mailbox names), but a number was found\n"},
      {":create not required", "require \"fileinto\";\nfileinto :create \"a\";",
       "2:10 missing-require: tagged argument ':create' needs the extension 'mailbox', which is "
       "not required\n"},
      {"not UTF-8 is a warning",
       "require [\"mailbox\", \"encoded-character\"];\nif mailboxexists \"${hex:ff}\" {}",
       "2:18 invalid-mailbox-name: mailbox name is not valid UTF-8, so mailboxexists is false "
       "for it\n"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Diagnose(c.script), c.diagnostics) << c.name;
  }
}

}  // namespace
}  // namespace sievekit::extensions
