// Tests for extensions/variables (RFC 5229): every example of the RFC run
// end to end, the set command and its modifiers, the string test, match
// variables, namespaces, compile-time checks and the runtime limits.
#include "extensions/variables/variables.h"

#include <gtest/gtest.h>

#include "extensions/core/core.h"
#include "extensions/fileinto/fileinto.h"
#include "extensions/variables/set_modifier.h"
#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions {
namespace {

using exttest::Diagnose;
using exttest::RunScript;

const std::string kMessage =
    "From: Road Runner <runner@example.org>\r\n"
    "To: coyote@ACME.Example.COM\r\n"
    "Subject: [acme-users] [fwd] version 1.0 is out\r\n"
    "List-ID: Acme users <acme-users@lists.example.com>\r\n"
    "\r\n"
    "Meep meep.\r\n";

// The value `expression` expands to after `prelude` ran. The script files
// into "[" expression "]", so the action shows the exact expansion.
std::string Value(std::string_view prelude, std::string_view expression,
                  const std::string& message = kMessage) {
  const std::string script = "require [\"variables\", \"fileinto\", \"encoded-character\"];\n" +
                             std::string(prelude) + "\nfileinto \"[" + std::string(expression) +
                             "]\";\n";
  const std::string result = RunScript(script, message);
  const std::string prefix = "fileinto:";
  if (result.rfind(prefix, 0) != 0) return "unexpected: " + result;
  return result.substr(prefix.size());
}

// §3 examples; "company" holds "ACME".
TEST(VariablesTest, Rfc5229Section3Examples) {
  const std::string prelude = R"(set "company" "ACME";)";
  const struct {
    std::string_view expression;
    std::string_view value;
  } cases[] = {
      {"&%${}!", "[&%${}!]"},  // the empty string is not an identifier
      {"${doh!}", "[${doh!}]"},
      {"${full}", "[]"},
      {"${company}", "[ACME]"},
      {"${BAD${Company}", "[${BADACME]"},
      {"${President, ${Company} Inc.}", "[${President, ACME Inc.}]"},
      // Names are case-insensitive (§3, §4).
      {"${COMPANY}${CoMpAnY}", "[ACMEACME]"},
      // Not variable-refs: left as written.
      {"${0.s}", "[${0.s}]"},
      {"${a b}", "[${a b}]"},
      {"${", "[${]"},
      {"$", "[$]"},
      {"${company", "[${company]"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Value(prelude, c.expression), c.value) << c.expression;
  }
}

// §3.1: backslash quoting and encoded characters are resolved first.
TEST(VariablesTest, Rfc5229Section31QuotingExamples) {
  const std::string prelude = R"(set "foo" "bar";)";
  EXPECT_EQ(Value(prelude, R"(${fo\o})"), "[bar]");
  EXPECT_EQ(Value(prelude, R"(${fo\\o})"), R"([${fo\o}])");
  EXPECT_EQ(Value(prelude, R"(\${foo})"), "[bar]");
  EXPECT_EQ(Value(prelude, R"(\\${foo})"), R"([\bar])");
  // set "dollar" "$"; set "text" "regarding ${dollar}{beep}";
  EXPECT_EQ(Value(R"(set "dollar" "$"; set "text" "regarding ${dollar}{beep}";)", "${text}"),
            "[regarding ${beep}]");
  // Only one pass (§3): a value that looks like a reference stays as it is.
  EXPECT_EQ(Value(R"(set "s" "$"; set "x" "y";)", "${s}{x}"), "[${x}]");
}

TEST(VariablesTest, Rfc5229Section31EncodedCharacterExample) {
  const std::string script = R"(require ["encoded-character", "variables", "fileinto"];
set "name" "Ethelbert";
if header :contains "Subject" "dear${hex:20 24 7b 4e}ame}" {
    # the test string is "dear Ethelbert"
    fileinto "matched";
}
)";
  EXPECT_EQ(RunScript(script, "Subject: Oh dear Ethelbert!\r\n\r\n"), "fileinto:matched");
  EXPECT_EQ(RunScript(script, "Subject: Oh dear Name}\r\n\r\n"), "keep*");
  // The decoded reference is checked like a written one.
  EXPECT_EQ(Diagnose(R"(require ["encoded-character", "variables"];
if string "${hex:24 7b}ns.x}" "" {})"),
            "2:11 unknown-variable-namespace: unknown variable namespace 'ns'\n");
}

// §3.2 examples, in the order the RFC gives them.
TEST(VariablesTest, Rfc5229Section32Examples) {
  const std::string list_id = R"(require ["fileinto", "variables"];
if header :matches "List-ID" "*<*@*" {
    fileinto "INBOX.lists.${2}"; stop;
}
)";
  EXPECT_EQ(RunScript(list_id, kMessage), "fileinto:INBOX.lists.acme-users");

  const std::string subject = R"(require ["fileinto", "variables"];
if header :matches "Subject" "[*] *" {
    fileinto "INBOX.lists.${1}"; fileinto "${2}"; stop;
}
)";
  EXPECT_EQ(RunScript(subject, kMessage),
            "fileinto:INBOX.lists.acme-users fileinto:[fwd] version 1.0 is out");

  const std::string address = R"(require ["fileinto", "variables"];
if address :matches ["To", "Cc"] ["coyote@**.com",
        "wile@**.com"] {
    fileinto "INBOX.business.${2}"; fileinto "0=${0}"; fileinto "1=[${1}]"; stop;
} else {
    fileinto "no match [${0}]";
}
)";
  EXPECT_EQ(RunScript(address, kMessage),
            "fileinto:INBOX.business.ACME.Example fileinto:0=coyote@ACME.Example.COM "
            "fileinto:1=[]");
  EXPECT_EQ(RunScript(address, "To: roadrunner@example.com\r\n\r\n"), "fileinto:no match []");

  // The second test is never evaluated, so no match variables are set.
  const std::string anyof = R"(require ["fileinto", "variables"];
if anyof (true, address :domain :matches "To" "*.com") {
    fileinto "[${0}][${1}]";
    stop;
}
)";
  EXPECT_EQ(RunScript(anyof, kMessage), "fileinto:[][]");
}

TEST(VariablesTest, MatchVariables) {
  const struct {
    std::string_view prelude;
    std::string_view expression;
    std::string_view value;
  } cases[] = {
      // Leading zeroes are ignored (§3.2).
      {R"(if string :matches "frop:frup:frop" "*:*:*" {})", "${0000002}", "[frup]"},
      // Non-greedy, left to right.
      {R"(if string :matches "a.b.c.d" "*.*" {})", "${1}|${2}", "[a|b.c.d]"},
      {R"(if string :matches "frop" "??op" {})", "${0}:${1}:${2}:${3}", "[frop:f:r:]"},
      // Out of range: empty.
      {R"(if string :matches "test" "*" {})", "[${1}][${2}][${32}]", "[[test][][]]"},
      // Only a successful match replaces them.
      {R"(if string :matches "the cat jumps" "the * jumps" {}
          if string :matches "the dog barks" "the * sleeps" {})",
       "${1}", "[cat]"},
      {R"(if string :matches "the cat jumps" "the * jumps" {}
          if string :matches "the dog barks" "the * barks" {})",
       "${1}", "[dog]"},
      // :is and :contains leave them alone.
      {R"(if string :matches "one two" "* *" {}
          if string :is "x" "x" {} if string :contains "xyz" "y" {})",
       "${1}", "[one]"},
      // No match yet: the list is empty.
      {"", "[${0}][${1}]", "[[][]]"},
      // Short-circuit: the second test of anyof is not run.
      {R"(if anyof (string :matches "ab" "a*", string :matches "cd" "c*") {})", "${1}", "[b]"},
      // Keys may hold variables too; the source value keeps its case.
      {R"(set "p" "*@*"; if address :matches "to" "${p}" {})", "${2}", "[ACME.Example.COM]"},
      // A match on a match variable reads the old value before replacing it.
      {R"(if string :matches "a-b" "*-*" {} if string :matches "${2}${1}" "?*" {})", "${1}.${2}",
       "[b.a]"},
      // 26 wildcards: every index up to the limit is kept.
      {R"(if string :matches "abcdefghijklmnopqrstuvwxyz" "??????????????????????????" {})",
       "${26}${1}${10}", "[zaj]"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Value(c.prelude, c.expression), c.value) << c.prelude;
  }
}

// §4 example and the §4.1 modifier examples.
TEST(VariablesTest, Rfc5229Section4Examples) {
  const std::string script =
      "require [\"variables\", \"fileinto\"];\n"
      "set \"honorific\"  \"Mr\";\n"
      "set \"first_name\" \"Wile\";\n"
      "set \"last_name\"  \"Coyote\";\n"
      "set \"vacation\" text:\n"
      "Dear ${HONORIFIC} ${last_name},\n"
      "I'm out, please leave a message after the meep.\n"
      ".\n"
      ";\n"
      "if string :is :comparator \"i;octet\" \"${vacation}\" "
      "\"Dear Mr Coyote,\\r\\nI'm out, please leave a message after the "
      "meep.\\r\\n\" { fileinto \"crlf\"; }\n"
      "if string :is :comparator \"i;octet\" \"${vacation}\" "
      "\"Dear Mr Coyote,\nI'm out, please leave a message after the "
      "meep.\n\" { fileinto \"lf\"; }\n";
  EXPECT_EQ(RunScript(script, kMessage), "fileinto:lf");

  const std::string prelude = R"(set "a" "juMBlEd lETteRS";)";
  const struct {
    std::string_view set;
    std::string_view value;
  } cases[] = {
      {R"(set "b" "${a}";)", "[juMBlEd lETteRS]"},
      {R"(set :length "b" "${a}";)", "[15]"},
      {R"(set :lower "b" "${a}";)", "[jumbled letters]"},
      {R"(set :upperfirst "b" "${a}";)", "[JuMBlEd lETteRS]"},
      {R"(set :upperfirst :lower "b" "${a}";)", "[Jumbled letters]"},
      {R"(set :quotewildcard "b" "Rock*";)", R"([Rock\*])"},
      // More combinations: precedence, not order of writing, decides.
      {R"(set :lower :upperfirst "b" "${a}";)", "[Jumbled letters]"},
      {R"(set :length :upper "b" "${a}";)", "[15]"},
      {R"(set :quotewildcard :length "b" "a*?";)", "[5]"},  // a\*\?
      {R"(set :lowerfirst :upper "b" "${a}";)", "[jUMBLED LETTERS]"},
      {R"(set :UPPER "b" "${a}";)", "[JUMBLED LETTERS]"},  // modifier names ignore case
      {R"(set :length "b" "";)", "[0]"},
      {R"(set :length "b" "h${hex:c3 a9}";)", "[2]"},
      // A quoted wildcard matches only itself.
      {R"(set :quotewildcard "q" "a*"; if string :matches "abc" "${q}" { set "b" "wrong"; }
          else { set "b" "literal"; })",
       "[literal]"},
      // set does not affect the implicit keep, and reassigning replaces.
      {R"(set "b" "one"; set "B" "two";)", "[two]"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Value(std::string(prelude) + "\n" + std::string(c.set), "${b}"), c.value) << c.set;
  }
  EXPECT_EQ(RunScript("require \"variables\"; set \"a\" \"b\";", kMessage), "keep*");
}

// §5: the string test.
TEST(VariablesTest, StringTest) {
  const struct {
    std::string_view test;
    bool matches;
  } cases[] = {
      // The RFC example: always succeeds.
      {R"(set "state" "${state} pending"; if string :matches " ${state} " "* pending *")", true},
      {R"(set "state" "x"; set "state" "${state} pending";
          if string :is "${state}" "x pending")",
       true},
      {R"(if string "abc" "ABC")", true},  // :is, i;ascii-casemap by default
      {R"(if string :comparator "i;octet" "abc" "ABC")", false},
      {R"(if string :contains ["no", "foobar"] "oba")", true},
      {R"(if string :matches "abc" ["x*", "?b?"])", true},
      // No whitespace stripping.
      {R"(set "v" "  value  "; if string :is :comparator "i;octet" "${v}" "value")", false},
      {R"(set "v" "  value  "; if string :is :comparator "i;octet" "${v}" "  value  ")", true},
      // An unset variable is the empty string.
      {R"(if string :is "${unset}" "")", true},
      {R"(if string :is "" "")", true},
      {R"(if not string :is "a" "b")", true},
  };
  for (const auto& c : cases) {
    const std::string script = "require [\"variables\", \"fileinto\"];\n" + std::string(c.test) +
                               " { fileinto \"yes\"; }\n";
    EXPECT_EQ(RunScript(script, kMessage), c.matches ? "fileinto:yes" : "keep*") << c.test;
  }
}

// §5 with RFC 5231: a string counts 1 unless it is empty.
TEST(VariablesTest, StringCount) {
  const std::string require =
      "require [\"variables\", \"fileinto\", \"relational\", \"comparator-i;ascii-numeric\"];\n";
  const struct {
    std::string_view test;
    bool matches;
  } cases[] = {
      {R"(string :count "eq" :comparator "i;ascii-numeric" ["a", "b", "c"] "3")", true},
      {R"(string :count "eq" :comparator "i;ascii-numeric" ["a", "", "c"] "2")", true},
      {R"(string :count "eq" :comparator "i;ascii-numeric" ["${unset}", ""] "0")", true},
      {R"(string :count "gt" :comparator "i;ascii-numeric" ["${unset}", "x"] "1")", false},
      {R"(string :value "gt" :comparator "i;ascii-numeric" "${n}" "9")", true},
  };
  for (const auto& c : cases) {
    const std::string script =
        require + "set \"n\" \"10\";\nif " + std::string(c.test) + " { fileinto \"yes\"; }\n";
    EXPECT_EQ(RunScript(script, kMessage), c.matches ? "fileinto:yes" : "keep*") << c.test;
  }
}

TEST(VariablesTest, VariablesInOtherCommands) {
  // Expansion uses the values current when the command runs (§3).
  EXPECT_EQ(RunScript(R"(require ["variables", "fileinto"];
set "f" "one"; fileinto "${f}"; set "f" "two"; fileinto "${f}";)",
                      kMessage),
            "fileinto:one fileinto:two");
  EXPECT_EQ(
      RunScript(R"(require "variables"; set "to" "b@example.com"; redirect "a${to}";)", kMessage),
      "redirect:ab@example.com");
  // Header names and keys of core tests expand too.
  EXPECT_EQ(RunScript(R"(require ["variables", "fileinto"];
set "h" "subject"; set "k" "acme";
if header :contains "${h}" "${k}" { fileinto "hit"; })",
                      kMessage),
            "fileinto:hit");
  // Without require "variables", "${...}" is plain text.
  EXPECT_EQ(RunScript(R"(require "fileinto"; fileinto "${x}";)", kMessage), "fileinto:${x}");
  // A value built at run time is still checked where it is used.
  EXPECT_EQ(RunScript(R"(require ["variables", "fileinto"]; fileinto "${empty}";)", kMessage),
            "error:invalid-mailbox keep*");
}

TEST(VariablesTest, EachEvaluationStartsEmpty) {
  auto compiled = exttest::Compile(R"(require ["variables", "fileinto"];
if string :is "${seen}" "" { set "seen" "yes"; fileinto "first"; } else { fileinto "again"; }
if string :matches "x" "*" {})");
  ASSERT_NE(compiled.program, nullptr) << compiled.diagnostics;
  vm::Evaluator evaluator;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(exttest::Describe(evaluator.Evaluate(*compiled.program, kMessage, {})),
              "fileinto:first");
  }
}

// §6: values are truncated, never an error; too many variables is an error.
TEST(VariablesTest, RuntimeLimits) {
  vm::EvalOptions small;
  small.limits.max_variable_size = 5;
  small.limits.max_variables = 2;
  const std::string require = "require [\"variables\", \"fileinto\", \"encoded-character\"];\n";
  EXPECT_EQ(RunScript(require + R"(set "a" "abcdefgh"; fileinto "${a}";)", kMessage, {}, small),
            "fileinto:abcde");
  // Truncation does not split a UTF-8 character ("é" is 2 bytes).
  EXPECT_EQ(
      RunScript(require + R"(set "a" "abcd${hex:c3 a9}"; fileinto "${a}";)", kMessage, {}, small),
      "fileinto:abcd");
  // Setting the same variable again does not count twice.
  EXPECT_EQ(RunScript(require + R"(set "a" "1"; set "a" "2"; set "b" "3"; fileinto "${a}${b}";)",
                      kMessage, {}, small),
            "fileinto:23");
  EXPECT_EQ(RunScript(require + R"(fileinto "x"; set "a" "1"; set "b" "2"; set "c" "3";)", kMessage,
                      {}, small),
            "error:max-variables keep*");
}

// RFC 5229 §6 via :quotewildcard: truncation never splits a "\\*" pair.
TEST(VariablesTest, QuotewildcardTruncationKeepsEscapesWhole) {
  vm::EvalOptions small;
  small.limits.max_variable_size = 5;
  const std::string require = "require [\"variables\", \"fileinto\"];\n";
  const struct {
    std::string_view value;
    std::string_view mailbox;
  } cases[] = {
      {"a***", "a\\*\\*"},    // "a\*\*\*" cut to 5 bytes would end in "\"
      {"ab***", "ab\\*"},       // 5 bytes end with a whole pair
      {"abcdefg", "abcde"},     // nothing quoted: plain truncation
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RunScript(require + "set :quotewildcard \"a\" \"" + std::string(c.value) +
                            "\"; fileinto \"${a}\";",
                        kMessage, {}, small),
              "fileinto:" + std::string(c.mailbox))
        << c.value;
  }
}

// RFC 5229 §6: name length and the number of variables, checked when the
// script is compiled.
TEST(VariablesTest, CompileTimeLimits) {
  const std::string require = "require \"variables\";\n";
  EXPECT_EQ(Diagnose(require + "set \"" + std::string(64, 'v') + "\" \"x\";"), "");
  EXPECT_EQ(Diagnose(require + "set \"" + std::string(65, 'v') + "\" \"x\";"),
            "2:5 variable-name-too-long: variable name '" + std::string(65, 'v') +
                "' is longer than the limit of 64 characters (max_variable_name_length)\n");
  EXPECT_EQ(Diagnose(require + "if string \"${" + std::string(65, 'v') + "}\" \"\" {}"),
            "2:11 variable-name-too-long: variable name '" + std::string(65, 'v') +
                "' is longer than the limit of 64 characters (max_variable_name_length)\n");
  std::string many = require;
  for (int i = 0; i < 258; ++i) many += "set \"v" + std::to_string(i) + "\" \"x\";\n";
  many += "set \"v0\" \"again\";\n";  // not a new variable
  // Reported once, at the first variable over the limit (line 258).
  EXPECT_EQ(Diagnose(many),
            "258:5 too-many-variables: the script sets more than the limit of 256 distinct "
            "variables (max_variables)\n");
}

TEST(VariablesTest, CompileErrors) {
  const std::string require = "require \"variables\";\n";
  const struct {
    std::string_view name;
    std::string script;
    std::string_view diagnostics;
  } cases[] = {
      {"valid names", require + R"(set "a" ""; set "_x1" ""; set "\n\a\m\e" "";
          set "var123456789012345678901234567890" "";)",
       ""},
      {"not constant", require + R"(set "${frop}" "x";)",
       "2:5 invalid-variable-name: '${frop}' is not a valid variable name: use letters, digits "
       "and '_', not starting with a digit\n"},
      {"dots only", require + R"(set "...." "x";)",
       "2:5 invalid-variable-name: '....' is not a valid variable name: it has an empty "
       "component\n"},
      {"trailing dot", require + R"(set "name." "x";)",
       "2:5 invalid-variable-name: 'name.' is not a valid variable name: it has an empty "
       "component\n"},
      {"leading dot", require + R"(set ".name" "x";)",
       "2:5 invalid-variable-name: '.name' is not a valid variable name: it has an empty "
       "component\n"},
      {"empty", require + R"(set "" "x";)",
       "2:5 invalid-variable-name: '' is not a valid variable name: it is empty\n"},
      {"starts with a digit", require + R"(set "1a" "x";)",
       "2:5 invalid-variable-name: '1a' is not a valid variable name: use letters, digits and "
       "'_', not starting with a digit\n"},
      {"space", require + R"(set "a b" "x";)",
       "2:5 invalid-variable-name: 'a b' is not a valid variable name: use letters, digits and "
       "'_', not starting with a digit\n"},
      {"numeric namespace", require + R"(set "1.a" "x";)",
       "2:5 invalid-variable-name: '1.a' is not a valid variable name: a namespace must start "
       "with a letter or '_'\n"},
      {"match variable", require + R"(set "0" "x";)",
       "2:5 set-match-variable: cannot assign to match variable '0': match variables are set "
       "only by :matches\n"},
      {"match variable with zeros", require + R"(set "007" "x";)",
       "2:5 set-match-variable: cannot assign to match variable '007': match variables are set "
       "only by :matches\n"},
      {"unknown namespace in set", require + R"(set "namespace.frop" "x";)",
       "2:5 unknown-variable-namespace: unknown variable namespace 'namespace'\n"},
      {"unknown namespace in a string",
       "require [\"variables\", \"fileinto\"];\n"
       R"(fileinto "${complex.struct.frop}";)",
       "2:10 unknown-variable-namespace: unknown variable namespace 'complex'\n"},
      {"unknown modifier", require + R"(set :inner "name" "x";)",
       "2:5 unknown-tag: unknown tagged argument ':inner' for the set command (it takes :lower, "
       ":upper, :lowerfirst, :upperfirst, :quotewildcard or :length)\n"},
      {"same precedence (case)", require + R"(set :lower :upper "a" "x";)",
       "2:12 conflicting-tags: tagged argument ':upper' cannot be combined with ':lower' in the "
       "set command\n"},
      {"same precedence (first)", require + R"(set :upperfirst :lowerfirst "a" "x";)",
       "2:17 conflicting-tags: tagged argument ':lowerfirst' cannot be combined with "
       "':upperfirst' in the set command\n"},
      {"modifier twice", require + R"(set :length :length "a" "x";)",
       "2:13 duplicate-tag: tagged argument ':length' is given more than once to the set "
       "command\n"},
      {"missing value", require + R"(set "a";)",
       "2:1 missing-argument: the set command requires 2 positional arguments, but 1 was "
       "specified\n"},
      {"name must be a string", require + R"(set ["a", "b"] "x";)",
       "2:5 wrong-argument-type: the set command expects a string as argument 1 (name), but a "
       "string list was found\n"},
      {"match index in range", require + R"(if string "${32}${0}" "" {})", ""},
      {"match index out of range", require + R"(if string "${33}" "" {})",
       "2:11 match-variable-out-of-range: match variable '${33}' is out of range: the highest "
       "is '${32}'\n"},
      {"set needs require", R"(set "a" "b";)",
       "1:1 missing-require: command 'set' needs the extension 'variables', which is not "
       "required\n"},
      {"string needs require", R"(if string "a" "b" {})",
       "1:4 missing-require: test 'string' needs the extension 'variables', which is not "
       "required\n"},
      {"no checks without require", R"(require "fileinto"; fileinto "${a.b}${99}";)", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Diagnose(c.script), c.diagnostics) << c.name;
  }
}

// A registry with a namespace "testns" that set may assign (extension
// "vnd.test.ns") and a read-only one "rons" (extension "vnd.test.ro").
const ir::Registry& NamespaceRegistry() {
  static const ir::Registry* const registry = [] {
    auto* r = new ir::Registry();
    RegisterCore(*r);
    RegisterFileinto(*r);
    RegisterVariables(*r);
    r->Register({"vnd.test.ns", false, false},
                [](ir::ExtensionBuilder& b) { b.VariableNamespace("testns", /*settable=*/true); });
    r->Register({"vnd.test.ro", false, false},
                [](ir::ExtensionBuilder& b) { b.VariableNamespace("rons"); });
    r->Finalize();
    return r;
  }();
  return *registry;
}

TEST(VariablesTest, Namespaces) {
  const ir::Registry& registry = NamespaceRegistry();
  const std::string all =
      "require [\"variables\", \"fileinto\", \"vnd.test.ns\", \"vnd.test.ro\"];\n";
  EXPECT_EQ(Diagnose(all + R"(set "testns.x" "1"; set "TestNS.sub.y" "2";
      fileinto "${testns.x}${rons.z}";)",
                     registry),
            "");
  EXPECT_EQ(RunScript(all + R"(set "testns.x" "1"; set "TestNS.sub.y" "2"; set "x" "plain";
      fileinto "${testns.x}${TESTNS.SUB.Y}${testns.sub.x}[${rons.z}]${x}";)",
                      kMessage, {}, {}, registry),
            "fileinto:12[]plain");
  EXPECT_EQ(Diagnose(all + R"(set "rons.z" "1";)", registry),
            "2:5 variable-namespace-not-settable: variables of namespace 'rons' cannot be "
            "assigned with set\n");
  // §3: "References to namespaces without a prior require statement for the
  // relevant extension MUST cause an error."
  EXPECT_EQ(Diagnose("require [\"variables\", \"fileinto\"];\nfileinto \"${testns.x}\";", registry),
            "2:10 missing-require: variable namespace 'testns' needs the extension "
            "'vnd.test.ns', which is not required\n");
  EXPECT_EQ(Diagnose("require \"variables\";\nset \"testns.x\" \"1\";", registry),
            "2:5 missing-require: variable namespace 'testns' needs the extension "
            "'vnd.test.ns', which is not required\n");
  EXPECT_EQ(Diagnose(all + R"(set "other.x" "1";)", registry),
            "2:5 unknown-variable-namespace: unknown variable namespace 'other'\n");
}

}  // namespace
}  // namespace sievekit::extensions
