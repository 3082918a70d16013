// Template parsing and expansion for RuntimeString (RFC 5229 §3).
#include "vm/string_template.h"

#include <algorithm>

namespace sievekit::vm {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Parses the inside of "${...}" (without the braces). Returns false when it
// is not a well-formed variable-ref.
bool ParseReference(std::string_view inside, RuntimeString::Piece* piece) {
  if (inside.empty()) return false;
  // Split at dots: namespace parts then the variable name.
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= inside.size(); ++i) {
    if (i == inside.size() || inside[i] == '.') {
      parts.push_back(inside.substr(start, i - start));
      start = i + 1;
    }
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string_view p = parts[i];
    if (p.empty()) return false;
    const bool numeric = std::all_of(p.begin(), p.end(), IsDigit);
    // The first component of a namespace must be an identifier; later ones
    // and the name may be numbers (sub-namespace = variable-name ".").
    if (numeric && i == 0 && parts.size() > 1) return false;
    if (!numeric && !IsIdentifier(p)) return false;
  }
  if (parts.size() == 1 && std::all_of(parts[0].begin(), parts[0].end(), IsDigit)) {
    piece->kind = RuntimeString::Piece::Kind::kMatch;
    uint64_t value = 0;
    for (char c : parts[0]) {
      value = value * 10 + static_cast<uint64_t>(c - '0');
      if (value > 1000000) break;  // far past any capture; stays out of range
    }
    piece->index = static_cast<uint32_t>(value);
    return true;
  }
  piece->kind = RuntimeString::Piece::Kind::kVariable;
  piece->text = Lower(parts.back());
  std::string ns;
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (i > 0) ns += '.';
    ns += Lower(parts[i]);
  }
  piece->ns = std::move(ns);
  return true;
}

}  // namespace

bool IsIdentifier(std::string_view name) {
  if (name.empty() || !IsAlpha(name[0])) return false;
  for (char c : name) {
    if (!IsAlpha(c) && !IsDigit(c)) return false;
  }
  return true;
}

RuntimeString RuntimeString::Constant(std::string text) {
  RuntimeString s;
  s.constant_ = std::move(text);
  return s;
}

RuntimeString RuntimeString::Template(std::string_view text) {
  RuntimeString s;
  s.constant_ = std::string(text);
  std::string literal;
  size_t i = 0;
  bool any_reference = false;
  while (i < text.size()) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      const size_t close = text.find('}', i + 2);
      Piece piece;
      // A nested "${" before the '}' means this one is not a reference
      // ("${BAD${Company}" keeps "${BAD" and expands the inner one).
      if (close != std::string_view::npos &&
          text.substr(i + 2, close - i - 2).find("${") == std::string_view::npos &&
          ParseReference(text.substr(i + 2, close - i - 2), &piece)) {
        if (!literal.empty()) {
          s.pieces_.push_back(Piece{Piece::Kind::kLiteral, std::move(literal), {}, 0});
          literal.clear();
        }
        s.pieces_.push_back(std::move(piece));
        any_reference = true;
        i = close + 1;
        continue;
      }
    }
    literal += text[i++];
  }
  if (!any_reference) {
    s.pieces_.clear();
    return s;
  }
  if (!literal.empty()) s.pieces_.push_back(Piece{Piece::Kind::kLiteral, std::move(literal), {}, 0});
  return s;
}

std::vector<std::string> RuntimeString::Namespaces() const {
  std::vector<std::string> out;
  for (const Piece& p : pieces_) {
    if (p.kind == Piece::Kind::kVariable && !p.ns.empty()) out.push_back(p.ns);
  }
  return out;
}

std::string_view RuntimeString::Expand(const VariableSource& variables,
                                       std::string* scratch) const {
  if (pieces_.empty()) return constant_;
  scratch->clear();
  for (const Piece& p : pieces_) {
    switch (p.kind) {
      case Piece::Kind::kLiteral: *scratch += p.text; break;
      case Piece::Kind::kVariable: *scratch += variables.Variable(p.ns, p.text); break;
      case Piece::Kind::kMatch: *scratch += variables.MatchVariable(p.index); break;
    }
  }
  return *scratch;
}

}  // namespace sievekit::vm
