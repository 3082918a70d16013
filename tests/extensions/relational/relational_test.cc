// Tests for extensions/relational (RFC 5231): every example of the RFC run
// end to end, :value and :count on each test that takes a match type, and
// the compile-time checks.
#include "extensions/relational/relational.h"

#include <gtest/gtest.h>

#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions {
namespace {

using exttest::Diagnose;
using exttest::RunScript;

// The message of RFC 5231 §6.
const std::string kRfcMessage =
    "received: from a by b\r\n"
    "received: from c by d\r\n"
    "subject: example\r\n"
    "to: foo@example.com, baz@example.com\r\n"
    "cc: qux@example.com\r\n"
    "\r\n"
    "body\r\n";

const std::string kRequire =
    "require [\"relational\", \"comparator-i;ascii-numeric\", \"fileinto\", \"envelope\"];\n";

// Whether `test` holds on `message`.
std::string Holds(std::string_view test, const std::string& message = kRfcMessage,
                  const mail::Envelope& envelope = {}) {
  return RunScript(kRequire + "if " + std::string(test) + " { fileinto \"true\"; }\n", message,
                   envelope);
}

TEST(RelationalTest, Rfc5231Section6Examples) {
  const struct {
    std::string_view test;
    bool holds;
  } cases[] = {
      {R"(address :count "ge" :comparator "i;ascii-numeric"
                ["to", "cc"] ["3"])",
       true},
      {R"(anyof ( address :count "ge" :comparator "i;ascii-numeric"
                ["to"] ["3"],
              address :count "ge" :comparator "i;ascii-numeric"
                ["cc"] ["3"] ))",
       false},
      {R"(header :count "ge" :comparator "i;ascii-numeric"
                ["received"] ["3"])",
       false},
      {R"(header :count "ge" :comparator "i;ascii-numeric"
                ["received", "subject"] ["3"])",
       true},
      {R"(header :count "ge" :comparator "i;ascii-numeric"
                ["to", "cc"] ["3"])",
       false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Holds(c.test), c.holds ? "fileinto:true" : "keep*") << c.test;
  }
}

TEST(RelationalTest, Rfc5231Section7ExtendedExample) {
  const std::string script = R"(require ["relational", "comparator-i;ascii-numeric", "fileinto"];

if header :value "lt" :comparator "i;ascii-numeric"
          ["x-priority"] ["3"]
{
   fileinto "Priority";
}

elsif address :count "gt" :comparator "i;ascii-numeric"
           ["to"] ["5"]
{
   # everything with more than 5 recipients in the "to" field
   # is considered SPAM
   fileinto "SPAM";
}

elsif address :value "gt" :all :comparator "i;ascii-casemap"
           ["from"] ["M"]
{
   fileinto "From N-Z";
} else {
   fileinto "From A-M";
}

if allof ( address :count "eq" :comparator "i;ascii-numeric"
                   ["to", "cc"] ["1"] ,
           address :all :comparator "i;ascii-casemap"
                   ["to", "cc"] ["me@foo.example.com"] )
{
   fileinto "Only me";
}
)";
  const struct {
    std::string_view name;
    std::string message;
    std::string_view actions;
  } cases[] = {
      {"priority 1", "X-Priority: 1\r\nFrom: zed@example.com\r\nTo: a@example.com\r\n\r\n",
       "fileinto:Priority"},
      {"priority 3 is not below 3",
       "X-Priority: 3\r\nFrom: zed@example.com\r\nTo: a@example.com\r\n\r\n", "fileinto:From N-Z"},
      {"priority with a comment reads the leading number",
       "X-Priority: 2 (High)\r\nFrom: zed@example.com\r\n\r\n", "fileinto:Priority"},
      {"six recipients",
       "From: adam@example.com\r\nTo: a@x.example, b@x.example, c@x.example, d@x.example, "
       "e@x.example, f@x.example\r\n\r\n",
       "fileinto:SPAM"},
      {"five recipients are not more than 5",
       "From: adam@example.com\r\nTo: a@x.example, b@x.example, c@x.example, d@x.example, "
       "e@x.example\r\n\r\n",
       "fileinto:From A-M"},
      {"from N-Z", "From: Nobody <nobody@example.com>\r\nTo: a@example.com\r\n\r\n",
       "fileinto:From N-Z"},
      {"from A-M", "From: adam@example.com\r\nTo: a@example.com\r\n\r\n", "fileinto:From A-M"},
      {"only me", "From: adam@example.com\r\nTo: Me <ME@foo.example.com>\r\n\r\n",
       "fileinto:From A-M fileinto:Only me"},
      {"me and someone else",
       "From: adam@example.com\r\nTo: me@foo.example.com\r\nCc: you@example.com\r\n\r\n",
       "fileinto:From A-M"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RunScript(script, c.message), c.actions) << c.name;
  }
}

TEST(RelationalTest, ValueMatchType) {
  const std::string message =
      "X-Spam-Score: 300\r\n"
      "X-Nonsense: 1000\r\n"
      "X-Nonsense: 20\r\n"
      "X-Alpha: abcdzyx\r\n"
      "X-Big: 18446744073709551617\r\n"
      "Comment:\r\n"
      "From: Bob <bob@example.com>\r\n"
      "\r\n";
  const struct {
    std::string_view test;
    bool holds;
  } cases[] = {
      {R"(header :value "eq" :comparator "i;ascii-numeric" "x-spam-score" "300")", true},
      {R"(header :value "eq" :comparator "i;ascii-numeric" "x-spam-score" "0300")", true},
      {R"(header :value "lt" :comparator "i;ascii-numeric" "x-spam-score" "2")", false},
      {R"(header :value "le" :comparator "i;ascii-numeric" "x-spam-score" "300")", true},
      {R"(header :value "ne" :comparator "i;ascii-numeric" "x-spam-score" "300")", false},
      // Any pair (§4.1): 20 <= 300.
      {R"(header :value "le" :comparator "i;ascii-numeric" "x-nonsense" "300")", true},
      {R"(header :value "lt" :comparator "i;ascii-numeric" "x-nonsense" ["3", "19"])", false},
      {R"(header :value "gt" :comparator "i;ascii-numeric" "x-nonsense" ["3000", "30"])", true},
      {R"(header :value "gt" :comparator "i;ascii-numeric" "x-nonsense" ["3000", "1001"])", false},
      {R"(header :value "ne" :comparator "i;ascii-numeric" "x-nonsense" ["1000", "20"])", true},
      // Numbers beyond 64 bits compare exactly.
      {R"(header :value "gt" :comparator "i;ascii-numeric" "x-big" "18446744073709551616")", true},
      // A value that is not a number is positive infinity (RFC 4790 §9.1.1).
      {R"(header :value "eq" :comparator "i;ascii-numeric" "comment" "40")", false},
      {R"(header :value "gt" :comparator "i;ascii-numeric" "comment" "99999999999")", true},
      {R"(header :value "gt" :comparator "i;ascii-numeric" "x-spam-score" "")", false},
      {R"(header :value "eq" :comparator "i;ascii-numeric" "x-alpha" "infinite")", true},
      // Other comparators order strings.
      {R"(header :value "gt" :comparator "i;octet" "x-alpha" "aaaaaaa")", true},
      {R"(header :value "gt" :comparator "i;octet" "x-alpha" "b")", false},
      {R"(header :value "gt" "x-alpha" "ABCD")", true},  // i;ascii-casemap: longer is greater
      {R"(header :value "ge" "x-alpha" "ABCDZYX")", true},
      {R"(address :value "lt" :localpart "from" "c")", true},
      {R"(address :value "gt" :domain "from" "example.com")", false},
      // Operators are case-insensitive.
      {R"(header :value "GT" :comparator "i;ascii-numeric" "x-spam-score" "299")", true},
      // A missing header has no value: nothing to compare.
      {R"(header :value "ne" "x-missing" "anything")", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Holds(c.test, message), c.holds ? "fileinto:true" : "keep*") << c.test;
  }
}

TEST(RelationalTest, CountMatchType) {
  const std::string message =
      "From: a@example.com\r\n"
      "To: Friends: b@example.com, c@example.com;, d@example.com\r\n"
      "Cc: \r\n"
      "X-Count: 1\r\nX-Count: 2\r\nX-Count: 3\r\nX-Count: 4\r\nX-Count: 5\r\n"
      "X-Count: 6\r\nX-Count: 7\r\nX-Count: 8\r\nX-Count: 9\r\nX-Count: 10\r\n"
      "\r\n";
  mail::Envelope envelope;
  envelope.mail_from = "sender@example.org";
  envelope.rcpt_to = "me@example.com";
  mail::Envelope bounce;
  bounce.rcpt_to = "me@example.com";
  const struct {
    std::string_view test;
    const mail::Envelope& envelope;
    bool holds;
  } cases[] = {
      {R"(header :count "eq" :comparator "i;ascii-numeric" "x-count" "10")", envelope, true},
      {R"(header :count "eq" :comparator "i;ascii-numeric" "x-missing" "0")", envelope, true},
      {R"(header :count "lt" :comparator "i;ascii-numeric" "x-missing" "1")", envelope, true},
      // Group names are ignored, the mailboxes in the group counted (§4.2).
      {R"(address :count "eq" :comparator "i;ascii-numeric" "to" "3")", envelope, true},
      {R"(address :count "eq" :comparator "i;ascii-numeric" ["to", "from", "cc"] "4")", envelope,
       true},
      // The address part does not change what is counted.
      {R"(address :count "eq" :domain :comparator "i;ascii-numeric" "to" "3")", envelope, true},
      // The header test counts fields, not addresses.
      {R"(header :count "eq" :comparator "i;ascii-numeric" ["to", "cc"] "2")", envelope, true},
      // Envelope: "to" is one address, "from" 0 when null else 1 (§4.2).
      {R"(envelope :count "eq" :comparator "i;ascii-numeric" "to" "1")", envelope, true},
      {R"(envelope :count "eq" :comparator "i;ascii-numeric" "from" "1")", envelope, true},
      {R"(envelope :count "eq" :comparator "i;ascii-numeric" "from" "0")", bounce, true},
      {R"(envelope :count "eq" :comparator "i;ascii-numeric" ["from", "to"] "2")", envelope, true},
      // "ne" with several keys: any pair.
      {R"(header :count "ne" :comparator "i;ascii-numeric" "x-count" ["10", "11"])", envelope,
       true},
      {R"(header :count "ne" :comparator "i;ascii-numeric" "x-count" ["10"])", envelope, false},
      // With a string comparator the count is compared as a string: "10" < "9".
      {R"(header :count "lt" :comparator "i;ascii-casemap" "x-count" "9")", envelope, true},
      {R"(header :count "lt" "x-count" "9")", envelope, true},
      {R"(header :count "lt" :comparator "i;ascii-numeric" "x-count" "9")", envelope, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Holds(c.test, message, c.envelope), c.holds ? "fileinto:true" : "keep*") << c.test;
  }
}

TEST(RelationalTest, KeysFromVariables) {
  const std::string script =
      "require [\"relational\", \"comparator-i;ascii-numeric\", \"variables\", \"fileinto\"];\n"
      "set \"limit\" \"5\";\n"
      "if header :value \"ge\" :comparator \"i;ascii-numeric\" \"x-score\" \"${limit}\" "
      "{ fileinto \"value\"; }\n"
      "if header :count \"ge\" :comparator \"i;ascii-numeric\" \"received\" \"${limit}\" "
      "{ fileinto \"count\"; }\n";
  EXPECT_EQ(RunScript(script, "X-Score: 7\r\nReceived: a\r\n\r\n"), "fileinto:value");
  EXPECT_EQ(RunScript(script,
                      "X-Score: 4\r\nReceived: a\r\nReceived: b\r\nReceived: c\r\n"
                      "Received: d\r\nReceived: e\r\n\r\n"),
            "fileinto:count");
}

TEST(RelationalTest, CompileErrors) {
  const struct {
    std::string_view name;
    std::string script;
    std::string_view diagnostics;
  } cases[] = {
      {"valid", "require \"relational\";\nif header :count \"ne\" \"to\" \"1\" {}", ""},
      {"not a relation (value)",
       "require \"relational\";\nif header :value \"gr\" \"from\" \"ah\" { keep; }",
       "2:18 invalid-value: 'gr' is not a relational operator; use \"gt\", \"ge\", \"lt\", "
       "\"le\", \"eq\" or \"ne\"\n"},
      {"not a relation (count)",
       "require \"relational\";\nif header :count \"lf\" \"from\" \"eek\" { keep; }",
       "2:18 invalid-value: 'lf' is not a relational operator; use \"gt\", \"ge\", \"lt\", "
       "\"le\", \"eq\" or \"ne\"\n"},
      // The header name is taken for the operator, so both arguments are missing.
      {"missing relation", "require \"relational\";\nif header :count \"from\" {}",
       "2:4 missing-argument: the header test requires 2 positional arguments, but 0 were "
       "specified\n"},
      {"relation is a string", "require \"relational\";\nif header :value 3 \"from\" \"x\" {}",
       "2:18 wrong-tag-parameter: the ':value' tag of the header test expects a string, but a "
       "number was found\n"},
      {"not required", "if header :value \"gt\" \"from\" \"x\" {}",
       "1:11 missing-require: tagged argument ':value' needs the extension 'relational', which "
       "is not required\n"},
      {"two match types", "require \"relational\";\nif header :count \"eq\" :is \"to\" \"1\" {}",
       "2:23 conflicting-tags: tagged argument ':is' cannot be combined with ':count' in the "
       "header test\n"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Diagnose(c.script), c.diagnostics) << c.name;
  }
}

}  // namespace
}  // namespace sievekit::extensions
