// Splitting a script into prologue, rule chunks and epilogue.
#include "editor/script_split.h"

#include <string_view>

#include "editor/markers.h"
#include "ir/registry.h"

namespace sievekit::editor {
namespace {

bool IsNamed(const syntax::Command& c, std::string_view name) {
  return ir::AsciiLower(c.name) == name;
}

// A rule editor's marker: a hash comment, or SnappyMail's filter header.
bool IsMarker(const syntax::SyntaxTree& tree, const syntax::Trivia& t) {
  switch (t.kind) {
    case syntax::TriviaKind::kHashComment:
      return ReadMarker(tree.Text(t.span)).has_value();
    case syntax::TriviaKind::kBracketComment:
      return ReadFilterHeader(tree.Text(t.span)).has_value();
    case syntax::TriviaKind::kWhitespace:
      return false;
  }
  return false;
}

// Whether a marker comment is among the trivia before `token`.
bool HasMarkerBefore(const syntax::SyntaxTree& tree, uint32_t token) {
  const auto [first, last] = tree.LeadingTriviaPieces(token);
  for (const syntax::Trivia* t = first; t != last; ++t) {
    if (IsMarker(tree, *t)) return true;
  }
  return false;
}

// In the trivia before the first rule's statement: the end of the last blank
// line that comes before any marker comment, or `from` when there is none.
// Only positions inside white space are candidates, so the cut never falls
// inside a comment.
uint32_t BlankLineSplit(const syntax::SyntaxTree& tree, uint32_t token, uint32_t from) {
  const std::string_view text = tree.source->text();
  uint32_t split = from;
  const auto [first, last] = tree.LeadingTriviaPieces(token);
  for (const syntax::Trivia* t = first; t != last; ++t) {
    if (IsMarker(tree, *t)) break;
    if (t->kind != syntax::TriviaKind::kWhitespace) continue;
    for (uint32_t q = t->span.begin; q < t->span.end; ++q) {
      if (text[q] != '\n' || q + 1 <= from) continue;
      uint32_t line_start = q;
      while (line_start > 0 && text[line_start - 1] != '\n') --line_start;
      bool blank = true;
      for (uint32_t k = line_start; k < q; ++k) {
        if (text[k] != ' ' && text[k] != '\t' && text[k] != '\r') blank = false;
      }
      // A line of nothing but white space lies within white space trivia.
      if (blank && line_start >= from) split = q + 1;
    }
  }
  return split;
}

}  // namespace

uint32_t EndOfStatementLine(const syntax::SyntaxTree& tree, uint32_t last_token) {
  const uint32_t token_end = tree.tokens[last_token].span.end;
  if (last_token + 1 >= tree.tokens.size()) return token_end;
  const std::string_view text = tree.source->text();
  const auto [first, last] = tree.LeadingTriviaPieces(last_token + 1);
  for (const syntax::Trivia* t = first; t != last; ++t) {
    switch (t->kind) {
      case syntax::TriviaKind::kWhitespace:
        for (uint32_t q = t->span.begin; q < t->span.end; ++q) {
          if (text[q] == '\n') return q + 1;
        }
        break;
      case syntax::TriviaKind::kHashComment:
        return t->span.end;
      case syntax::TriviaKind::kBracketComment:
        if (tree.Text(t->span).find('\n') != std::string_view::npos) return token_end;
        break;
    }
  }
  return token_end;
}

ScriptSplit SplitScript(const syntax::SyntaxTree& tree) {
  ScriptSplit out;
  const auto size = static_cast<uint32_t>(tree.source->text().size());
  const std::vector<syntax::Command>& commands = tree.commands;
  size_t i = 0;
  while (i < commands.size() && IsNamed(commands[i], "require")) {
    out.requires_.push_back(&commands[i]);
    ++i;
  }
  uint32_t cursor = 0;
  if (!out.requires_.empty()) cursor = EndOfStatementLine(tree, out.requires_.back()->tokens.last);
  if (i < commands.size()) {
    cursor = BlankLineSplit(tree, commands[i].tokens.first, cursor);
  }
  out.prologue = {0, cursor};

  while (i < commands.size()) {
    Chunk chunk;
    chunk.commands.push_back(&commands[i]);
    const bool is_if = IsNamed(commands[i], "if");
    ++i;
    if (is_if) {
      while (i < commands.size() && (IsNamed(commands[i], "elsif") || IsNamed(commands[i], "else"))) {
        chunk.commands.push_back(&commands[i]);
        ++i;
      }
    } else if (!IsNamed(*chunk.commands[0], "elsif") && !IsNamed(*chunk.commands[0], "else")) {
      // A run of plain commands is one rule (Roundcube writes a rule for
      // all messages without `if`), until an `if` or a marker comment.
      while (i < commands.size() && !IsNamed(commands[i], "if") &&
             !IsNamed(commands[i], "elsif") && !IsNamed(commands[i], "else") &&
             !HasMarkerBefore(tree, commands[i].tokens.first)) {
        chunk.commands.push_back(&commands[i]);
        ++i;
      }
    }
    const uint32_t last_token = chunk.commands.back()->tokens.last;
    chunk.statement = {tree.tokens[chunk.commands.front()->tokens.first].span.begin,
                       tree.tokens[last_token].span.end};
    const uint32_t end = EndOfStatementLine(tree, last_token);
    chunk.span = {cursor, end};
    cursor = end;
    out.chunks.push_back(std::move(chunk));
  }
  out.epilogue = {cursor, size};
  return out;
}

}  // namespace sievekit::editor
