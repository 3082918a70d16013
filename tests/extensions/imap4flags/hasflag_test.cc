// Tests for extensions/imap4flags/hasflag: the hasflag test of RFC 5232 §4
// — its examples, the internal and named variables, match types,
// comparators, :count over distinct flags, and keys known only at run time.
#include "extensions/imap4flags/hasflag.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions::imap4flags {
namespace {

constexpr std::string_view kMessage = "From: joe@example.com\r\nSubject: hi\r\n\r\nBody.\r\n";

struct Case {
  std::string_view name;
  std::string script;
  bool expected;
};

// Runs `setup` and then `if <test> { discard; }`: true when the test held.
void ExpectTests(std::string_view require, std::string_view setup, const Case* begin,
                 const Case* end) {
  for (const Case* c = begin; c != end; ++c) {
    const std::string script =
        std::string(require) + "\n" + std::string(setup) + "\nif " + c->script + " { discard; }";
    EXPECT_EQ(exttest::RunScript(script, kMessage), c->expected ? "discard" : "keep*")
        << c->name << "\n"
        << script;
  }
}

constexpr std::string_view kRequire =
    "require [\"imap4flags\", \"variables\", \"relational\", \"comparator-i;ascii-numeric\"];";

// RFC 5232 §4: "If the internal variable has the value "A B", the following
// test [...] evaluates to true".
TEST(HasflagTest, Rfc5232InternalVariable) {
  const Case cases[] = {
      {"string", "hasflag :is \"b A\"", true},
      {"list", "hasflag [\"b\",\"A\"]", true},
  };
  ExpectTests(kRequire, "setflag \"A B\";", std::begin(cases), std::end(cases));
}

// RFC 5232 §4, the MyVar example.
TEST(HasflagTest, Rfc5232MyVar) {
  const Case cases[] = {
      {"Junk", "hasflag :contains \"MyVar\" \"Junk\"", true},
      {"forward", "hasflag :contains \"MyVar\" \"forward\"", true},
      {"label, forward", "hasflag :contains \"MyVar\" [\"label\", \"forward\"]", true},
      {"junk, forward", "hasflag :contains \"MyVar\" [\"junk\", \"forward\"]", true},
      {"junk forward", "hasflag :contains \"MyVar\" \"junk forward\"", true},
      {"forward junk", "hasflag :contains \"MyVar\" \"forward junk\"", true},
      {"label", "hasflag :contains \"MyVar\" \"label\"", false},
      {"label1, label2", "hasflag :contains \"MyVar\" [\"label1\", \"label2\"]", false},
  };
  ExpectTests(kRequire,
              "set \"MyVar\" \"NonJunk Junk gnus-forward $Forwarded NotJunk JunkRecorded $Junk "
              "$NotJunk\";",
              std::begin(cases), std::end(cases));
}

// RFC 5232 §4, the MyFlags :count example.
TEST(HasflagTest, Rfc5232Count) {
  const Case cases[] = {
      {"ge 2", "hasflag :count \"ge\" :comparator \"i;ascii-numeric\"\n        \"MyFlags\" \"2\"",
       true},
  };
  ExpectTests(kRequire, "set \"MyFlags\" \"A B\";", std::begin(cases), std::end(cases));
}

TEST(HasflagTest, InternalVariable) {
  const Case empty[] = {
      {"\\Seen", "hasflag \"\\\\Seen\"", false},
      {"\\Recent", "hasflag \"\\\\recent\"", false},
      {"anything", "hasflag :matches \"*\"", false},
      {"count 0", "hasflag :count \"eq\" :comparator \"i;ascii-numeric\" \"0\"", true},
      {"count ge 1", "hasflag :count \"ge\" :comparator \"i;ascii-numeric\" \"1\"", false},
  };
  ExpectTests(kRequire, "", std::begin(empty), std::end(empty));
  const Case set[] = {
      {"same case", "hasflag \"\\\\seen\"", true},
      {"other case", "hasflag \"\\\\SEEN\"", true},
      // i;octet compares the bytes as they are.
      {"i;octet", "hasflag :comparator \"i;octet\" \"\\\\SEEN\"", false},
      {"i;octet, same case", "hasflag :comparator \"i;octet\" \"$frop\"", true},
      {"other flag", "hasflag \"$Nonsense\"", false},
      {"whole flags only", "hasflag \"\\\\se\"", false},
      {":contains", "hasflag :contains \"ro\"", true},
      {":matches", "hasflag :matches \"$f*p\"", true},
      // Each flag is matched alone, and a key with a space is two keys (§2).
      {"each flag alone", "hasflag :matches \"*n*f*\"", false},
      {"a key with a space", "hasflag :matches \"*n $f*\"", true},
      {"count", "hasflag :count \"eq\" :comparator \"i;ascii-numeric\" \"2\"", true},
      {"count of keys split", "hasflag :count \"eq\" :comparator \"i;ascii-numeric\" \"1 2\"",
       true},
      {":value", "hasflag :value \"gt\" \"$a\"", true},
      {"empty key", "hasflag \"\"", false},
      {"spaces only", "hasflag [\"  \", \"\"]", false},
  };
  ExpectTests(kRequire, "setflag \"\\\\seen $frop\";", std::begin(set), std::end(set));
}

TEST(HasflagTest, NamedVariables) {
  const Case cases[] = {
      {"one variable", "hasflag \"frop\" \"A\"", true},
      {"case-insensitive name", "hasflag \"FROP\" \"b\"", true},
      {"not in it", "hasflag \"frop\" \"C\"", false},
      {"any of several", "hasflag [\"frop\", \"other\"] \"C\"", true},
      {"unset variable", "hasflag \"unset\" \"A\"", false},
      {"not the internal variable", "hasflag \"frop\" \"internal\"", false},
      {"the internal variable", "hasflag \"internal\"", true},
      // §4 via RFC 5231: distinct flags, summed over the variables.
      {"count of one", "hasflag :count \"eq\" :comparator \"i;ascii-numeric\" \"frop\" \"2\"",
       true},
      {"duplicates count once",
       "hasflag :count \"eq\" :comparator \"i;ascii-numeric\" \"dups\" \"6\"", true},
      {"sum", "hasflag :count \"eq\" :comparator \"i;ascii-numeric\" [\"frop\", \"other\"] \"3\"",
       true},
      {"same variable twice",
       "hasflag :count \"eq\" :comparator \"i;ascii-numeric\" [\"frop\", \"FROP\"] \"4\"", true},
  };
  ExpectTests(kRequire,
              "setflag \"internal\"; setflag \"frop\" \"A B\"; set \"other\" \"C\";\n"
              "set \"dups\" \"A B C D E F a b c d e f\";",
              std::begin(cases), std::end(cases));
}

TEST(HasflagTest, KeysFromVariables) {
  const Case cases[] = {
      {"split after expansion", "hasflag \"${keys}\"", true},
      {"no match", "hasflag \"${none}\"", false},
      {"empty expansion", "hasflag \"${unset}\"", false},
      {"mixed with constants", "hasflag [\"${none}\", \"B\"]", true},
      {":contains", "hasflag :contains \"${part}\"", true},
      {":matches", "hasflag :matches \"${glob}\"", true},
      {"count", "hasflag :count \"eq\" :comparator \"i;ascii-numeric\" \"${two}\"", true},
      {"count, other number", "hasflag :count \"eq\" :comparator \"i;ascii-numeric\" \"${none}\"",
       false},
  };
  ExpectTests(kRequire,
              "setflag \"A B\"; set \"keys\" \"x b\"; set \"none\" \"x y\"; set \"part\" \"z a\";\n"
              "set \"glob\" \"q* ?\"; set \"two\" \"2\";",
              std::begin(cases), std::end(cases));
}

// :matches sets the match variables from the flag that matched (RFC 5229
// §3.2), whether the keys are constant or built from variables.
TEST(HasflagTest, MatchVariables) {
  const std::string setup = std::string(kRequire) +
                            "\nrequire \"fileinto\";\n"
                            "setflag \"Junk $Label7\"; set \"pattern\" \"$label*\";\n";
  EXPECT_EQ(exttest::RunScript(setup + "if hasflag :matches \"$label*\" { fileinto \"L${1}\"; }",
                               kMessage),
            "fileinto:L7[Junk $Label7]");
  EXPECT_EQ(exttest::RunScript(setup + "if hasflag :matches \"${pattern}\" { fileinto \"L${1}\"; }",
                               kMessage),
            "fileinto:L7[Junk $Label7]");
  EXPECT_EQ(
      exttest::RunScript(setup + "if hasflag :matches \"*\" { fileinto \"[${0}]\"; }", kMessage),
      "fileinto:[Junk][Junk $Label7]");
}

TEST(HasflagTest, Validation) {
  const std::string require = "require \"imap4flags\";\n";
  const struct {
    std::string_view name;
    std::string script;
    std::string expected;
  } cases[] = {
      {"no argument", require + "if hasflag {}",
       "2:4 missing-argument: the hasflag test requires 1 positional argument, but 0 were "
       "specified\n"},
      {"a number", require + "if hasflag 234234 {}",
       "2:12 wrong-argument-type: the hasflag test expects a string list as argument 1 (list of "
       "flags), but a number was found\n"},
      {"unknown tag", require + "if hasflag :frop \"frop\" {}",
       "2:12 unknown-tag: unknown tagged argument ':frop' for the hasflag test (it takes :comparator, :is, :contains or :matches)\n"},
      {"variable list without variables", require + "if hasflag \"v\" \"a\" {}",
       "2:12 missing-require: the variable list of 'hasflag' needs the extension 'variables', "
       "which is not required\n"},
      {"invalid variable name",
       "require [\"imap4flags\", \"variables\"];\nif hasflag [\"a\", \"b-c\"] \"a\" {}",
       "2:18 invalid-flag-variable-name: 'b-c' is not a valid variable name for flags: use "
       "letters, digits and '_', not starting with a digit\n"},
      {"match type and comparator",
       require + "if hasflag :contains :comparator \"i;octet\" \"a\" {}", ""},
      // Keys are patterns, not flags: no warning for them.
      {"keys are not checked as flags", require + "if hasflag :matches \"*junk*\" {}", ""},
      {"comparator cannot do substrings",
       "require [\"imap4flags\", \"comparator-i;ascii-numeric\"];\n"
       "if hasflag :contains :comparator \"i;ascii-numeric\" \"1\" {}",
       "2:12 comparator-match-type: comparator 'i;ascii-numeric' does not support :contains "
       "matching\n"},
  };
  for (const auto& c : cases) EXPECT_EQ(exttest::Diagnose(c.script), c.expected) << c.name;
}

}  // namespace
}  // namespace sievekit::extensions::imap4flags
