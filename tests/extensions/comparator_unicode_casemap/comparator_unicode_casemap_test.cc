// Tests for extensions/comparator_unicode_casemap (RFC 5051): the require
// rule, the capabilities (all three operations), and every match type end
// to end on UTF-8 and RFC 2047-encoded headers.
#include "extensions/comparator_unicode_casemap/comparator_unicode_casemap.h"

#include <gtest/gtest.h>

#include "ir/registry.h"
#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions {
namespace {

using exttest::Diagnose;
using exttest::RunScript;

TEST(ComparatorUnicodeCasemapTest, Registration) {
  ir::Registry registry;
  RegisterComparatorUnicodeCasemap(registry);
  registry.Finalize();
  const ir::ComparatorSpec* spec = registry.FindComparator("i;unicode-casemap");
  ASSERT_NE(spec, nullptr);
  EXPECT_TRUE(spec->equality);
  EXPECT_TRUE(spec->substring);
  EXPECT_TRUE(spec->ordering);
  ASSERT_NE(spec->extension, nullptr);
  EXPECT_EQ(spec->extension->name, "comparator-i;unicode-casemap");
  EXPECT_FALSE(spec->extension->always_enabled);
}

TEST(ComparatorUnicodeCasemapTest, Matching) {
  const std::string message =
      "Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=\r\n"
      "X-Name: \xc3\x89LODIE\r\n"
      "X-Ligature: \xef\xac\x81le\r\n"
      "\r\n";
  const struct {
    std::string_view test;
    bool holds;
  } cases[] = {
      {"header :is \"subject\" \"GR\xc3\x9c\xc3\x9f"
       "E AUS K\xc3\x96LN\"",
       true},
      {"header :contains \"subject\" \"k\xc3\xb6ln\"", true},
      {"header :contains \"subject\" \"KOLN\"", false},
      {"header :matches \"subject\" \"gr??e *\"", true},  // "?" is one character
      {"header :matches \"x-name\" \"\xc3\xa9*\"", true},
      {"header :is \"x-name\" \"\xc3\xa9lodie\"", true},
      // Decomposition: "é" as one code point equals "e" + U+0301.
      {"header :is \"x-name\" \"e\xcc\x81lodie\"", true},
      // Compatibility decomposition: the "fi" ligature.
      {"header :is \"x-ligature\" \"FILE\"", true},
      {"header :value \"lt\" \"x-name\" \"\xc3\xa9M\"", true},
      {"header :value \"gt\" \"subject\" \"GR\"", true},
  };
  for (const auto& c : cases) {
    std::string test(c.test);
    const size_t colon = test.find(':');
    test.insert(colon, ":comparator \"i;unicode-casemap\" ");
    const std::string script =
        "require [\"comparator-i;unicode-casemap\", \"relational\", \"fileinto\"];\nif " + test +
        " { fileinto \"true\"; }\n";
    EXPECT_EQ(RunScript(script, message), c.holds ? "fileinto:true" : "keep*") << test;
  }
  // Without the comparator, i;ascii-casemap does not fold "é".
  EXPECT_EQ(RunScript("require \"fileinto\";\nif header :is \"x-name\" \"\xc3\xa9lodie\" "
                      "{ fileinto \"true\"; }",
                      message),
            "keep*");
}

TEST(ComparatorUnicodeCasemapTest, CompileErrors) {
  EXPECT_EQ(Diagnose("require \"comparator-i;unicode-casemap\";\n"
                     "if header :matches :comparator \"i;unicode-casemap\" \"x\" \"*\" {}"),
            "");
  EXPECT_EQ(Diagnose("if header :comparator \"i;unicode-casemap\" \"x\" \"1\" {}"),
            "1:23 missing-require: comparator 'i;unicode-casemap' needs the extension "
            "'comparator-i;unicode-casemap', which is not required\n");
}

}  // namespace
}  // namespace sievekit::extensions
