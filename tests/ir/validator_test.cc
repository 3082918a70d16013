// Tests for ir/validator: the control structure of RFC 5228 section 3
// (require placement and shape, if/elsif/else chains, orphaned elsif/else,
// stop), the built-in tests (true, false, not, anyof, allof), missing
// `require` with the note that fixes it, unknown names with "did you mean"
// notes, commands used as tests and tests as commands, the missing-semicolon
// and missing-colon hints, host options, and the shape of the IR produced.
#include "ir/validator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extensions/all_extensions.h"
#include "ir/ir.h"
#include "parser/parser.h"
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

void RunCases(const std::vector<Case>& cases, const CompileOptions& options = {}) {
  for (const Case& c : cases) {
    EXPECT_EQ(CheckScript(c.script, extensions::DefaultRegistry(), options), c.expected)
        << c.name << "\n"
        << c.script;
  }
}

TEST(ValidatorTest, RequireShape) {
  RunCases({
      {"one string", "require \"fileinto\";", ""},
      {"a list", "require [\"fileinto\", \"envelope\"];", ""},
      {"twice the same", "require [\"fileinto\", \"fileinto\"];\nrequire \"fileinto\";", ""},
      {"several requires", "require \"fileinto\";\nrequire \"envelope\";\nkeep;", ""},
      {"no argument", "require;",
       "1:1 missing-argument: the require command requires 1 positional argument, but 0 were "
       "specified\n"},
      {"a number", "require 1;",
       "1:9 wrong-argument-type: the require command expects a string list as argument 1 "
       "(capabilities), but a number was found\n"},
      {"a tag", "require :fileinto;",
       "1:9 wrong-argument-type: the require command expects a string list as argument 1 "
       "(capabilities), but a tagged argument was found\n"},
      {"two arguments", "require \"fileinto\" \"envelope\";",
       "1:20 too-many-arguments: too many arguments for the require command: it takes 1 "
       "positional argument\n"},
      {"a test", "require \"fileinto\" true;",
       "1:20 unexpected-test: the require command accepts no tests, but a test was "
       "specified\n"},
      {"a block", "require \"fileinto\" { keep; }",
       "1:20 unexpected-block: the require command does not take a block; end it with ';'\n"},
  });
}

TEST(ValidatorTest, RequireNamesExtensions) {
  RunCases({
      {"unknown", "require \"x-unknown-thing\";",
       "1:9 unknown-extension: unsupported extension 'x-unknown-thing'\n"},
      {"typo", "require \"envelop\";",
       "1:9 unknown-extension: unsupported extension 'envelop'\n"
       "  note: did you mean 'envelope'?\n"},
      {"case matters (RFC 5228 section 6)", "require \"Fileinto\";",
       "1:9 unknown-extension: unsupported extension 'Fileinto'\n"
       "  note: did you mean 'fileinto'?\n"},
      {"each unknown name in a list", "require [\"a-one\", \"fileinto\", \"a-two\"];",
       "1:10 unknown-extension: unsupported extension 'a-one'\n"
       "1:31 unknown-extension: unsupported extension 'a-two'\n"},
      {"base commands need no require", "require \"redirect\";",
       "1:9 unknown-extension: unsupported extension 'redirect'\n"
       "  note: 'redirect' is part of the base language and needs no require\n"},
      {"base comparators may be required", "require \"comparator-i;octet\";", ""},
      {"empty name", "require \"\";", "1:9 unknown-extension: unsupported extension ''\n"},
  });
}

TEST(ValidatorTest, RequirePlacement) {
  // RFC 5228 section 3.2: "The require command, if present, MUST be used
  // before anything other than a require can be used."
  RunCases({
      {"after a command", "keep;\nrequire \"fileinto\";",
       "2:1 require-not-first: 'require' must come before every other command\n"},
      {"after an if", "if true {}\nrequire \"fileinto\";",
       "2:1 require-not-first: 'require' must come before every other command\n"},
      {"after a command that failed", "kep;\nrequire \"fileinto\";",
       "1:1 unknown-command: unknown command 'kep'\n"
       "  note: did you mean 'keep'?\n"
       "2:1 require-not-first: 'require' must come before every other command\n"},
      {"a late require still enables its extension",
       "keep;\nrequire \"fileinto\";\n"
       "fileinto \"x\";",
       "2:1 require-not-first: 'require' must come before every other command\n"},
      {"inside a block", "if true {\n  require \"fileinto\";\n}",
       "2:3 require-in-block: 'require' is only allowed at the top level\n"},
      {"inside a block enables nothing", "if true {\n  require \"fileinto\";\n  fileinto \"x\";\n}",
       "2:3 require-in-block: 'require' is only allowed at the top level\n"
       "3:3 missing-require: command 'fileinto' needs the extension 'fileinto', which is not "
       "required\n"
       "  note: add 'require \"fileinto\";' at the top of the script\n"},
      {"comments before require are fine", "# rules\n/* more */\nrequire \"fileinto\";", ""},
  });
}

TEST(ValidatorTest, MissingRequire) {
  // RFC 5228 section 2.10.5: an extension not enabled with require is
  // treated as if it were not supported at all.
  RunCases({
      {"command", "fileinto \"x\";",
       "1:1 missing-require: command 'fileinto' needs the extension 'fileinto', which is not "
       "required\n"
       "  note: add 'require \"fileinto\";' at the top of the script\n"},
      {"test", "if envelope \"from\" \"a@b\" {}",
       "1:4 missing-require: test 'envelope' needs the extension 'envelope', which is not "
       "required\n"
       "  note: add 'require \"envelope\";' at the top of the script\n"},
      {"name as registered, not as written", "FILEINTO \"x\";",
       "1:1 missing-require: command 'fileinto' needs the extension 'fileinto', which is not "
       "required\n"
       "  note: add 'require \"fileinto\";' at the top of the script\n"},
      {"each use", "fileinto \"a\";\nfileinto \"b\";",
       "1:1 missing-require: command 'fileinto' needs the extension 'fileinto', which is not "
       "required\n"
       "  note: add 'require \"fileinto\";' at the top of the script\n"
       "2:1 missing-require: command 'fileinto' needs the extension 'fileinto', which is not "
       "required\n"
       "  note: add 'require \"fileinto\";' at the top of the script\n"},
      {"another extension required", "require \"envelope\";\nfileinto \"x\";",
       "2:1 missing-require: command 'fileinto' needs the extension 'fileinto', which is not "
       "required\n"
       "  note: add 'require \"fileinto\";' at the top of the script\n"},
      {"required", "require \"fileinto\";\nfileinto \"x\";", ""},
  });
}

TEST(ValidatorTest, UnknownNames) {
  RunCases({
      {"command typo", "kepp;",
       "1:1 unknown-command: unknown command 'kepp'\n  note: did you mean 'keep'?\n"},
      {"command transposition", "dsicard;",
       "1:1 unknown-command: unknown command 'dsicard'\n  note: did you mean 'discard'?\n"},
      {"command needing require", "filinto \"x\";",
       "1:1 unknown-command: unknown command 'filinto'\n"
       "  note: did you mean 'fileinto'?\n"
       "  note: 'fileinto' needs 'require \"fileinto\";'\n"},
      {"command needing require that is required", "require \"fileinto\";\nfilinto \"x\";",
       "2:1 unknown-command: unknown command 'filinto'\n  note: did you mean 'fileinto'?\n"},
      {"control command typo", "if true {} elseif true {}",
       "1:12 unknown-command: unknown command 'elseif'\n  note: did you mean 'elsif'?\n"},
      {"stop typo", "stpo;",
       "1:1 unknown-command: unknown command 'stpo'\n"
       "  note: did you mean 'stop'?\n"},
      {"nothing close", "xyzzy \"away\";", "1:1 unknown-command: unknown command 'xyzzy'\n"},
      {"test typo", "if heder \"a\" \"b\" {}",
       "1:4 unknown-test: unknown test 'heder'\n  note: did you mean 'header'?\n"},
      {"test needing require", "if envelop \"from\" \"x\" {}",
       "1:4 unknown-test: unknown test 'envelop'\n"
       "  note: did you mean 'envelope'?\n"
       "  note: 'envelope' needs 'require \"envelope\";'\n"},
      {"built-in test typo", "if ture {}",
       "1:4 unknown-test: unknown test 'ture'\n  note: did you mean 'true'?\n"},
      {"anyof typo", "if anyoff (true) {}",
       "1:4 unknown-test: unknown test 'anyoff'\n  note: did you mean 'anyof'?\n"},
      {"unknown command's block is still checked", "frobnicate { kepp; }",
       "1:1 unknown-command: unknown command 'frobnicate'\n"
       "1:14 unknown-command: unknown command 'kepp'\n"
       "  note: did you mean 'keep'?\n"},
  });
}

TEST(ValidatorTest, CommandsAndTestsInTheWrongPlace) {
  RunCases({
      {"test as command", "exists \"x\";",
       "1:1 test-used-as-command: cannot use test 'exists' as a command\n"},
      {"built-in test as command", "true;",
       "1:1 test-used-as-command: cannot use test 'true' as a command\n"},
      {"anyof as command", "anyof (true);",
       "1:1 test-used-as-command: cannot use test 'anyof' as a command\n"},
      {"test needing require as command", "envelope \"from\" \"x\";",
       "1:1 test-used-as-command: cannot use test 'envelope' as a command\n"},
      {"command as test", "if keep {}",
       "1:4 command-used-as-test: cannot use command 'keep' as a test\n"},
      {"control command as test", "if if true {}",
       "1:4 command-used-as-test: cannot use command 'if' as a test\n"},
      {"stop as test", "if stop {}",
       "1:4 command-used-as-test: cannot use command 'stop' as a test\n"},
      {"require as test", "if require \"x\" {}",
       "1:4 command-used-as-test: cannot use command 'require' as a test\n"},
      {"command as nested test", "if not discard {}",
       "1:8 command-used-as-test: cannot use command 'discard' as a test\n"},
  });
}

TEST(ValidatorTest, IfChains) {
  RunCases({
      {"if", "if true { keep; }", ""},
      {"if elsif else", "if false { keep; } elsif true { discard; } else { stop; }", ""},
      {"many elsifs", "if false {} elsif false {} elsif false {} elsif true {}", ""},
      {"nested chains", "if true { if false {} else {} } else { if true {} elsif false {} }", ""},
      {"comments between", "if true {}\n# c\nelsif false {} /* c */ else {}", ""},
      {"no test", "if { keep; }", "1:1 missing-test: the if command requires a test\n"},
      {"elsif without test", "if true {} elsif {}",
       "1:12 missing-test: the elsif command requires a test\n"},
      {"test list", "if (true, false) {}",
       "1:5 missing-test: the if command requires a single test, not a test list (use anyof "
       "or allof)\n"},
      {"one-test list", "if (true) {}",
       "1:5 missing-test: the if command requires a single test, not a test list (use anyof "
       "or allof)\n"},
      {"no block", "if true;", "1:1 missing-block: the if command requires a block { ... }\n"},
      {"elsif without block", "if true {} elsif false;",
       "1:12 missing-block: the elsif command requires a block { ... }\n"},
      {"else without block", "if true {} else;",
       "1:12 missing-block: the else command requires a block { ... }\n"},
      {"argument to if", "if \"x\" true {}",
       "1:4 too-many-arguments: too many arguments for the if command: it takes no "
       "arguments\n"},
      {"argument to else", "if true {} else \"x\" {}",
       "1:17 too-many-arguments: too many arguments for the else command: it takes no "
       "arguments\n"},
      {"test on else", "if true {} else true {}",
       "1:17 unexpected-test: the else command accepts no tests, but a test was specified\n"},
      {"else if", "if true {} else if false {}",
       "1:17 unexpected-test: the else command accepts no tests, but a test was specified\n"
       "  note: write 'elsif' instead of 'else if'\n"},
      {"errors in every branch", "if kepp {} elsif true { kepp; } else { kepp; }",
       "1:4 unknown-test: unknown test 'kepp'\n"
       "1:25 unknown-command: unknown command 'kepp'\n  note: did you mean 'keep'?\n"
       "1:40 unknown-command: unknown command 'kepp'\n  note: did you mean 'keep'?\n"},
  });
}

TEST(ValidatorTest, OrphanElsifAndElse) {
  // RFC 5228 section 3.1: "an elsif or else MUST only follow an if or
  // elsif. An error occurs if these conditions are not met."
  RunCases({
      {"else at the start", "else { keep; }",
       "1:1 else-without-if: 'else' is not preceded by 'if' or 'elsif'\n"},
      {"elsif at the start", "elsif true { keep; }",
       "1:1 else-without-if: 'elsif' is not preceded by 'if' or 'elsif'\n"},
      {"after another command", "if true {}\nkeep;\nelse {}",
       "3:1 else-without-if: 'else' is not preceded by 'if' or 'elsif'\n"},
      {"elsif after else", "if true {} else {} elsif true {}",
       "1:20 else-without-if: 'elsif' is not preceded by 'if' or 'elsif'\n"},
      {"else after else", "if true {} else {} else {}",
       "1:20 else-without-if: 'else' is not preceded by 'if' or 'elsif'\n"},
      {"a run of orphans gets one error", "keep;\nelsif true {}\nelsif true {}\nelse {}",
       "2:1 else-without-if: 'elsif' is not preceded by 'if' or 'elsif'\n"},
      {"a new orphan after another command", "elsif true {}\nkeep;\nelse {}",
       "1:1 else-without-if: 'elsif' is not preceded by 'if' or 'elsif'\n"
       "3:1 else-without-if: 'else' is not preceded by 'if' or 'elsif'\n"},
      {"the orphan's body is still checked", "else { kepp; }",
       "1:1 else-without-if: 'else' is not preceded by 'if' or 'elsif'\n"
       "1:8 unknown-command: unknown command 'kepp'\n  note: did you mean 'keep'?\n"},
      {"else in a block does not follow an if outside", "if true { else {} }",
       "1:11 else-without-if: 'else' is not preceded by 'if' or 'elsif'\n"},
      {"case-insensitive", "IF true {} ELSE {}", ""},
  });
}

TEST(ValidatorTest, Stop) {
  RunCases({
      {"plain", "stop;", ""},
      {"in a block", "if true { stop; }", ""},
      {"argument", "stop \"now\";",
       "1:6 too-many-arguments: too many arguments for the stop command: it takes no "
       "arguments\n"},
      {"number", "stop 1;",
       "1:6 too-many-arguments: too many arguments for the stop command: it takes no "
       "arguments\n"},
      {"test", "stop true;",
       "1:6 unexpected-test: the stop command accepts no tests, but a test was specified\n"},
      {"block", "stop { keep; }",
       "1:6 unexpected-block: the stop command does not take a block; end it with ';'\n"},
      {"argument and block: both", "stop \"x\" { keep; }",
       "1:6 too-many-arguments: too many arguments for the stop command: it takes no "
       "arguments\n"
       "1:10 unexpected-block: the stop command does not take a block; end it with ';'\n"},
  });
}

TEST(ValidatorTest, BuiltInTests) {
  RunCases({
      {"true and false", "if true {} if false {}", ""},
      {"not", "if not true {}", ""},
      {"not not", "if not not false {}", ""},
      {"anyof", "if anyof (true, false) {}", ""},
      {"allof of one", "if allof (true) {}", ""},
      {"nested", "if anyof (not allof (true, false), exists \"x\") {}", ""},
      {"case-insensitive", "if AnyOf (NOT TRUE) {}", ""},
      {"argument to true", "if true \"x\" {}",
       "1:9 too-many-arguments: too many arguments for the true test: it takes no "
       "arguments\n"},
      {"sub-test of false", "if false true {}",
       "1:10 unexpected-test: the false test accepts no sub-tests, but a sub-test was "
       "specified\n"},
      {"not without a test", "if not {}",
       "1:4 missing-test: the not test requires a single test\n"},
      {"not with a list", "if not (true, false) {}",
       "1:9 missing-test: the not test requires a single test\n"},
      {"anyof without a list", "if anyof true {}",
       "1:10 missing-test: the anyof test requires a test list in parentheses\n"},
      {"allof without anything", "if allof {}",
       "1:4 missing-test: the allof test requires a test list in parentheses\n"},
      {"argument to anyof", "if anyof \"x\" (true) {}",
       "1:10 too-many-arguments: too many arguments for the anyof test: it takes no "
       "arguments\n"},
      {"errors inside lists", "if anyof (kepp, hedaer \"a\" \"b\") {}",
       "1:11 unknown-test: unknown test 'kepp'\n"
       "1:17 unknown-test: unknown test 'hedaer'\n  note: did you mean 'header'?\n"},
  });
}

TEST(ValidatorTest, RegisteredCallsTakeNoTestsOrBlocks) {
  RunCases({
      {"sub-test of a registered test", "if exists \"x\" true {}",
       "1:15 unexpected-test: the exists test accepts no sub-tests, but a sub-test was "
       "specified\n"},
      {"test on an action", "keep true;",
       "1:6 unexpected-test: the keep command accepts no tests, but a test was specified\n"},
      {"test list on an action", "discard (true, false);",
       "1:10 unexpected-test: the discard command accepts no tests, but a test was "
       "specified\n"},
      {"block on an action", "keep { stop; }",
       "1:6 unexpected-block: the keep command does not take a block; end it with ';'\n"},
      {"a wrong call is not also blamed for its test", "keep 1 true;",
       "1:6 too-many-arguments: too many arguments for the keep command: it takes no "
       "positional arguments\n"},
      {"nor for a command after it", "keep 1 discard;",
       "1:6 too-many-arguments: too many arguments for the keep command: it takes no "
       "positional arguments\n"},
      // A name that is no test or command at all is an error of its own.
      {"but a test that does not exist is reported", "if exists :is e \"to\" {}",
       "1:11 unknown-tag: unknown tagged argument ':is' for the exists test (it takes no tagged "
       "arguments)\n"
       "1:15 unknown-test: unknown test 'e'\n"},
  });
}

TEST(ValidatorTest, MissingSemicolonHint) {
  RunCases({
      {"between actions", "keep\ndiscard;",
       "1:5 missing-semicolon: missing semicolon after the keep command\n"},
      {"after arguments", "require \"fileinto\";\nfileinto \"a\"\nstop;",
       "2:13 missing-semicolon: missing semicolon after the fileinto command\n"},
      {"before an unknown command", "keep\nfoo;",
       "1:5 missing-semicolon: missing semicolon after the keep command\n"},
      // A known test after an action reads as a misplaced test, not as a
      // forgotten ';'.
      {"before a test name", "keep\nexists \"x\";",
       "2:1 unexpected-test: the keep command accepts no tests, but a test was specified\n"},
  });
}

// The ';' forgotten after `require` or `stop` is the same mistake as after
// any other command and deserves the same hint (the following command
// becomes their "test").
TEST(ValidatorTest, MissingSemicolonAfterRequireAndStop) {
  RunCases({
      {"after require", "require \"fileinto\"\nfileinto \"a\";",
       "1:19 missing-semicolon: missing semicolon after the require command\n"},
      {"after stop", "if true {\n  stop\n  keep;\n}",
       "2:7 missing-semicolon: missing semicolon after the stop command\n"},
  });
}

TEST(ValidatorTest, MissingColonHint) {
  RunCases({
      {"header match type", "if header contains \"subject\" \"x\" {}",
       "1:4 missing-argument: the header test requires 2 positional arguments, but 0 were "
       "specified\n"
       "1:11 missing-colon: missing colon before the 'contains' tag of the header test\n"},
      {"size relation", "if size over 1M {}",
       "1:4 missing-argument: the size test requires 1 positional argument, but 0 were "
       "specified\n"
       "1:9 missing-colon: missing colon before the 'over' tag of the size test\n"},
      {"after other tags", "if address :domain is \"from\" \"x\" {}",
       "1:4 missing-argument: the address test requires 2 positional arguments, but 0 were "
       "specified\n"
       "1:20 missing-colon: missing colon before the 'is' tag of the address test\n"},
  });
}

TEST(ValidatorTest, HostOptions) {
  CompileOptions no_fileinto;
  no_fileinto.disabled_extensions = {"fileinto"};
  RunCases(
      {
          // fileinto is an extension the host turned off, not part of the base
          // language, so no note may say it "needs no require".
          {"a disabled extension is unknown", "require \"fileinto\";",
           "1:9 unknown-extension: unsupported extension 'fileinto'\n"},
          {"and its command too", "fileinto \"x\";",
           "1:1 unknown-command: unknown command 'fileinto'\n"},
          {"others are unaffected", "require \"envelope\";", ""},
      },
      no_fileinto);
}

TEST(ValidatorTest, ErrorCap) {
  std::string script;
  for (int i = 0; i < 30; ++i) script += "kepp;\n";
  CompileOptions options;
  options.limits.max_errors = 5;
  FrontendResult r = CompileScript(script, extensions::DefaultRegistry(), options);
  ASSERT_EQ(r.diagnostics.all().size(), 6u);
  EXPECT_TRUE(r.diagnostics.has_errors());
  EXPECT_TRUE(r.diagnostics.capped());
  EXPECT_EQ(r.diagnostics.all().back().id(), "too-many-errors");
  EXPECT_EQ(r.tree.source->Locate(r.diagnostics.all().back().span.begin).line, 5u);
}

TEST(ValidatorTest, ValidateDirectlyOnAParsedTree) {
  auto source = std::make_shared<const SourceFile>(
      "t.sieve", "require \"fileinto\";\nif size :over 1K { fileinto \"big\"; stop; }\n");
  syntax::ParseResult parsed = syntax::Parse(source);
  ASSERT_FALSE(parsed.diagnostics.has_errors());
  Diagnostics diagnostics;
  Script script = Validate(parsed.tree, extensions::DefaultRegistry(), {}, diagnostics);
  EXPECT_TRUE(diagnostics.all().empty()) << Summarize(*source, diagnostics);
  EXPECT_EQ(script.source, source);
  ASSERT_EQ(script.required.size(), 1u);
  EXPECT_EQ(script.required[0]->name, "fileinto");
  EXPECT_TRUE(script.Requires("fileinto"));
  EXPECT_FALSE(script.Requires("envelope"));
  ASSERT_EQ(script.body.size(), 1u);  // require is not a statement
}

TEST(ValidatorTest, IrShapeOfControlFlow) {
  FrontendResult r = CompileScript(
      "require [\"fileinto\", \"envelope\", \"fileinto\"];\n"
      "if header :is \"x\" \"y\" { keep; }\n"
      "elsif not true { discard; stop; }\n"
      "else { fileinto \"z\"; }\n"
      "stop;\n");
  ASSERT_TRUE(r.ok()) << Summarize(r);
  const Script& s = r.script;
  ASSERT_EQ(s.required.size(), 2u);  // in order of first require, once each
  EXPECT_EQ(s.required[0]->name, "fileinto");
  EXPECT_EQ(s.required[1]->name, "envelope");
  ASSERT_EQ(s.body.size(), 2u);

  const Statement& chain = s.body[0];
  EXPECT_EQ(chain.kind, Statement::Kind::kIf);
  ASSERT_EQ(chain.branches.size(), 2u);
  EXPECT_EQ(chain.branches[0].condition.kind, ir::Test::Kind::kCall);
  EXPECT_EQ(chain.branches[0].condition.call.spec->name, "header");
  ASSERT_EQ(chain.branches[0].body.size(), 1u);
  EXPECT_EQ(chain.branches[0].body[0].call.spec->name, "keep");
  EXPECT_EQ(chain.branches[1].condition.kind, ir::Test::Kind::kNot);
  ASSERT_EQ(chain.branches[1].condition.children.size(), 1u);
  EXPECT_EQ(chain.branches[1].condition.children[0].kind, ir::Test::Kind::kTrue);
  ASSERT_EQ(chain.branches[1].body.size(), 2u);
  EXPECT_EQ(chain.branches[1].body[1].kind, Statement::Kind::kStop);
  ASSERT_TRUE(chain.else_body.has_value());
  ASSERT_EQ(chain.else_body->size(), 1u);
  EXPECT_EQ((*chain.else_body)[0].call.spec->name, "fileinto");
  EXPECT_EQ((*chain.else_body)[0].call.positional[0].str(), "z");
  // The chain's span runs from "if" to the else block's '}'.
  const SourceFile& src = *r.tree.source;
  EXPECT_EQ(src.Locate(chain.span.begin), (LineColumn{2, 1}));
  EXPECT_EQ(src.Locate(chain.span.end), (LineColumn{4, 23}));

  EXPECT_EQ(s.body[1].kind, Statement::Kind::kStop);
}

TEST(ValidatorTest, IfWithoutElseHasNoElseBody) {
  FrontendResult r = CompileScript("if true {}");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.script.body[0].else_body.has_value());
  EXPECT_TRUE(r.script.body[0].branches[0].body.empty());
}

}  // namespace
}  // namespace sievekit::ir
