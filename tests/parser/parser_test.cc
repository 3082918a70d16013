// Tests for parser/parser: the RFC 5228 §8 grammar, lexical decoding,
// limits, error messages and recovery.
#include "parser/parser.h"

#include <gtest/gtest.h>

#include "common/diagnostic_render.h"
#include "parser/tree_dump.h"
#include "parser/tree_verifier.h"

namespace sievekit::syntax {
namespace {

ParseResult ParseText(std::string text, const Limits& limits = {}) {
  return Parse(std::make_shared<SourceFile>("t.sieve", std::move(text)), limits);
}

std::string Errors(const ParseResult& r) {
  return RenderText(*r.tree.source, r.diagnostics);
}

struct TreeCase {
  std::string_view name;
  std::string input;
  std::string dump;
};

TEST(ParserTest, BuildsTheGenericTree) {
  const TreeCase cases[] = {
      {"empty", "", ""},
      {"command", "keep;", "(keep)\n"},
      {"identifiers keep their case", "KeEp;", "(KeEp)\n"},
      {"single string", "fileinto \"a\";", "(fileinto \"a\")\n"},
      {"string list", "require [\"a\",\"b\" , \"c\"];", "(require [\"a\",\"b\",\"c\"])\n"},
      {"one-element list", "require [\"a\"];", "(require [\"a\"])\n"},
      {"tags and numbers", "if size :over 100 {}", "(if (size :over 100) {})\n"},
      {"quantifiers", "x 1K 2m 3G 0;", "(x 1024 2097152 3221225472 0)\n"},
      {"test list", "if anyof(true, false) {}", "(if (anyof ((true) (false))) {})\n"},
      {"nested tests", "if not not exists \"x\" {}", "(if (not (not (exists \"x\"))) {})\n"},
      {"blocks nest", "if true { if false { stop; } keep; }",
       "(if (true) {(if (false) {(stop)}) (keep)})\n"},
      {"elsif else", "if true {} elsif false {} else {}",
       "(if (true) {})\n(elsif (false) {})\n(else {})\n"},
      {"command with test and no block", "x y;", "(x (y))\n"},
      {"escapes", R"(x "a\"b\\c\d";)", "(x \"a\\\"b\\\\cd\")\n"},
      {"crlf inside quoted string", "x \"a\r\nb\";", "(x \"a\\r\\nb\")\n"},
      // RFC 5228 §8.1: lines end with CRLF; a bare LF of the file is one.
      {"bare lf inside quoted string", "x \"a\nb\";", "(x \"a\\r\\nb\")\n"},
      {"multi-line", "x text:\nline 1\n..dot\n.x\n.\n;",
       "(x \"line 1\\r\\n.dot\\r\\n.x\\r\\n\")\n"},
      {"multi-line crlf and comment", "x text: # c\r\nA\r\n.\r\n;", "(x \"A\\r\\n\")\n"},
      {"multi-line mixed line endings", "x text:\nA\r\nB\n.\n;", "(x \"A\\r\\nB\\r\\n\")\n"},
      {"multi-line keyword case", "x TEXT:\nA\n.\n;", "(x \"A\\r\\n\")\n"},
      {"empty multi-line", "x text:\n.\n;", "(x \"\")\n"},
      {"comments everywhere", "/*a*/x/*b*/\"s\"/*c*/;#d\n", "(x \"s\")\n"},
      {"hash comment at end without newline", "keep; # bye", "(keep)\n"},
      {"underscore identifier", "_x_1 :_t;", "(_x_1 :_t)\n"},
      {"tag directly after identifier", "header:is \"a\" \"b\";", "(header :is \"a\" \"b\")\n"},
      {"utf-8 string", "x \"caf\xC3\xA9\";", "(x \"caf\xC3\xA9\")\n"},
      {"largest number", "x 18446744073709551615;", "(x 18446744073709551615)\n"},
  };
  for (const TreeCase& c : cases) {
    ParseResult r = ParseText(c.input);
    EXPECT_FALSE(r.diagnostics.has_errors()) << c.name << "\n" << Errors(r);
    EXPECT_TRUE(r.complete) << c.name;
    EXPECT_EQ(DumpTree(r.tree), c.dump) << c.name;
    EXPECT_EQ(VerifyTree(r.tree), std::nullopt) << c.name;
  }
}

struct ErrorCase {
  std::string_view name;
  std::string input;
  std::string_view id;
  uint32_t line;
  uint32_t column;
  std::string_view message;  // empty: not checked
};

TEST(ParserTest, ReportsErrorsWhereTheyAre) {
  const ErrorCase cases[] = {
      {"missing semicolon at end", "keep", "expected", 1, 5, "expected ';', found end of file"},
      {"missing semicolon before brace", "if true { keep }", "expected", 1, 16,
       "expected ';', found '}'"},
      {"string as command", "\"x\";", "expected", 1, 1, "expected a command, found string"},
      {"empty string list", "require [];", "expected", 1, 10, "expected a string, found ']'"},
      {"unclosed list", "require [\"a\" \"b\"];", "expected", 1, 14,
       "expected ',' or ']', found string"},
      {"empty test list", "if anyof() {}", "expected", 1, 10, "expected a test, found ')'"},
      {"test list missing comma", "if anyof(true; false) {}", "expected", 1, 14,
       "expected ',' or ')', found ';'"},
      {"unterminated string", "keep;\nx \"abc", "unterminated-string", 2, 3, ""},
      {"unterminated comment", "keep; /* abc", "unterminated-comment", 1, 7, ""},
      {"unterminated multi-line", "x text:\nabc\n", "unterminated-multi-line", 1, 3, ""},
      {"garbage after text:", "x text: abc\nA\n.\n;", "multi-line-start", 1, 9, ""},
      {"missing close brace", "if true {\n keep;\n", "missing-close-brace", 3, 1, ""},
      {"stray close brace", "keep; }", "unmatched-close-brace", 1, 7, ""},
      {"number overflow", "x 18446744073709551616;", "number-overflow", 1, 3, ""},
      {"quantified overflow", "x 17179869184G;", "number-overflow", 1, 3, ""},
      {"number glued to identifier", "x 10Kb;", "missing-whitespace", 1, 6, ""},
      {"nul byte", std::string("keep;\0", 6), "nul-byte", 1, 6, ""},
      {"lone carriage return", "keep;\rstop;", "stray-carriage-return", 1, 6, ""},
      {"unexpected character", "keep; @", "unexpected-character", 1, 7,
       "unexpected character '@'"},
      {"non-ascii character", "keep; \xC3\xA9", "unexpected-character", 1, 7,
       "unexpected character '\xC3\xA9' (U+00E9)"},
      {"invalid byte", "keep; \xFF", "unexpected-character", 1, 7, "unexpected byte 0xFF"},
      {"colon without identifier", "x : ;", "expected", 1, 3, "expected ';', found ':'"},
      {"missing semicolon at end of line", "if true { keep\n}", "expected", 1, 15,
       "expected ';', found '}'"},
  };
  for (const ErrorCase& c : cases) {
    ParseResult r = ParseText(c.input);
    ASSERT_TRUE(r.diagnostics.has_errors()) << c.name;
    const Diagnostic& d = r.diagnostics.all().front();
    const LineColumn at = r.tree.source->Locate(d.span.begin);
    EXPECT_EQ(d.id(), c.id) << c.name << "\n" << Errors(r);
    EXPECT_EQ(at.line, c.line) << c.name << "\n" << Errors(r);
    EXPECT_EQ(at.column, c.column) << c.name << "\n" << Errors(r);
    if (!c.message.empty()) {
      EXPECT_EQ(d.message, c.message) << c.name;
    }
  }
}

TEST(ParserTest, InvalidUtf8InStringsIsOnlyAWarning) {
  // RFC 5228 §2.4.2: implementations MUST accept strings that are not UTF-8.
  ParseResult r = ParseText("x \"\xFF\";");
  EXPECT_FALSE(r.diagnostics.has_errors());
  ASSERT_EQ(r.diagnostics.warning_count(), 1u);
  EXPECT_EQ(r.diagnostics.all()[0].id(), "invalid-utf8");
  EXPECT_EQ(r.diagnostics.all()[0].message, "the string is not valid UTF-8");
  EXPECT_EQ(DumpTree(r.tree), "(x \"\xff\")\n");
}

TEST(ParserTest, RecoversAndReportsSeveralErrors) {
  ParseResult r = ParseText(
      "keep\n"
      "fileinto \"a\";\n"
      "if true { discard }\n"
      "\"junk\" ;\n"
      "stop;\n");
  // keep's missing ';' swallows the next line as its test, so three errors.
  ASSERT_EQ(r.diagnostics.error_count(), 2u) << Errors(r);
  EXPECT_EQ(r.tree.source->Locate(r.diagnostics.all()[0].span.begin).line, 3u);
  EXPECT_EQ(r.tree.source->Locate(r.diagnostics.all()[1].span.begin).line, 4u);
  EXPECT_EQ(DumpTree(r.tree), "(keep (fileinto \"a\"))\n(if (true) {})\n(stop)\n");
}

TEST(ParserTest, RecoveryDoesNotSeeSeparatorsInsideStringsOrComments) {
  ParseResult r = ParseText("x \"a;}\" [ /* ; } */ \"b;\" ;\nkeep;\n");
  ASSERT_EQ(r.diagnostics.error_count(), 1u) << Errors(r);
  EXPECT_EQ(DumpTree(r.tree), "(keep)\n");
}

TEST(ParserTest, StopsAtTheErrorCap) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "@;\n";
  Limits limits;
  limits.max_errors = 5;
  ParseResult r = ParseText(text, limits);
  // Five errors, then the note that there may have been more.
  ASSERT_EQ(r.diagnostics.all().size(), 6u);
  EXPECT_EQ(r.diagnostics.all().back().id(), "too-many-errors");
  EXPECT_GE(r.diagnostics.error_count(), 5u);  // counted, even when not kept
  EXPECT_TRUE(r.diagnostics.capped());
  EXPECT_FALSE(r.complete);
}

TEST(ParserTest, NestingLimitsAreErrorsAndParsingGoesOn) {
  Limits limits;
  limits.max_block_depth = 10;
  limits.max_test_depth = 5;
  std::string blocks;
  for (int i = 0; i < 11; ++i) blocks += "if true {";
  blocks += "stop;";
  for (int i = 0; i < 11; ++i) blocks += "}";
  ParseResult r = ParseText(blocks + "\nkeep;\n", limits);
  ASSERT_EQ(r.diagnostics.error_count(), 1u) << Errors(r);
  EXPECT_EQ(r.diagnostics.all().front().id(), "block-nesting-too-deep");
  EXPECT_TRUE(r.complete);
  // The innermost allowed block lost its too-deep command; the rest stands.
  EXPECT_EQ(DumpTree(r.tree).substr(DumpTree(r.tree).rfind('\n', DumpTree(r.tree).size() - 2) + 1),
            "(keep)\n");

  std::string tests = "if ";
  for (int i = 0; i < 6; ++i) tests += "not ";
  tests += "true {}\nif anyof(anyof(anyof(anyof(anyof(anyof(true)))))) {}\nkeep;";
  r = ParseText(tests, limits);
  ASSERT_EQ(r.diagnostics.error_count(), 2u) << Errors(r);
  EXPECT_EQ(r.diagnostics.all()[0].id(), "test-nesting-too-deep");
  EXPECT_EQ(r.diagnostics.all()[1].id(), "test-nesting-too-deep");
  EXPECT_EQ(DumpTree(r.tree), "(keep)\n");

  // Exactly at the limit is fine.
  r = ParseText("if not not not not true { if true { keep; } }", limits);
  EXPECT_FALSE(r.diagnostics.has_errors()) << Errors(r);
}

TEST(ParserTest, HostileNestingCannotOverflowTheStack) {
  // A million open braces or nots: the default limits stop them long before
  // the stack would run out.
  ParseResult r = ParseText(std::string(1'000'000, '{'));
  EXPECT_TRUE(r.diagnostics.has_errors());
  std::string ifs;
  for (int i = 0; i < 100'000; ++i) ifs += "if true {";
  r = ParseText(ifs);
  EXPECT_EQ(r.diagnostics.all().front().id(), "block-nesting-too-deep");
  std::string nots = "if ";
  for (int i = 0; i < 200'000; ++i) nots += "not ";
  r = ParseText(nots + "true {}");
  EXPECT_EQ(r.diagnostics.all().front().id(), "test-nesting-too-deep");
  std::string anyofs = "if ";
  for (int i = 0; i < 150'000; ++i) anyofs += "anyof(";
  r = ParseText(anyofs);
  EXPECT_EQ(r.diagnostics.all().front().id(), "test-nesting-too-deep");
}

TEST(ParserTest, SizeLimits) {
  Limits limits;
  limits.max_script_size = 10;
  EXPECT_EQ(ParseText("keep; keep; keep;", limits).diagnostics.all().front().id(),
            "script-too-large");

  limits = Limits{};
  limits.max_string_length = 3;
  EXPECT_EQ(ParseText("x \"abcd\";", limits).diagnostics.all().front().id(), "string-too-long");

  limits = Limits{};
  limits.max_list_length = 2;
  ParseResult r = ParseText("x [\"a\", \"b\", \"c\", \"d\"];", limits);
  EXPECT_EQ(r.diagnostics.error_count(), 1u);
  EXPECT_EQ(r.diagnostics.all().front().id(), "list-too-long");
  r = ParseText("if anyof(true, true, true) {}", limits);
  EXPECT_EQ(r.diagnostics.all().front().id(), "list-too-long");
}

TEST(ParserTest, RecordsTriviaAndTokenSpans) {
  ParseResult r = ParseText("# c\nkeep /* b */ ;\n");
  ASSERT_EQ(r.tree.tokens.size(), 3u);  // keep ; end
  EXPECT_EQ(r.tree.tokens[0].kind, TokenKind::kIdentifier);
  EXPECT_EQ(r.tree.tokens[0].span, (Span{4, 8}));
  ASSERT_EQ(r.tree.trivia.size(), 5u);
  EXPECT_EQ(r.tree.trivia[0].kind, TriviaKind::kHashComment);
  EXPECT_EQ(r.tree.trivia[0].span, (Span{0, 4}));
  EXPECT_EQ(r.tree.trivia[2].kind, TriviaKind::kBracketComment);
  EXPECT_EQ(r.tree.LeadingTrivia(1), (Span{8, 17}));
  const auto [first, last] = r.tree.LeadingTriviaPieces(1);
  EXPECT_EQ(last - first, 3);
}

}  // namespace
}  // namespace sievekit::syntax
