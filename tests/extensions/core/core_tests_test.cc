// Tests for extensions/core/core_tests: run-time behaviour of the address
// test on fields that hold no address-list at all (RFC 5228 §2.4.2.3, §5.1),
// of size around the bounds it decides without counting line ends, and of
// header names given by variables as well as constants.
// The signatures are tested in core_test.cc; the matching in the evaluation
// corpus.
#include "extensions/core/core_tests.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions {
namespace {

using exttest::RunScript;

TEST(AddressTestRuntime, BlankFieldIsAnInvalidEmptyAddress) {
  const std::string message =
      "From: a@example.com\r\nResent-To:\r\nCc: nonsense\r\nTo: undisclosed:;\r\n\r\nx\r\n";
  const struct {
    std::string_view test;
    bool matches;
  } cases[] = {
      {R"(address :is :all "resent-to" "")", true},    // its text is ""
      {R"(address :is :localpart "resent-to" "")", false},  // but it has no parts
      {R"(address :is :domain "resent-to" "")", false},
      {R"(address :count "eq" "resent-to" "0")", true},   // and is no address
      {R"(address :is :all "cc" "nonsense")", true},   // an invalid address as written
      {R"(address :is :all "to" "")", false},           // an empty group is an address-list
      {R"(address :is :all "bcc" "")", false},  // no such field
  };
  for (const auto& c : cases) {
    const std::string script = "require \"relational\";\nif " + std::string(c.test) +
                               " { discard; }";
    EXPECT_EQ(RunScript(script, message), c.matches ? "discard" : "keep*") << c.test;
  }
}

// size measures the wire size (a bare LF counts as CRLF). The stored size
// and twice it bound the wire size and decide most tests without counting;
// at every limit around those bounds the answer is the counted one.
TEST(SizeTestRuntime, DecidesLikeTheWireSizeAroundItsBounds) {
  // LF line ends only: stored 100 bytes, wire 100 + one per line.
  std::string message = "Subject: x\n\n";
  for (int i = 0; i < 8; ++i) message += "12345678\n";
  message += "123456789012345\n";
  ASSERT_EQ(message.size(), 100u);
  const size_t wire = 100 + static_cast<size_t>(std::count(message.begin(), message.end(), '\n'));
  ASSERT_EQ(wire, 111u);
  for (size_t limit : {size_t{0}, size_t{49}, size_t{50}, size_t{51}, size_t{99}, size_t{100},
                       size_t{101}, wire - 1, wire, wire + 1, size_t{199}, size_t{200},
                       size_t{201}, size_t{1000}}) {
    const std::string over = "if size :over " + std::to_string(limit) + " { discard; }";
    const std::string under = "if size :under " + std::to_string(limit) + " { discard; }";
    EXPECT_EQ(RunScript(over, message), wire > limit ? "discard" : "keep*") << "over " << limit;
    EXPECT_EQ(RunScript(under, message), wire < limit ? "discard" : "keep*") << "under " << limit;
  }
}

TEST(HeaderTestRuntime, NamesFromVariablesAndConstants) {
  const std::string message =
      "Subject: Hello\r\nX-Mailing-List: project-7\r\nFrom: a@example.com\r\n\r\nx\r\n";
  const struct {
    std::string_view test;
    bool matches;
  } cases[] = {
      {R"(header :contains "SUBJECT" "hell")", true},
      {R"(header :contains "${h}" "hell")", true},
      {R"(header :contains ["x", "${long}"] "PROJECT-7")", true},
      {R"(header :contains "${long}x" "project")", false},
      {R"(exists ["${h}", "x-mailing-list"])", true},
      {R"(exists ["${h}", "x-mailing-lisT", "x-missing"])", false},
      {R"(address :domain :is "${from}" "EXAMPLE.com")", true},
  };
  for (const auto& c : cases) {
    const std::string script =
        "require \"variables\";\nset \"h\" \"subject\";\nset \"long\" \"x-mailing-list\";\n"
        "set \"from\" \"From\";\nif " + std::string(c.test) + " { discard; }";
    EXPECT_EQ(RunScript(script, message), c.matches ? "discard" : "keep*") << c.test;
  }
}

// Tests that read the same fields the same way share the values per
// message (vm::OperandCache). Sharing must not change any outcome: each
// test of a script that has them all decides as it does alone, for message
// after message through one Evaluator, match variables included.
TEST(SharedOperandRuntime, EveryTestDecidesAsItDoesAlone) {
  const std::string_view tests[] = {
      R"(header :contains ["subject", "x-list"] ["Hello", "proj"])",
      R"(header :contains ["SUBJECT", "X-List"] "world")",
      R"(header :contains ["x-list", "subject"] "zzz")",
      R"(header :is "subject" "hello world")",
      R"(header :comparator "i;octet" :is "subject" "hello world")",
      R"(header :matches "subject" "*[ticket-*]*")",
      R"(header :matches "subject" "H*o W*")",
      R"(header :regex "subject" "^h.l+o")",
      R"(address :domain :is "from" ["EXAMPLE.com", "other.org"])",
      R"(address :localpart :is "from" "a")",
      R"(address :is "to" ["b@example.net", "c@example.net"])",
      R"(address :all :contains ["to", "cc"] "@example.net")",
      R"(address :user :is "to" "b")",
      R"(address :detail :is "to" "tag")",
      R"(envelope :is "from" "sender@example.org")",
      R"(envelope :domain :is ["from", "to"] "example.org")",
      R"(envelope :all :is "to" "")",
  };
  const std::string prelude =
      "require [\"fileinto\", \"envelope\", \"regex\", \"subaddress\", \"variables\"];\n";
  // Each rule files into its number; a :matches rule adds the first
  // wildcard it captured (only there is ${1} the rule's own).
  const auto rule = [](size_t i, std::string_view test) {
    const bool matches = test.find(":matches") != std::string_view::npos;
    return "if " + std::string(test) + " { fileinto \"" + std::to_string(i) +
           (matches ? ":${1}" : "") + "\"; }\n";
  };
  std::string all = prelude;
  for (size_t i = 0; i < std::size(tests); ++i) all += rule(i, tests[i]);
  const std::string messages[] = {
      "Subject: Hello World\r\nX-List: project-7\r\nFrom: a@example.com\r\n"
      "To: B+tag@example.net, c@example.net\r\n\r\nx\r\n",
      "Subject: hello world [ticket-42]\r\nFrom: x@other.org\r\nTo: b@example.net\r\n"
      "Cc: d@example.net\r\n\r\nx\r\n",
      "Subject: nothing\r\nFrom: a@example.com\r\n\r\nx\r\n",
  };
  const exttest::Compiled compiled = exttest::Compile(all);
  ASSERT_NE(compiled.program, nullptr) << compiled.diagnostics;
  vm::Evaluator evaluator;
  std::vector<mail::Envelope> envelopes(2);
  envelopes[0].mail_from = "sender@example.org";
  envelopes[0].rcpt_to = "rcpt@example.org";
  envelopes[1].rcpt_to = "other@example.com";  // a null sender
  for (const mail::Envelope& envelope : envelopes) {
    for (const std::string& message : messages) {
      std::string expected;
      for (size_t i = 0; i < std::size(tests); ++i) {
        const std::string alone = RunScript(prelude + rule(i, tests[i]), message, envelope);
        if (alone != "keep*") expected += (expected.empty() ? "" : " ") + alone;
      }
      if (expected.empty()) expected = "keep*";
      EXPECT_EQ(exttest::Describe(evaluator.Evaluate(*compiled.program, message, envelope, {})),
                expected)
          << message << envelope.mail_from;
    }
  }
}

}  // namespace
}  // namespace sievekit::extensions
