// Trivia lookups and token kind names for the syntax tree.
#include "parser/syntax_tree.h"

namespace sievekit::syntax {

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kIdentifier: return "identifier";
    case TokenKind::kTag: return "tag";
    case TokenKind::kNumber: return "number";
    case TokenKind::kQuotedString: return "quoted-string";
    case TokenKind::kMultiLineString: return "multi-line";
    case TokenKind::kLeftBracket: return "[";
    case TokenKind::kRightBracket: return "]";
    case TokenKind::kLeftParen: return "(";
    case TokenKind::kRightParen: return ")";
    case TokenKind::kComma: return ",";
    case TokenKind::kLeftBrace: return "{";
    case TokenKind::kRightBrace: return "}";
    case TokenKind::kSemicolon: return ";";
    case TokenKind::kEnd: return "end";
  }
  return "?";
}

Span SyntaxTree::LeadingTrivia(uint32_t token_index) const {
  const uint32_t begin = token_index == 0 ? 0 : tokens[token_index - 1].span.end;
  return {begin, tokens[token_index].span.begin};
}

std::pair<const Trivia*, const Trivia*> SyntaxTree::LeadingTriviaPieces(
    uint32_t token_index) const {
  const uint32_t first = tokens[token_index].first_trivia;
  const uint32_t last = token_index + 1 < tokens.size() ? tokens[token_index + 1].first_trivia
                                                        : static_cast<uint32_t>(trivia.size());
  return {trivia.data() + first, trivia.data() + last};
}

}  // namespace sievekit::syntax
