// Tests for editor/rule_model: the JSON names, operator/field rules, sizes.
#include "editor/rule_model.h"

#include <gtest/gtest.h>

namespace sievekit::editor {
namespace {

TEST(RuleModelTest, NamesRoundTrip) {
  for (const char* name : {"recipient", "from", "to", "cc", "sender", "subject", "attachment",
                           "size", "spam", "all"}) {
    ASSERT_TRUE(ParseField(name)) << name;
    EXPECT_EQ(FieldName(*ParseField(name)), name);
  }
  for (const char* name :
       {"is", "is_not", "contains", "not_contains", "matches", "not_matches", "over"}) {
    ASSERT_TRUE(ParseOperator(name)) << name;
    EXPECT_EQ(OperatorName(*ParseOperator(name)), name);
  }
  for (const char* name :
       {"move", "forward", "reject", "keep", "discard", "notify", "autoreply", "stop"}) {
    ASSERT_TRUE(ParseActionType(name)) << name;
    EXPECT_EQ(ActionTypeName(*ParseActionType(name)), name);
  }
  for (const char* name : {"gui", "opaque", "spam", "out_of_office"}) {
    ASSERT_TRUE(ParseRuleKind(name)) << name;
    EXPECT_EQ(RuleKindName(*ParseRuleKind(name)), name);
  }
  EXPECT_EQ(MatchName(*ParseMatch("any")), "any");
  EXPECT_FALSE(ParseField("From"));
  EXPECT_FALSE(ParseOperator("doesnotcontain"));
  EXPECT_FALSE(ParseActionType("fileinto"));
  EXPECT_FALSE(ParseRuleKind("special"));
  EXPECT_FALSE(ParseMatch("none"));
}

TEST(RuleModelTest, OperatorsFitTheirFields) {
  const struct {
    Field field;
    Operator op;
    bool fits;
  } cases[] = {
      {Field::kFrom, Operator::kContains, true},
      {Field::kRecipient, Operator::kNotMatches, true},
      {Field::kSubject, Operator::kIsNot, true},
      {Field::kSubject, Operator::kOver, false},
      {Field::kSize, Operator::kOver, true},
      {Field::kSize, Operator::kIs, false},
      {Field::kAttachment, Operator::kIs, true},
      {Field::kAttachment, Operator::kIsNot, true},
      {Field::kAttachment, Operator::kContains, false},
      {Field::kSpam, Operator::kIsNot, true},
      {Field::kAll, Operator::kIs, true},
      {Field::kAll, Operator::kIsNot, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(OperatorFits(c.field, c.op), c.fits)
        << FieldName(c.field) << " " << OperatorName(c.op);
  }
  EXPECT_EQ(Negated(Operator::kContains), Operator::kNotContains);
  EXPECT_EQ(Negated(Operator::kNotMatches), Operator::kMatches);
  EXPECT_EQ(Negated(Operator::kOver), std::nullopt);
  EXPECT_TRUE(IsNegative(Operator::kIsNot));
  EXPECT_FALSE(IsNegative(Operator::kMatches));
  EXPECT_TRUE(IsAddressField(Field::kRecipient));
  EXPECT_FALSE(IsAddressField(Field::kSubject));
}

TEST(RuleModelTest, SizeValues) {
  const struct {
    std::string value;
    std::optional<uint64_t> bytes;
  } cases[] = {
      {"0", 0},
      {"500", 500},
      {"100K", 102400},
      {"2M", 2097152},
      {"1G", 1073741824},
      {"007K", 7168},
      {"", std::nullopt},
      {"K", std::nullopt},
      {"100k", std::nullopt},
      {"100KB", std::nullopt},
      {"-1", std::nullopt},
      {"1.5M", std::nullopt},
      {"9223372036854775807", 9223372036854775807u},
      {"9223372036854775808", std::nullopt},
      {"8589934592G", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(ParseSizeValue(c.value), c.bytes) << c.value;
}

TEST(RuleModelTest, ContentAndDisplayName) {
  Rule a;
  a.id = "r1";
  a.name = "A";
  a.body = GuiRule{Match::kAll, {Condition{}}, {Action{ActionType::kDiscard, "", "", ""}}};
  Rule b = a;
  b.id = "r2";
  b.name = "";
  b.enabled = false;
  b.original = "x";
  EXPECT_TRUE(SameContent(a, b));
  EXPECT_FALSE(a == b);
  EXPECT_EQ(DisplayName(a), "A");
  EXPECT_EQ(DisplayName(b), "(r2)");
  b.body = OpaqueRule{"keep;"};
  EXPECT_FALSE(SameContent(a, b));
  EXPECT_EQ(b.kind(), RuleKind::kOpaque);
  EXPECT_EQ(a.kind(), RuleKind::kGui);
}

}  // namespace
}  // namespace sievekit::editor
