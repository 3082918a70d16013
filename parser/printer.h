// Printing a syntax tree back to source text.
//
// PrintLossless re-emits every token with the trivia before it, so an
// unmodified tree prints as the exact input bytes. PrintCommand re-emits one
// statement's own bytes (for the rule editor, which moves and keeps untouched
// statements). Neither reformats anything; the formatter does that.
#pragma once

#include <string>

#include "parser/syntax_tree.h"

namespace sievekit::syntax {

std::string PrintLossless(const SyntaxTree& tree);

// The bytes from the first to the last token of `range`, with the trivia
// between them but not the trivia before the first token.
std::string PrintTokens(const SyntaxTree& tree, TokenRange range);

// The exact source of one command, from its identifier to its ';' or '}'.
inline std::string PrintCommand(const SyntaxTree& tree, const Command& command) {
  return PrintTokens(tree, command.tokens);
}

}  // namespace sievekit::syntax
