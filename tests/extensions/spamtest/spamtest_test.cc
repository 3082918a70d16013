// Tests for extensions/spamtest: the spamtest, spamtestplus and virustest
// tests of RFC 5235 — which capability allows what, the normalised result
// under each match type (:is, :value with i;ascii-numeric, :count), the
// host's configuration through EvalOptions, the RFC's examples, and the
// rule-editor conditions of the Kerio guide ("detected as spam", "Subject
// contains N asterisks").
#include "extensions/spamtest/spamtest.h"

#include <gtest/gtest.h>

#include <string>

#include "extensions/spamtest/spam_config.h"
#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions {
namespace {

std::string Message(std::string_view headers) {
  return std::string(headers) +
         "From: a@example.com\r\nTo: me@example.org\r\nSubject: Offer ***\r\n\r\nBuy!\r\n";
}

std::string RunSpam(std::string_view script, std::string_view headers,
                const vm::EvalOptions& options = {}) {
  return exttest::RunScript(script, Message(headers), {}, options);
}

struct Case {
  std::string_view name;
  std::string script;
  std::string expected;
};

TEST(SpamtestTest, Validation) {
  const Case cases[] = {
      {"spamtest", "require \"spamtest\";\nif spamtest \"0\" {}", ""},
      {"spamtestplus alone gives spamtest",
       "require \"spamtestplus\";\nif spamtest :percent \"0\" {}\nif spamtest \"0\" {}", ""},
      {"virustest", "require [\"virustest\", \"relational\"];\nif virustest :value \"ge\" \"3\" {}",
       ""},
      {"not required", "if spamtest \"0\" {}",
       "1:4 missing-require: test 'spamtest' needs the extension 'spamtest' or "
       "'spamtestplus', which is not required\n"},
      {"virustest not required", "require \"spamtest\";\nif virustest \"0\" {}",
       "2:4 missing-require: test 'virustest' needs the extension 'virustest', which is not "
       "required\n"},
      // §3.2: :percent without spamtestplus MUST be an error.
      {":percent needs spamtestplus", "require \"spamtest\";\nif spamtest :percent \"3\" {}",
       "2:13 missing-require: tagged argument ':percent' needs the extension 'spamtestplus', "
       "which is not required\n"},
      {"value not a string", "require \"spamtest\";\nif spamtest 3 {}",
       "2:13 wrong-argument-type: the spamtest test expects a string as argument 1 (value), but "
       "a number was found\n"},
  };
  for (const Case& c : cases) EXPECT_EQ(exttest::Diagnose(c.script), c.expected) << c.name;
}

TEST(SpamtestTest, DefaultSourceIsSpamAssassin) {
  const std::string script =
      "require [\"spamtest\", \"relational\", \"comparator-i;ascii-numeric\", \"fileinto\"];\n"
      "if spamtest :value \"eq\" :comparator \"i;ascii-numeric\" \"0\" {\n"
      "  fileinto \"INBOX.unclassified\";\n"
      "} elsif spamtest :value \"ge\" :comparator \"i;ascii-numeric\" \"3\" {\n"
      "  fileinto \"INBOX.spam-trap\";\n"
      "}\n";
  // RFC 5235 §3.2.1's example.
  EXPECT_EQ(RunSpam(script, ""), "fileinto:INBOX.unclassified");
  EXPECT_EQ(RunSpam(script, "X-Spam-Status: Yes, score=7.3 required=5.0 tests=X\r\n"),
            "fileinto:INBOX.spam-trap");
  EXPECT_EQ(RunSpam(script, "X-Spam-Status: No, score=0.1 required=5.0\r\n"), "keep*");
}

TEST(SpamtestTest, ResultStrings) {
  const std::string spam = "X-Spam-Status: No, score=2.5 required=5.0\r\n";
  const Case cases[] = {
      {"level", "require \"spamtest\";\nif spamtest \"5\" { discard; }", "discard"},
      {"no text after the number", "require \"spamtest\";\nif spamtest :matches \"5 *\" { "
                                   "discard; }",
       "keep*"},
      {"percent", "require \"spamtestplus\";\nif spamtest :percent \"50\" { discard; }",
       "discard"},
      {"count of a tested message",
       "require [\"spamtest\", \"relational\", \"comparator-i;ascii-numeric\"];\n"
       "if spamtest :count \"eq\" :comparator \"i;ascii-numeric\" \"1\" { discard; }",
       "discard"},
  };
  for (const Case& c : cases) EXPECT_EQ(RunSpam(c.script, spam), c.expected) << c.name;
  // Not tested: the result is "0" and its :count is 0 (§3.1).
  EXPECT_EQ(RunSpam("require \"spamtest\";\nif spamtest \"0\" { discard; }", ""), "discard");
  EXPECT_EQ(RunSpam("require [\"spamtestplus\", \"relational\", \"comparator-i;ascii-numeric\"];\n"
                "if spamtest :percent :count \"eq\" :comparator \"i;ascii-numeric\" \"0\" "
                "{ discard; }",
                ""),
            "discard");
}

// RFC 5235 §3.2.2's example, with the percentage.
TEST(SpamtestTest, PercentExample) {
  const std::string script =
      "require [\"spamtestplus\", \"fileinto\", \"relational\", "
      "\"comparator-i;ascii-numeric\"];\n"
      "if spamtest :value \"eq\" :comparator \"i;ascii-numeric\" \"0\" {\n"
      "  fileinto \"INBOX.unclassified\";\n"
      "} elsif spamtest :percent :value \"eq\" :comparator \"i;ascii-numeric\" \"0\" {\n"
      "  fileinto \"INBOX.not-spam\";\n"
      "} elsif spamtest :percent :value \"lt\" :comparator \"i;ascii-numeric\" \"37\" {\n"
      "  fileinto \"INBOX.spam-trap\";\n"
      "} else {\n"
      "  discard;\n"
      "}\n";
  EXPECT_EQ(RunSpam(script, ""), "fileinto:INBOX.unclassified");
  EXPECT_EQ(RunSpam(script, "X-Spam-Status: No, score=-2 required=5\r\n"), "fileinto:INBOX.not-spam");
  EXPECT_EQ(RunSpam(script, "X-Spam-Status: No, score=1.5 required=5\r\n"),
            "fileinto:INBOX.spam-trap");
  EXPECT_EQ(RunSpam(script, "X-Spam-Status: Yes, score=9 required=5\r\n"), "discard");
}

TEST(SpamtestTest, HostConfiguration) {
  vm::EvalOptions options;
  SpamTestConfig config;
  config.spam.type = ScoreSource::Type::kStrlen;
  config.spam.status = *HeaderSpec::Parse("X-Spam-Level");
  config.spam.max_header.reset();
  config.spam.max_value = 10;
  config.virus.type = ScoreSource::Type::kYesNo;
  config.virus.status = *HeaderSpec::Parse("X-Virus-Flag");
  options.extension_config.Set(config);
  const std::string script =
      "require [\"spamtest\", \"virustest\"];\n"
      "if spamtest \"7\" { fileinto \"Spam\"; }\n"
      "if virustest \"5\" { discard; }\n";
  const std::string with_fileinto = "require \"fileinto\";\n" + script;
  EXPECT_EQ(RunSpam(with_fileinto, "X-Spam-Level: *******\r\nX-Virus-Flag: YES\r\n", options),
            "fileinto:Spam discard");
  EXPECT_EQ(RunSpam(with_fileinto, "X-Spam-Status: Yes, score=7 required=5\r\n", options),
            "keep*");
}

TEST(SpamtestTest, VirustestLevels) {
  const std::string script =
      "require [\"virustest\", \"relational\", \"comparator-i;ascii-numeric\", \"fileinto\"];\n"
      "if virustest :value \"eq\" :comparator \"i;ascii-numeric\" \"0\" {\n"
      "  fileinto \"INBOX.unscanned\";\n"
      "} elsif virustest :value \"ge\" :comparator \"i;ascii-numeric\" \"4\" {\n"
      "  discard;\n"
      "}\n";
  EXPECT_EQ(RunSpam(script, ""), "fileinto:INBOX.unscanned");
  EXPECT_EQ(RunSpam(script, "X-Virus-Status: Clean\r\n"), "keep*");
  EXPECT_EQ(RunSpam(script, "X-Virus-Status: Infected (Eicar)\r\n"), "discard");
}

// The guide's rule conditions (chapter 6): "where the message was detected
// as spam" and "Subject contains N asterisks" (Kerio writes the spam score
// into the Subject as asterisks).
TEST(SpamtestTest, GuideConditions) {
  const std::string detected =
      "require [\"spamtest\", \"relational\", \"comparator-i;ascii-numeric\", \"fileinto\"];\n"
      "if spamtest :value \"ge\" :comparator \"i;ascii-numeric\" \"10\" {\n"
      "  fileinto \"Spam\";\n"
      "}\n";
  EXPECT_EQ(RunSpam(detected, "X-Spam-Status: Yes, score=6.1 required=5.0\r\n"), "fileinto:Spam");
  EXPECT_EQ(RunSpam(detected, "X-Spam-Status: No, score=4.9 required=5.0\r\n"), "keep*");
  const std::string asterisks =
      "require \"fileinto\";\n"
      "if header :contains \"subject\" \"***\" {\n"
      "  fileinto \"Spam\";\n"
      "}\n";
  EXPECT_EQ(RunSpam(asterisks, ""), "fileinto:Spam");  // "Subject: Offer ***"
}

}  // namespace
}  // namespace sievekit::extensions
