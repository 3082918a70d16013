// Tests for ir/call_validator: matching one call's arguments against its
// registered signature (RFC 5228 section 2.6) — tags before positional
// arguments, tag parameters, tag groups and their conflicts, required groups
// (size's :over/:under), argument types and counts — and resolving the
// shared comparator, match type and address part (section 2.7), including
// comparator/match-type compatibility, relational operators, missing
// `require` for tags and comparators, and the validate hooks.
//
// The RFC 5228 base is checked through the default registry; behaviour that
// needs items the default registry does not have (a comparator without
// substring matching, a relational match type, a tag with a number
// parameter) uses a small registry built here.
#include "ir/call_validator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/diagnostic_catalogue.h"
#include "extensions/core/core.h"
#include "ir/ir.h"
#include "tests/ir/compile_for_test.h"

namespace sievekit::ir {
namespace {

using testutil::CheckScript;
using testutil::CompileScript;
using testutil::Summarize;

struct Case {
  std::string_view name;
  std::string script;
  std::string expected;  // Summarize() of the diagnostics; "" = valid
};

void RunCases(const std::vector<Case>& cases, const Registry& registry) {
  for (const Case& c : cases) {
    EXPECT_EQ(CheckScript(c.script, registry), c.expected) << c.name << "\n" << c.script;
  }
}

// ValidateCallInto fills in a Call in place; ValidateCall returns one. The
// two agree, errors included.
TEST(CallValidatorTest, ValidateCallIntoAgreesWithValidateCall) {
  const Registry& registry = extensions::DefaultRegistry();
  const struct {
    std::string script;
    bool ok;
  } cases[] = {
      {"if header :comparator \"i;octet\" :contains [\"a\", \"b\"] \"c\" { keep; }", true},
      {"if address :domain :is \"from\" \"x.example\" { keep; }", true},
      {"if header :is :contains \"a\" \"b\" { keep; }", false},
      {"if header \"a\" { keep; }", false},
  };
  for (const auto& c : cases) {
    const FrontendResult front = CompileScript(c.script);
    const syntax::Test& test = front.tree.commands.at(0).tests.at(0);
    const CallSpec& spec = *registry.FindTest(test.name);
    const Span name_span = front.tree.tokens[test.identifier_token].span;
    SourceFile source("t.sieve", c.script);
    CompileOptions options;
    Diagnostics returned_diagnostics;
    ValidationContext returned_context(registry, options, source, returned_diagnostics);
    bool returned_ok = false;
    const Call returned = ValidateCall(returned_context, spec, test.name, test.span, name_span,
                                       test.arguments, &returned_ok);
    Diagnostics filled_diagnostics;
    ValidationContext filled_context(registry, options, source, filled_diagnostics);
    bool filled_ok = false;
    Call filled;
    ValidateCallInto(filled_context, spec, test.name, test.span, name_span, test.arguments, &filled,
                     &filled_ok);
    EXPECT_EQ(returned_ok, c.ok) << c.script;
    EXPECT_EQ(filled_ok, c.ok) << c.script;
    EXPECT_EQ(filled.spec, returned.spec);
    EXPECT_EQ(filled.span, returned.span);
    EXPECT_EQ(filled.positional.size(), returned.positional.size()) << c.script;
    EXPECT_EQ(filled.tags.size(), returned.tags.size()) << c.script;
    EXPECT_EQ(filled.comparator, returned.comparator) << c.script;
    EXPECT_EQ(filled.match_type, returned.match_type) << c.script;
    EXPECT_EQ(filled.address_part, returned.address_part) << c.script;
    EXPECT_EQ(Summarize(source, filled_diagnostics), Summarize(source, returned_diagnostics));
  }
}

TEST(CallValidatorTest, KindNames) {
  EXPECT_EQ(KindName(CallKind::kCommand), "command");
  EXPECT_EQ(KindName(CallKind::kTest), "test");
}

TEST(CallValidatorTest, TagsComeBeforePositionalArguments) {
  RunCases(
      {
          {"tags in any order",
           "if address :domain :comparator \"i;octet\" :matches \"from\" "
           "\"*.example.com\" { keep; }",
           ""},
          {"comparator after match type",
           "if header :contains :comparator \"i;octet\" \"subject\" \"x\" { keep; }", ""},
          {"tags are case-insensitive",
           "if header :CONTAINS :Comparator \"I;OCTET\" \"a\" \"b\" {}", ""},
          {"tag after all positionals", "if header \"subject\" \"x\" :contains {}",
           "1:25 tag-after-positional: unexpected tagged argument ':contains' after the "
           "positional arguments of the header test\n"},
          {"tag between positionals", "if header \"subject\" :contains \"x\" {}",
           "1:21 tag-after-positional: unexpected tagged argument ':contains' after the "
           "positional arguments of the header test\n"},
          {"tag after a number", "if size 1M :over {}",
           "1:12 tag-after-positional: unexpected tagged argument ':over' after the positional "
           "arguments of the size test\n"},
          {"tag written as written in the message", "if header \"a\" :IS \"b\" {}",
           "1:15 tag-after-positional: unexpected tagged argument ':IS' after the positional "
           "arguments of the header test\n"},
      },
      extensions::DefaultRegistry());
}

TEST(CallValidatorTest, UnknownTags) {
  RunCases(
      {
          {"typo gets a suggestion", "if header :contians \"a\" \"b\" {}",
           "1:11 unknown-tag: unknown tagged argument ':contians' for the header test (it takes "
           ":comparator, :is, :contains or :matches)\n"
           "  note: did you mean ':contains'?\n"},
          {"suggestion comes from the call's own tags", "if address :domian \"from\" \"b\" {}",
           "1:12 unknown-tag: unknown tagged argument ':domian' for the address test (it takes "
           ":comparator, :is, :contains, :matches, :all, :localpart or :domain)\n"
           "  note: did you mean ':domain'?\n"},
          {"nothing close", "if header :nonsense \"a\" \"b\" {}",
           "1:11 unknown-tag: unknown tagged argument ':nonsense' for the header test (it takes "
           ":comparator, :is, :contains or :matches)\n"},
          {"tag of another test", "if header :over \"a\" \"b\" {}",
           "1:11 unknown-tag: unknown tagged argument ':over' for the header test (it takes "
           ":comparator, :is, :contains or :matches)\n"},
          {"address part on header", "if header :localpart \"from\" \"b\" {}",
           "1:11 unknown-tag: unknown tagged argument ':localpart' for the header test (it takes "
           ":comparator, :is, :contains or :matches)\n"},
          {"command without tags", "keep :copy;",
           "1:6 unknown-tag: unknown tagged argument ':copy' for the keep command (it takes no "
           "tagged arguments)\n"},
          {"comparator on a test without comparators", "if exists :comparator \"i;octet\" \"a\" {}",
           "1:11 unknown-tag: unknown tagged argument ':comparator' for the exists test (it takes "
           "no tagged arguments)\n"},
          {"the first error ends matching", "if header :nonsense 5 [\"a\"] 7 {}",
           "1:11 unknown-tag: unknown tagged argument ':nonsense' for the header test (it takes "
           ":comparator, :is, :contains or :matches)\n"},
      },
      extensions::DefaultRegistry());
}

TEST(CallValidatorTest, UnknownTagIsReportedOncePerCommandName) {
  RunCases(
      {
          {"the same tag on the same test again",
           "if header :frop \"a\" \"b\" {}\nif header :frop \"c\" \"d\" {}",
           "1:11 unknown-tag: unknown tagged argument ':frop' for the header test (it takes "
           ":comparator, :is, :contains or :matches)\n"},
          {"another test or another tag is reported",
           "if header :frop \"a\" \"b\" {}\nif address :frop \"c\" \"d\" {}\n"
           "if header :friep \"a\" \"b\" {}",
           "1:11 unknown-tag: unknown tagged argument ':frop' for the header test (it takes "
           ":comparator, :is, :contains or :matches)\n"
           "2:12 unknown-tag: unknown tagged argument ':frop' for the address test (it takes "
           ":comparator, :is, :contains, :matches, :all, :localpart or :domain)\n"
           "3:11 unknown-tag: unknown tagged argument ':friep' for the header test (it takes "
           ":comparator, :is, :contains or :matches)\n"},
          // A repeated unknown tag after the positional arguments is a new
          // mistake: it is out of place.
          {"repeated and out of place",
           "if header :frop \"a\" \"b\" {}\nif header \"a\" \"b\" :frop {}",
           "1:11 unknown-tag: unknown tagged argument ':frop' for the header test (it takes "
           ":comparator, :is, :contains or :matches)\n"
           "2:19 tag-after-positional: unexpected tagged argument ':frop' after the positional "
           "arguments of the header test\n"},
      },
      extensions::DefaultRegistry());
}

TEST(CallValidatorTest, DuplicateAndConflictingTags) {
  // RFC 5228 section 2.6: "It is an error for a script, on a single command,
  // to use conflicting arguments or to use a tagged or optional argument more
  // than once."
  RunCases(
      {
          {"same match type twice", "if header :is :is \"a\" \"b\" {}",
           "1:15 duplicate-tag: tagged argument ':is' is given more than once to the header "
           "test\n"},
          {"two match types", "if header :is :contains \"a\" \"b\" {}",
           "1:15 conflicting-tags: tagged argument ':contains' cannot be combined with ':is' in "
           "the header test\n"},
          {"two match types apart", "if header :matches :comparator \"i;octet\" :is \"a\" \"b\" {}",
           "1:42 conflicting-tags: tagged argument ':is' cannot be combined with ':matches' in "
           "the header test\n"},
          {"two address parts", "if address :domain :localpart \"from\" \"b\" {}",
           "1:20 conflicting-tags: tagged argument ':localpart' cannot be combined with "
           "':domain' in the address test\n"},
          {"all and domain", "if address :all :domain \"from\" \"b\" {}",
           "1:17 conflicting-tags: tagged argument ':domain' cannot be combined with ':all' in "
           "the address test\n"},
          {"comparator twice",
           "if header :comparator \"i;octet\" :comparator \"i;octet\" \"a\" "
           "\"b\" {}",
           "1:33 duplicate-tag: tagged argument ':comparator' is given more than once to the "
           "header test\n"},
          {"duplicate in another case", "if header :is :IS \"a\" \"b\" {}",
           "1:15 duplicate-tag: tagged argument ':is' is given more than once to the header "
           "test\n"},
          {"over and under", "if size :over :under 1 {}",
           "1:15 conflicting-tags: tagged argument ':under' cannot be combined with ':over' in "
           "the size test\n"},
          {"over twice", "if size :over :over 1 {}",
           "1:15 duplicate-tag: tagged argument ':over' is given more than once to the size "
           "test\n"},
          {"match type, address part and comparator together",
           "if address :is :all :comparator \"i;octet\" \"from\" \"a@b\" {}", ""},
      },
      extensions::DefaultRegistry());
}

TEST(CallValidatorTest, RequiredTagGroups) {
  // RFC 5228 section 5.9: "Exactly one of ":over" or ":under" must be
  // specified, and anything else is an error."
  RunCases(
      {
          {"neither", "if size 100 {}",
           "1:4 missing-tagged-argument: the size test requires one of the tagged arguments "
           ":over or :under\n"},
          {"over", "if size :over 100 {}", ""},
          {"under", "if size :under 1G {}", ""},
          {"missing limit is reported first", "if size {}",
           "1:4 missing-argument: the size test requires 1 positional argument, but 0 were "
           "specified\n"},
      },
      extensions::DefaultRegistry());
}

TEST(CallValidatorTest, TagParameters) {
  RunCases(
      {
          {"comparator at the end", "if header \"a\" \"b\" :comparator {}",
           "1:19 tag-after-positional: unexpected tagged argument ':comparator' after the "
           "positional arguments of the header test\n"},
          {"comparator without a name before a tag", "if header :comparator :is \"a\" \"b\" {}",
           "1:11 tag-argument-missing: the ':comparator' tag of the header test must be "
           "followed by a comparator name\n"},
          {"comparator as the last argument", "if header :comparator {}",
           "1:11 tag-argument-missing: the ':comparator' tag of the header test must be "
           "followed by a comparator name\n"},
          {"comparator name as a number", "if header :comparator 5 \"a\" \"b\" {}",
           "1:23 wrong-tag-parameter: the ':comparator' tag of the header test expects a "
           "string, but a number was found\n"},
          {"comparator name as a list", "if header :comparator [\"i;octet\"] \"a\" \"b\" {}",
           "1:23 wrong-tag-parameter: the ':comparator' tag of the header test expects a "
           "string, but a string list was found\n"},
          {"comparator name as a text: string",
           "if header :comparator text:\ni;octet\n.\n \"a\" \"b\" {}",
           "1:23 unknown-comparator: unknown comparator 'i;octet\r\n'\n"
           "  note: did you mean 'i;octet'?\n"},
      },
      extensions::DefaultRegistry());
}

TEST(CallValidatorTest, ArgumentTypes) {
  RunCases(
      {
          {"number for a string list", "if header 5 \"b\" {}",
           "1:11 wrong-argument-type: the header test expects a string list as argument 1 "
           "(header names), but a number was found\n"},
          {"number as the second argument", "if header \"a\" 5 {}",
           "1:15 wrong-argument-type: the header test expects a string list as argument 2 (key "
           "list), but a number was found\n"},
          {"string for a number", "if size :over \"1M\" {}",
           "1:15 wrong-argument-type: the size test expects a number as argument 1 (limit), but "
           "a string was found\n"},
          {"list for a number", "if size :over [\"1\"] {}",
           "1:15 wrong-argument-type: the size test expects a number as argument 1 (limit), but "
           "a string list was found\n"},
          {"list for a single string", "redirect [\"a@example.com\"];",
           "1:10 wrong-argument-type: the redirect command expects a string as argument 1 "
           "(address), but a string list was found\n"},
          {"a single string is a string list", "if exists \"from\" {}", ""},
          {"a one-element list is a string list", "if exists [\"from\"] {}", ""},
          // (The trailing line break counts as folding white space.)
          {"a text: string is a string", "redirect text:\na@example.com\n.\n;", ""},
      },
      extensions::DefaultRegistry());
}

TEST(CallValidatorTest, ArgumentCounts) {
  RunCases(
      {
          {"none of two", "if header {}",
           "1:4 missing-argument: the header test requires 2 positional arguments, but 0 were "
           "specified\n"},
          {"one of two", "if header \"a\" {}",
           "1:4 missing-argument: the header test requires 2 positional arguments, but 1 was "
           "specified\n"},
          {"none of one", "redirect;",
           "1:1 missing-argument: the redirect command requires 1 positional argument, but 0 "
           "were specified\n"},
          {"three of two", "if header \"a\" \"b\" \"c\" {}",
           "1:19 too-many-arguments: too many arguments for the header test: it takes 2 "
           "positional arguments\n"},
          {"two of one", "if exists \"a\" \"b\" {}",
           "1:15 too-many-arguments: too many arguments for the exists test: it takes 1 "
           "positional argument\n"},
          {"one of none", "keep \"INBOX\";",
           "1:6 too-many-arguments: too many arguments for the keep command: it takes no "
           "positional arguments\n"},
          {"a number of none", "discard 1;",
           "1:9 too-many-arguments: too many arguments for the discard command: it takes no "
           "positional arguments\n"},
          {"name as written", "if HEADER \"a\" {}",
           "1:4 missing-argument: the HEADER test requires 2 positional arguments, but 1 was "
           "specified\n"},
      },
      extensions::DefaultRegistry());
}

TEST(CallValidatorTest, Comparators) {
  RunCases(
      {
          {"i;octet needs no require", "if header :comparator \"i;octet\" \"a\" \"b\" {}", ""},
          {"i;ascii-casemap needs no require",
           "if header :comparator \"i;ascii-casemap\" \"a\" \"b\" {}", ""},
          {"requiring a base comparator is allowed",
           "require [\"comparator-i;octet\", \"comparator-i;ascii-casemap\"];\n"
           "if header :comparator \"i;octet\" \"a\" \"b\" {}",
           ""},
          {"names are case-insensitive", "if header :comparator \"I;Octet\" \"a\" \"b\" {}", ""},
          {"unknown with a suggestion", "if header :comparator \"i;octett\" \"a\" \"b\" {}",
           "1:23 unknown-comparator: unknown comparator 'i;octett'\n"
           "  note: did you mean 'i;octet'?\n"},
          {"unknown without one", "if header :comparator \"i;basic\" \"a\" \"b\" {}",
           "1:23 unknown-comparator: unknown comparator 'i;basic'\n"},
      },
      extensions::DefaultRegistry());
}

// A registry with the RFC 5228 base plus made-up extensions that exercise
// what the base does not: a comparator without substring matching (RFC 5228
// section 2.7.3), one without equality, relational match types (RFC 5231),
// a tag another extension adds to a base command (:copy, RFC 3894), a
// command with typed tag parameters, and a match type with a key check.
const Registry& TestRegistry() {
  static const Registry* const registry = [] {
    auto* r = new Registry();
    extensions::RegisterCore(*r);
    r->Register({"comparator-i;ascii-numeric", false, false}, [](ExtensionBuilder& b) {
      b.Comparator("i;ascii-numeric", /*equality=*/true, /*substring=*/false, /*ordering=*/true);
    });
    r->Register({"comparator-x;order-only", false, false}, [](ExtensionBuilder& b) {
      b.Comparator("x;order-only", /*equality=*/false, /*substring=*/false, /*ordering=*/true);
    });
    r->Register({"relational", false, false}, [](ExtensionBuilder& b) {
      b.MatchType("value", ComparatorNeed::kOrdering, /*relational=*/true);
      b.MatchType("count", ComparatorNeed::kOrdering, /*relational=*/true);
    });
    r->Register({"copy", false, false}, [](ExtensionBuilder& b) { b.Tag("redirect", "copy"); });
    r->Register({"x-frob", false, false}, [](ExtensionBuilder& b) {
      CallSpec& frob = b.Command("frob");
      frob.positional = {{"reason", ArgType::kString}};
      frob.validate = [](ValidationContext& context, Call& call) {
        context.Report(diag::kUnusedValue, call.name_span, "frob's validate hook ran");
      };
      b.Tag("frob", "days", ArgType::kNumber, "a number of days");
      b.Tag("frob", "subject", ArgType::kString);
      b.Tag("frob", "addresses", ArgType::kStringList);
      b.Tag("frob", "fast", std::nullopt, {}, "speed");
      b.Tag("frob", "slow", std::nullopt, {}, "speed");
    });
    r->Register({"x-regex", false, false}, [](ExtensionBuilder& b) {
      b.MatchType("regex", ComparatorNeed::kSubstring, false,
                  [](ValidationContext& context, Call& call) {
                    for (const StringValue& key : call.positional.back().strings) {
                      if (key.text == "(") {
                        context.Report(diag::kInvalidValue, key.span, "unbalanced '('");
                      }
                    }
                  });
    });
    r->Finalize();
    return r;
  }();
  return *registry;
}

TEST(CallValidatorTest, ComparatorMatchTypeCompatibility) {
  // RFC 5228 section 2.7.1: "It is an error to use a comparator with
  // ":contains" or ":matches" that is not compatible with it."
  const std::string require = "require \"comparator-i;ascii-numeric\";\n";
  RunCases(
      {
          {":is is fine", require + "if header :is :comparator \"i;ascii-numeric\" \"a\" \"1\" {}",
           ""},
          {"default :is is fine",
           require + "if header :comparator \"i;ascii-numeric\" \"a\" \"1\" {}", ""},
          {":contains",
           require + "if header :contains :comparator \"i;ascii-numeric\" \"a\" \"1\" {}",
           "2:11 comparator-match-type: comparator 'i;ascii-numeric' does not support :contains "
           "matching\n"},
          {":matches after the comparator",
           require + "if header :comparator \"i;ascii-numeric\" :matches \"a\" \"1*\" {}",
           "2:41 comparator-match-type: comparator 'i;ascii-numeric' does not support :matches "
           "matching\n"},
          {"address test too",
           require + "if address :comparator \"i;ascii-numeric\" :contains \"to\" \"1\" {}",
           "2:42 comparator-match-type: comparator 'i;ascii-numeric' does not support :contains "
           "matching\n"},
          {"the default match type is blamed at the test's name",
           "require \"comparator-x;order-only\";\n"
           "if header :comparator \"x;order-only\" \"a\" \"1\" {}",
           "2:4 comparator-match-type: comparator 'x;order-only' does not support :is "
           "matching\n"},
          {"ordering match type with an ordering comparator",
           "require [\"relational\", \"comparator-x;order-only\"];\n"
           "if header :value \"lt\" :comparator \"x;order-only\" \"a\" \"1\" {}",
           ""},
      },
      TestRegistry());
}

TEST(CallValidatorTest, ExtensionComparatorsNeedRequire) {
  // RFC 5228 section 2.7.3: "If the comparator is not declared with require,
  // it is also an error, even if the comparator is supported."
  RunCases(
      {
          {"not required", "if header :comparator \"i;ascii-numeric\" \"a\" \"1\" {}",
           "1:23 missing-require: comparator 'i;ascii-numeric' needs the extension "
           "'comparator-i;ascii-numeric', which is not required\n"
           "  note: add 'require \"comparator-i;ascii-numeric\";' at the top of the script\n"},
          {"required",
           "require \"comparator-i;ascii-numeric\";\n"
           "if header :comparator \"i;ascii-numeric\" \"a\" \"1\" {}",
           ""},
      },
      TestRegistry());
}

TEST(CallValidatorTest, RelationalMatchTypes) {
  const std::string require = "require \"relational\";\n";
  RunCases(
      {
          {"value gt", require + "if header :value \"gt\" \"x-priority\" \"3\" {}", ""},
          {"count with the numeric comparator",
           "require [\"relational\", \"comparator-i;ascii-numeric\"];\n"
           "if header :count \"ge\" :comparator \"i;ascii-numeric\" \"received\" \"3\" {}",
           ""},
          {"unknown operator", require + "if header :value \"bigger\" \"x\" \"3\" {}",
           "2:18 invalid-value: 'bigger' is not a relational operator; use \"gt\", \"ge\", "
           "\"lt\", \"le\", \"eq\" or \"ne\"\n"},
          {"missing operator", require + "if header :value \"x\" {}",
           "2:4 missing-argument: the header test requires 2 positional arguments, but 0 were "
           "specified\n"},
          {"operator followed by a tag", require + "if header :count :is \"x\" \"1\" {}",
           "2:11 tag-argument-missing: the ':count' tag of the header test must be followed by "
           "a relational operator\n"},
          {"operator as a number", require + "if header :value 1 \"x\" \"1\" {}",
           "2:18 wrong-tag-parameter: the ':value' tag of the header test expects a string, but "
           "a number was found\n"},
          {"not required", "if header :value \"gt\" \"x\" \"3\" {}",
           "1:11 missing-require: tagged argument ':value' needs the extension 'relational', "
           "which is not required\n"
           "  note: add 'require \"relational\";' at the top of the script\n"},
          {"conflicts with :is", require + "if header :is :value \"gt\" \"x\" \"3\" {}",
           "2:15 conflicting-tags: tagged argument ':value' cannot be combined with ':is' in the "
           "header test\n"},
      },
      TestRegistry());
}

TEST(CallValidatorTest, RelationalOperatorIsStoredLowerCase) {
  FrontendResult r = CompileScript(
      "require \"relational\";\nif header :value \"GE\" \"x\" \"3\" {}", TestRegistry());
  ASSERT_TRUE(r.ok()) << testutil::Summarize(r);
  const Call& call = r.script.body[0].branches[0].condition.call;
  EXPECT_EQ(call.relational_op, "ge");
  EXPECT_EQ(call.match_type->tag->name, "value");
}

TEST(CallValidatorTest, TagsAddedByOtherExtensionsNeedRequire) {
  RunCases(
      {
          {"not required", "redirect :copy \"a@example.com\";",
           "1:10 missing-require: tagged argument ':copy' needs the extension 'copy', which is "
           "not required\n"
           "  note: add 'require \"copy\";' at the top of the script\n"},
          {"required", "require \"copy\";\nredirect :copy \"a@example.com\";", ""},
          {"not on keep", "require \"copy\";\nkeep :copy;",
           "2:6 unknown-tag: unknown tagged argument ':copy' for the keep command (it takes no "
           "tagged arguments)\n"},
      },
      TestRegistry());
}

TEST(CallValidatorTest, TypedTagParameters) {
  const std::string require = "require \"x-frob\";\n";
  const std::string hook_ran = "2:1 unused-value: frob's validate hook ran\n";
  RunCases(
      {
          {"all tags",
           require + "frob :days 3 :subject \"s\" :addresses [\"a\", \"b\"] :fast \"r\";",
           hook_ran},
          {"string fits a string list", require + "frob :addresses \"a\" \"r\";", hook_ran},
          {"string for a number", require + "frob :days \"3\" \"r\";",
           "2:12 wrong-tag-parameter: the ':days' tag of the frob command expects a number, but "
           "a string was found\n"},
          {"list for a string", require + "frob :subject [\"a\", \"b\"] \"r\";",
           "2:15 wrong-tag-parameter: the ':subject' tag of the frob command expects a string, "
           "but a string list was found\n"},
          {"parameter described", require + "frob :days;",
           "2:6 tag-argument-missing: the ':days' tag of the frob command must be followed by a "
           "number of days\n"},
          {"parameter type as the description", require + "frob :subject :fast \"r\";",
           "2:6 tag-argument-missing: the ':subject' tag of the frob command must be followed by "
           "a string\n"},
          {"own group conflict", require + "frob :fast :slow \"r\";",
           "2:12 conflicting-tags: tagged argument ':slow' cannot be combined with ':fast' in "
           "the frob command\n"},
          {"the hook does not run after a signature error", require + "frob;",
           "2:1 missing-argument: the frob command requires 1 positional argument, but 0 were "
           "specified\n"},
      },
      TestRegistry());
}

TEST(CallValidatorTest, MatchTypeValidateHookChecksKeys) {
  const std::string require = "require \"x-regex\";\n";
  RunCases(
      {
          {"good key", require + "if header :regex \"subject\" \"a+\" {}", ""},
          {"bad key", require + "if header :regex \"subject\" [\"a\", \"(\"] {}",
           "2:34 invalid-value: unbalanced '('\n"},
          {"not called for other match types", require + "if header :is \"subject\" \"(\" {}", ""},
      },
      TestRegistry());
}

TEST(CallValidatorTest, ResolvedCallHoldsTheMatchedArguments) {
  FrontendResult r = CompileScript(
      "if address :comparator \"i;octet\" :domain :contains [\"from\", \"sender\"] \"example\" {}");
  ASSERT_TRUE(r.ok()) << testutil::Summarize(r);
  const Call& call = r.script.body[0].branches[0].condition.call;
  EXPECT_EQ(call.spec->name, "address");
  EXPECT_EQ(call.name_span, (Span{3, 10}));
  ASSERT_EQ(call.tags.size(), 3u);  // in source order
  EXPECT_EQ(call.tags[0].spec->name, "comparator");
  ASSERT_TRUE(call.tags[0].param.has_value());
  EXPECT_EQ(call.tags[0].param->str(), "i;octet");
  // A tag's span covers its parameter.
  EXPECT_EQ(call.tags[0].span, (Span{11, 32}));
  EXPECT_EQ(call.tags[1].spec->name, "domain");
  EXPECT_EQ(call.tags[2].spec->name, "contains");
  EXPECT_EQ(call.comparator->name, "i;octet");
  EXPECT_EQ(call.match_type->tag->name, "contains");
  EXPECT_EQ(call.address_part->tag->name, "domain");
  ASSERT_EQ(call.positional.size(), 2u);
  EXPECT_EQ(call.positional[0].type, ArgType::kStringList);
  ASSERT_EQ(call.positional[0].strings.size(), 2u);
  EXPECT_EQ(call.positional[0].strings[0].text, "from");
  EXPECT_EQ(call.positional[0].strings[1].text, "sender");
  EXPECT_EQ(call.positional[1].strings[0].text, "example");
  EXPECT_TRUE(call.HasTag("domain"));
  EXPECT_FALSE(call.HasTag("all"));
}

TEST(CallValidatorTest, DefaultsAreFilledInOnlyForAcceptedGroups) {
  FrontendResult r = CompileScript(
      "if anyof (header \"a\" \"b\", address \"from\" \"c\", exists \"d\", size :over 1) {}");
  ASSERT_TRUE(r.ok()) << testutil::Summarize(r);
  const std::vector<ir::Test>& tests = r.script.body[0].branches[0].condition.children;
  ASSERT_EQ(tests.size(), 4u);
  const Call& header = tests[0].call;
  EXPECT_EQ(header.comparator->name, "i;ascii-casemap");
  EXPECT_EQ(header.match_type->tag->name, "is");
  EXPECT_EQ(header.address_part, nullptr);
  const Call& address = tests[1].call;
  EXPECT_EQ(address.comparator->name, "i;ascii-casemap");
  EXPECT_EQ(address.match_type->tag->name, "is");
  EXPECT_EQ(address.address_part->tag->name, "all");
  for (const ir::Test* t : {&tests[2], &tests[3]}) {
    EXPECT_EQ(t->call.comparator, nullptr);
    EXPECT_EQ(t->call.match_type, nullptr);
    EXPECT_EQ(t->call.address_part, nullptr);
  }
  EXPECT_EQ(tests[3].call.positional[0].number, 1u);
  EXPECT_TRUE(tests[3].call.HasTag("over"));
}

}  // namespace
}  // namespace sievekit::ir
