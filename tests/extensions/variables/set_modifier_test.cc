// Tests for extensions/variables/set_modifier: each modifier of RFC 5229
// §4.1 on its own, precedence order, and the table of declared modifiers.
#include "extensions/variables/set_modifier.h"

#include <gtest/gtest.h>

#include "ir/registry.h"

namespace sievekit::extensions {
namespace {

TEST(SetModifierTest, EachModifier) {
  const struct {
    void (*apply)(std::string_view, std::string*);
    std::string_view in;
    std::string_view out;
  } cases[] = {
      {ModifyLower, "juMBlEd lETteRS", "jumbled letters"},
      {ModifyUpper, "juMBlEd lETteRS", "JUMBLED LETTERS"},
      // §4.1.3: only US-ASCII letters change.
      {ModifyUpper, "\xc3\xa9t\xc3\xa9", "\xc3\xa9T\xc3\xa9"},
      {ModifyLower, "\xc3\x89T\xc3\x89", "\xc3\x89t\xc3\x89"},
      {ModifyUpperFirst, "juMBlEd lETteRS", "JuMBlEd lETteRS"},
      {ModifyUpperFirst, "", ""},
      {ModifyUpperFirst, "1abc", "1abc"},
      {ModifyUpperFirst, "\xc3\xa9t\xc3\xa9", "\xc3\xa9t\xc3\xa9"},
      {ModifyLowerFirst, "ABC", "aBC"},
      {ModifyLowerFirst, "", ""},
      {ModifyQuoteWildcard, "Rock*", "Rock\\*"},
      {ModifyQuoteWildcard, "a?b\\c*", "a\\?b\\\\c\\*"},
      {ModifyQuoteWildcard, "", ""},
      {ModifyLength, "juMBlEd lETteRS", "15"},
      {ModifyLength, "", "0"},
      // §4.1.1 counts characters: "é" is one, a stray byte is one.
      {ModifyLength, "caf\xc3\xa9", "4"},
      {ModifyLength, "\xff\xfe", "2"},
  };
  for (const auto& c : cases) {
    std::string out = "stale";
    c.apply(c.in, &out);
    EXPECT_EQ(out, c.out) << c.in;
  }
}

TEST(SetModifierTest, BuiltinsAndPrecedence) {
  std::vector<std::pair<std::string, int>> seen;
  for (const SetModifier& m : BuiltinSetModifiers()) seen.emplace_back(m.name, m.precedence);
  const std::vector<std::pair<std::string, int>> expected = {
      {"lower", 40},      {"upper", 40},         {"lowerfirst", 30},
      {"upperfirst", 30}, {"quotewildcard", 20}, {"length", 10}};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(SetModifierGroup(40), "set-modifier-40");
}

TEST(SetModifierTest, ApplyInOrder) {
  // §4.1 example: set :upperfirst :lower "b" "${a}" gives "Jumbled letters":
  // :lower (40) first, then :upperfirst (30).
  const SetModifier* lower = FindSetModifier("lower");
  const SetModifier* upperfirst = FindSetModifier("upperfirst");
  const SetModifier* length = FindSetModifier("length");
  const SetModifier* quote = FindSetModifier("quotewildcard");
  ASSERT_NE(lower, nullptr);
  ASSERT_NE(upperfirst, nullptr);
  std::string a, b;
  const SetModifier* both[] = {lower, upperfirst};
  EXPECT_EQ(ApplySetModifiers(both, "juMBlEd lETteRS", &a, &b), "Jumbled letters");
  const SetModifier* three[] = {upperfirst, quote, length};
  EXPECT_EQ(ApplySetModifiers(three, "a*b", &a, &b), "4");  // A\*b
  EXPECT_EQ(ApplySetModifiers({}, "unchanged", &a, &b), "unchanged");
}

void Reverse(std::string_view in, std::string* out) { out->assign(in.rbegin(), in.rend()); }
constexpr SetModifier kReverse{"testreverse", 20, Reverse};

TEST(SetModifierTest, DeclaredModifiers) {
  EXPECT_EQ(FindSetModifier("testreverse"), nullptr);
  EXPECT_EQ(FindSetModifier("unknown"), nullptr);
  ir::Registry registry;
  registry.Register({"set", false, false}, [](ir::ExtensionBuilder& b) { b.Command("set"); });
  registry.Register({"vnd.test.reverse", false, false},
                    [](ir::ExtensionBuilder& b) { DeclareSetModifier(b, kReverse); });
  registry.Finalize();
  EXPECT_EQ(FindSetModifier("testreverse"), &kReverse);
  const ir::TagSpec* tag = registry.FindTag(*registry.FindCommand("set"), "testreverse");
  ASSERT_NE(tag, nullptr);
  EXPECT_EQ(tag->group, "set-modifier-20");
  EXPECT_EQ(tag->extension->name, "vnd.test.reverse");
}

}  // namespace
}  // namespace sievekit::extensions
