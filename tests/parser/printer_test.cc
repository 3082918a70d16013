// Tests for parser/printer: lossless printing and per-command printing.
#include "parser/printer.h"

#include <gtest/gtest.h>

#include "parser/parser.h"
#include "parser/tree_verifier.h"

namespace sievekit::syntax {
namespace {

ParseResult ParseText(std::string text) {
  return Parse(std::make_shared<SourceFile>("t.sieve", std::move(text)));
}

TEST(PrinterTest, ReprintsEveryShapeExactly) {
  const std::string cases[] = {
      "",
      "   \n# only a comment",
      "keep;",
      "require [\"fileinto\", \"copy\"] ;\r\nfileinto :copy \"a\";\r\n",
      "if anyof ( header :is \"a\" \"b\" , not exists [\"x\"] ) { discard ; } # end\n",
      "if true {\n  if false { stop; }\n}\nelsif size :over 10K {keep;} else {}\n",
      "/* bracket\n comment */ vacation text: # c\nline\n..dot\n.\n;",
      "redirect\t\"a@b\"/*x*/;#tail",
  };
  for (const std::string& text : cases) {
    ParseResult r = ParseText(text);
    ASSERT_FALSE(r.diagnostics.has_errors()) << text;
    EXPECT_EQ(PrintLossless(r.tree), text);
    EXPECT_EQ(VerifyTree(r.tree), std::nullopt) << text;
  }
}

TEST(PrinterTest, PrintsOneCommandWithoutItsLeadingTrivia) {
  ParseResult r = ParseText("# lead\nif true { keep; # in\n }\nstop ;");
  ASSERT_EQ(r.tree.commands.size(), 2u);
  EXPECT_EQ(PrintCommand(r.tree, r.tree.commands[0]), "if true { keep; # in\n }");
  EXPECT_EQ(PrintCommand(r.tree, r.tree.commands[1]), "stop ;");
  EXPECT_EQ(PrintCommand(r.tree, r.tree.commands[0].block->commands[0]), "keep;");
}

}  // namespace
}  // namespace sievekit::syntax
