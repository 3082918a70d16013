// Tests for extensions/regex/regex: registration, the compile-time checks of
// :regex (comparators, key syntax, key size), the example of
// draft-murchison-sieve-regex-07 §3 run end to end, :regex on every test
// that takes a MATCH-TYPE, :quoteregex, and hostile keys and values.
#include "extensions/regex/regex.h"

#include <gtest/gtest.h>

#include <string>

#include "extensions/regex/compiled_regex.h"
#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions {
namespace {

using exttest::Diagnose;
using exttest::RunScript;

TEST(RegexTest, Registration) {
  const ir::Registry& registry = DefaultRegistry();
  const ir::ExtensionSpec* regex = registry.FindExtension("regex");
  ASSERT_NE(regex, nullptr);
  const ir::MatchTypeSpec* match_type = registry.FindMatchType("regex");
  ASSERT_NE(match_type, nullptr);
  EXPECT_EQ(match_type->tag->extension, regex);
  EXPECT_NE(match_type->runtime, nullptr);
  EXPECT_FALSE(match_type->relational);
  const ir::TagSpec* quoteregex = registry.FindTag(*registry.FindCommand("set"), "quoteregex");
  ASSERT_NE(quoteregex, nullptr);
  EXPECT_EQ(quoteregex->extension, regex);
  EXPECT_EQ(quoteregex->group, "set-modifier-20");
}

// The example of §3, on messages that take each way through it.
TEST(RegexTest, DraftSection3Example) {
  const std::string script = R"(require "regex";

# Try to catch unsolicited email.
if anyof (
  # if a message is not to me (with optional +detail),
  not address :regex ["to", "cc", "bcc"]
    "me(\\+.*)?@company\\.com",
  # or the subject is all uppercase (no lowercase)
  header :regex :comparator "i;octet" "subject"
    "^[^[:lower:]]+$" ) {
  discard;     # junk it
}
)";
  ASSERT_EQ(Diagnose(script), "");
  const struct {
    std::string_view name;
    std::string_view header;
    std::string_view actions;
  } cases[] = {
      {"to me", "To: me@company.com\r\nSubject: Hello\r\n", "keep*"},
      {"to me with a detail", "To: me+lists@company.com\r\nSubject: hello\r\n", "keep*"},
      {"to me among others", "To: a@b.org, Me <me@company.com>\r\nSubject: Hi\r\n", "keep*"},
      {"cc to me", "To: a@b.org\r\nCc: me@company.com\r\nSubject: Hi\r\n", "keep*"},
      {"bcc to me", "Bcc: me@company.com\r\nSubject: Hi\r\n", "keep*"},
      {"address folds case", "To: ME@Company.COM\r\nSubject: Hi\r\n", "keep*"},
      {"not to me", "To: someone@company.com\r\nSubject: Hi\r\n", "discard"},
      {"another domain", "To: me@company.org\r\nSubject: Hi\r\n", "discard"},
      {"no recipients at all", "Subject: Hi\r\n", "discard"},
      {"all uppercase", "To: me@company.com\r\nSubject: MAKE MONEY FAST!!!\r\n", "discard"},
      {"digits and punctuation only", "To: me@company.com\r\nSubject: 123 !!!\r\n", "discard"},
      {"one lowercase letter", "To: me@company.com\r\nSubject: MAKE MONEy FAST\r\n", "keep*"},
      {"empty subject", "To: me@company.com\r\nSubject:\r\n", "keep*"},
      {"no subject", "To: me@company.com\r\n", "keep*"},
      // The key is not anchored: it matches inside a longer address.
      {"unanchored key", "To: me@company.com.example\r\nSubject: Hi\r\n", "keep*"},
  };
  for (const auto& c : cases) {
    const std::string message = std::string(c.header) + "\r\nbody\r\n";
    EXPECT_EQ(RunScript(script, message), c.actions) << c.name;
  }
}

const std::string kMessage =
    "From: stephan+sieve@friep.example.com\r\n"
    "To: tss@example.net, nico@nl.example.com, sirius@fi.example.com\r\n"
    "Subject: Test\r\n"
    "\r\n"
    "Test message.\r\n";

// Every test that takes a MATCH-TYPE takes :regex (§3: "Commands that
// support matching may take the optional tagged argument ":regex"").
TEST(RegexTest, EveryTestWithAMatchType) {
  const std::string require =
      "require [\"regex\", \"envelope\", \"variables\", \"body\", \"imap4flags\", "
      "\"fileinto\"];\n";
  mail::Envelope envelope;
  envelope.mail_from = "<bounce-123@lists.example.org>";
  envelope.rcpt_to = "<tss@example.net>";
  const struct {
    std::string_view test;
    bool holds;
  } cases[] = {
      {R"(header :regex "from" "^stephan(\\+.*)?@friep\\.example\\.com$")", true},
      {R"(header :regex "from" "^stephan@")", false},
      {R"(header :regex "cc" [".*\\.com", ".*\\.nl"])", false},  // no such header
      {R"(address :regex "to" [".*\\.uk", ".*\\.nl", ".*\\.tk"])", false},
      {R"(address :regex "to" [".*\\.uk", ".*\\.nl", ".*\\.tk", ".*fi\\..*"])", true},
      {R"(address :regex :domain "to" "^nl\\.")", true},
      {R"(address :regex :localpart "from" "^stephan\\+")", true},
      {R"(envelope :regex "from" "^bounce-[[:digit:]]+@")", true},
      {R"(envelope :regex :domain "to" "^example\\.(net|org)$")", true},
      {R"(envelope :regex "to" "^nico")", false},
      {R"(string :regex "abc123" "^[a-z]+[0-9]+$")", true},
      {R"(string :regex ["", "x"] "^$")", true},
      {R"(body :regex "^Test message\\.")", true},
      {R"(body :raw :regex "message\\.[[:cntrl:]]$")", true},  // the CR of CRLF
      {R"(body :regex "^test$")", false},
      {R"(hasflag :regex "^\\\\Fl")", true},
  };
  for (const auto& c : cases) {
    const std::string script = require + "addflag \"\\\\Flagged\";\nif " + std::string(c.test) +
                               " { fileinto \"true\"; }\n";
    EXPECT_EQ(RunScript(script, kMessage, envelope),
              c.holds ? "fileinto:true[\\Flagged]" : "keep*")
        << c.test;
  }
}

TEST(RegexTest, CompileTimeChecks) {
  const struct {
    std::string_view name;
    std::string script;
    std::string_view diagnostics;
  } cases[] = {
      {"valid", R"(require "regex";
if header :regex "subject" "^(re|fwd?): " { keep; })",
       ""},
      {"needs require", R"(if header :regex "subject" "x" { keep; })",
       "1:11 missing-require: tagged argument ':regex' needs the extension 'regex', which is "
       "not required\n"},
      {"i;ascii-numeric", R"(require ["regex", "comparator-i;ascii-numeric"];
if address :regex :comparator "i;ascii-numeric" "from" "sirius(\\+.*)?@friep\\.example\\.com" {
  keep;
})",
       "2:31 regex-comparator: comparator 'i;ascii-numeric' cannot be used with :regex: use "
       "\"i;octet\" or \"i;ascii-casemap\" (draft-murchison-sieve-regex-07 §3)\n"},
      {"i;unicode-casemap", R"(require ["regex", "comparator-i;unicode-casemap"];
if header :comparator "i;unicode-casemap" :regex "subject" "x" { keep; })",
       "2:23 regex-comparator: comparator 'i;unicode-casemap' cannot be used with :regex: use "
       "\"i;octet\" or \"i;ascii-casemap\" (draft-murchison-sieve-regex-07 §3)\n"},
      {"with another match type", R"(require ["regex", "relational"];
if header :regex :count "eq" "subject" "1" { keep; })",
       "2:18 conflicting-tags: tagged argument ':count' cannot be combined with ':regex' in the "
       "header test\n"},
      {"bad keys, each reported", R"(require ["regex", "envelope"];
if address :regex "from" "sirius(+\\+.*)?@friep\\.example\\.com" { keep; }
if header :regex "from" "sirius(\\+.*)?@friep\\.ex[]ample.com" { keep; }
if envelope :regex "from" ["ok", "sirius(\\+.*)?@friep\\.ex[]ample.com"] { keep; }
if header :regex "to" "(a)\\1" { keep; })",
       "2:26 invalid-regex: invalid :regex key: '+' has nothing to repeat; write \\+ for a "
       "literal '+'\n"
       "3:25 invalid-regex: invalid :regex key: missing ']' to close the bracket expression\n"
       "4:34 invalid-regex: invalid :regex key: missing ']' to close the bracket expression\n"
       "5:23 invalid-regex: invalid :regex key: backreferences (\\1 ... \\9) are not supported "
       "by :regex (draft-murchison-sieve-regex-07 §3)\n"},
      // Without the variables extension, "${...}" is literal text, and as
      // a regex "$" then "{" is an anchor with a repetition.
      {"no variables", R"(require "regex";
if header :regex "to" "${x}" { keep; })",
       "2:23 invalid-regex: invalid :regex key: '{' cannot repeat an anchor ('^' or '$')\n"},
      // With it, such keys are checked when expanded.
      {"variables", R"(require ["regex", "variables"];
set "x" "[";
if header :regex "to" ["${x}", "a${x}(", "${1}"] { keep; })",
       ""},
      {"a malformed reference is literal text", R"(require ["regex", "variables"];
if header :regex "to" "${x" { keep; })",
       "2:23 invalid-regex: invalid :regex key: '{' cannot repeat an anchor ('^' or '$')\n"},
      {"too large for RE2", R"(require "regex";
if header :regex "to" "((a{100}){100}){100}" { keep; })",
       "2:23 invalid-regex: invalid :regex key: nested repetition counts multiply to more than "
       "RE2's limit of 1000\n"},
      {":quoteregex needs regex", R"(require "variables";
set :quoteregex "a" "b";)",
       "2:5 missing-require: tagged argument ':quoteregex' needs the extension 'regex', which "
       "is not required\n"},
      {":quoteregex and :quotewildcard", R"(require ["regex", "variables"];
set :quoteregex :quotewildcard "a" "b";)",
       "2:17 conflicting-tags: tagged argument ':quotewildcard' cannot be combined with "
       "':quoteregex' in the set command\n"},
      {":quoteregex with others", R"(require ["regex", "variables"];
set :upper :quoteregex :length "a" "b";)",
       ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Diagnose(c.script), c.diagnostics) << c.name;
  }
}

TEST(RegexTest, KeySizeLimit) {
  const std::string at_limit(regex::kMaxRegexSize, 'a');
  EXPECT_EQ(Diagnose("require \"regex\";\nif header :regex \"to\" \"" + at_limit + "\" { keep; }"),
            "");
  const std::string too_long(regex::kMaxRegexSize + 1, 'a');
  EXPECT_EQ(Diagnose("require \"regex\";\nif header :regex \"to\" \"" + too_long + "\" { keep; }"),
            "2:23 regex-too-long: this :regex key is 8193 bytes long, more than the limit of "
            "8192 bytes (max_regex_size)\n");
}

// :quoteregex (precedence 20, after the case modifiers, before :length).
TEST(RegexTest, QuoteRegexModifier) {
  const std::string require = "require [\"regex\", \"variables\", \"fileinto\"];\n";
  const struct {
    std::string_view script;
    std::string_view actions;
  } cases[] = {
      {R"(set :quoteregex "v" "a.b*c"; fileinto "${v}";)", "fileinto:a\\.b\\*c"},
      {R"(set :quoteregex :upper "v" "x+y"; fileinto "${v}";)", "fileinto:X\\+Y"},
      {R"sv(set :quoteregex :length "v" "(a)"; fileinto "${v}";)sv", "fileinto:5"},
      {R"sv(set :quoteregex "v" "1+1=2 (really?)";
if string :regex "we know 1+1=2 (really?) now" "${v}" { fileinto "literal"; }
if string :regex "we know 11=2 really now" "${v}" { fileinto "BAD"; })sv",
       "fileinto:literal"},
      {R"(if header :matches "subject" "*" { set :quoteregex "s" "${1}"; }
if header :regex "x-copy" "^${s}$" { fileinto "same subject"; })",
       "fileinto:same subject"},
  };
  const std::string message =
      "Subject: [list] a.b (c) $5 ^^ {x} | y\\z?\r\n"
      "X-Copy: [list] a.b (c) $5 ^^ {x} | y\\z?\r\n"
      "\r\n";
  for (const auto& c : cases) {
    EXPECT_EQ(RunScript(require + std::string(c.script), message), c.actions) << c.script;
  }
}

// §4: "that library should be checked for potentially problematic regular
// expressions, such as "(.*)*"". Whole scripts on a long header and a
// large body: each would take exponential time in a backtracking engine.
TEST(RegexTest, HostileKeysOnLongValues) {
  const std::string as(100000, 'a');
  const std::string message = "Subject: " + as + "\r\n\r\n" + as + "\r\n" + as + "\r\n";
  const std::string script = R"(require ["regex", "body", "fileinto"];
if header :regex "subject" "^(a*)*b$" { fileinto "BAD1"; }
if header :regex "subject" "^(a|aa)*$" { fileinto "subject"; }
if body :raw :regex "(.*)*x" { fileinto "BAD2"; }
if body :regex "^(a+)+[[:cntrl:]]$" { fileinto "body lines"; }
if body :raw :regex "^((a|a)*)*b" { fileinto "BAD3"; }
)";
  EXPECT_EQ(RunScript(script, message), "fileinto:subject fileinto:body lines");
}

}  // namespace
}  // namespace sievekit::extensions
