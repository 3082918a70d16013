// Tests for editor/describe: the "Rule description" line of every kind of
// rule, every condition and action, in English and German.
#include "editor/describe.h"

#include <gtest/gtest.h>

#include "tests/editor/random_model.h"

namespace sievekit::editor {
namespace {

Rule Gui(std::string name, Match match, std::vector<Condition> conditions, std::vector<Action> actions) {
  Rule r;
  r.id = "r1";
  r.name = std::move(name);
  r.body = GuiRule{match, std::move(conditions), std::move(actions)};
  return r;
}

TEST(DescribeTest, TheGuidesExample) {
  const Rule r = Gui("Drop all messages from the spam.com domain", Match::kAll,
                     {Condition{Field::kFrom, Operator::kContains, {"spam.com"}, false}},
                     {Action{ActionType::kDiscard, "", "", ""}});
  EXPECT_EQ(DescribeRule(r),
            "Drop all messages from the spam.com domain: where the From line contains “spam.com”, "
            "discard the message");
  EXPECT_EQ(DescribeRule(r, "de"),
            "Drop all messages from the spam.com domain: wenn die Von-Zeile „spam.com“ enthält, "
            "die Nachricht löschen");
}

TEST(DescribeTest, EveryConditionAndOperator) {
  const struct {
    Condition condition;
    std::string text;
  } cases[] = {
      {{Field::kRecipient, Operator::kIs, {"a@b", "c@d"}, false},
       "where the recipient (To or Cc) line is “a@b” or “c@d”"},
      {{Field::kFrom, Operator::kIsNot, {"x"}, false}, "where the From line is not “x”"},
      {{Field::kTo, Operator::kContains, {"x"}, false}, "where the To line contains “x”"},
      {{Field::kCc, Operator::kNotContains, {"x"}, false}, "where the Cc line does not contain “x”"},
      {{Field::kSender, Operator::kMatches, {"*@x"}, false}, "where the Sender line matches “*@x”"},
      {{Field::kSubject, Operator::kNotMatches, {"a", "b", "c"}, false},
       "where the Subject does not match “a”, “b”, or “c”"},
      {{Field::kAttachment, Operator::kIs, {}, false}, "where the message has an attachment"},
      {{Field::kAttachment, Operator::kIsNot, {}, false}, "where the message has no attachment"},
      {{Field::kSize, Operator::kOver, {"100K"}, false}, "where the message size is more than 100 KB"},
      {{Field::kSize, Operator::kOver, {"500"}, false}, "where the message size is more than 500 B"},
      {{Field::kSpam, Operator::kIs, {}, false}, "where the message was detected as spam"},
      {{Field::kSpam, Operator::kIsNot, {}, false}, "where the message was not detected as spam"},
      {{Field::kAll, Operator::kIs, {}, false}, "for all messages"},
  };
  for (const auto& c : cases) {
    const Rule r = Gui("", Match::kAll, {c.condition}, {Action{ActionType::kStop, "", "", ""}});
    EXPECT_EQ(DescribeRuleBody(r), c.text + ", stop processing more rules");
  }
}

TEST(DescribeTest, EveryAction) {
  const struct {
    Action action;
    std::string text;
  } cases[] = {
      {{ActionType::kMove, "~bob/Shared", "", ""}, "move it to the “~bob/Shared” folder"},
      {{ActionType::kForward, "", "boss@example.com", ""}, "forward it to boss@example.com"},
      {{ActionType::kReject, "", "", "Not here.\nReally."}, "reject it (return to sender) with “Not here. Really.”"},
      {{ActionType::kKeep, "", "", ""}, "keep it in the Inbox"},
      {{ActionType::kDiscard, "", "", ""}, "discard the message"},
      {{ActionType::kNotify, "", "john@t-mobile.com", "$from$"}, "send a notification to john@t-mobile.com"},
      {{ActionType::kAutoreply, "", "", "I am away until the end of the month, see you soon"},
       "send the autoreply “I am away until the end of the month, se…” once a week"},
      {{ActionType::kStop, "", "", ""}, "stop processing more rules"},
  };
  for (const auto& c : cases) {
    const Rule r = Gui("", Match::kAll, {Condition{}}, {c.action});
    EXPECT_EQ(DescribeRuleBody(r), "for all messages, " + c.text);
  }
}

TEST(DescribeTest, JoinsWithAndOr) {
  const Rule r = Gui("Work", Match::kAny,
                     {Condition{Field::kSubject, Operator::kContains, {"budget"}, false},
                      Condition{Field::kAttachment, Operator::kIs, {}, false}},
                     {Action{ActionType::kMove, "Work", "", ""}, Action{ActionType::kKeep, "", "", ""},
                      Action{ActionType::kStop, "", "", ""}});
  EXPECT_EQ(DescribeRule(r),
            "Work: where the Subject contains “budget” or where the message has an attachment, "
            "move it to the “Work” folder, keep it in the Inbox, and stop processing more rules");
  EXPECT_EQ(DescribeRule(r, "de"),
            "Work: wenn der Betreff „budget“ enthält oder wenn die Nachricht einen Anhang hat, in den "
            "Ordner „Work“ verschieben, im Posteingang behalten und keine weiteren Regeln anwenden");
}

TEST(DescribeTest, OtherKindsNamesAndStates) {
  Rule spam;
  spam.id = "spam";
  spam.name = "Spam";
  spam.body = SpamRule{"Junk", {"a@b", "c@d"}, true};
  EXPECT_EQ(DescribeRule(spam),
            "Spam: move messages detected as spam to the “Junk” folder, except from 2 trusted "
            "senders and senders in my Contacts");
  spam.body = SpamRule{"Junk", {"a@b"}, false};
  EXPECT_EQ(DescribeRuleBody(spam),
            "move messages detected as spam to the “Junk” folder, except from 1 trusted sender");
  spam.body = SpamRule{};
  EXPECT_EQ(DescribeRuleBody(spam), "move messages detected as spam to the “Junk” folder");

  Rule ooo;
  ooo.id = "ooo";
  ooo.name = "Out of office";
  ooo.enabled = false;
  ooo.body = OutOfOfficeRule{"Away.\n"};
  EXPECT_EQ(DescribeRule(ooo),
            "Out of office (disabled): reply “Away. ” to every sender once a week, except to "
            "mailing lists and automatic messages");

  Rule opaque;
  opaque.id = "h1";
  opaque.body = OpaqueRule{"if exists \"x\" {\r\n  keep;\r\n}"};
  EXPECT_EQ(DescribeRule(opaque), "Rule h1: Sieve code (3 lines): “if exists \"x\" {”");
  EXPECT_EQ(DescribeRule(opaque, "de"), "Regel h1: Sieve-Code (3 Zeilen): „if exists \"x\" {“");
  opaque.name = "two\nlines";
  EXPECT_EQ(DescribeRule(opaque, "xx"), "two lines: Sieve code (3 lines): “if exists \"x\" {”");
  EXPECT_EQ(DescriptionLocales(), (std::vector<std::string>{"en", "de"}));
}

TEST(DescribeTest, EveryRuleOfRandomModelsIsOneLineInEveryLanguage) {
  // One line per rule (`sievec rules describe`), whatever the names and
  // texts hold, and every sentence formatted (a pattern that fails to
  // format would come out as its message id).
  testing::RandomModels random(31);
  const testing::RandomModels::Options options;
  int described = 0;
  for (int i = 0; i < 400; ++i) {
    const RuleSet model = random.Model(BuiltinProfiles()[static_cast<size_t>(i % 4)], options);
    for (const Rule& r : model.rules) {
      for (const std::string& locale : DescriptionLocales()) {
        const std::string line = DescribeRule(r, locale);
        EXPECT_EQ(line.find_first_of("\r\n"), std::string::npos) << line;
        EXPECT_EQ(line.find("action."), std::string::npos) << line;
        EXPECT_EQ(line.find("condition."), std::string::npos) << line;
        EXPECT_NE(line, "rule");
        EXPECT_NE(line, "rule.disabled");
        ++described;
      }
    }
  }
  EXPECT_GT(described, 2000);
}

}  // namespace
}  // namespace sievekit::editor
