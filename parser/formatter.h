// Format: prints a syntax tree in sievekit's one canonical layout.
//
// The layout: one statement per line, blocks indented by four spaces,
// `} elsif ... {` and `} else {` joined, lower-case identifiers and tags,
// single spaces between arguments, test lists and string lists broken one
// item per line only when a statement would pass the line width, at most one
// blank line kept where the source had any, the source's line ending (LF or
// CRLF), and a final newline. Every comment is kept: on its own line before
// a statement, at the end of the line it ended, or inline where it sat.
//
// Formatting never changes meaning: string values, numbers (with their
// quantifier) and bracketing are preserved, so parse → format → parse gives
// the same tree up to trivia and identifier case, and formatting twice is the
// same as formatting once. It must only be given a tree without syntax errors.
#pragma once

#include <string>

#include "parser/syntax_tree.h"

namespace sievekit::syntax {

struct FormatOptions {
  int width = 100;
};

std::string Format(const SyntaxTree& tree, const FormatOptions& options = {});

}  // namespace sievekit::syntax
