// Parse: Sieve source text → lossless syntax tree plus diagnostics.
//
// The parser checks only what RFC 5228 §8 defines (tokens and the generic
// grammar) and the size limits; whether a command exists or takes these
// arguments is the validator's business. It reports several errors per run,
// recovering at the next ';' or '}', and stops at the first error that leaves
// nothing sensible to parse (an unterminated string, comment or block, or
// nesting beyond the limit). It never throws for bad input.
#pragma once

#include <memory>

#include "common/diagnostic.h"
#include "common/limits.h"
#include "common/source_file.h"
#include "parser/syntax_tree.h"

namespace sievekit::syntax {

struct ParseResult {
  SyntaxTree tree;
  Diagnostics diagnostics;
  // False when parsing stopped before the end of the input (a fatal error or
  // the error cap); the tree then holds only what came before.
  bool complete = true;
};

ParseResult Parse(std::shared_ptr<const SourceFile> source, const Limits& limits = {});

}  // namespace sievekit::syntax
