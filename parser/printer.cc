// Lossless printing: tokens and their leading trivia, in order.
#include "parser/printer.h"

namespace sievekit::syntax {

std::string PrintLossless(const SyntaxTree& tree) {
  std::string out;
  out.reserve(tree.source->text().size());
  for (uint32_t i = 0; i < tree.tokens.size(); ++i) {
    const auto [first, last] = tree.LeadingTriviaPieces(i);
    for (const Trivia* t = first; t != last; ++t) out += tree.Text(t->span);
    out += tree.Text(tree.tokens[i]);
  }
  return out;
}

std::string PrintTokens(const SyntaxTree& tree, TokenRange range) {
  std::string out;
  for (uint32_t i = range.first; i <= range.last && i < tree.tokens.size(); ++i) {
    if (i != range.first) {
      const auto [first, last] = tree.LeadingTriviaPieces(i);
      for (const Trivia* t = first; t != last; ++t) out += tree.Text(t->span);
    }
    out += tree.Text(tree.tokens[i]);
  }
  return out;
}

}  // namespace sievekit::syntax
