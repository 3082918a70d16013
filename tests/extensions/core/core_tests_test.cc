// Tests for extensions/core/core_tests: run-time behaviour of the address
// test on fields that hold no address-list at all (RFC 5228 §2.4.2.3, §5.1),
// of size around the bounds it decides without counting line ends, and of
// header names given by variables as well as constants.
// The signatures are tested in core_test.cc; the matching in the evaluation
// corpus.
#include "extensions/core/core_tests.h"

#include <gtest/gtest.h>

#include <algorithm>

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

}  // namespace
}  // namespace sievekit::extensions
