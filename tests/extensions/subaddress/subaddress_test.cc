// Tests for extensions/subaddress (RFC 5233): the RFC example run end to
// end, the :user and :detail rules of §4 (no detail, empty detail), the
// configurable separator, and the compile-time checks.
#include "extensions/subaddress/subaddress.h"

#include <gtest/gtest.h>

#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions {
namespace {

using exttest::Diagnose;
using exttest::RunScript;

TEST(SubaddressTest, Split) {
  const struct {
    std::string_view local_part;
    std::string_view separator;
    std::string_view user;
    std::optional<std::string_view> detail;
  } cases[] = {
      {"ken+sieve", "+", "ken", "sieve"},
      {"ken", "+", "ken", std::nullopt},
      {"ken+", "+", "ken", ""},
      {"+sieve", "+", "", "sieve"},
      {"a+b+c", "+", "a", "b+c"},  // split at the first separator
      {"ken-sieve", "+-", "ken", "sieve"},  // any of the separators
      {"friep+-frop", "+-", "friep", "-frop"},
      {"friep+-frop", "-+", "friep", "-frop"},  // the first in the local part
      {"list_request", "+-_", "list", "request"},
      {"ken-sieve", "+", "ken-sieve", std::nullopt},
      {"ken+sieve", "", "ken+sieve", std::nullopt},  // no separator: no detail
      {"", "+", "", std::nullopt},
  };
  for (const auto& c : cases) {
    const Subaddress split = SplitSubaddress(c.local_part, c.separator);
    EXPECT_EQ(split.user, c.user) << c.local_part;
    EXPECT_EQ(split.detail, c.detail) << c.local_part;
  }
}

// RFC 5233 §4 example.
TEST(SubaddressTest, Rfc5233Example) {
  const std::string script = R"(require ["envelope", "subaddress", "fileinto"];

# In this example the same user account receives mail for both
# "ken@example.com" and "postmaster@example.com"

# File all messages to postmaster into a single mailbox,
# ignoring the :detail part.
if envelope :user "to" "postmaster" {
    fileinto "inbox.postmaster";
    stop;
}

# File mailing list messages (subscribed as "ken+mta-filters").
if envelope :detail "to" "mta-filters" {
    fileinto "inbox.ietf-mta-filters";
}

# Redirect all mail sent to "ken+foo".
if envelope :detail "to" "foo" {
    redirect "ken@example.net";
}
)";
  const struct {
    std::string_view rcpt_to;
    std::string_view actions;
  } cases[] = {
      {"postmaster@example.com", "fileinto:inbox.postmaster"},
      {"postmaster+anything@example.com", "fileinto:inbox.postmaster"},
      {"ken+mta-filters@example.com", "fileinto:inbox.ietf-mta-filters"},
      {"<ken+MTA-Filters@example.com>", "fileinto:inbox.ietf-mta-filters"},
      {"ken+foo@example.com", "redirect:ken@example.net"},
      {"ken@example.com", "keep*"},
      {"ken+@example.com", "keep*"},
  };
  for (const auto& c : cases) {
    mail::Envelope envelope;
    envelope.mail_from = "list@example.org";
    envelope.rcpt_to = c.rcpt_to;
    EXPECT_EQ(RunScript(script, "Subject: x\r\n\r\n", envelope), c.actions) << c.rcpt_to;
  }
}

TEST(SubaddressTest, UserAndDetail) {
  const std::string message =
      "From: stephan+@example.org\r\n"
      "To: timo+spam@example.net\r\n"
      "CC: nico@example.com\r\n"
      "Reply-To: a+b+c@example.com, undisclosed-recipients\r\n"
      "\r\n";
  const struct {
    std::string_view test;
    bool holds;
  } cases[] = {
      // :user is the whole local part when there is no detail.
      {R"(address :user "cc" "nico")", true},
      {R"(address :user "to" "timo")", true},
      {R"(address :user "from" "stephan")", true},
      {R"(address :user "cc" "nico@example.com")", false},
      {R"(address :detail "to" "spam")", true},
      {R"(address :detail "to" "SPAM")", true},  // i;ascii-casemap by default
      {R"(address :detail :comparator "i;octet" "to" "SPAM")", false},
      // No detail: no key matches, not even "" or "*" (§4).
      {R"(address :detail :matches "cc" ["*", "?"])", false},
      {R"(address :detail :contains "cc" "")", false},
      {R"(address :detail :is "cc" "")", false},
      // An empty detail is the empty value.
      {R"(address :detail "from" "")", true},
      {R"(address :detail :matches "from" "*")", true},
      {R"(address :detail :matches "from" "?*")", false},
      // Several separators: the first splits.
      {R"(address :user "reply-to" "a")", true},
      {R"(address :detail "reply-to" "b+c")", true},
      // An address that is not valid has no parts (RFC 5228 §2.4.2.3).
      {R"(address :user "reply-to" "undisclosed-recipients")", false},
      {R"(address :localpart "reply-to" "undisclosed-recipients")", false},
      // With other match types.
      {R"(address :user :matches "to" "t*o")", true},
      {R"(address :detail :contains ["to", "cc"] "pa")", true},
  };
  for (const auto& c : cases) {
    const std::string script = "require [\"subaddress\", \"fileinto\"];\nif " +
                               std::string(c.test) + " { fileinto \"true\"; }\n";
    EXPECT_EQ(RunScript(script, message), c.holds ? "fileinto:true" : "keep*") << c.test;
  }
}

TEST(SubaddressTest, MatchVariables) {
  EXPECT_EQ(RunScript(R"(require ["subaddress", "variables", "fileinto"];
if address :detail :matches "to" "*" { fileinto "INBOX.${1}"; })",
                      "To: ken+Lists@example.com\r\n\r\n"),
            "fileinto:INBOX.Lists");
}

TEST(SubaddressTest, ConfigurableSeparator) {
  const std::string script = R"(require ["envelope", "subaddress", "fileinto"];
if envelope :user "to" "ken" { fileinto "user"; }
if envelope :detail "to" "sieve" { fileinto "detail"; }
)";
  const struct {
    std::string_view separator;
    std::string_view rcpt_to;
    std::string_view actions;
  } cases[] = {
      {"+", "ken+sieve@example.com", "fileinto:user fileinto:detail"},
      {"-", "ken-sieve@example.com", "fileinto:user fileinto:detail"},
      {"-", "ken+sieve@example.com", "keep*"},
      {"+-", "ken-sieve@example.com", "fileinto:user fileinto:detail"},
      {"+-", "ken+sieve@example.com", "fileinto:user fileinto:detail"},
      {"_", "ken-sieve@example.com", "keep*"},
      {"", "ken+sieve@example.com", "keep*"},
      {"", "ken@example.com", "fileinto:user"},
  };
  for (const auto& c : cases) {
    mail::Envelope envelope;
    envelope.rcpt_to = c.rcpt_to;
    vm::EvalOptions options;
    options.subaddress_separators = c.separator;
    EXPECT_EQ(RunScript(script, "Subject: x\r\n\r\n", envelope, options), c.actions)
        << c.separator << " " << c.rcpt_to;
  }
}

TEST(SubaddressTest, NullEnvelopeSender) {
  // RFC 5228 §5.4: the null reverse-path is "" whatever the address part.
  mail::Envelope envelope;
  envelope.rcpt_to = "ken@example.com";
  EXPECT_EQ(RunScript(R"(require ["envelope", "subaddress", "fileinto"];
if envelope :detail "from" "" { fileinto "null"; })",
                      "Subject: x\r\n\r\n", envelope),
            "fileinto:null");
}

TEST(SubaddressTest, CompileErrors) {
  const struct {
    std::string_view name;
    std::string_view script;
    std::string_view diagnostics;
  } cases[] = {
      {"valid",
       "require [\"subaddress\", \"envelope\"];\n"
       "if anyof (address :user \"to\" \"a\", envelope :detail \"to\" \"b\") {}",
       ""},
      {"not required", "if address :user \"to\" \"ken\" {}",
       "1:12 missing-require: tagged argument ':user' needs the extension 'subaddress', which is "
       "not required\n"},
      {"two address parts", "require \"subaddress\";\nif address :user :detail \"to\" \"a\" {}",
       "2:18 conflicting-tags: tagged argument ':detail' cannot be combined with ':user' in the "
       "address test\n"},
      {"not on header", "require \"subaddress\";\nif header :user \"to\" \"a\" {}",
       "2:11 unknown-tag: unknown tagged argument ':user' for the header test (it takes :comparator, :is, :contains or :matches)\n"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Diagnose(c.script), c.diagnostics) << c.name;
  }
}

}  // namespace
}  // namespace sievekit::extensions
