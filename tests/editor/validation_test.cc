// Tests for editor/validation: the rule dialog's checks and the guide's
// combination rules, one case per message.
#include "editor/validation.h"

#include <gtest/gtest.h>

namespace sievekit::editor {
namespace {

Action A(ActionType t, std::string folder = "", std::string address = "", std::string text = "") {
  return Action{t, std::move(folder), std::move(address), std::move(text)};
}
const Action kMove = A(ActionType::kMove, "Work");
const Action kForward = A(ActionType::kForward, "", "boss@example.com");
const Action kReject = A(ActionType::kReject, "", "", "No.");
const Action kKeep = A(ActionType::kKeep);
const Action kDiscard = A(ActionType::kDiscard);
const Action kNotify = A(ActionType::kNotify, "", "john.blumonday@t-mobile.com", "$from$");
const Action kReply = A(ActionType::kAutoreply, "", "", "Away");
const Action kStop = A(ActionType::kStop);

Rule Gui(std::vector<Condition> conditions, std::vector<Action> actions) {
  Rule r;
  r.id = "r1";
  r.body = GuiRule{Match::kAll, std::move(conditions), std::move(actions)};
  return r;
}

std::vector<std::string> Codes(const std::vector<Issue>& issues) {
  std::vector<std::string> out;
  for (const Issue& i : issues) out.push_back(i.code);
  return out;
}

const Condition kFrom{Field::kFrom, Operator::kContains, {"spam.com"}, false};

TEST(ValidationTest, CombinationRules) {
  // The guide's combination rules (§6.1, "Select the Actions"), each with
  // the message a GUI shows.
  const std::string kKeepAlone = "Keep in Inbox must be combined with another action (move, forward, ...)";
  const std::string kForwardOnly =
      "Forward performs no other action: only Keep in Inbox and Stop may go with it";
  const std::string kRejectOnly =
      "Reject cannot be combined with Keep in Inbox, Move, Forward, Discard or an autoreply";
  const struct {
    std::vector<Action> actions;
    std::vector<std::string> codes;
    std::string message;  // of the first issue
  } cases[] = {
      {{kDiscard}, {}, ""},
      {{kMove, kKeep}, {}, ""},
      {{kForward, kKeep, kStop}, {}, ""},
      {{kReject, kNotify, kStop}, {}, ""},
      {{kMove, A(ActionType::kMove, "Other"), kNotify, kReply, kStop}, {}, ""},
      {{kKeep}, {"keep-alone"}, kKeepAlone},
      {{kKeep, kStop}, {"keep-alone"}, kKeepAlone},
      {{kKeep, kDiscard}, {"keep-discard"}, "Keep in Inbox and Discard cannot be combined"},
      {{kForward, kMove}, {"forward-exclusive"}, kForwardOnly},
      {{kForward, kNotify}, {"forward-exclusive"}, kForwardOnly},
      {{kReject, kKeep}, {"reject-exclusive"}, kRejectOnly},
      {{kReject, kReply}, {"reject-exclusive"}, kRejectOnly},
      {{kDiscard, kMove}, {"discard-move"}, "Discard cannot be combined with Move"},
      {{kMove, kMove}, {"duplicate-action"}, "action 2 repeats action 1 (move)"},
      {{kReply, kReply}, {"duplicate-action"}, "action 2 repeats action 1 (autoreply)"},
      {{kStop, kDiscard}, {"stop-last"}, "Stop processing more rules must be the last action"},
      {{}, {"no-action"}, "a rule needs at least one action"},
  };
  for (const auto& c : cases) {
    const std::vector<Issue> issues = ValidateRule(Gui({kFrom}, c.actions), DefaultProfile());
    EXPECT_EQ(Codes(issues), c.codes) << (c.codes.empty() ? "" : c.codes[0]);
    EXPECT_EQ(issues.empty() ? "" : issues[0].message, c.message);
    for (const Issue& i : issues) {
      EXPECT_EQ(i.severity, IssueSeverity::kError);
      EXPECT_EQ(i.rule_id, "r1");
    }
  }
}

TEST(ValidationTest, ConditionsAndFields) {
  const struct {
    std::vector<Condition> conditions;
    std::vector<Action> actions;
    std::string code;
    std::string message;
  } cases[] = {
      {{}, {kDiscard}, "no-condition", "a rule needs at least one condition"},
      {{Condition{}, kFrom}, {kDiscard}, "all-alone",
       "\"For all messages\" cannot be combined with other conditions"},
      {{Condition{Field::kFrom, Operator::kOver, {"1"}, false}}, {kDiscard}, "operator",
       "condition 1: the from condition does not take the operator over"},
      {{Condition{Field::kSize, Operator::kOver, {"1 MB"}, false}}, {kDiscard}, "size",
       "condition 1: the size must be one number of bytes, or of KB, MB or GB written as "
       "\"100K\", \"2M\", \"1G\""},
      {{Condition{Field::kSpam, Operator::kIs, {"x"}, false}}, {kDiscard}, "value",
       "condition 1: the spam condition takes no values"},
      {{Condition{Field::kSubject, Operator::kIs, {}, false}}, {kDiscard}, "value",
       "condition 1: the subject condition needs at least one value"},
      {{Condition{Field::kSubject, Operator::kIs, {"a\nb"}, false}}, {kDiscard}, "value",
       "condition 1: a value must be one line of text, not empty"},
      {{Condition{Field::kSubject, Operator::kIs, {"x"}, true}}, {kDiscard}, "value",
       "condition 1: whole_line applies to address fields only"},
      {{kFrom}, {A(ActionType::kMove, "a//b")}, "folder",
       "action 1: the folder name \"a//b\" has an empty component"},
      {{kFrom}, {A(ActionType::kForward, "", "caf\xC3\xA9@x.fr")}, "address",
       "action 1: forward needs an address such as user@example.com (US-ASCII)"},
      {{kFrom}, {A(ActionType::kNotify, "", "x", "t")}, "address",
       "action 1: a notification needs an address such as john.blumonday@t-mobile.com"},
      {{kFrom}, {A(ActionType::kReject)}, "text",
       "action 1: the rejection needs a text (valid UTF-8, lines ending in \\n)"},
      {{kFrom}, {A(ActionType::kAutoreply, "", "", "a\r\nb")}, "text",
       "action 1: the autoreply needs a text (valid UTF-8, lines ending in \\n)"},
  };
  for (const auto& c : cases) {
    const std::vector<Issue> issues = ValidateRule(Gui(c.conditions, c.actions), DefaultProfile());
    ASSERT_EQ(issues.size(), 1u) << c.code;
    EXPECT_EQ(issues[0].code, c.code);
    EXPECT_EQ(issues[0].message, c.message);
  }
  EXPECT_EQ(Codes(ValidateRule(Gui({kFrom}, {A(ActionType::kMove, "v1.2")}), *FindProfile("cyrus"))),
            std::vector<std::string>{"folder"});
  ServerProfile silent = DefaultProfile();
  silent.notify = NotifyStyle::kNone;
  EXPECT_EQ(Codes(ValidateRule(Gui({kFrom}, {kNotify}), silent)),
            std::vector<std::string>{"notify-unavailable"});
}

TEST(ValidationTest, OtherKinds) {
  Rule r;
  r.id = "bad id";
  r.body = OpaqueRule{"if {"};
  EXPECT_EQ(Codes(ValidateRule(r, DefaultProfile())), (std::vector<std::string>{"id", "source"}));
  r.id = "spam";
  r.body = SpamRule{"", {"boss@example.com", "not an address"}, false};
  EXPECT_EQ(Codes(ValidateRule(r, DefaultProfile())), (std::vector<std::string>{"folder", "whitelist"}));
  r.body = OutOfOfficeRule{""};
  EXPECT_EQ(Codes(ValidateRule(r, DefaultProfile())), std::vector<std::string>{"text"});
  r.body = OutOfOfficeRule{"Away"};
  EXPECT_TRUE(ValidateRule(r, DefaultProfile()).empty());
}

TEST(ValidationTest, TheWholeModel) {
  RuleSet model;
  Rule a = Gui({kFrom}, {kReply});
  Rule b = a;  // same id
  Rule ooo;
  ooo.id = "ooo";
  ooo.body = OutOfOfficeRule{"Away"};
  Rule spam;
  spam.id = "spam";
  spam.body = SpamRule{};
  model.rules = {a, b, ooo, spam, spam};
  model.rules[4].id = "spam2";
  const std::vector<Issue> issues = ValidateModel(model, DefaultProfile());
  EXPECT_EQ(Codes(issues),
            (std::vector<std::string>{"duplicate-id", "special-rule-position", "special-rule-position",
                                      "duplicate-special", "special-rule-position",
                                      "autoreply-suspended", "autoreply-suspended"}));
  EXPECT_TRUE(HasErrors(issues));
  EXPECT_EQ(issues[5].severity, IssueSeverity::kWarning);
  EXPECT_EQ(issues[5].message,
            "the Out of office rule is on, so the autoreply of rule \"(r1)\" is not sent");
  model.rules = {spam, ooo, a};
  EXPECT_EQ(Codes(ValidateModel(model, DefaultProfile())),
            std::vector<std::string>{"autoreply-suspended"});
  EXPECT_FALSE(HasErrors(ValidateModel(model, DefaultProfile())));
}

}  // namespace
}  // namespace sievekit::editor
