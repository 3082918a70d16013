// Tests for ir/frontend: parse-then-validate in one call. Syntax errors and
// validation errors come out together, sorted by position; a parse that
// gave up early (a fatal error or the error cap) is not validated, while one
// that recovered is; options reach both stages; the result keeps the tree,
// the source and (when valid) the IR.
#include "ir/frontend.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "extensions/all_extensions.h"
#include "parser/tree_dump.h"
#include "tests/ir/compile_for_test.h"

namespace sievekit::ir {
namespace {

using testutil::CheckScript;
using testutil::CompileScript;
using testutil::Summarize;

TEST(FrontendTest, ValidScript) {
  auto source = std::make_shared<const SourceFile>("ok.sieve",
                                                   "require \"fileinto\";\n"
                                                   "fileinto \"x\";\n");
  FrontendResult r = RunFrontend(source, extensions::DefaultRegistry());
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.diagnostics.all().empty());
  EXPECT_EQ(r.tree.source, source);
  EXPECT_EQ(r.script.source, source);
  EXPECT_EQ(syntax::DumpTree(r.tree), "(require \"fileinto\")\n(fileinto \"x\")\n");
  ASSERT_EQ(r.script.body.size(), 1u);
}

TEST(FrontendTest, EmptyScriptIsValid) {
  // An empty script is valid (RFC 5228: the implicit keep); the "empty
  // script" warning is sievec's, not the front end's.
  FrontendResult r = CompileScript("");
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.diagnostics.all().empty());
  EXPECT_TRUE(r.script.body.empty());
}

TEST(FrontendTest, RecoveredSyntaxErrorsAreValidatedToo) {
  // The parser recovers at ';' after the first error, so the validator still
  // sees (and reports) the unknown command on line 3; both come out in
  // source order.
  EXPECT_EQ(CheckScript("kepp;\nkeep \"a\" [;\ndiscrad;\n"),
            "1:1 unknown-command: unknown command 'kepp'\n"
            "  note: did you mean 'keep'?\n"
            "2:11 expected: expected a string, found ';'\n"
            "3:1 unknown-command: unknown command 'discrad'\n"
            "  note: did you mean 'discard'?\n");
}

TEST(FrontendTest, FatalSyntaxErrorsStopValidation) {
  // An unterminated string ends parsing; the unknown command before it is
  // not reported, since validating a partial tree would mislead.
  EXPECT_EQ(CheckScript("kepp;\nkeep \"abc\n"),
            "2:6 unterminated-string: missing terminating '\"' of string\n");
  FrontendResult r = CompileScript("kepp;\nkeep \"abc\n");
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.script.body.empty());
}

TEST(FrontendTest, WarningsAloneAreOk) {
  FrontendResult r = CompileScript("keep; # caf\xE9\n");
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(Summarize(r), "1:12 invalid-utf8-comment: comment is not valid UTF-8\n");
  EXPECT_EQ(r.diagnostics.warning_count(), 1u);
}

TEST(FrontendTest, LimitsReachTheParser) {
  CompileOptions options;
  options.limits.max_block_depth = 2;
  EXPECT_EQ(CheckScript("if true { if true { if true { keep; } } }", extensions::DefaultRegistry(),
                        options),
            "1:29 block-nesting-too-deep: blocks are nested deeper than the limit of 2 "
            "(max_block_depth)\n");
  options = {};
  options.limits.max_script_size = 10;
  EXPECT_EQ(CheckScript("keep; keep; keep;", extensions::DefaultRegistry(), options),
            "1:1 script-too-large: script is 17 bytes, more than the limit of 10 bytes "
            "(max_script_size)\n");
}

TEST(FrontendTest, ParserErrorCapSkipsValidation) {
  CompileOptions options;
  options.limits.max_errors = 3;
  std::string script = "kepp;\n";
  for (int i = 0; i < 5; ++i) script += "@;\n";
  FrontendResult r = CompileScript(script, extensions::DefaultRegistry(), options);
  // Three errors and the too-many-errors note; the typo is never reached.
  ASSERT_EQ(r.diagnostics.all().size(), 4u) << Summarize(r);
  EXPECT_EQ(r.diagnostics.all().back().id(), "too-many-errors");
  for (const Diagnostic& d : r.diagnostics.all()) EXPECT_NE(d.id(), "unknown-command");
}

TEST(FrontendTest, DiagnosticsAreSortedByPosition) {
  FrontendResult r = CompileScript("if true {\n  kepp;\n}\nkeep \"x\" [;\nstop;\n");
  ASSERT_EQ(r.diagnostics.all().size(), 2u) << Summarize(r);
  EXPECT_LT(r.diagnostics.all()[0].span.begin, r.diagnostics.all()[1].span.begin);
}

}  // namespace
}  // namespace sievekit::ir
