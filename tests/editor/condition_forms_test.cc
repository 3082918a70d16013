// Tests for editor/condition_forms: every field and operator written for
// each profile, and Sieve tests read back as conditions (or refused, with
// the reason).
#include "editor/condition_forms.h"

#include <gtest/gtest.h>

#include "parser/parser.h"

namespace sievekit::editor {
namespace {

Condition C(Field f, Operator op, std::vector<std::string> values = {}, bool whole_line = false) {
  return Condition{f, op, std::move(values), whole_line};
}

TEST(ConditionFormsTest, WritesEveryFieldAndOperator) {
  const struct {
    Condition condition;
    std::string profile;
    std::string sieve;
    std::string form;
  } cases[] = {
      {C(Field::kFrom, Operator::kContains, {"spam.com"}), "kerio",
       "address :contains \"from\" \"spam.com\"", "address"},
      {C(Field::kTo, Operator::kIs, {"a@b", "c@d"}), "kerio", "address :is \"to\" [\"a@b\", \"c@d\"]",
       "address"},
      {C(Field::kCc, Operator::kMatches, {"*@x.org"}), "kerio", "address :matches \"cc\" \"*@x.org\"",
       "address"},
      {C(Field::kSender, Operator::kIsNot, {"list@x"}), "kerio", "not address :is \"sender\" \"list@x\"",
       "address"},
      {C(Field::kRecipient, Operator::kNotContains, {"me"}), "kerio",
       "not address :contains [\"to\", \"cc\"] \"me\"", "address"},
      {C(Field::kFrom, Operator::kNotMatches, {"?x*"}, true), "kerio",
       "not header :matches \"from\" \"?x*\"", "header"},
      {C(Field::kSubject, Operator::kContains, {"***", "say \"hi\""}), "kerio",
       "header :contains \"subject\" [\"***\", \"say \\\"hi\\\"\"]", "header"},
      {C(Field::kSize, Operator::kOver, {"100K"}), "kerio", "size :over 100K", ""},
      {C(Field::kAll, Operator::kIs), "kerio", "true", ""},
      {C(Field::kAttachment, Operator::kIs), "kerio",
       "body :raw :contains \"Content-Disposition: attachment\"", "attachment:body"},
      {C(Field::kAttachment, Operator::kIsNot), "dovecot",
       "not body :raw :contains \"Content-Disposition: attachment\"", "attachment:body"},
      {C(Field::kSpam, Operator::kIs), "kerio", "header :is \"X-Spam-Flag\" \"YES\"",
       "spam:header:x-spam-flag:YES:is"},
      {C(Field::kSpam, Operator::kIs), "dovecot",
       "spamtest :value \"ge\" :comparator \"i;ascii-numeric\" \"5\"", "spam:spamtest:5"},
      {C(Field::kSpam, Operator::kIsNot), "rfc",
       "not spamtest :percent :value \"ge\" :comparator \"i;ascii-numeric\" \"50\"",
       "spam:spamtestplus:50"},
  };
  for (const auto& c : cases) {
    const ServerProfile& p = *FindProfile(c.profile);
    Result<std::string> sieve = ConditionToSieve(c.condition, p);
    ASSERT_TRUE(sieve.ok()) << c.sieve;
    EXPECT_EQ(*sieve, c.sieve);
    EXPECT_EQ(ConditionForm(c.condition, p), c.form) << c.sieve;
  }
  // RFC 5703 for a host whose server has it (no built-in profile writes it).
  ServerProfile mime_attachments = DefaultProfile();
  mime_attachments.attachment = AttachmentStyle::kMime;
  EXPECT_EQ(*ConditionToSieve(C(Field::kAttachment, Operator::kIsNot), mime_attachments),
            "not header :mime :anychild :contains \"content-disposition\" \"attachment\"");
  EXPECT_EQ(ConditionForm(C(Field::kAttachment, Operator::kIs), mime_attachments), "attachment:mime");
  ServerProfile header_attachments = DefaultProfile();
  header_attachments.attachment = AttachmentStyle::kHeader;
  EXPECT_EQ(*ConditionToSieve(C(Field::kAttachment, Operator::kIs), header_attachments),
            "header :contains \"content-type\" \"multipart/mixed\"");
}

TEST(ConditionFormsTest, RefusesWhatHasNoForm) {
  const struct {
    Condition condition;
    std::string error;
  } cases[] = {
      {C(Field::kSize, Operator::kIs, {"1K"}), "the size condition does not take the operator is"},
      {C(Field::kSize, Operator::kOver, {"1KB"}), "a size condition needs one size such as \"100K\""},
      {C(Field::kFrom, Operator::kContains), "the from condition has no value"},
      {C(Field::kAll, Operator::kIsNot), "the all condition does not take the operator is_not"},
  };
  for (const auto& c : cases) {
    Result<std::string> sieve = ConditionToSieve(c.condition, DefaultProfile());
    ASSERT_FALSE(sieve.ok());
    EXPECT_EQ(sieve.error().message, c.error);
  }
}

TEST(ConditionFormsTest, JoinsConditions) {
  GuiRule rule;
  rule.conditions = {C(Field::kFrom, Operator::kContains, {"a"})};
  EXPECT_EQ(*ConditionsToSieve(rule, DefaultProfile()), "address :contains \"from\" \"a\"");
  rule.match = Match::kAny;
  EXPECT_EQ(*ConditionsToSieve(rule, DefaultProfile()), "anyof (address :contains \"from\" \"a\")");
  rule.conditions.push_back(C(Field::kSize, Operator::kOver, {"1M"}));
  EXPECT_EQ(*ConditionsToSieve(rule, DefaultProfile()),
            "anyof (address :contains \"from\" \"a\", size :over 1M)");
  rule.match = Match::kAll;
  EXPECT_EQ(*ConditionsToSieve(rule, DefaultProfile()),
            "allof (address :contains \"from\" \"a\", size :over 1M)");
  rule.conditions.clear();
  EXPECT_EQ(ConditionsToSieve(rule, DefaultProfile()).error().message,
            "a rule needs at least one condition");
}

struct Parsed {
  syntax::ParseResult result;
  const syntax::Test& test() const { return result.tree.commands[0].tests[0]; }
};

Parsed ParseTest(const std::string& test) {
  Parsed p{syntax::Parse(std::make_shared<SourceFile>("t", "if " + test + " { keep; }"))};
  EXPECT_FALSE(p.result.diagnostics.has_errors()) << test;
  return p;
}

TEST(ConditionFormsTest, ReadsTestsAsConditions) {
  const struct {
    std::string sieve;
    Condition condition;
    std::string form;
  } cases[] = {
      {"address :contains \"from\" \"spam.com\"", C(Field::kFrom, Operator::kContains, {"spam.com"}),
       "address"},
      {"address :all :comparator \"i;ascii-casemap\" :is \"From\" \"a\"",
       C(Field::kFrom, Operator::kIs, {"a"}), "address"},
      {"address \"to\" \"a\"", C(Field::kTo, Operator::kIs, {"a"}), "address"},
      {"address :matches [\"Cc\", \"TO\"] [\"a\", \"b\"]",
       C(Field::kRecipient, Operator::kMatches, {"a", "b"}), "address"},
      {"not address :is \"sender\" \"x\"", C(Field::kSender, Operator::kIsNot, {"x"}), "address"},
      {"header :contains \"From\" \"Joe\"", C(Field::kFrom, Operator::kContains, {"Joe"}, true),
       "header"},
      {"not header :matches \"subject\" \"*sale*\"",
       C(Field::kSubject, Operator::kNotMatches, {"*sale*"}), "header"},
      {"header :comparator \"i;ascii-casemap\" :contains \"Subject\" \"x\"",
       C(Field::kSubject, Operator::kContains, {"x"}), "header"},
      {"size :over 100k", C(Field::kSize, Operator::kOver, {"100K"}), ""},
      {"size :over 5000", C(Field::kSize, Operator::kOver, {"5000"}), ""},
      {"true", C(Field::kAll, Operator::kIs), ""},
      {"body :raw :contains \"content-disposition: ATTACHMENT\"",
       C(Field::kAttachment, Operator::kIs), "attachment:body"},
      {"not header :mime :anychild :contains \"Content-Disposition\" \"attachment\"",
       C(Field::kAttachment, Operator::kIsNot), "attachment:mime"},
      {"header :contains \"Content-Type\" \"multipart/mixed\"",
       C(Field::kAttachment, Operator::kIs), "attachment:header"},
      {"header :is \"x-spam-flag\" \"yes\"", C(Field::kSpam, Operator::kIs),
       "spam:header:x-spam-flag:yes:is"},
      {"header :contains \"X-Spam-Flag\" \"YES\"", C(Field::kSpam, Operator::kIs),
       "spam:header:x-spam-flag:YES:contains"},
      {"not spamtest :value \"ge\" :comparator \"i;ascii-numeric\" \"7\"",
       C(Field::kSpam, Operator::kIsNot), "spam:spamtest:7"},
      {"spamtest :comparator \"i;ascii-numeric\" :percent :value \"ge\" \"80\"",
       C(Field::kSpam, Operator::kIs), "spam:spamtestplus:80"},
  };
  for (const auto& c : cases) {
    const Parsed p = ParseTest(c.sieve);
    std::string form, why;
    std::optional<Condition> got =
        RecognizeCondition(p.result.tree, p.test(), DefaultProfile(), &form, &why);
    ASSERT_TRUE(got) << c.sieve << ": " << why;
    EXPECT_EQ(*got, c.condition) << c.sieve;
    EXPECT_EQ(form, c.form) << c.sieve;
  }
}

TEST(ConditionFormsTest, RefusesTestsTheDialogCannotShow) {
  const struct {
    std::string sieve;
    std::string why;
  } cases[] = {
      {"exists \"x-list\"", "the exists test"},
      {"address :domain :is \"from\" \"x\"", "the :domain argument"},
      {"address :comparator \"i;octet\" :is \"from\" \"x\"", "a comparator other than the default"},
      {"header :regex \"subject\" \"x\"", "the :regex argument"},
      {"header :is :contains \"subject\" \"x\"", "two match types"},
      {"header :contains \"x-mailer\" \"x\"", "a header test of headers the dialog does not offer"},
      {"address :is \"subject\" \"x\"", "an address test of headers the dialog does not offer"},
      {"address :is [\"from\", \"to\"] \"x\"", "an address test of headers the dialog does not offer"},
      {"header :is \"subject\" \"two\r\nlines\"", "a value with a line break or invalid UTF-8"},
      {"size :under 10K", "a size test other than :over"},
      {"not size :over 10K", "a negated size test"},
      {"not true", "a negated true test"},
      {"not not", "an unusual not"},
      {"spamtest :value \"gt\" :comparator \"i;ascii-numeric\" \"5\"", "the spamtest test"},
      {"spamtest :value \"ge\" :comparator \"i;ascii-numeric\" \"11\"", "the spamtest test"},
      {"header :is \"X-Spam-Flag\" \"NO\"", "a header test of headers the dialog does not offer"},
  };
  for (const auto& c : cases) {
    const Parsed p = ParseTest(c.sieve);
    std::string form, why;
    EXPECT_FALSE(RecognizeCondition(p.result.tree, p.test(), DefaultProfile(), &form, &why))
        << c.sieve;
    EXPECT_EQ(why, c.why) << c.sieve;
  }
}

TEST(ConditionFormsTest, ReadsRuleTests) {
  const Parsed any = ParseTest("anyof (size :over 1M, header :contains \"subject\" \"x\")");
  std::string why;
  std::optional<RecognizedTest> t = RecognizeTest(any.result.tree, any.test(), DefaultProfile(), &why);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->match, Match::kAny);
  EXPECT_EQ(t->conditions.size(), 2u);
  EXPECT_EQ(t->forms, (std::vector<std::string>{"", "header"}));
  const Parsed single = ParseTest("true");
  t = RecognizeTest(single.result.tree, single.test(), DefaultProfile(), &why);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->match, Match::kAll);
  const Parsed nested = ParseTest("allof (anyof (true), true)");
  EXPECT_FALSE(RecognizeTest(nested.result.tree, nested.test(), DefaultProfile(), &why));
  EXPECT_EQ(why, "the anyof test");
}

}  // namespace
}  // namespace sievekit::editor
