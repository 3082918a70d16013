// Tests for editor/script_split: prologue, chunks and epilogue tile the
// script exactly, in the places the rule layer needs.
#include "editor/script_split.h"

#include <gtest/gtest.h>

#include "parser/parser.h"

namespace sievekit::editor {
namespace {

struct Parts {
  std::string prologue;
  std::vector<std::string> chunks;
  std::vector<std::string> statements;
  std::string epilogue;
};

Parts Split(const std::string& text) {
  syntax::ParseResult r = syntax::Parse(std::make_shared<SourceFile>("t", text));
  EXPECT_FALSE(r.diagnostics.has_errors()) << text;
  const ScriptSplit s = SplitScript(r.tree);
  const auto slice = [&](Span span) { return text.substr(span.begin, span.end - span.begin); };
  Parts p;
  p.prologue = slice(s.prologue);
  for (const Chunk& c : s.chunks) {
    p.chunks.push_back(slice(c.span));
    p.statements.push_back(slice(c.statement));
  }
  p.epilogue = slice(s.epilogue);
  std::string joined = p.prologue;
  for (const std::string& c : p.chunks) joined += c;
  EXPECT_EQ(joined + p.epilogue, text);
  return p;
}

TEST(ScriptSplitTest, CutsScriptsIntoRules) {
  const struct {
    std::string text;
    Parts parts;
  } cases[] = {
      {"", {"", {}, {}, ""}},
      {"# only comments\n", {"", {}, {}, "# only comments\n"}},
      {"require \"fileinto\";\n", {"require \"fileinto\";\n", {}, {}, ""}},
      // Roundcube: markers right after require.
      {"require [\"fileinto\"];\n# rule:[a]\nif true\n{\n\tkeep;\n}\n# rule:[b]\ndiscard;\n",
       {"require [\"fileinto\"];\n",
        {"# rule:[a]\nif true\n{\n\tkeep;\n}\n", "# rule:[b]\ndiscard;\n"},
        {"if true\n{\n\tkeep;\n}", "discard;"},
        ""}},
      // Blank lines after require go to the prologue; later ones stay with their rule.
      {"require \"x\";\n\n\n# rule:[a]\nkeep;\n\n# rule:[b]\nstop;\n\n# end\n",
       {"require \"x\";\n\n\n", {"# rule:[a]\nkeep;\n", "\n# rule:[b]\nstop;\n"}, {"keep;", "stop;"},
        "\n# end\n"}},
      // Header comments without require: up to the last blank line.
      {"# Sieve filter\n# by hand\n\n# first\nkeep;\n",
       {"# Sieve filter\n# by hand\n\n", {"# first\nkeep;\n"}, {"keep;"}, ""}},
      // The trailing comment of a line belongs to its rule.
      {"keep; # why\nstop;/* same line */ # and more\r\n",
       {"", {"keep; # why\nstop;/* same line */ # and more\r\n"}, {"keep; # why\nstop;"}, ""}},
      // elsif and else stay with their if; a run of commands is one rule.
      {"if true { keep; }\nelsif false { stop; } else { discard; }\nfileinto \"a\";\nkeep;\n",
       {"",
        {"if true { keep; }\nelsif false { stop; } else { discard; }\n", "fileinto \"a\";\nkeep;\n"},
        {"if true { keep; }\nelsif false { stop; } else { discard; }", "fileinto \"a\";\nkeep;"},
        ""}},
      // A marker starts a new rule inside a run of commands.
      {"keep;\n# Filter: x\nstop;\n",
       {"", {"keep;\n", "# Filter: x\nstop;\n"}, {"keep;", "stop;"}, ""}},
      // SnappyMail's filter header (base64 of {"Name":"a"}) is a marker too:
      // the prologue ends before it, and it starts a new rule.
      {"require \"x\";\n\n/*\nBEGIN:FILTER:1\nBEGIN:HEADER\neyJOYW1lIjoiYSJ9\nEND:HEADER\n*/\n\n"
       "keep;\n/*\nBEGIN:FILTER:2\nBEGIN:HEADER\neyJOYW1lIjoiYSJ9\nEND:HEADER\n*/\nstop;\n",
       {"require \"x\";\n\n",
        {"/*\nBEGIN:FILTER:1\nBEGIN:HEADER\neyJOYW1lIjoiYSJ9\nEND:HEADER\n*/\n\nkeep;\n",
         "/*\nBEGIN:FILTER:2\nBEGIN:HEADER\neyJOYW1lIjoiYSJ9\nEND:HEADER\n*/\nstop;\n"},
        {"keep;", "stop;"},
        ""}},
      // Statements on one line: the cut is right after the first.
      {"keep; if true { stop; }", {"", {"keep;", " if true { stop; }"}, {"keep;", "if true { stop; }"}, ""}},
      // A bracket comment over several lines does not end the line.
      {"stop; /* a\nb */ keep;\n", {"", {"stop; /* a\nb */ keep;\n"}, {"stop; /* a\nb */ keep;"}, ""}},
      // No final line break.
      {"require \"x\"; keep;", {"require \"x\";", {" keep;"}, {"keep;"}, ""}},
  };
  for (const auto& c : cases) {
    const Parts p = Split(c.text);
    EXPECT_EQ(p.prologue, c.parts.prologue) << c.text;
    EXPECT_EQ(p.chunks, c.parts.chunks) << c.text;
    EXPECT_EQ(p.statements, c.parts.statements) << c.text;
    EXPECT_EQ(p.epilogue, c.parts.epilogue) << c.text;
  }
}

TEST(ScriptSplitTest, EndOfStatementLine) {
  const std::string text = "keep;   # c\nstop;\t\r\nredirect \"a\";";
  syntax::ParseResult r = syntax::Parse(std::make_shared<SourceFile>("t", text));
  ASSERT_EQ(r.tree.commands.size(), 3u);
  EXPECT_EQ(EndOfStatementLine(r.tree, r.tree.commands[0].tokens.last), 12u);
  EXPECT_EQ(EndOfStatementLine(r.tree, r.tree.commands[1].tokens.last), 20u);
  EXPECT_EQ(EndOfStatementLine(r.tree, r.tree.commands[2].tokens.last), text.size());
}

}  // namespace
}  // namespace sievekit::editor
