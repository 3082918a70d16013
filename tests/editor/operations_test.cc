// Tests for editor/operations: the Rules tab's buttons on a model.
#include "editor/operations.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace sievekit::editor
