// Tests for the reference evaluator on known cases: the examples of RFC 5228,
// RFC 5231, RFC 5233 and RFC 3894 with the actions they call for, and the
// action rules (implicit keep, duplicates, :copy, stop, limits) one by one.
#include "tests/differential/reference_evaluator.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/source_file.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"

namespace sievekit::differential {
namespace {

const std::string kRequire =
    "require [\"fileinto\", \"envelope\", \"copy\", \"relational\", \"subaddress\", "
    "\"comparator-i;ascii-numeric\"];\n";

// The reference result of `script` (after kRequire) on `message`, as
// DescribeReferenceResult words it; "invalid script" when it fails to
// validate.
std::string Outcome(std::string_view script, std::string_view message,
                    const mail::Envelope& envelope = {}, const ReferenceOptions& options = {}) {
  const ir::FrontendResult front =
      ir::RunFrontend(std::make_shared<const SourceFile>("t.sieve", kRequire + std::string(script)),
                      extensions::DefaultRegistry());
  if (!front.ok()) return "invalid script";
  return DescribeReferenceResult(EvaluateReference(front.script, message, envelope, options));
}

// RFC 5228 §5.7's header, and a few more.
const std::string kCaffeine =
    "X-Caffeine: C8H10N4O2\r\n"
    "From: Tim <tim@example.com>\r\n"
    "To: ken+mta-filters@example.com, \"Bob\" <bob@example.org>\r\n"
    "Subject: You can MAKE MONEY FAST\r\n"
    "\r\n"
    "body\r\n";

TEST(ReferenceEvaluatorTest, ExamplesOfRfc5228) {
  mail::Envelope tim;
  tim.mail_from = "<tim@example.com>";
  tim.rcpt_to = "ken@example.com";
  const struct {
    std::string script;
    std::string expected;
  } cases[] = {
      // §5.7.
      {"if header :is [\"X-Caffeine\"] [\"\"] { discard; }", "keep*"},
      {"if header :contains [\"X-Caffeine\"] [\"\"] { discard; }", "discard"},
      {"if header :contains [\"X-Missing\"] [\"\"] { discard; }", "keep*"},
      {"if not header :matches \"Cc\" \"?*\" { discard; }", "discard"},
      // §2.7.3.
      {"if header :contains :comparator \"i;octet\" \"Subject\" \"MAKE MONEY FAST\" "
       "{ discard; }",
       "discard"},
      {"if header :contains :comparator \"i;octet\" \"Subject\" \"Make Money Fast\" "
       "{ discard; }",
       "keep*"},
      // §5.1, §5.4.
      {"if address :is :all \"from\" \"tim@example.com\" { discard; }", "discard"},
      {"if envelope :all :is \"from\" \"tim@example.com\" { discard; }", "discard"},
      {"if address :domain \"to\" \"EXAMPLE.ORG\" { discard; }", "discard"},
      {"if address :localpart :comparator \"i;octet\" \"to\" \"Bob\" { discard; }", "keep*"},
      // §5.5.
      {"if not exists [\"From\",\"Date\"] { discard; }", "discard"},
      {"if exists [\"from\",\"x-caffeine\"] { discard; }", "discard"},
      // §4.1, §4.4: fileinto + discard is fileinto; both are listed.
      {"if header :contains [\"from\"] \"coyote\" { fileinto \"INBOX.harassment\"; }", "keep*"},
      {"fileinto \"INBOX.harassment\"; discard;", "fileinto:INBOX.harassment discard"},
      // §2.10.2: no action, the implicit keep.
      {"if size :over 500K { discard; }", "keep*"},
      // §3.1: the first branch that holds, and only it.
      {"if false { keep; } elsif true { fileinto \"a\"; } elsif true { fileinto \"b\"; } "
       "else { discard; }",
       "fileinto:a"},
      {"if false { keep; } elsif false { fileinto \"a\"; } else { discard; }", "discard"},
      // §3.3: stop ends the script; what was done stands.
      {"fileinto \"a\"; stop; discard;", "fileinto:a"},
      {"if true { if true { stop; } } discard;", "keep*"},
      // §5.2, §5.3, §5.8.
      {"if allof (true, false) { discard; }", "keep*"},
      {"if allof (true, true) { discard; }", "discard"},
      {"if anyof (false, false) { discard; }", "keep*"},
      {"if anyof (false, true) { discard; }", "discard"},
      {"if not false { discard; }", "discard"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Outcome(c.script, kCaffeine, tim), c.expected) << c.script;
  }
}

TEST(ReferenceEvaluatorTest, SizeIsStrict) {
  const std::string message = "Subject: x\r\n\r\n" + std::string(86, 'a');  // 100 octets
  ASSERT_EQ(message.size(), 100u);
  EXPECT_EQ(Outcome("if size :over 100 { discard; }", message), "keep*");
  EXPECT_EQ(Outcome("if size :under 100 { discard; }", message), "keep*");
  EXPECT_EQ(Outcome("if size :over 99 { discard; }", message), "discard");
  EXPECT_EQ(Outcome("if size :under 101 { discard; }", message), "discard");
}

// RFC 5228 §5.9 counts the octets of the RFC 5322 form, where lines end in
// CRLF: each bare LF is two octets.
TEST(ReferenceEvaluatorTest, SizeCountsBareLineFeedsAsCrLf) {
  const std::string message = "Subject: x\n\n" + std::string(86, 'a') + "\r\n";  // 100 octets
  ASSERT_EQ(message.size(), 100u);
  EXPECT_EQ(Outcome("if size :over 101 { discard; }", message), "discard");  // 102 on the wire
  EXPECT_EQ(Outcome("if size :under 103 { discard; }", message), "discard");
  EXPECT_EQ(Outcome("if size :over 102 { discard; }", message), "keep*");
  EXPECT_EQ(Outcome("if size :over 1 { discard; }", "\n"), "discard");  // a lone LF is 2
}

// RFC 5231 §6.
TEST(ReferenceEvaluatorTest, ExamplesOfRfc5231) {
  const std::string message =
      "received: from a by b\r\n"
      "received: from c by d\r\n"
      "subject: example\r\n"
      "to: foo@example.com, baz@example.com\r\n"
      "cc: qux@example.com\r\n"
      "\r\n";
  const struct {
    std::string test;
    bool holds;
  } cases[] = {
      {"address :count \"ge\" :comparator \"i;ascii-numeric\" [\"to\", \"cc\"] [\"3\"]", true},
      {"anyof (address :count \"ge\" :comparator \"i;ascii-numeric\" [\"to\"] [\"3\"], "
       "address :count \"ge\" :comparator \"i;ascii-numeric\" [\"cc\"] [\"3\"])",
       false},
      {"header :count \"ge\" :comparator \"i;ascii-numeric\" [\"received\"] [\"3\"]", false},
      {"header :count \"ge\" :comparator \"i;ascii-numeric\" [\"received\", \"subject\"] "
       "[\"3\"]",
       true},
      {"header :count \"ge\" :comparator \"i;ascii-numeric\" [\"to\", \"cc\"] [\"3\"]", false},
      {"header :value \"gt\" \"subject\" \"EXAMPLA\"", true},
      {"header :value \"lt\" :comparator \"i;ascii-numeric\" \"subject\" \"5\"", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Outcome("if " + c.test + " { discard; }", message), c.holds ? "discard" : "keep*")
        << c.test;
  }
}

// RFC 5233 §4's example script, with the envelope recipients it mentions.
TEST(ReferenceEvaluatorTest, ExampleOfRfc5233) {
  const std::string script =
      "if envelope :user \"to\" \"postmaster\" { fileinto \"inbox.postmaster\"; stop; }\n"
      "if envelope :detail \"to\" \"mta-filters\" { fileinto \"inbox.ietf-mta-filters\"; }\n"
      "if envelope :detail \"to\" \"foo\" { redirect \"ken@example.net\"; }\n";
  const struct {
    std::string rcpt_to;
    std::string expected;
  } cases[] = {
      {"postmaster@example.com", "fileinto:inbox.postmaster"},
      {"postmaster+foo@example.com", "fileinto:inbox.postmaster"},
      {"ken+mta-filters@example.com", "fileinto:inbox.ietf-mta-filters"},
      {"<ken+foo@example.com>", "redirect:ken@example.net"},
      {"ken@example.com", "keep*"},
  };
  for (const auto& c : cases) {
    mail::Envelope envelope;
    envelope.rcpt_to = c.rcpt_to;
    EXPECT_EQ(Outcome(script, kCaffeine, envelope), c.expected) << c.rcpt_to;
  }
}

TEST(ReferenceEvaluatorTest, NullReversePath) {
  for (const std::string null_path : {"", "<>"}) {
    mail::Envelope envelope;
    envelope.mail_from = null_path;
    envelope.rcpt_to = "ken@example.com";
    // RFC 5228 §5.4: "" whatever the address part; RFC 5231 §4.2: no address.
    EXPECT_EQ(Outcome("if envelope :is \"from\" \"\" { discard; }", kCaffeine, envelope),
              "discard");
    EXPECT_EQ(Outcome("if envelope :detail \"from\" \"\" { discard; }", kCaffeine, envelope),
              "discard");
    EXPECT_EQ(
        Outcome("if envelope :domain :matches \"from\" \"?*\" { discard; }", kCaffeine, envelope),
        "keep*");
    EXPECT_EQ(
        Outcome("if envelope :count \"eq\" :comparator \"i;ascii-numeric\" [\"from\", \"to\"] "
                "\"1\" { discard; }",
                kCaffeine, envelope),
        "discard");
  }
}

TEST(ReferenceEvaluatorTest, ActionRules) {
  const struct {
    std::string script;
    std::string expected;
  } cases[] = {
      // RFC 3894: :copy leaves the implicit keep alone.
      {"fileinto :copy \"Work\";", "fileinto:Work(copy) keep*"},
      {"redirect :copy \"bob@example.org\";", "redirect:bob@example.org(copy) keep*"},
      // Duplicates are one action, in the first one's place; it cancels the
      // implicit keep when any of them did and is a copy when all were.
      {"fileinto :copy \"Work\"; fileinto \"Work\";", "fileinto:Work"},
      {"fileinto :copy \"Work\"; fileinto :copy \"Work\";", "fileinto:Work(copy) keep*"},
      {"fileinto \"Work\"; fileinto \"work\";", "fileinto:Work fileinto:work"},
      {"fileinto \"INBOX\"; keep;", "fileinto:INBOX"},
      {"keep; fileinto \"inbox\";", "keep"},
      {"fileinto :copy \"inbox\"; keep;", "fileinto:inbox"},
      {"fileinto \"inbox\"; fileinto \"INBOX\";", "fileinto:inbox"},
      {"discard; discard;", "discard"},
      {"discard; keep;", "discard keep"},
      {"redirect \"Alice <alice@example.com>\"; redirect \"alice@example.com\";",
       "redirect:alice@example.com"},
      {"redirect \"\\\"ken.x\\\"@example.com\"; redirect \"<ken.x@example.com>\";",
       "redirect:ken.x@example.com"},
      {"redirect \"\\\"john doe\\\"@example.com\";", "redirect:\"john doe\"@example.com"},
      {"redirect :copy \"a@example.com\"; redirect \"a@example.com\";", "redirect:a@example.com"},
      // A fifth distinct redirect is over the default limit: a runtime error
      // undoes everything and keeps the message (RFC 5228 §2.10.6).
      {"fileinto \"x\"; redirect \"a@x.org\"; redirect \"b@x.org\"; redirect \"c@x.org\"; "
       "redirect \"d@x.org\"; redirect \"a@x.org\";",
       "fileinto:x redirect:a@x.org redirect:b@x.org redirect:c@x.org redirect:d@x.org"},
      {"redirect \"a@x.org\"; redirect \"b@x.org\"; redirect \"c@x.org\"; redirect \"d@x.org\"; "
       "redirect \"e@x.org\"; fileinto \"x\";",
       "error:max-redirects keep*"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Outcome(c.script, kCaffeine), c.expected) << c.script;
  }
}

TEST(ReferenceEvaluatorTest, OptionsChangeSitePolicy) {
  ReferenceOptions options;
  options.default_mailbox = "Main";
  options.max_actions = 2;
  EXPECT_EQ(Outcome("keep; fileinto \"Main\";", kCaffeine, {}, options), "keep");
  EXPECT_EQ(Outcome("keep; fileinto \"INBOX\";", kCaffeine, {}, options), "keep fileinto:INBOX");
  EXPECT_EQ(Outcome("keep; fileinto \"a\"; fileinto \"b\";", kCaffeine, {}, options),
            "error:max-actions keep*");
  options.subaddress_separator = "--";
  mail::Envelope envelope;
  envelope.rcpt_to = "ken--lists@example.com";
  EXPECT_EQ(
      Outcome("if envelope :detail \"to\" \"lists\" { discard; }", kCaffeine, envelope, options),
      "discard");
}

TEST(ReferenceEvaluatorTest, CountsAtomicTests) {
  ReferenceStats stats;
  const ir::FrontendResult front =
      ir::RunFrontend(std::make_shared<const SourceFile>(
                          "t.sieve",
                          "if anyof (exists \"From\", exists \"X\") { keep; }\n"
                          "if allof (true, not exists \"X\", size :over 1) { keep; }\n"),
                      extensions::DefaultRegistry());
  ASSERT_TRUE(front.ok());
  EvaluateReference(front.script, kCaffeine, {}, {}, &stats);
  // anyof stops at the first true test; allof evaluates both of its calls.
  EXPECT_EQ(stats.tests, 3u);
  EXPECT_EQ(stats.true_tests, 2u);
}

}  // namespace
}  // namespace sievekit::differential
