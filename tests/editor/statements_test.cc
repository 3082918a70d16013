// Tests for editor/statements: rule layouts, disabled forms and the two
// predefined rules both ways.
#include "editor/statements.h"

#include <gtest/gtest.h>

#include "parser/parser.h"

namespace sievekit::editor {
namespace {

Rule Make(std::variant<GuiRule, OpaqueRule, SpamRule, OutOfOfficeRule> body, bool enabled = true) {
  Rule r;
  r.id = "r1";
  r.enabled = enabled;
  r.body = std::move(body);
  return r;
}

TEST(StatementsTest, Layouts) {
  EXPECT_EQ(IfStatement("true", {"keep;", "stop;"}, true, "\n"), "if true {\n    keep;\n    stop;\n}");
  EXPECT_EQ(IfStatement("size :over 1M", {"discard;"}, false, "\r\n"),
            "if false # size :over 1M\r\n{\r\n    discard;\r\n}");
  EXPECT_EQ(WrapDisabled("keep;\nstop;", "\n"), "if false {\nkeep;\nstop;\n}");
}

TEST(StatementsTest, WritesRules) {
  GuiRule guide;  // the guide's example
  guide.conditions = {Condition{Field::kFrom, Operator::kContains, {"spam.com"}, false}};
  guide.actions = {Action{ActionType::kDiscard, "", "", ""}};
  SpamRule spam;
  spam.whitelist = {"boss@example.com", "friend@example.org"};
  spam.trust_contacts = true;
  const std::vector<std::string> contacts = {"mum@example.net"};
  const struct {
    Rule rule;
    std::string profile;
    const std::vector<std::string>* contacts;
    bool suspend;
    std::string statement;
    std::string contacts_marker;
  } cases[] = {
      {Make(guide), "kerio", nullptr, false,
       "if address :contains \"from\" \"spam.com\" {\n    discard;\n}", ""},
      {Make(guide, false), "kerio", nullptr, false,
       "if false # address :contains \"from\" \"spam.com\"\n{\n    discard;\n}", ""},
      {Make(GuiRule{Match::kAll, {Condition{}}, {Action{ActionType::kAutoreply, "", "", "Away"}}}),
       "kerio", nullptr, true, "if true {\n    if false { vacation :days 7 \"Away\"; }\n}", ""},
      {Make(spam), "kerio", &contacts, false,
       "if allof (header :is \"X-Spam-Flag\" \"YES\", not address :is \"from\" "
       "[\"boss@example.com\", \"friend@example.org\"], not address :is \"from\" "
       "\"mum@example.net\") {\n    fileinto \"Junk\";\n    stop;\n}",
       "yes"},
      {Make(spam), "dovecot", nullptr, false,
       "if allof (spamtest :value \"ge\" :comparator \"i;ascii-numeric\" \"5\", not address :is "
       "\"from\" [\"boss@example.com\", \"friend@example.org\"]) {\n    fileinto \"Junk\";\n    "
       "stop;\n}",
       "pending"},
      {Make(SpamRule{}), "cyrus", nullptr, false,
       "if header :is \"X-Spam-Flag\" \"YES\" {\n    fileinto \"INBOX.Junk\";\n    stop;\n}", ""},
      {Make(OutOfOfficeRule{"Back on Monday.\n"}), "kerio", nullptr, true,
       "if allof (not exists [\"list-id\", \"list-post\", \"list-unsubscribe\"], not header :is "
       "\"precedence\" [\"list\", \"bulk\", \"junk\"], not header :contains \"auto-submitted\" "
       "\"auto-\") {\n    vacation :days 7 text:\nBack on Monday.\n.\n;\n}",
       ""},
      {Make(OpaqueRule{"if exists \"x\" { keep; }"}), "kerio", nullptr, false,
       "if exists \"x\" { keep; }", ""},
      {Make(OpaqueRule{"keep;"}, false), "kerio", nullptr, false, "if false {\nkeep;\n}", ""},
  };
  for (const auto& c : cases) {
    StatementOptions options;
    options.suspend_autoreply = c.suspend;
    options.contacts = c.contacts;
    std::string contacts_marker = "unset";
    Result<std::string> s = RuleStatement(c.rule, *FindProfile(c.profile), options, &contacts_marker);
    ASSERT_TRUE(s.ok()) << c.statement;
    EXPECT_EQ(*s, c.statement);
    if (c.rule.spam()) {
      EXPECT_EQ(contacts_marker, c.contacts_marker);
    }
  }
}

struct Parsed {
  syntax::ParseResult r;
  const syntax::Command& command() const { return r.tree.commands[0]; }
};

Parsed ParseStatement(const std::string& text) {
  Parsed p{syntax::Parse(std::make_shared<SourceFile>("t", text))};
  EXPECT_FALSE(p.r.diagnostics.has_errors()) << text;
  return p;
}

TEST(StatementsTest, ReadsTheSpamRule) {
  const struct {
    std::string sieve;
    std::string contacts_marker;
    SpamRule rule;
    std::vector<std::string> contacts;
    std::string form;
  } cases[] = {
      {"if header :is \"X-Spam-Flag\" \"YES\" { fileinto \"Junk\"; stop; }", "",
       SpamRule{"Junk", {}, false}, {}, "spam:header:x-spam-flag:YES:is"},
      {"if allof (spamtest :value \"ge\" :comparator \"i;ascii-numeric\" \"6\", not address :all "
       ":is \"From\" [\"a@b\"], not address :is \"from\" \"c@d\") { fileinto \"Spam\"; stop; }",
       "yes", SpamRule{"Spam", {"a@b"}, true}, {"c@d"}, "spam:spamtest:6"},
      {"if allof (header :is \"X-Spam-Flag\" \"YES\", not address :is \"from\" \"c@d\") {\n"
       "  fileinto \"Junk\";\n  stop;\n}",
       "yes", SpamRule{"Junk", {}, true}, {"c@d"}, "spam:header:x-spam-flag:YES:is"},
      {"if allof (header :is \"X-Spam-Flag\" \"YES\", not address :is \"from\" \"a@b\") {"
       " fileinto \"Junk\"; stop; }",
       "pending", SpamRule{"Junk", {"a@b"}, true}, {}, "spam:header:x-spam-flag:YES:is"},
  };
  for (const auto& c : cases) {
    const Parsed p = ParseStatement(c.sieve);
    std::string why;
    std::optional<RecognizedSpam> s =
        RecognizeSpam(p.r.tree, p.command(), c.contacts_marker, DefaultProfile(), &why);
    ASSERT_TRUE(s) << c.sieve << ": " << why;
    EXPECT_EQ(s->rule, c.rule);
    EXPECT_EQ(s->contacts, c.contacts);
    EXPECT_EQ(s->form, c.form);
  }
  for (const std::string sieve : {
           "if header :is \"X-Spam-Flag\" \"YES\" { fileinto \"Junk\"; }",
           "if header :is \"X-Spam-Flag\" \"YES\" { discard; stop; }",
           "if not header :is \"X-Spam-Flag\" \"YES\" { fileinto \"Junk\"; stop; }",
           "if allof (header :is \"X-Spam-Flag\" \"YES\", size :over 1K) { fileinto \"J\"; stop; }",
           "if allof (header :is \"X-Spam-Flag\" \"YES\", not address :is \"to\" \"a\") "
           "{ fileinto \"J\"; stop; }",
           "if header :is \"subject\" \"x\" { fileinto \"Junk\"; stop; }",
       }) {
    const Parsed p = ParseStatement(sieve);
    std::string why;
    EXPECT_FALSE(RecognizeSpam(p.r.tree, p.command(), "", DefaultProfile(), &why)) << sieve;
    EXPECT_EQ(why, "it is marked as the Spam rule but is not in that rule's form");
  }
}

TEST(StatementsTest, ReadsTheOutOfOfficeRule) {
  Rule ooo = Make(OutOfOfficeRule{"Away.\n"});
  const std::string canonical = *RuleStatement(ooo, DefaultProfile(), {}, nullptr);
  const std::string relaid =
      "if allof ( not exists [ \"List-Id\", \"List-Post\", \"List-Unsubscribe\" ],\n"
      "           NOT header :IS \"precedence\" [\"list\", \"bulk\", \"junk\"],\n"
      "           not header :contains \"auto-submitted\" \"auto-\" )\n"
      "{ vacation :days 7 \"Away.\r\n\"; }";
  for (const std::string& sieve : {canonical, relaid}) {
    const Parsed p = ParseStatement(sieve);
    std::string why;
    std::optional<OutOfOfficeRule> r = RecognizeOutOfOffice(p.r.tree, p.command(), &why);
    ASSERT_TRUE(r) << sieve;
    EXPECT_EQ(r->text, "Away.\n");
  }
  for (const std::string sieve : {
           "if true { vacation :days 7 \"x\"; }",
           "if allof (not exists [\"list-id\", \"list-post\", \"list-unsubscribe\"], not header "
           ":is \"precedence\" [\"list\", \"bulk\", \"junk\"], not header :contains "
           "\"auto-submitted\" \"auto-\") { vacation :days 3 \"x\"; }",
       }) {
    const Parsed p = ParseStatement(sieve);
    std::string why;
    EXPECT_FALSE(RecognizeOutOfOffice(p.r.tree, p.command(), &why)) << sieve;
    EXPECT_EQ(why, "it is marked as the Out of office rule but is not in that rule's form");
  }
}

}  // namespace
}  // namespace sievekit::editor
