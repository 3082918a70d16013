// Consistency checks of the lossless syntax tree (see tree_verifier.h).
#include "parser/tree_verifier.h"

#include <vector>

#include <fmt/format.h>

namespace sievekit::syntax {
namespace {

class Verifier {
 public:
  explicit Verifier(const SyntaxTree& tree) : tree_(tree), owned_(tree.tokens.size(), 0) {}

  std::optional<std::string> Run() {
    if (auto e = CheckTiling()) return e;
    for (const Command& c : tree_.commands) Visit(c);
    if (error_) return error_;
    for (uint32_t i = 0; i < tree_.tokens.size(); ++i) {
      const TokenKind k = tree_.tokens[i].kind;
      const bool payload = k == TokenKind::kIdentifier || k == TokenKind::kTag ||
                           k == TokenKind::kNumber || k == TokenKind::kQuotedString ||
                           k == TokenKind::kMultiLineString;
      if (payload && owned_[i] != 1) {
        return fmt::format("token {} ({}) is owned {} times", i, TokenKindName(k), owned_[i]);
      }
    }
    return std::nullopt;
  }

 private:
  std::optional<std::string> CheckTiling() {
    uint32_t at = 0;
    size_t next_trivia = 0;
    for (uint32_t i = 0; i < tree_.tokens.size(); ++i) {
      const Token& t = tree_.tokens[i];
      if (t.first_trivia != next_trivia) {
        return fmt::format("token {} claims trivia from {}, expected {}", i, t.first_trivia,
                           next_trivia);
      }
      while (next_trivia < tree_.trivia.size() && tree_.trivia[next_trivia].span.begin < t.span.begin) {
        const Span s = tree_.trivia[next_trivia].span;
        if (s.begin != at) return fmt::format("gap or overlap at byte {} (trivia)", at);
        at = s.end;
        ++next_trivia;
      }
      if (t.span.begin != at) return fmt::format("gap or overlap at byte {} (token {})", at, i);
      at = t.span.end;
    }
    if (tree_.tokens.empty() || tree_.tokens.back().kind != TokenKind::kEnd) {
      return std::string("missing end token");
    }
    if (at != tree_.source->text().size()) return fmt::format("tree ends at byte {}", at);
    return std::nullopt;
  }

  void Own(uint32_t token, TokenRange within) {
    if (token < within.first || token > within.last) {
      error_ = fmt::format("token {} lies outside its node [{}, {}]", token, within.first,
                           within.last);
      return;
    }
    ++owned_[token];
  }

  void VisitArguments(const std::vector<Argument>& arguments, const std::vector<Test>& tests,
                      TokenRange within) {
    for (const Argument& a : arguments) {
      if (a.tokens.first < within.first || a.tokens.last > within.last) {
        error_ = "argument outside its node";
      }
      if (a.kind == Argument::Kind::kStringList) {
        for (const StringLiteral& s : a.strings) Own(s.token, a.tokens);
      } else {
        Own(a.tokens.first, a.tokens);
      }
    }
    for (const Test& t : tests) {
      if (t.tokens.first < within.first || t.tokens.last > within.last) {
        error_ = "test outside its node";
      }
      Own(t.identifier_token, t.tokens);
      VisitArguments(t.arguments, t.tests, t.tokens);
    }
  }

  void Visit(const Command& c) {
    Own(c.identifier_token, c.tokens);
    VisitArguments(c.arguments, c.tests, c.tokens);
    if (c.block) {
      for (const Command& inner : c.block->commands) Visit(inner);
    }
  }

  const SyntaxTree& tree_;
  std::vector<int> owned_;
  std::optional<std::string> error_;
};

}  // namespace

std::optional<std::string> VerifyTree(const SyntaxTree& tree) { return Verifier(tree).Run(); }

}  // namespace sievekit::syntax
