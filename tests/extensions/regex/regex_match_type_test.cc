// Tests for extensions/regex/regex_match_type: the comparators :regex
// accepts, match variables from groups, keys with variables compiled at run
// time (and only once per context), and the runtime errors of keys that
// only turn out invalid or too long when expanded.
#include "extensions/regex/regex_match_type.h"

#include <gtest/gtest.h>

#include <string>

#include "extensions/regex/compiled_regex.h"
#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions::regex {
namespace {

using exttest::RunScript;

const std::string kMessage =
    "From: Andy Howell <AndyHowell@example.com>\r\n"
    "Sender: antlr-interest-bounces@ant.example.com\r\n"
    "To: Stephan Bosch <stephan@example.org>\r\n"
    "Subject: [Dovecot] Sieve regex match problem\r\n"
    "X-A: abcdefghijklmnopqrstuvwxyz\r\n"
    "\r\n"
    "Hi,\r\n";

const std::string kRequire = "require [\"regex\", \"variables\", \"fileinto\"];\n";

TEST(RegexMatchTypeTest, Comparators) {
  EXPECT_TRUE(RegexComparatorSupported("i;octet"));
  EXPECT_TRUE(RegexComparatorSupported("i;ascii-casemap"));
  EXPECT_FALSE(RegexComparatorSupported("i;ascii-numeric"));
  EXPECT_FALSE(RegexComparatorSupported("i;unicode-casemap"));
  EXPECT_FALSE(RegexComparatorFoldsCase("i;octet"));
  EXPECT_TRUE(RegexComparatorFoldsCase("i;ascii-casemap"));
}

TEST(RegexMatchTypeTest, GroupsSetMatchVariables) {
  const struct {
    std::string_view name;
    std::string script;
    std::string_view actions;
  } cases[] = {
      {"groups", R"(if header :regex "sender" "([^-@]*)-([^-@]*)(-bounces)?@ant.example.com" {
  fileinto "${0}|${1}|${2}|${3}|${4}";
})",
       "fileinto:antlr-interest-bounces@ant.example.com|antlr|interest|-bounces|"},
      {"group that took no part",
       R"(if header :regex "sender" "(.*>[ \\t]*,?[ \\t]*)?([^-@]*)-([^-@]*)(-bounces)?@" {
  fileinto "[${1}][${2}][${3}][${4}][${5}]";
})",
       "fileinto:[][antlr][interest][-bounces][]"},
      {"${0} is the matched part only", R"(if header :regex "subject" "S[a-z]+" {
  fileinto "${0}";
})",
       "fileinto:Sieve"},
      {"26 groups", R"sv(if header :regex "x-a" "(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)" {
  fileinto "${1}${9}${10}${26}";
})sv",
       "fileinto:aijz"},
      {"a failed match keeps the old values", R"(if header :matches "from" "* <*>" {
  if header :regex "subject" "^(nomatch)$" { discard; }
  fileinto "${1}";
})",
       "fileinto:Andy Howell"},
      {"a later key sets them", R"(if header :regex "to" ["^(x)$", "<(.*)@(.*)>"] {
  fileinto "${1} at ${2}";
})",
       "fileinto:stephan at example.org"},
      {"case folded value, original text captured",
       R"(if header :regex "from" "<(andyhowell)@" { fileinto "${1}"; })",
       "fileinto:AndyHowell"},
      {"i;octet", R"(if header :regex :comparator "i;octet" "from" "<(andyhowell)@" {
  fileinto "${1}";
})",
       "keep*"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RunScript(kRequire + c.script, kMessage), c.actions) << c.name;
  }
}

TEST(RegexMatchTypeTest, KeysWithVariablesAreCompiledWhenTheyRun) {
  const struct {
    std::string_view name;
    std::string script;
    std::string_view actions;
  } cases[] = {
      {"variable key", R"sv(set "re" "^antlr-(interest)";
if header :regex "sender" "${re}" { fileinto "${1}"; })sv",
       "fileinto:interest"},
      {"key built from a match variable", R"(if header :matches "to" "*<*@*>" {
  if header :regex "to" "@${3}>$" { fileinto "same domain"; }
}
if header :matches "to" "*<*@*>" {
  if header :regex "from" "@${3}" { fileinto "BAD"; }
})",
       "fileinto:same domain"},
      {"quoted with :quoteregex", R"(set :quoteregex "q" "[Dovecot]";
if header :regex "subject" "^${q} " { fileinto "quoted"; }
if header :regex "subject" "^[Dovecot] " { fileinto "BAD"; })",
       "fileinto:quoted"},
      {"comparator applies", R"(set "re" "ANDY";
if header :regex "from" "${re}" { fileinto "casemap"; }
if header :regex :comparator "i;octet" "from" "${re}" { fileinto "BAD"; })",
       "fileinto:casemap"},
      {"invalid once expanded: matches nothing, the script goes on", R"(set "re" "[";
if header :regex "to" "${re}" { fileinto "frop"; }
fileinto "after";)",
       "warning:invalid-regex fileinto:after"},
      {"one warning however many values the key is tried on", R"(set "re" "[";
if header :regex ["to", "from", "subject"] "${re}" { fileinto "frop"; })",
       "warning:invalid-regex keep*"},
      {"an invalid key does not hide a later valid one", R"(set "re" "[";
if header :regex "to" ["${re}", "stephan"] { fileinto "second"; })",
       "warning:invalid-regex fileinto:second"},
      {"a key that matched first hides a later bad one",
       R"(set "re" "(";
if header :regex "to" ["stephan", "${re}"] { fileinto "first"; })",
       "fileinto:first"},
      {"too long once expanded", R"(set "a" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
set "b" "${a}${a}${a}${a}${a}${a}${a}${a}${a}${a}${a}${a}${a}${a}${a}${a}";
set "c" "${b}${b}${b}${b}${b}${b}${b}${b}${b}";
if header :regex "to" "${c}" { fileinto "frop"; })",
       "error:max-regex-size keep*"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RunScript(kRequire + c.script, kMessage), c.actions) << c.name;
  }
}

TEST(RegexMatchTypeTest, RuntimeWarningsSayWhy) {
  const auto compiled = exttest::Compile(kRequire + R"(set "re" "a{2,1}";
if header :regex "to" "${re}" { fileinto "frop"; })");
  ASSERT_NE(compiled.program, nullptr) << compiled.diagnostics;
  vm::Evaluator evaluator;
  const vm::EvalResult& result = evaluator.Evaluate(*compiled.program, kMessage, {});
  EXPECT_TRUE(result.errors.empty());
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0].id, "invalid-regex");
  EXPECT_EQ(result.warnings[0].message,
            "invalid :regex key 'a{2,1}': invalid interval {2,1}: the maximum is less than the "
            "minimum");
  EXPECT_EQ(result.warnings[0].line, 3u);
  EXPECT_TRUE(result.implicit_keep);
}

// A warm evaluation finds the compiled key in the context's cache; another
// expansion compiles once, then is found too.
TEST(RegexMatchTypeTest, WarmEvaluationsDoNotRecompile) {
  const auto compiled = exttest::Compile(kRequire + R"(
if header :matches "subject" "[*]*" { set "tag" "${1}"; }
if header :regex "subject" "^\\[${tag}\\]" { fileinto "${tag}"; })");
  ASSERT_NE(compiled.program, nullptr) << compiled.diagnostics;
  vm::Evaluator evaluator;
  auto run = [&](std::string_view subject) {
    const std::string message = "Subject: " + std::string(subject) + "\r\n\r\nbody\r\n";
    return exttest::Describe(evaluator.Evaluate(*compiled.program, message, {}));
  };
  const uint64_t before = RuntimeRegexCompilations();
  EXPECT_EQ(run("[sieve] one"), "fileinto:sieve");
  EXPECT_EQ(RuntimeRegexCompilations(), before + 1);
  EXPECT_EQ(run("[sieve] two"), "fileinto:sieve");
  EXPECT_EQ(run("[sieve] three"), "fileinto:sieve");
  EXPECT_EQ(RuntimeRegexCompilations(), before + 1);
  EXPECT_EQ(run("[dovecot] four"), "fileinto:dovecot");
  EXPECT_EQ(RuntimeRegexCompilations(), before + 2);
  EXPECT_EQ(run("[sieve] five"), "fileinto:sieve");
  EXPECT_EQ(RuntimeRegexCompilations(), before + 2);
}

// The cache is bounded: far more distinct keys than it holds still match
// correctly (it starts again when full).
TEST(RegexMatchTypeTest, CacheIsBounded) {
  const auto compiled = exttest::Compile(kRequire + R"(
if header :matches "subject" "*" { set "s" "${1}"; }
if header :regex "x-key" "^${s}$" { fileinto "same"; })");
  ASSERT_NE(compiled.program, nullptr) << compiled.diagnostics;
  vm::Evaluator evaluator;
  const uint64_t before = RuntimeRegexCompilations();
  for (size_t i = 0; i < 3 * kMaxCachedRegexes; ++i) {
    const std::string message = "Subject: k" + std::to_string(i) + "\r\nX-Key: k" +
                                std::to_string(i) + "\r\n\r\n";
    EXPECT_EQ(exttest::Describe(evaluator.Evaluate(*compiled.program, message, {})),
              "fileinto:same");
  }
  EXPECT_EQ(RuntimeRegexCompilations(), before + 3 * kMaxCachedRegexes);
}

// Keys the validator never saw whole (hasflag splits its keys at spaces
// after validation) are checked at preparation; a bad one is a runtime
// error when reached, never a failure to build the program.
TEST(RegexMatchTypeTest, KeysSplitAfterValidation) {
  const std::string script = R"sv(require ["regex", "imap4flags"];
addflag "abc";
if hasflag :regex "(a b)" { discard; })sv";
  // "(a" and "b)" are invalid on their own: each matches nothing, with a
  // warning, and the script goes on.
  EXPECT_EQ(RunScript(script, kMessage), "warning:invalid-regex warning:invalid-regex keep*");
  EXPECT_EQ(RunScript(R"(require ["regex", "imap4flags"];
addflag ["\\Seen", "xyz"];
if hasflag :regex "^x.z$ ^\\\\s" { discard; })",
                      kMessage),
            "discard");
}

}  // namespace
}  // namespace sievekit::extensions::regex
