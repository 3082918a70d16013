// The one translation unit that instantiates the PEGTL grammar: actions that
// record tokens and trivia, control hooks that open and close syntax nodes
// and collect expectations, the error-recovery rules, and Parse() itself.
// String values are decoded by string_literal.h; numbers here.
#include "parser/parser.h"

#include <cstring>
#include <limits>

#include "common/diagnostic_catalogue.h"
#include "parser/grammar.h"
#include "parser/parse_state.h"
#include "parser/string_literal.h"

namespace sievekit::syntax {
namespace grammar {

namespace {

uint32_t OffsetOf(const ParseState& state, const char* p) {
  return static_cast<uint32_t>(p - state.text_begin());
}

template <typename Input>
uint32_t Here(const Input& in, const ParseState& state) {
  return OffsetOf(state, in.current());
}

// Skips one broken command: up to and including its ';' at brace depth 0, or
// through the end of its block, or up to (not including) a '}' that closes the
// enclosing block. Strings and comments are skipped whole, so a ';' or brace
// inside them does not count.
size_t SkipBrokenCommand(std::string_view rest) {
  size_t i = 0;
  int depth = 0;
  auto skip_line = [&] {
    while (i < rest.size() && rest[i] != '\n') ++i;
    if (i < rest.size()) ++i;
  };
  while (i < rest.size()) {
    const char c = rest[i];
    if (c == '"') {
      ++i;
      while (i < rest.size() && rest[i] != '"') i += (rest[i] == '\\') ? size_t{2} : size_t{1};
      i = std::min(i + 1, rest.size());
    } else if (c == '#') {
      skip_line();
    } else if (c == '/' && i + 1 < rest.size() && rest[i + 1] == '*') {
      const size_t end = rest.find("*/", i + 2);
      i = end == std::string_view::npos ? rest.size() : end + 2;
    } else if ((c == 't' || c == 'T') && rest.size() - i >= 5 &&
               (rest.substr(i, 5) == "text:" || rest.substr(i, 5) == "TEXT:")) {
      skip_line();
      while (i < rest.size()) {
        const size_t line_start = i;
        skip_line();
        std::string_view line = rest.substr(line_start, i - line_start);
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
        if (line == ".") break;
      }
    } else if (c == ';' && depth == 0) {
      return i + 1;
    } else if (c == '{') {
      ++depth;
      ++i;
    } else if (c == '}') {
      if (depth == 0) return i;
      ++i;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return i;
}

}  // namespace

struct recover_command {
  using rule_t = recover_command;
  using subs_t = pegtl::empty_list;
  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename Input>
  static bool match(Input& in, ParseState& state) {
    if (in.empty() || in.peek_char() == '}') return false;
    state.ReportSyntaxError(Here(in, state));
    const std::string_view rest(in.current(), in.size());
    in.bump(SkipBrokenCommand(rest));
    return Control<trivia>::template match<A, M, Action, Control>(in, state);
  }
};

// sor<string_list, token<number>, token<tag>>: the alternatives start with
// different bytes ('[' a bracketed list; '"', "t" or "T" a string; a digit
// a number; ':' a tag), so only the one the next byte allows is tried. The
// others would fail on that byte, noting what they expected — noted here
// instead, in the same order, so that "expected ..." messages do not change.
// (String, number and tag note their own failures through control<>.)
struct argument {
  using rule_t = argument;
  using subs_t = pegtl::type_list<string_list, token<number>, token<tag>>;
  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename Input>
  static bool match(Input& in, ParseState& state) {
    const uint32_t at = Here(in, state);
    const char c = in.empty() ? '\0' : in.peek_char();
    if (!in.empty() && c == '[') {
      if (Control<bracketed_list>::template match<A, M, Action, Control>(in, state)) return true;
      state.NoteExpected(Expectation::kString, at);
      state.NoteExpected(Expectation::kNumber, at);
      state.NoteExpected(Expectation::kTag, at);
      return false;
    }
    state.NoteExpected(Expectation::kLeftBracket, at);
    if (!in.empty() && (c == '"' || c == 't' || c == 'T')) {
      if (Control<string>::template match<A, M, Action, Control>(in, state)) return true;
      state.NoteExpected(Expectation::kNumber, at);
      state.NoteExpected(Expectation::kTag, at);
      return false;
    }
    state.NoteExpected(Expectation::kString, at);
    if (!in.empty() && c >= '0' && c <= '9') {
      if (Control<token<number>>::template match<A, M, Action, Control>(in, state)) return true;
      state.NoteExpected(Expectation::kTag, at);
      return false;
    }
    state.NoteExpected(Expectation::kNumber, at);
    if (!in.empty() && c == ':') {
      return Control<token<tag>>::template match<A, M, Action, Control>(in, state);
    }
    state.NoteExpected(Expectation::kTag, at);
    return false;
  }
};

// sor<command, recover_command> within a block: a command starts with a
// letter or '_'. At any other byte (the '}' that ends every block) the
// command attempt would fail on its name, noting that a command was
// expected, and leave nothing else behind: that note is made directly.
struct command_or_recovery {
  using rule_t = command_or_recovery;
  using subs_t = pegtl::type_list<command, recover_command>;
  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename Input>
  static bool match(Input& in, ParseState& state) {
    const char c = in.empty() ? '\0' : in.peek_char();
    if (!in.empty() && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) {
      constexpr pegtl::rewind_mode kRequired = pegtl::rewind_mode::required;  // as sor<> does
      if (Control<command>::template match<A, kRequired, Action, Control>(in, state)) return true;
    } else {
      state.NoteExpected(Expectation::kCommand, Here(in, state));
    }
    return Control<recover_command>::template match<A, M, Action, Control>(in, state);
  }
};

// opt<sor<test_list, test>>, after every call's arguments: '(' starts a
// test list, a letter or '_' a test, and nothing else either. The original
// order's failures are noted all the same: a test list that is not there
// notes its '(' (even before a test), and a test attempt that finds no name
// notes the test it wanted (its Begin/Abandon frames leave nothing behind).
struct optional_tests {
  using rule_t = optional_tests;
  using subs_t = pegtl::type_list<test_list, test>;
  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename Input>
  static bool match(Input& in, ParseState& state) {
    constexpr pegtl::rewind_mode kRequired = pegtl::rewind_mode::required;  // as opt<> does
    const uint32_t at = Here(in, state);
    const char c = in.empty() ? '\0' : in.peek_char();
    if (!in.empty() && c == '(') {
      if (!Control<test_list>::template match<A, kRequired, Action, Control>(in, state)) {
        state.NoteExpected(Expectation::kTest, at);
      }
      return true;
    }
    state.NoteExpected(Expectation::kLeftParen, at);
    if (!in.empty() && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) {
      (void)Control<test>::template match<A, kRequired, Action, Control>(in, state);
      return true;
    }
    state.NoteExpected(Expectation::kTest, at);
    return true;
  }
};

struct stray_close_brace {
  using rule_t = stray_close_brace;
  using subs_t = pegtl::empty_list;
  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename Input>
  static bool match(Input& in, ParseState& state) {
    if (in.empty() || in.peek_char() != '}') return false;
    const uint32_t at = Here(in, state);
    state.diagnostics().Report(diag::kUnmatchedCloseBrace, {at, at + 1});
    state.StopIfCapped();
    in.bump(1);
    return Control<trivia>::template match<A, M, Action, Control>(in, state);
  }
};

// ---- Actions: record tokens and trivia, decode values ----

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <typename Input>
Span SpanOf(const Input& in, const ParseState& state) {
  const uint32_t begin = OffsetOf(state, in.begin());
  return {begin, begin + static_cast<uint32_t>(in.size())};
}

template <TokenKind Kind>
struct punctuation_action {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.PushToken(Kind, SpanOf(in, state));
  }
};

template <>
struct action<left_bracket> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.PushToken(TokenKind::kLeftBracket, SpanOf(in, state));
    state.MarkBracketed();
  }
};
template <>
struct action<right_bracket> : punctuation_action<TokenKind::kRightBracket> {};
template <>
struct action<left_paren> : punctuation_action<TokenKind::kLeftParen> {};
template <>
struct action<right_paren> : punctuation_action<TokenKind::kRightParen> {};
template <>
struct action<comma> : punctuation_action<TokenKind::kComma> {};
template <>
struct action<semicolon> : punctuation_action<TokenKind::kSemicolon> {};

template <>
struct action<left_brace> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.SetBlockBrace(state.PushToken(TokenKind::kLeftBrace, SpanOf(in, state)), true);
  }
};

template <>
struct action<right_brace> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.SetBlockBrace(state.PushToken(TokenKind::kRightBrace, SpanOf(in, state)), false);
  }
};

template <>
struct action<command_name> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.SetCommandName(state.PushToken(TokenKind::kIdentifier, SpanOf(in, state)),
                         in.string_view());
  }
};

template <>
struct action<test_name> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.SetTestName(state.PushToken(TokenKind::kIdentifier, SpanOf(in, state)),
                      in.string_view());
  }
};

template <>
struct action<tag> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.PushToken(TokenKind::kTag, SpanOf(in, state));
    state.SetTag(in.string_view().substr(1));
  }
};

template <>
struct action<number> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    const Span span = SpanOf(in, state);
    state.PushToken(TokenKind::kNumber, span);
    constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
    std::string_view text = in.string_view();
    uint64_t multiplier = 1;
    switch (text.back()) {
      case 'K': case 'k': multiplier = uint64_t{1} << 10; break;
      case 'M': case 'm': multiplier = uint64_t{1} << 20; break;
      case 'G': case 'g': multiplier = uint64_t{1} << 30; break;
      default: break;
    }
    if (multiplier != 1) text.remove_suffix(1);
    uint64_t value = 0;
    bool overflow = false;
    for (char c : text) {
      const auto digit = static_cast<uint64_t>(c - '0');
      if (value > (kMax - digit) / 10) {
        overflow = true;
        break;
      }
      value = value * 10 + digit;
    }
    if (!overflow && value > kMax / multiplier) overflow = true;
    if (overflow) {
      state.diagnostics().Report(diag::kNumberOverflow, span, in.string_view(), kMax);
      value = kMax;
    } else {
      value *= multiplier;
    }
    state.SetNumber(value);
    // "100Kb": RFC 5228 §8.1 needs whitespace between adjacent tokens.
    const std::string_view after = std::string_view(state.source().text()).substr(span.end);
    if (!after.empty() && (std::isalnum(static_cast<unsigned char>(after[0])) || after[0] == '_')) {
      state.diagnostics().Report(diag::kMissingWhitespace, {span.end, span.end + 1}, "a number",
                                 "the identifier that follows it");
    }
  }
};

template <>
struct action<quoted_string> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.AddString(state.PushToken(TokenKind::kQuotedString, SpanOf(in, state)),
                    DecodeQuotedString(in.string_view()));
  }
};

template <>
struct action<multi_line> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.AddString(state.PushToken(TokenKind::kMultiLineString, SpanOf(in, state)),
                    DecodeMultiLineString(in.string_view()));
  }
};

template <>
struct action<multi_line_bad_start> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    const uint32_t at = OffsetOf(state, in.begin());
    state.diagnostics().Report(diag::kMultiLineStart, {at, at + 1});
  }
};

template <>
struct action<white_space_run> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.PushTrivia(TriviaKind::kWhitespace, SpanOf(in, state));
  }
};

template <>
struct action<hash_comment> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.PushTrivia(TriviaKind::kHashComment, SpanOf(in, state));
  }
};

template <>
struct action<bracket_comment> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.PushTrivia(TriviaKind::kBracketComment, SpanOf(in, state));
  }
};

template <>
struct action<end_of_input> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    const uint32_t end = OffsetOf(state, in.begin());
    state.PushToken(TokenKind::kEnd, {end, end});
  }
};

// ---- Control: node frames, expectations, fatal errors ----

template <typename Rule>
inline constexpr Expectation kExpectationOf = Expectation{0};
template <>
inline constexpr Expectation kExpectationOf<command_name> = Expectation::kCommand;
template <>
inline constexpr Expectation kExpectationOf<test_name> = Expectation::kTest;
template <>
inline constexpr Expectation kExpectationOf<string> = Expectation::kString;
template <>
inline constexpr Expectation kExpectationOf<left_bracket> = Expectation::kLeftBracket;
template <>
inline constexpr Expectation kExpectationOf<right_bracket> = Expectation::kRightBracket;
template <>
inline constexpr Expectation kExpectationOf<comma> = Expectation::kComma;
template <>
inline constexpr Expectation kExpectationOf<left_paren> = Expectation::kLeftParen;
template <>
inline constexpr Expectation kExpectationOf<right_paren> = Expectation::kRightParen;
template <>
inline constexpr Expectation kExpectationOf<left_brace> = Expectation::kLeftBrace;
template <>
inline constexpr Expectation kExpectationOf<right_brace> = Expectation::kRightBrace;
template <>
inline constexpr Expectation kExpectationOf<semicolon> = Expectation::kSemicolon;
template <>
inline constexpr Expectation kExpectationOf<number> = Expectation::kNumber;
template <>
inline constexpr Expectation kExpectationOf<tag> = Expectation::kTag;

template <typename Rule>
struct control : pegtl::normal<Rule> {
  template <typename Input>
  static void start(const Input& in, ParseState& state) {
    if constexpr (std::is_same_v<Rule, command>) {
      state.BeginCommand();
    } else if constexpr (std::is_same_v<Rule, test>) {
      state.BeginTest();
    } else if constexpr (std::is_same_v<Rule, block>) {
      state.BeginBlock();
    } else if constexpr (std::is_same_v<Rule, argument>) {
      state.BeginArgument();
    } else if constexpr (std::is_same_v<Rule, quoted_string> ||
                         std::is_same_v<Rule, multi_line> ||
                         std::is_same_v<Rule, bracket_comment>) {
      state.NoteLiteralStart(Here(in, state));
    }
    if constexpr (kExpectationOf<Rule> != Expectation{0}) {
      start_offset_ = Here(in, state);
    }
  }

  template <typename Input>
  static void success(const Input& /*in*/, ParseState& state) {
    if constexpr (std::is_same_v<Rule, command>) {
      state.EndCommand();
    } else if constexpr (std::is_same_v<Rule, test>) {
      state.EndTest();
    } else if constexpr (std::is_same_v<Rule, block>) {
      state.LeaveBlock();
    } else if constexpr (std::is_same_v<Rule, argument>) {
      state.EndArgument();
    } else if constexpr (std::is_same_v<Rule, test_list>) {
      state.MarkTestList();
    }
  }

  template <typename Input>
  static void failure(const Input& /*in*/, ParseState& state) {
    if constexpr (std::is_same_v<Rule, command>) {
      state.AbandonCommand();
    } else if constexpr (std::is_same_v<Rule, test>) {
      state.AbandonTest();
    } else if constexpr (std::is_same_v<Rule, block>) {
      state.LeaveBlock();
    } else if constexpr (std::is_same_v<Rule, argument>) {
      state.AbandonArgument();
    }
    if constexpr (kExpectationOf<Rule> != Expectation{0}) {
      state.NoteExpected(kExpectationOf<Rule>, start_offset_);
    }
  }

  // Expectation rules are tokens: they never nest within themselves, so one
  // remembered start offset per rule type is enough.
  static inline uint32_t start_offset_ = 0;
};

}  // namespace grammar

// depth_guard<> asks ParseState.
bool NestingAllowed(ParseState& state, grammar::Nesting nesting) {
  return state.NestingAllowed(nesting == grammar::Nesting::kBlock);
}

// fail_with<> reports through ParseState.
void ParseStateFatal(ParseState& state, grammar::FatalReason reason) {
  switch (reason) {
    case grammar::FatalReason::kUnterminatedString:
      state.FatalUnterminated(diag::kUnterminatedString);
    case grammar::FatalReason::kUnterminatedMultiLine:
      state.FatalUnterminated(diag::kUnterminatedMultiLine);
    case grammar::FatalReason::kUnterminatedComment:
      state.FatalUnterminated(diag::kUnterminatedComment);
    case grammar::FatalReason::kMissingCloseBrace:
      state.FatalMissingCloseBrace();
  }
  throw StopParsing{};
}

namespace {

// NUL bytes and lone CRs are accepted by the grammar wherever they cannot be
// mistaken for something else, and reported here once each.
// Both bytes are rare, so memchr looks for each (many bytes at a time) and the
// two searches are merged to report in offset order, as the error cap needs.
void ReportForbiddenBytes(const SourceFile& source, ParseState& state) {
  const std::string& text = source.text();
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  auto find = [end](const char* from, char byte) {
    return static_cast<const char*>(std::memchr(from, byte, static_cast<size_t>(end - from)));
  };
  const char* nul = find(begin, '\0');
  const char* cr = find(begin, '\r');
  while (nul != nullptr || cr != nullptr) {
    if (nul != nullptr && (cr == nullptr || nul < cr)) {
      const auto i = static_cast<uint32_t>(nul - begin);
      state.diagnostics().Report(diag::kNulByte, {i, i + 1});
      nul = find(nul + 1, '\0');
    } else {
      const auto i = static_cast<uint32_t>(cr - begin);
      cr = find(cr + 1, '\r');
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      state.diagnostics().Report(diag::kStrayCarriageReturn, {i, i + 1});
    }
    state.StopIfCapped();
  }
}

}  // namespace

ParseResult Parse(std::shared_ptr<const SourceFile> source, const Limits& limits) {
  ParseResult result{SyntaxTree{}, Diagnostics(limits.max_errors), true};
  result.tree.source = source;
  const std::string& text = source->text();
  ParseState state(*source, limits, result.diagnostics);
  if (text.size() > limits.max_script_size) {
    result.diagnostics.Report(diag::kScriptTooLarge, {0, 0}, text.size(), limits.max_script_size);
    result.complete = false;
    state.Finish(&result.tree);
    return result;
  }
  try {
    ReportForbiddenBytes(*source, state);
    grammar::pegtl::memory_input<grammar::pegtl::tracking_mode::lazy> in(text.data(), text.size(),
                                                                         source->name());
    grammar::pegtl::parse<grammar::start, grammar::action, grammar::control>(in, state);
  } catch (const StopParsing&) {
    result.complete = false;
  }
  state.Finish(&result.tree);
  return result;
}

}  // namespace sievekit::syntax
