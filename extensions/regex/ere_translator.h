// TranslateEre: reads a POSIX extended regular expression — the syntax of
// the :regex match type (draft-murchison-sieve-regex-07 §3) — and writes the
// same expression in RE2's syntax, or says why it is not one this extension
// supports.
//
// Why a translation rather than handing the pattern to RE2 in POSIX mode:
// RE2 reads some POSIX constructs differently (a backslash inside a bracket
// expression is an escape to RE2 and a literal to POSIX; "[[=a=]]" and
// "[[.a.]]" parse without error but mean something else), it folds case by
// Unicode rules where i;ascii-casemap folds only ASCII letters (RFC 4790
// §9.2), and its messages for rejected Perl syntax ("invalid escape
// sequence: \1") do not tell a Sieve user what to write instead. Reading the
// ERE grammar here fixes all three; RE2 then only sees syntax it reads the
// way POSIX does.
//
// Semantics chosen (each follows the draft's table in §3 or POSIX XBD §9.4,
// C locale): "." matches any character but newline; "^" and "$" match at
// the start and end of the string and of each line; bracket expressions,
// character classes ([:alpha:] ... ASCII only), equivalence classes and
// collating symbols of one character; "*", "+", "?", "{m}", "{m,}", "{m,n}"
// (counts up to 255, POSIX RE_DUP_MAX); "|" and "(...)", every group
// capturing. Rejected with a reason: backreferences, word boundaries, Perl
// escapes (\d, \w, \s, ...), non-greedy or stacked repetition, a repetition
// with nothing to repeat, multi-character collating elements, unknown
// classes, bad ranges, unbalanced parentheses or brackets, invalid UTF-8.
// A backslash before any ASCII punctuation character stands for that
// character (POSIX leaves it undefined for non-special ones; every
// implementation treats it so, and :quoteregex relies on it).
//
// Pure string work: no RE2 here, no allocation beyond the output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sievekit::extensions::regex {

struct EreTranslation {
  bool ok = false;
  std::string pattern;  // RE2 syntax, when ok
  std::string error;    // why not, when !ok (lower case, no trailing period)
  uint32_t groups = 0;  // capturing groups, when ok
};

// max_regex_nesting: deepest nesting of parentheses accepted (RE2 has its own, larger, limit;
// this keeps every consumer far from it).
inline constexpr uint32_t kMaxEreNesting = 100;
// The largest repetition count, POSIX's minimum RE_DUP_MAX.
inline constexpr uint32_t kMaxEreRepeat = 255;

// Translates `ere`. With `ascii_casefold`, ASCII letters match either case
// and nothing else folds (i;ascii-casemap).
EreTranslation TranslateEre(std::string_view ere, bool ascii_casefold);

// The :quoteregex modifier: `in` with a backslash before every character
// that is special in an ERE ( \ . ^ $ * + ? ( ) [ ] { } | ), so that the
// result, used as a :regex key, matches `in` literally.
void QuoteRegex(std::string_view in, std::string* out);

}  // namespace sievekit::extensions::regex
