// VerifyTree: checks that a syntax tree accounts for its source exactly —
// tokens and trivia tile the input without gaps or overlaps, and every
// identifier, tag, number and string token belongs to exactly one node whose
// token range encloses it. Used by tests and fuzzers; a failure is a parser
// bug, never a user error.
#pragma once

#include <optional>
#include <string>

#include "parser/syntax_tree.h"

namespace sievekit::syntax {

// Returns a description of the first inconsistency, or nullopt.
std::optional<std::string> VerifyTree(const SyntaxTree& tree);

}  // namespace sievekit::syntax
