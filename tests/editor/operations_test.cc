// Tests for editor/operations: the Rules tab's buttons on a model, and
// (through the emitter and the projection) that every rule shape survives
// them in the script: switched off, moved, renamed, copied.
#include "editor/operations.h"

#include <gtest/gtest.h>

#include "editor/emitter.h"
#include "editor/projection.h"

namespace sievekit::editor {
namespace {

Rule Gui(std::string id, std::string name) {
  Rule r;
  r.id = std::move(id);
  r.name = std::move(name);
  r.body = GuiRule{Match::kAll, {Condition{}}, {Action{ActionType::kDiscard, "", "", ""}}};
  return r;
}

std::vector<std::string> Ids(const RuleSet& model) {
  std::vector<std::string> out;
  for (const Rule& r : model.rules) out.push_back(r.id);
  return out;
}

TEST(OperationsTest, AddModifyRemove) {
  RuleSet model;
  EXPECT_EQ(*AddRule(model, Gui("", "first")), "r1");
  EXPECT_EQ(*AddRule(model, Gui("", "second")), "r2");
  EXPECT_EQ(*AddRule(model, Gui("x", "top"), 0), "x");
  EXPECT_EQ(Ids(model), (std::vector<std::string>{"x", "r1", "r2"}));
  EXPECT_EQ(AddRule(model, Gui("x", "dup")).error().message, "the id \"x\" is already in use");
  EXPECT_EQ(AddRule(model, Gui("a b", "bad")).error().message, "\"a b\" is not a valid rule id");
  EXPECT_EQ(AddRule(model, Gui("", "far"), 9).error().message,
            "a rule can only go below the predefined rules and within the list");
  Rule spam;
  spam.body = SpamRule{};
  EXPECT_EQ(AddRule(model, spam).error().message,
            "the Spam rule is set on its own tab and cannot be added as an ordinary rule");

  Rule changed = Gui("ignored", "renamed");
  changed.enabled = false;
  changed.body = OpaqueRule{"keep;"};
  ASSERT_TRUE(ModifyRule(model, "r1", changed).ok());
  EXPECT_EQ(FindRule(model, "r1")->name, "renamed");
  EXPECT_FALSE(FindRule(model, "r1")->enabled);
  EXPECT_EQ(FindRule(model, "r1")->kind(), RuleKind::kOpaque);
  EXPECT_EQ(ModifyRule(model, "nope", changed).error().message, "there is no rule \"nope\"");

  ASSERT_TRUE(RemoveRule(model, "x").ok());
  EXPECT_EQ(Ids(model), (std::vector<std::string>{"r1", "r2"}));
  EXPECT_FALSE(RemoveRule(model, "x").ok());
}

TEST(OperationsTest, TheCopyMustBeRenamed) {
  RuleSet model;
  model.rules = {Gui("r1", "Drop spam"), Gui("r2", "Other")};
  model.rules[0].original = "bytes";
  EXPECT_EQ(CopyRule(model, "r1", "Drop spam").error().message,
            "the copy must be renamed: give it a name different from the original's");
  EXPECT_EQ(CopyRule(model, "r1", "").error().message,
            "the copy must be renamed: give it a name different from the original's");
  EXPECT_EQ(*CopyRule(model, "r1", "Drop spam (copy)"), "r3");
  EXPECT_EQ(Ids(model), (std::vector<std::string>{"r1", "r3", "r2"}));
  EXPECT_EQ(model.rules[1].name, "Drop spam (copy)");
  EXPECT_TRUE(model.rules[1].original.empty());
  EXPECT_TRUE(SameContent(model.rules[0], model.rules[1]));
}

TEST(OperationsTest, MovesStayBelowThePredefinedRules) {
  RuleSet model;
  model.rules = {Gui("a", "A"), Gui("b", "B"), Gui("c", "C")};
  ASSERT_TRUE(SetSpamRule(model, SpamRule{"Junk", {"boss@x.org"}, false}, true).ok());
  ASSERT_TRUE(SetOutOfOffice(model, OutOfOfficeRule{"Away"}, false).ok());
  EXPECT_EQ(Ids(model), (std::vector<std::string>{"spam", "out_of_office", "a", "b", "c"}));
  ASSERT_TRUE(MoveRule(model, "b", Direction::kUp).ok());
  EXPECT_EQ(Ids(model), (std::vector<std::string>{"spam", "out_of_office", "b", "a", "c"}));
  EXPECT_EQ(MoveRule(model, "b", Direction::kUp).error().message,
            "a rule cannot move above the predefined rules");
  ASSERT_TRUE(MoveRule(model, "a", Direction::kDown).ok());
  EXPECT_EQ(MoveRule(model, "a", Direction::kDown).error().message, "the rule is already the last");
  EXPECT_EQ(MoveRule(model, "spam", Direction::kDown).error().message,
            "the Spam rule is set on its own tab and cannot be moved");
  RuleSet plain;
  plain.rules = {Gui("a", "A")};
  EXPECT_EQ(MoveRule(plain, "a", Direction::kUp).error().message, "the rule is already the first");

  // Setting them again updates them in place.
  ASSERT_TRUE(SetOutOfOffice(model, OutOfOfficeRule{"Back soon"}, true).ok());
  EXPECT_EQ(model.rules[1].out_of_office()->text, "Back soon");
  EXPECT_TRUE(model.rules[1].enabled);
  EXPECT_EQ(CopyRule(model, "spam", "x").error().message,
            "the Spam rule is set on its own tab and cannot be copied");
  EXPECT_EQ(ModifyRule(model, "out_of_office", Gui("", "")).error().message,
            "the Out of office rule is set on its own tab and cannot be modified as an ordinary rule");
  // Out of office alone goes to the top.
  RuleSet only;
  ASSERT_TRUE(SetOutOfOffice(only, OutOfOfficeRule{"x"}, true).ok());
  ASSERT_TRUE(SetSpamRule(only, SpamRule{}, true).ok());
  EXPECT_EQ(Ids(only), (std::vector<std::string>{"spam", "out_of_office"}));
}

TEST(OperationsTest, EnableRenameAndEditSource) {
  RuleSet model;
  model.rules = {Gui("r1", "A")};
  ASSERT_TRUE(SetEnabled(model, "r1", false).ok());
  EXPECT_FALSE(model.rules[0].enabled);
  ASSERT_TRUE(RenameRule(model, "r1", "B").ok());
  EXPECT_EQ(model.rules[0].name, "B");

  ASSERT_TRUE(EditRuleSource(model, "r1", "if header :contains \"subject\" \"x\" { stop; }",
                             DefaultProfile())
                  .ok());
  EXPECT_EQ(model.rules[0].kind(), RuleKind::kGui);
  EXPECT_EQ(model.rules[0].gui()->conditions[0].field, Field::kSubject);
  EXPECT_EQ(model.rules[0].name, "B");
  ASSERT_TRUE(EditRuleSource(model, "r1", "if exists \"x\" {\n  stop;\n}\n", DefaultProfile()).ok());
  EXPECT_EQ(model.rules[0].opaque()->source, "if exists \"x\" {\n  stop;\n}");
  ASSERT_TRUE(EditRuleSource(model, "r1", "if false { keep; }", DefaultProfile()).ok());
  EXPECT_EQ(model.rules[0].opaque()->source, "if false { keep; }");
  EXPECT_EQ(EditRuleSource(model, "r1", "if {", DefaultProfile()).error().message.substr(0, 32),
            "the rule's source does not parse");
  EXPECT_EQ(EditRuleSource(model, "r1", "require \"x\";", DefaultProfile()).error().message,
            "the rule's source may not hold require: the editor writes it for the script");
  ASSERT_TRUE(SetSpamRule(model, SpamRule{}, true).ok());
  EXPECT_EQ(EditRuleSource(model, "spam", "keep;", DefaultProfile()).error().message,
            "the Spam rule is set on its own tab and cannot be edited as Sieve source");
  EXPECT_EQ(NewRuleId(model), "r2");
}

TEST(OperationsTest, PredefinedRulesReturnToTheirPlaces) {
  // A script that had them out of place: setting them puts them back.
  RuleSet model;
  model.rules = {Gui("a", "A")};
  Rule ooo;
  ooo.id = "ooo";
  ooo.name = "Away";
  ooo.body = OutOfOfficeRule{"x"};
  model.rules.push_back(ooo);
  Rule spam;
  spam.id = "s";
  spam.name = "Spam";
  spam.body = SpamRule{};
  spam.original = "bytes";
  model.rules.push_back(spam);
  ASSERT_TRUE(SetOutOfOffice(model, OutOfOfficeRule{"Back Monday"}, true).ok());
  EXPECT_EQ(Ids(model), (std::vector<std::string>{"ooo", "a", "s"}));
  ASSERT_TRUE(SetSpamRule(model, SpamRule{"Junk", {}, true}, false).ok());
  EXPECT_EQ(Ids(model), (std::vector<std::string>{"s", "ooo", "a"}));
  EXPECT_EQ(model.rules[0].original, "bytes");  // the emitter compares it
  EXPECT_FALSE(model.rules[0].enabled);
  EXPECT_TRUE(model.rules[0].spam()->trust_contacts);
  EXPECT_EQ(model.rules[1].name, "Away");
  EXPECT_EQ(model.rules[1].out_of_office()->text, "Back Monday");
}

// The rules as a GUI sees them: without the bytes they were read from.
std::vector<Rule> Visible(std::vector<Rule> rules) {
  for (Rule& r : rules) r.original.clear();
  return rules;
}

TEST(OperationsTest, EveryRuleShapeCanBeSwitchedOffMovedRenamedAndCopied) {
  // A GUI rule, an opaque nested if, an if/elsif/else chain (one unit),
  // bare commands the dialog cannot show, a rule with an unknown
  // extension, and the two predefined rules.
  const std::string script =
      "require [\"fileinto\", \"vacation\", \"copy\"];\n\n"
      "# rule:[Spam] id=spam kind=spam\n"
      "if header :is \"X-Spam-Flag\" \"YES\" {\n    fileinto \"Junk\";\n    stop;\n}\n\n"
      "# rule:[Out of office] id=out_of_office kind=out_of_office\n"
      "if allof (not exists [\"list-id\", \"list-post\", \"list-unsubscribe\"], not header :is "
      "\"precedence\" [\"list\", \"bulk\", \"junk\"], not header :contains \"auto-submitted\" "
      "\"auto-\") {\n    vacation :days 7 \"Away\";\n}\n\n"
      "# rule:[Work] id=r1\n"
      "if header :contains \"subject\" \"budget\" {\n    fileinto \"Work\";\n}\n\n"
      "# rule:[Nested] id=r2\n"
      "if exists \"x-a\" {\n    if exists \"x-b\" {\n        discard;\n    }\n}\n\n"
      "# rule:[Chain] id=r3\n"
      "if size :over 1M {\n    fileinto \"Big\";\n} elsif size :over 100K {\n    "
      "fileinto \"Medium\";\n} else {\n    keep;\n}\n\n"
      "# rule:[Copy] id=r4\n"
      "redirect :copy \"archive@example.com\";\n\n"
      "# rule:[Unknown] id=r5\n"
      "if exists \"x-c\" {\n    frobnicate;\n}\n";
  ProjectOptions project;
  const RuleSet read = ProjectScript(script, project).model;
  ASSERT_EQ(Ids(read), (std::vector<std::string>{"spam", "out_of_office", "r1", "r2", "r3", "r4",
                                                 "r5"}));
  EXPECT_EQ(read.rules[4].kind(), RuleKind::kOpaque);
  ASSERT_EQ(EmitScript(read).script, script);

  const auto round_trip = [&](const RuleSet& model) {
    const EmitResult written = EmitScript(model);
    EXPECT_TRUE(written.ok());
    RuleSet again = ProjectScript(written.script, project).model;
    EXPECT_EQ(Visible(again.rules), Visible(model.rules)) << written.script;
    // Nothing but the unknown command draws a diagnostic.
    for (const Diagnostic& d : written.diagnostics.all()) {
      EXPECT_EQ(d.message, "unknown command 'frobnicate'") << written.script;
    }
    return std::make_pair(written.script, again);
  };
  for (const std::string& id : Ids(read)) {
    // Off: the rule stays in the script, in a form that never runs, and
    // reads back as the same rule, switched off.
    RuleSet off = read;
    ASSERT_TRUE(SetEnabled(off, id, false).ok());
    const auto [off_script, off_read] = round_trip(off);
    const std::string marker = "id=" + id;
    const size_t at = off_script.find(marker);
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(off_script.substr(off_script.find('\n', at) + 1, 8), "if false") << id << off_script;
    EXPECT_FALSE(FindRule(off_read, id)->enabled);
    // And on again: the script it came from.
    RuleSet on = off_read;
    ASSERT_TRUE(SetEnabled(on, id, true).ok());
    EXPECT_EQ(EmitScript(on).script, script) << id;
    // Renamed.
    RuleSet renamed = read;
    ASSERT_TRUE(RenameRule(renamed, id, "New \"name\"\nwith a line break").ok());
    round_trip(renamed);
  }
  for (const std::string id : {"r1", "r2", "r3", "r4", "r5"}) {
    RuleSet moved = read;
    ASSERT_TRUE(MoveRule(moved, id, id == std::string("r1") ? Direction::kDown : Direction::kUp).ok());
    round_trip(moved);
    RuleSet copied = read;
    ASSERT_TRUE(CopyRule(copied, id, "Copy of " + id).ok());
    const auto [copy_script, copy_read] = round_trip(copied);
    EXPECT_EQ(copy_read.rules.size(), read.rules.size() + 1);
  }
}

}  // namespace
}  // namespace sievekit::editor
