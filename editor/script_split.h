// Cutting a parsed script into the byte ranges the rule layer works with:
//
//   prologue   leading `require` commands (and comments before them) up to the
//              end of the last one's line, plus the blank lines that separate
//              them from the first rule;
//   chunks     one per rule: the comments and blank lines before it, its
//              statement (an `if` with its `elsif`/`else` chain, or a run of
//              other commands until a marker comment starts the next rule),
//              and the rest of its last line (a trailing comment, the line end);
//   epilogue   whatever follows the last rule.
//
// The ranges tile the source exactly, so concatenating them gives the file
// back byte for byte; every cut is between tokens, never inside a token or a
// comment, so each chunk parses on its own. Nothing here interprets what a
// statement means.
#pragma once

#include <cstdint>
#include <vector>

#include "common/span.h"
#include "parser/syntax_tree.h"

namespace sievekit::editor {

struct Chunk {
  std::vector<const syntax::Command*> commands;  // the rule's top-level commands
  Span span;       // the whole chunk
  Span statement;  // from the first command's first byte to the last one's last
};

struct ScriptSplit {
  std::vector<const syntax::Command*> requires_;  // the leading require commands
  Span prologue;
  std::vector<Chunk> chunks;
  Span epilogue;
};

ScriptSplit SplitScript(const syntax::SyntaxTree& tree);

// The end of the line a token is on, when only white space, a `#` comment or
// one-line bracket comments follow it there; else the token's end.
uint32_t EndOfStatementLine(const syntax::SyntaxTree& tree, uint32_t last_token);

}  // namespace sievekit::editor
