// The canonical layout (see formatter.h): builds a Doc from the syntax tree,
// placing each comment by the trivia it came from, then renders it.
#include "parser/formatter.h"

#include <cctype>
#include <optional>

#include "parser/doc.h"
#include "parser/string_literal.h"

namespace sievekit::syntax {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

size_t CountNewlines(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += c == '\n' ? 1 : 0;
  return n;
}

// A comment's text without its line ending and trailing blanks.
std::string CommentText(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ' ||
                           text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

class Formatter {
 public:
  Formatter(const SyntaxTree& tree, const FormatOptions& options)
      : tree_(tree), options_(options), consumed_(tree.trivia.size(), false) {
    // The line ending is the first one between tokens (a string may hold
    // others); without any, the first one anywhere.
    auto ending_of = [](std::string_view text) -> std::optional<std::string> {
      const size_t lf = text.find('\n');
      if (lf == std::string_view::npos) return std::nullopt;
      return (lf > 0 && text[lf - 1] == '\r') ? "\r\n" : "\n";
    };
    std::optional<std::string> ending;
    for (const Trivia& t : tree.trivia) {
      if ((ending = ending_of(tree.Text(t.span)))) break;
    }
    newline_ = ending ? *ending : ending_of(tree.source->text()).value_or("\n");
  }

  std::string Run() {
    Doc doc = Statements(tree_.commands);
    // Comments after the last statement.
    const auto end = static_cast<uint32_t>(tree_.tokens.size() - 1);
    Doc tail = LeadingComments(end, /*blank_lines=*/!tree_.commands.empty());
    if (!tail.empty()) {
      if (!tree_.commands.empty()) doc += Doc::HardLine();
      doc += std::move(tail);
    }
    std::string out = doc.Render(options_.width, "    ", newline_);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    if (!out.empty()) out += newline_;
    return out;
  }

 private:
  Span TriviaSpan(size_t i) const { return tree_.trivia[i].span; }

  // Comments before a statement's first token, each on its own line; a blank
  // line in the source is kept as one blank line when `blank_lines` allows
  // it. With `trailing_break` the result ends in a newline (before the
  // statement); without, it ends after the last comment (before a '}').
  Doc LeadingComments(uint32_t token, bool blank_lines, bool trailing_break = true) {
    Doc out;
    bool any = false;
    const auto [first, last] = tree_.LeadingTriviaPieces(token);
    // A hash comment right before this stretch (a trailing comment of the
    // previous line) ended with that line's break.
    bool after_hash_comment = first != last && first != tree_.trivia.data() &&
                              (first - 1)->kind == TriviaKind::kHashComment &&
                              (first - 1)->span.end == first->span.begin;
    for (const Trivia* t = first; t != last; ++t) {
      const size_t index = static_cast<size_t>(t - tree_.trivia.data());
      const std::string_view text = tree_.Text(t->span);
      const bool was_after_hash = after_hash_comment;
      after_hash_comment = t->kind == TriviaKind::kHashComment;
      if (consumed_[index]) continue;
      consumed_[index] = true;
      if (t->kind == TriviaKind::kWhitespace) {
        // A hash comment's span ends with the line break of its line.
        const size_t newlines = CountNewlines(text) + (was_after_hash ? 1 : 0);
        if (blank_lines && newlines >= 2) pending_blank_ = true;
        continue;
      }
      if (any) out += Doc::HardLine();
      if (pending_blank_) out += Doc::HardLine();
      pending_blank_ = false;
      blank_lines = true;
      out += t->kind == TriviaKind::kBracketComment ? Doc::Verbatim(CommentText(text))
                                                    : Doc::Text(CommentText(text));
      any = true;
    }
    if (!any) return Doc();
    if (trailing_break) {
      out += Doc::HardLine();
      if (pending_blank_) out += Doc::HardLine();
      pending_blank_ = false;
    }
    return out;
  }

  // Comments between the tokens of one statement stay where they were.
  Doc InlineComments(uint32_t token) {
    Doc out;
    const auto [first, last] = tree_.LeadingTriviaPieces(token);
    for (const Trivia* t = first; t != last; ++t) {
      const size_t index = static_cast<size_t>(t - tree_.trivia.data());
      if (consumed_[index] || t->kind == TriviaKind::kWhitespace) continue;
      consumed_[index] = true;
      const std::string text = CommentText(tree_.Text(t->span));
      if (t->kind == TriviaKind::kBracketComment) {
        out += Doc::Verbatim(text);
        out += " ";
      } else {
        out += Doc::Text(text);
        out += Doc::HardLine();
      }
    }
    return out;
  }

  // Comments that follow a statement's last token on the same line.
  Doc TrailingComments(uint32_t last_token) {
    Doc out;
    if (last_token + 1 >= tree_.tokens.size()) return out;
    const auto [first, last] = tree_.LeadingTriviaPieces(last_token + 1);
    for (const Trivia* t = first; t != last; ++t) {
      const size_t index = static_cast<size_t>(t - tree_.trivia.data());
      const std::string_view text = tree_.Text(t->span);
      if (t->kind == TriviaKind::kWhitespace) {
        if (text.find('\n') != std::string_view::npos) break;
        continue;
      }
      if (t->kind == TriviaKind::kBracketComment && text.find('\n') != std::string_view::npos) {
        break;
      }
      consumed_[index] = true;
      out += " ";
      out += Doc::Text(CommentText(text));
      if (t->kind == TriviaKind::kHashComment) break;  // it ended the line
    }
    return out;
  }

  Doc Token(uint32_t index, std::string text) {
    Doc out = InlineComments(index);
    out += Doc::Text(std::move(text));
    return out;
  }

  Doc StringToken(const StringLiteral& s) {
    Doc out = InlineComments(s.token);
    if (tree_.tokens[s.token].kind == TokenKind::kMultiLineString &&
        CanEncodeMultiLine(s.value)) {
      out += Doc::Verbatim(EncodeMultiLineString(s.value, newline_));
    } else {
      std::string quoted = EncodeQuotedString(s.value);
      out += quoted.find('\n') != std::string::npos ? Doc::Verbatim(std::move(quoted))
                                                    : Doc::Text(std::move(quoted));
    }
    return out;
  }

  Doc ArgumentDoc(const Argument& a) {
    switch (a.kind) {
      case Argument::Kind::kTag:
        return Token(a.tokens.first, ":" + Lower(a.tag));
      case Argument::Kind::kNumber: {
        std::string text(tree_.Text(tree_.tokens[a.tokens.first]));
        for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return Token(a.tokens.first, std::move(text));
      }
      case Argument::Kind::kStringList:
        break;
    }
    if (!a.bracketed) return StringToken(a.strings.front());
    Doc items;
    for (size_t i = 0; i < a.strings.size(); ++i) {
      if (i > 0) {
        items += Token(a.strings[i - 1].token + 1, ",");  // the comma
        items += Doc::Line();
      }
      items += StringToken(a.strings[i]);
    }
    Doc out = Token(a.tokens.first, "[");
    out += Doc::Nest(Doc::SoftLine() += std::move(items));
    out += Doc::SoftLine();
    out += Token(a.tokens.last, "]");
    return Doc::Group(std::move(out));
  }

  Doc ArgumentsDoc(const std::vector<Argument>& arguments, const std::vector<Test>& tests,
                   bool test_list) {
    Doc out;
    for (const Argument& a : arguments) {
      out += " ";
      out += ArgumentDoc(a);
    }
    if (tests.empty()) return out;
    out += " ";
    if (!test_list) {
      out += TestDoc(tests.front());
      return out;
    }
    Doc items;
    for (size_t i = 0; i < tests.size(); ++i) {
      if (i > 0) {
        items += Token(tests[i - 1].tokens.last + 1, ",");
        items += Doc::Line();
      }
      items += TestDoc(tests[i]);
    }
    Doc list = Token(tests.front().tokens.first - 1, "(");
    list += Doc::Nest(Doc::SoftLine() += std::move(items));
    list += Doc::SoftLine();
    list += Token(tests.back().tokens.last + 1, ")");
    out += Doc::Group(std::move(list));
    return out;
  }

  Doc TestDoc(const Test& t) {
    Doc out = Token(t.identifier_token, Lower(t.name));
    out += ArgumentsDoc(t.arguments, t.tests, t.test_list);
    return out;
  }

  Doc CommandDoc(const Command& c) {
    Doc out = Token(c.identifier_token, Lower(c.name));
    out += ArgumentsDoc(c.arguments, c.tests, c.test_list);
    if (!c.block) {
      out += Token(c.tokens.last, ";");
      out += TrailingComments(c.tokens.last);
      return Doc::Group(std::move(out));
    }
    out += " ";
    out += Token(c.block->open_token, "{");
    out += TrailingComments(c.block->open_token);
    Doc body = Statements(c.block->commands);
    pending_blank_ = false;
    Doc closing = LeadingComments(c.block->close_token, !c.block->commands.empty(),
                                  /*trailing_break=*/false);
    Doc inner;
    if (!body.empty()) {
      inner += Doc::HardLine();
      inner += std::move(body);
    }
    if (!closing.empty()) {
      inner += Doc::HardLine();
      inner += std::move(closing);
    }
    out += Doc::Nest(std::move(inner));
    out += Doc::HardLine();
    out += Doc::Text("}");
    out += TrailingComments(c.tokens.last);
    return Doc::Group(std::move(out));
  }

  static bool ContinuesChain(const Command& c) {
    const std::string name = Lower(c.name);
    return name == "elsif" || name == "else";
  }

  Doc Statements(const std::vector<Command>& commands) {
    Doc out;
    for (size_t i = 0; i < commands.size(); ++i) {
      const Command& c = commands[i];
      pending_blank_ = false;
      Doc leading = LeadingComments(c.identifier_token, /*blank_lines=*/i > 0);
      const bool joined = i > 0 && commands[i - 1].block && ContinuesChain(c) && leading.empty() &&
                          !pending_blank_;
      if (i > 0) {
        if (joined) {
          out += " ";
        } else {
          out += Doc::HardLine();
          if (pending_blank_) out += Doc::HardLine();
        }
      }
      out += std::move(leading);
      out += CommandDoc(c);
    }
    return out;
  }

  const SyntaxTree& tree_;
  const FormatOptions& options_;
  std::vector<bool> consumed_;
  std::string newline_;
  bool pending_blank_ = false;
};

}  // namespace

std::string Format(const SyntaxTree& tree, const FormatOptions& options) {
  return Formatter(tree, options).Run();
}

}  // namespace sievekit::syntax
