// DumpTree: a compact, deterministic S-expression view of a syntax tree, for
// table-driven tests and golden files. Trivia are not shown; strings are
// quoted with C-style escapes. Example:
//   (require ["fileinto"])
//   (if (header :is "Sender" "x") {(fileinto "filter")})
#pragma once

#include <string>

#include "parser/syntax_tree.h"

namespace sievekit::syntax {

// One line per top-level command.
std::string DumpTree(const SyntaxTree& tree);
std::string DumpCommand(const Command& command);

}  // namespace sievekit::syntax
