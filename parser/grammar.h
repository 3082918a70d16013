// The Sieve grammar of RFC 5228 §8 as PEGTL rules. Rule names mirror the
// RFC's ABNF names (hyphens become underscores).
//
// Deliberate departures from the ABNF, each for robustness:
// - line endings are CRLF or a bare LF; a lone CR or a NUL byte is accepted
//   where whitespace, strings or comments may appear and reported by the
//   parser's pre-pass instead of derailing the parse;
// - a hash comment or the terminating "." of a multi-line string may end at
//   the end of the file without a line ending;
// - "\" in a quoted string may precede any octet (RFC 5228 §2.4.2: "\x"
//   means "x").
// Whitespace and comments are trivia: every token rule consumes the trivia
// that follows it (`token<R>`), so each rule starts at a token.
//
// Included only by parser.cc: PEGTL is private to parser/, and the grammar is
// instantiated in exactly one translation unit.
#pragma once

#include <tao/pegtl.hpp>

#include <cstring>
#include <string_view>

#include "parser/string_literal.h"

namespace sievekit::syntax::grammar {

namespace pegtl = tao::pegtl;
using pegtl::at;
using pegtl::eof;
using pegtl::not_at;
using pegtl::one;
using pegtl::opt;
using pegtl::plus;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;
using pegtl::until;

// Thrown by fail_with<Reason> when parsing cannot sensibly continue (an
// unterminated string, comment or block reaches the end of the input).
enum class FatalReason : uint8_t {
  kUnterminatedString,
  kUnterminatedMultiLine,
  kUnterminatedComment,
  kMissingCloseBrace,
};

template <FatalReason R>
struct fail_with {
  using rule_t = fail_with;
  using subs_t = pegtl::empty_list;
  template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class Action,
            template <typename...> class Control, typename Input, typename State>
  static bool match(Input& /*in*/, State& state) {
    ParseStateFatal(state, R);  // found by argument-dependent lookup; throws
    return false;
  }
};

// Matches nothing; placed right after the token that opens a block or test,
// it fails when that block (or test) is nested
// deeper than the limit. The enclosing command then fails and is skipped by
// error recovery, which never recurses, so the parser's stack stays bounded.
enum class Nesting : uint8_t { kBlock, kTest };

template <Nesting N>
struct depth_guard {
  using rule_t = depth_guard;
  using subs_t = pegtl::empty_list;
  template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class Action,
            template <typename...> class Control, typename Input, typename State>
  static bool match(Input& /*in*/, State& state) {
    return NestingAllowed(state, N);  // found by argument-dependent lookup
  }
};

// ---- Lexical tokens (RFC 5228 §8.1) ----

struct CRLF : sor<pegtl::string<'\r', '\n'>, one<'\n'>> {};
struct lone_CR : seq<one<'\r'>, not_at<one<'\n'>>> {};
struct SP_HTAB : one<' ', '\t'> {};
struct octet_not_crlf : sor<pegtl::not_one<'\r', '\n'>, lone_CR> {};

// A byte-scanning rule for the runs of the hottest loops of the grammar
// (whitespace, quoted text, comment lines): the same language as its PEGTL
// form, matched by a loop over bytes instead of a rule (and a sor of
// alternatives) per byte. Scanner::Length(p, end) returns how many bytes of
// [p, end) the run takes; Scanner::kNonEmpty makes an empty run fail.
template <typename Scanner>
struct byte_scan {
  using rule_t = byte_scan;
  using subs_t = pegtl::empty_list;
  template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class Action,
            template <typename...> class Control, typename Input, typename... States>
  static bool match(Input& in, States&&... /*states*/) {
    const size_t length = Scanner::Length(in.current(), in.end());
    if (Scanner::kNonEmpty && length == 0) return false;
    in.bump(length);
    return true;
  }
};

// star<octet_not_crlf>: up to the first LF, less the CR before it (a CR
// followed by anything else is a lone CR, and taken), or up to the end.
struct RestOfLineScanner {
  static constexpr bool kNonEmpty = false;
  static size_t Length(const char* p, const char* end) {
    const auto* lf = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    if (lf == nullptr) return static_cast<size_t>(end - p);
    if (lf > p && lf[-1] == '\r') --lf;
    return static_cast<size_t>(lf - p);
  }
};
struct octets_not_crlf : byte_scan<RestOfLineScanner> {};

struct hash_comment : seq<one<'#'>, octets_not_crlf, sor<CRLF, eof>> {};
struct bracket_comment_end : pegtl::string<'*', '/'> {};
struct bracket_comment
    : seq<pegtl::string<'/', '*'>,
          sor<until<bracket_comment_end>, fail_with<FatalReason::kUnterminatedComment>>> {};
struct comment : sor<bracket_comment, hash_comment> {};

// plus<sor<SP_HTAB, CRLF, lone_CR, one<'\0'>>>: every CR is taken (as part
// of CRLF or as a lone CR), so the run is simply the longest stretch of
// SP, HTAB, CR, LF and NUL. NUL is accepted here only so that the
// pre-pass's diagnostic is the only one.
struct WhiteSpaceScanner {
  static constexpr bool kNonEmpty = true;
  static size_t Length(const char* p, const char* end) {
    const char* q = p;
    while (q < end && (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r' || *q == '\0')) ++q;
    return static_cast<size_t>(q - p);
  }
};
struct white_space_run : byte_scan<WhiteSpaceScanner> {};
struct white_space : sor<white_space_run, comment> {};

// star<white_space>, run after every token. The alternatives start with
// different bytes, so the next byte picks the one to try: the same matches
// and actions, without failing through each alternative in turn at the end
// of every run (a large script has a few hundred thousand such runs).
struct trivia {
  using rule_t = trivia;
  using subs_t = pegtl::type_list<white_space_run, bracket_comment, hash_comment>;
  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename Input, typename... States>
  static bool match(Input& in, States&&... states) {
    // As star<> calls its rule: a failed attempt leaves the input as it was.
    constexpr pegtl::rewind_mode kRewind = pegtl::rewind_mode::required;
    for (;;) {
      if (in.empty()) return true;
      bool matched = false;
      switch (in.peek_char()) {
        case ' ':
        case '\t':
        case '\r':
        case '\n':
        case '\0':
          matched =
              Control<white_space_run>::template match<A, kRewind, Action, Control>(in, states...);
          break;
        case '/':
          matched =
              Control<bracket_comment>::template match<A, kRewind, Action, Control>(in, states...);
          break;
        case '#':
          matched =
              Control<hash_comment>::template match<A, kRewind, Action, Control>(in, states...);
          break;
        default:
          break;
      }
      if (!matched) return true;
    }
  }
};

template <typename Rule>
struct token : seq<Rule, trivia> {};

struct identifier_start : sor<pegtl::ascii::alpha, one<'_'>> {};
struct identifier_other : sor<pegtl::ascii::alnum, one<'_'>> {};
struct identifier : seq<identifier_start, star<identifier_other>> {};

struct tag : seq<one<':'>, identifier> {};

struct QUANTIFIER : one<'K', 'M', 'G', 'k', 'm', 'g'> {};
struct number : seq<plus<pegtl::ascii::digit>, opt<QUANTIFIER>> {};

// star<sor<quoted_pair, not_one<'"', '\\'>>>, where quoted_pair is "\\"
// followed by any octet: up to the first '"' not escaped, or up to a '\\'
// that ends the input (the closing quote is then missing).
struct QuotedTextScanner {
  static constexpr bool kNonEmpty = false;
  static size_t Length(const char* p, const char* end) {
    return QuotedTextLength(std::string_view(p, static_cast<size_t>(end - p)));
  }
};
struct quoted_text : byte_scan<QuotedTextScanner> {};
struct DQUOTE : one<'"'> {};
struct quoted_string
    : seq<DQUOTE, quoted_text,
          sor<DQUOTE, fail_with<FatalReason::kUnterminatedString>>> {};

// "text:" is an ABNF literal and so case-insensitive.
struct multi_line_begin : pegtl::istring<'t', 'e', 'x', 't', ':'> {};
struct multi_line_comment : seq<one<'#'>, star<octet_not_crlf>, CRLF> {};
// Anything else after "text:" on its line: reported, then skipped.
struct multi_line_bad_start : seq<plus<octet_not_crlf>, CRLF> {};
struct multi_line_end : seq<one<'.'>, sor<CRLF, eof>> {};
struct multi_line_line : seq<star<octet_not_crlf>, CRLF> {};
struct multi_line
    : seq<multi_line_begin, star<SP_HTAB>, sor<multi_line_comment, CRLF, multi_line_bad_start>,
          sor<until<multi_line_end, multi_line_line>,
              fail_with<FatalReason::kUnterminatedMultiLine>>> {};

// Separators, each a token of its own.
struct left_bracket : one<'['> {};
struct right_bracket : one<']'> {};
struct left_paren : one<'('> {};
struct right_paren : one<')'> {};
struct comma : one<','> {};
struct left_brace : one<'{'> {};
struct right_brace : one<'}'> {};
struct semicolon : one<';'> {};

// ---- Grammar (RFC 5228 §8.2) ----

// sor<token<quoted_string>, token<multi_line>>, with the first byte
// choosing the alternative that can match: the one left out would fail on
// that byte, and failing has no effect here (neither notes an expectation).
struct string {
  using rule_t = string;
  using subs_t = pegtl::type_list<token<quoted_string>, token<multi_line>>;
  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename Input, typename... States>
  static bool match(Input& in, States&&... states) {
    if (in.empty()) return false;
    switch (in.peek_char()) {
      case '"':
        return Control<token<quoted_string>>::template match<A, M, Action, Control>(in, states...);
      case 't':
      case 'T':
        return Control<token<multi_line>>::template match<A, M, Action, Control>(in, states...);
      default:
        return false;
    }
  }
};
struct bracketed_list
    : seq<token<left_bracket>, string, star<token<comma>, string>, token<right_bracket>> {};
struct string_list : sor<bracketed_list, string> {};
// sor<string_list, token<number>, token<tag>>, as a custom rule in parser.cc
// that lets the next byte choose the alternative to try (and notes what the
// others would have expected there, so syntax errors read the same).
struct argument;

struct command_name : identifier {};
struct test_name : identifier {};

struct test;
struct test_list : seq<token<left_paren>, test, star<token<comma>, test>, token<right_paren>> {};
// opt<sor<test_list, test>>, as a custom rule in parser.cc that lets the
// next byte choose the alternative to try (like argument).
struct optional_tests;
struct arguments : seq<star<argument>, optional_tests> {};
struct test : seq<token<test_name>, depth_guard<Nesting::kTest>, arguments> {};

// Error recovery (custom rules in parser.cc): skip a broken command up to its
// ';' or past its block; consume a '}' that closes nothing.
struct recover_command;
struct stray_close_brace;

struct command;
// sor<command, recover_command>, as a custom rule in parser.cc that tries a
// command only where one can start (not at the '}' ending every block).
struct command_or_recovery;
struct commands : star<command_or_recovery> {};
struct block : seq<token<left_brace>, depth_guard<Nesting::kBlock>, commands,
                   sor<token<right_brace>, fail_with<FatalReason::kMissingCloseBrace>>> {};
struct command : seq<token<command_name>, arguments, sor<token<semicolon>, block>> {};

struct end_of_input : eof {};
struct start : seq<trivia, star<sor<command, recover_command, stray_close_brace>>, end_of_input> {};

}  // namespace sievekit::syntax::grammar
