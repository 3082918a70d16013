// Tests for extensions/comparator_ascii_numeric (RFC 4790 §9.1): the
// require rule, the capabilities (no substring, so no :contains or
// :matches), and equality and ordering end to end with the RFC's examples.
#include "extensions/comparator_ascii_numeric/comparator_ascii_numeric.h"

#include <gtest/gtest.h>

#include "ir/registry.h"
#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions {
namespace {

using exttest::Diagnose;
using exttest::RunScript;

TEST(ComparatorAsciiNumericTest, Registration) {
  ir::Registry registry;
  RegisterComparatorAsciiNumeric(registry);
  registry.Finalize();
  const ir::ComparatorSpec* spec = registry.FindComparator("i;ascii-numeric");
  ASSERT_NE(spec, nullptr);
  EXPECT_TRUE(spec->equality);
  EXPECT_FALSE(spec->substring);
  EXPECT_TRUE(spec->ordering);
  ASSERT_NE(spec->extension, nullptr);
  EXPECT_EQ(spec->extension->name, "comparator-i;ascii-numeric");
  EXPECT_FALSE(spec->extension->always_enabled);  // RFC 5228 §2.7.3
}

TEST(ComparatorAsciiNumericTest, Matching) {
  const std::string message =
      "X-A: 4294967298\r\n"
      "X-B: 04294967298b\r\n"
      "X-Zero: 000\r\n"
      "X-Text: abc\r\n"
      "X-Empty:\r\n"
      "X-Lead: 42 is the answer\r\n"
      "\r\n";
  const struct {
    std::string_view test;
    bool holds;
  } cases[] = {
      // RFC 4790 §9.1.1 examples.
      {R"(header :is "x-a" "04294967298")", true},
      {R"(header :is "x-b" "4294967298")", true},
      {R"(header :value "lt" "x-b" "")", true},  // "04294967298" is less than ""
      {R"(header :value "gt" "x-a" "1")", true},
      {R"(header :is "x-empty" ["x", "y"])", true},  // "", "x" and "y" are equal
      {R"(header :is "x-text" "")", true},
      {R"(header :is "x-text" "0")", false},
      {R"(header :is "x-zero" "0")", true},
      {R"(header :is "x-zero" "")", false},
      {R"(header :is "x-lead" "42")", true},  // trailing non-digits are ignored
      {R"(header :value "ge" "x-lead" "43")", false},
      {R"(header :value "lt" "x-zero" "1")", true},
      // No sign: "-1" does not start with a digit, so it is infinity.
      {R"(header :value "lt" "x-a" "-1")", true},
      {R"(not header :is "x-missing" "")", true},
  };
  for (const auto& c : cases) {
    std::string test(c.test);
    const size_t colon = test.find(':');
    test.insert(colon, ":comparator \"i;ascii-numeric\" ");
    const std::string script =
        "require [\"comparator-i;ascii-numeric\", \"relational\", \"fileinto\"];\nif " + test +
        " { fileinto \"true\"; }\n";
    EXPECT_EQ(RunScript(script, message), c.holds ? "fileinto:true" : "keep*") << test;
  }
}

TEST(ComparatorAsciiNumericTest, CompileErrors) {
  const std::string require = "require \"comparator-i;ascii-numeric\";\n";
  const struct {
    std::string_view name;
    std::string script;
    std::string_view diagnostics;
  } cases[] = {
      {"valid", require + R"(if header :comparator "i;ascii-numeric" "x" "1" {})", ""},
      {"name is case-insensitive",
       require + R"(if header :comparator "I;ASCII-Numeric" "x" "1" {})", ""},
      {"not required", R"(if header :comparator "i;ascii-numeric" "x" "1" {})",
       "1:23 missing-require: comparator 'i;ascii-numeric' needs the extension "
       "'comparator-i;ascii-numeric', which is not required\n"},
      {":contains", require + R"(if header :contains :comparator "i;ascii-numeric" "x" "1" {})",
       "2:11 comparator-match-type: comparator 'i;ascii-numeric' does not support :contains "
       "matching\n"},
      {":matches", require + R"(if header :comparator "i;ascii-numeric" :matches "x" "1*" {})",
       "2:41 comparator-match-type: comparator 'i;ascii-numeric' does not support :matches "
       "matching\n"},
      {"address :contains",
       require + R"(if address :comparator "i;ascii-numeric" :contains "to" "1" {})",
       "2:42 comparator-match-type: comparator 'i;ascii-numeric' does not support :contains "
       "matching\n"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Diagnose(c.script), c.diagnostics) << c.name;
  }
}

}  // namespace
}  // namespace sievekit::extensions
