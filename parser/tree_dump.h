// DumpTree: a compact, deterministic S-expression view of a syntax tree, for
// table-driven tests and golden files. Trivia are not shown; strings are
// quoted with C-style escapes. Example:
//   (require ["fileinto"])
//   (if (header :is "Sender" "x") {(fileinto "filter")})
#pragma once

#include <string>

#include "parser/syntax_tree.h"

namespace sievekit::syntax {

struct DumpOptions {
  // Identifiers and tags are case-insensitive; lower-casing them makes dumps
  // of equivalent scripts compare equal.
  bool lower_case_names = false;
};

// One line per top-level command.
std::string DumpTree(const SyntaxTree& tree, const DumpOptions& options = {});
std::string DumpCommand(const Command& command, const DumpOptions& options = {});

}  // namespace sievekit::syntax
