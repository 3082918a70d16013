// Tests for extensions/regex/ere_translator: the POSIX ERE constructs of
// draft-murchison-sieve-regex-07 §3 and what each becomes in RE2 syntax,
// ASCII-only case folding, every rejection with its reason, and
// :quoteregex.
#include "extensions/regex/ere_translator.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::extensions::regex {
namespace {

struct Translated {
  std::string_view ere;
  bool fold;
  std::string_view re2;
  uint32_t groups;
};

TEST(EreTranslatorTest, TranslatesEveryConstructOfTheDraftTable) {
  const Translated cases[] = {
      {"", false, "", 0},
      {"abc", false, "abc", 0},
      {"a b", false, "a b", 0},
      {"a.b", false, "a.b", 0},
      {"^a$", false, "^a$", 0},
      {"a|b|", false, "a|b|", 0},
      {"(a)(b(c))", false, "(a)(b(c))", 3},
      {"()", false, "()", 1},
      {"a*b+c?", false, "a*b+c?", 0},
      {"a{2}b{2,}c{2,5}d{0,0}", false, "a{2}b{2,}c{2,5}d{0}", 0},
      {"a{007}", false, "a{7}", 0},
      {"(ab)*", false, "(ab)*", 1},
      // Escaped specials, and ASCII punctuation escaped or not, become
      // escaped literals; so do the specials that are literal in place.
      {"\\.\\^\\$\\*\\+\\?\\(\\)\\[\\{\\|\\\\", false, "\\.\\^\\$\\*\\+\\?\\(\\)\\[\\{\\|\\\\", 0},
      {"\\}\\]\\-\\@\\/", false, "\\}\\]\\-\\@\\/", 0},
      {"}]@-", false, "\\}\\]\\@\\-", 0},
      {"me(\\+.*)?@company\\.com", false, "me(\\+.*)?\\@company\\.com", 1},
      // Control characters and non-ASCII.
      {"\t\x01", false, "\\x{9}\\x{1}", 0},
      {"caf\xC3\xA9", false, "caf\xC3\xA9", 0},
      // Bracket expressions become sorted, merged code point ranges.
      {"[abc]", false, "[\\x{61}-\\x{63}]", 0},
      {"[cba]", false, "[\\x{61}-\\x{63}]", 0},
      {"[a-z0-9]", false, "[\\x{30}-\\x{39}\\x{61}-\\x{7A}]", 0},
      {"[^a]", false, "[^\\x{61}]", 0},
      {"[]a]", false, "[\\x{5D}\\x{61}]", 0},
      {"[^]a]", false, "[^\\x{5D}\\x{61}]", 0},
      {"[-a]", false, "[\\x{2D}\\x{61}]", 0},
      {"[a-]", false, "[\\x{2D}\\x{61}]", 0},
      {"[\\]", false, "[\\x{5C}]", 0},  // a backslash is a literal in brackets
      {"[\\.]", false, "[\\x{2E}\\x{5C}]", 0},
      {"[[]", false, "[\\x{5B}]", 0},
      {"[.*+?(){}|$^]", false,
       "[\\x{24}\\x{28}-\\x{2B}\\x{2E}\\x{3F}\\x{5E}\\x{7B}-\\x{7D}]", 0},
      {"[%--]", false, "[\\x{25}-\\x{2D}]", 0},
      {"[[.-.]-0]", false, "[\\x{2D}-\\x{30}]", 0},
      {"[[.a.]]", false, "[\\x{61}]", 0},
      {"[[=e=]x]", false, "[\\x{65}\\x{78}]", 0},
      {"[\xC3\xA9-\xC3\xAB]", false, "[\\x{E9}-\\x{EB}]", 0},
      // The classes of the C locale.
      {"[[:alnum:]]", false, "[\\x{30}-\\x{39}\\x{41}-\\x{5A}\\x{61}-\\x{7A}]", 0},
      {"[[:alpha:]]", false, "[\\x{41}-\\x{5A}\\x{61}-\\x{7A}]", 0},
      {"[[:blank:]]", false, "[\\x{9}\\x{20}]", 0},
      {"[[:cntrl:]]", false, "[\\x{0}-\\x{1F}\\x{7F}]", 0},
      {"[[:digit:]]", false, "[\\x{30}-\\x{39}]", 0},
      {"[[:graph:]]", false, "[\\x{21}-\\x{7E}]", 0},
      {"[[:lower:]]", false, "[\\x{61}-\\x{7A}]", 0},
      {"[[:print:]]", false, "[\\x{20}-\\x{7E}]", 0},
      {"[[:punct:]]", false, "[\\x{21}-\\x{2F}\\x{3A}-\\x{40}\\x{5B}-\\x{60}\\x{7B}-\\x{7E}]", 0},
      {"[[:space:]]", false, "[\\x{9}-\\x{D}\\x{20}]", 0},
      {"[[:upper:]]", false, "[\\x{41}-\\x{5A}]", 0},
      {"[[:xdigit:]]", false, "[\\x{30}-\\x{39}\\x{41}-\\x{46}\\x{61}-\\x{66}]", 0},
      {"[^[:lower:]]+", false, "[^\\x{61}-\\x{7A}]+", 0},
      {"[[:digit:][:space:]x]", false, "[\\x{9}-\\x{D}\\x{20}\\x{30}-\\x{39}\\x{78}]", 0},
  };
  for (const Translated& c : cases) {
    const EreTranslation t = TranslateEre(c.ere, c.fold);
    ASSERT_TRUE(t.ok) << c.ere << ": " << t.error;
    EXPECT_EQ(t.pattern, c.re2) << c.ere;
    EXPECT_EQ(t.groups, c.groups) << c.ere;
  }
}

// i;ascii-casemap (RFC 4790 §9.2): ASCII letters match either case, nothing
// else folds — not "é", not the Kelvin sign, not the long s.
TEST(EreTranslatorTest, AsciiCaseFolding) {
  const Translated cases[] = {
      {"aBc", true, "[aA][bB][cC]", 0},
      {"a{2}", true, "[aA]{2}", 0},
      {"1-\\.", true, "1\\-\\.", 0},
      {"\xC3\xA9", true, "\xC3\xA9", 0},
      {"[a-c]", true, "[\\x{41}-\\x{43}\\x{61}-\\x{63}]", 0},
      {"[X]", true, "[\\x{58}\\x{78}]", 0},
      {"[^a]", true, "[^\\x{41}\\x{61}]", 0},
      {"[[:upper:]]", true, "[\\x{41}-\\x{5A}\\x{61}-\\x{7A}]", 0},
      {"[[:lower:]]", true, "[\\x{41}-\\x{5A}\\x{61}-\\x{7A}]", 0},
      // Only the letters of a range that spans others gain a case.
      {"[Z-a]", true, "[\\x{41}\\x{5A}-\\x{61}\\x{7A}]", 0},
      {"[\xC3\xA0-\xC3\xBF]", true, "[\\x{E0}-\\x{FF}]", 0},
  };
  for (const Translated& c : cases) {
    const EreTranslation t = TranslateEre(c.ere, c.fold);
    ASSERT_TRUE(t.ok) << c.ere << ": " << t.error;
    EXPECT_EQ(t.pattern, c.re2) << c.ere;
  }
}

struct Rejected {
  std::string_view ere;
  std::string_view error;
};

TEST(EreTranslatorTest, RejectsWhatTheDraftDoesNotSupportWithTheReason) {
  const Rejected cases[] = {
      // Features of other regex dialects (§3: "backreferences ... word
      // boundaries ... are not supported").
      {"(a)\\1",
       "backreferences (\\1 ... \\9) are not supported by :regex (draft-murchison-sieve-regex-07 "
       "§3)"},
      {"\\bword",
       "word boundaries (\\b) are not supported by :regex (draft-murchison-sieve-regex-07 §3)"},
      {"\\Bx", "word boundaries (\\B) are not supported by :regex (draft-murchison-sieve-regex-07 §3)"},
      {"\\<x\\>",
       "word boundaries (\\<) are not supported by :regex (draft-murchison-sieve-regex-07 §3)"},
      {"\\`x", "'\\`' is a GNU extension, not POSIX; use ^ or $"},
      {"\\d+", "'\\d' is Perl syntax, not POSIX; use [[:digit:]]"},
      {"\\D", "'\\D' is Perl syntax, not POSIX; use [^[:digit:]]"},
      {"\\w", "'\\w' is Perl syntax, not POSIX; use [[:alnum:]_]"},
      {"\\W", "'\\W' is Perl syntax, not POSIX; use [^[:alnum:]_]"},
      {"\\s", "'\\s' is Perl syntax, not POSIX; use [[:space:]]"},
      {"\\S", "'\\S' is Perl syntax, not POSIX; use [^[:space:]]"},
      {"a\\n",
       "'\\n' is not an escape of POSIX extended regular expressions: only special characters can "
       "follow a backslash"},
      {"\\x41",
       "'\\x' is not an escape of POSIX extended regular expressions: only special characters can "
       "follow a backslash"},
      {"\\ ",
       "only special characters can follow a backslash in a POSIX extended regular expression"},
      {"\\\xC3\xA9",
       "only special characters can follow a backslash in a POSIX extended regular expression"},
      {"(?i)a", "'?' has nothing to repeat; write \\? for a literal '?'"},
      {"a\\", "the regex ends with a lone backslash"},
      // Repetition.
      {"*a", "'*' has nothing to repeat; write \\* for a literal '*'"},
      {"a|+b", "'+' has nothing to repeat; write \\+ for a literal '+'"},
      {"(+a)", "'+' has nothing to repeat; write \\+ for a literal '+'"},
      {"{2}", "'{' has nothing to repeat; write \\{ for a literal '{'"},
      {"^*", "'*' cannot repeat an anchor ('^' or '$')"},
      {"a$?", "'?' cannot repeat an anchor ('^' or '$')"},
      {"a*?",
       "'?' cannot follow another repetition operator (non-greedy and possessive repetitions are "
       "Perl syntax, not POSIX)"},
      {"a++",
       "'+' cannot follow another repetition operator (non-greedy and possessive repetitions are "
       "Perl syntax, not POSIX)"},
      {"a**",
       "'*' cannot follow another repetition operator; put the repeated part in parentheses "
       "first"},
      {"a{2}{3}",
       "'{' cannot follow another repetition operator; put the repeated part in parentheses "
       "first"},
      {"a{", "invalid interval: write {m}, {m,} or {m,n}"},
      {"a{x}", "invalid interval: write {m}, {m,} or {m,n}"},
      {"a{,2}", "invalid interval: write {m}, {m,} or {m,n}"},
      {"a{1,2", "invalid interval: write {m}, {m,} or {m,n}"},
      {"a{1;2}", "invalid interval: write {m}, {m,} or {m,n}"},
      {"a{3,2}", "invalid interval {3,2}: the maximum is less than the minimum"},
      {"a{256}", "repetition count 256 is larger than 255 (RE_DUP_MAX)"},
      {"a{1,99999999999999999999}", "repetition count 99999999999999999999 is larger than 255 (RE_DUP_MAX)"},
      // Groups.
      {"(a", "missing ')'"},
      {"a)", "unmatched ')'; write \\) for a literal parenthesis"},
      {"(a))(", "unmatched ')'; write \\) for a literal parenthesis"},
      // Bracket expressions.
      {"[a", "missing ']' to close the bracket expression"},
      {"[]", "missing ']' to close the bracket expression"},
      {"[^]", "missing ']' to close the bracket expression"},
      {"ex[]ample", "missing ']' to close the bracket expression"},
      {"[[:alpha:]", "missing ']' to close the bracket expression"},
      {"[[:alpha]]", "missing ':]' after '[:'"},
      {"[[=a]", "missing '=]' after '[='"},
      {"[[.a]", "missing '.]' after '[.'"},
      {"[[:word:]]",
       "unknown character class '[:word:]'; the classes are alnum, alpha, blank, cntrl, digit, "
       "graph, lower, print, punct, space, upper and xdigit"},
      {"[z-a]", "invalid range 'z-a': its end comes before its start"},
      {"[a-c-e]", "'-' stands for itself only first or last in a bracket expression"},
      {"[[:alpha:]-z]", "a range cannot start or end with a character class or equivalence class"},
      {"[a-[:alpha:]]", "a range cannot start or end with a character class or equivalence class"},
      {"[[=a=]-z]", "a range cannot start or end with a character class or equivalence class"},
      {"[[.ab.]]",
       "'[.ab.]' is not supported: only single characters can be collating elements (C locale)"},
      {"[[.hyphen.]]",
       "'[.hyphen.]' is not supported: only single characters can be collating elements (C "
       "locale)"},
      {"[[==]]",
       "'[==]' is not supported: only single characters can be equivalence classes (C locale)"},
      // Encoding.
      {"a\xFF", "the regex is not valid UTF-8 (byte 1)"},
      {"[\xC3]", "the regex is not valid UTF-8 (byte 1)"},
  };
  for (const Rejected& c : cases) {
    const EreTranslation t = TranslateEre(c.ere, /*ascii_casefold=*/false);
    EXPECT_FALSE(t.ok) << c.ere;
    EXPECT_EQ(t.error, c.error) << c.ere;
  }
}

TEST(EreTranslatorTest, NestingIsBounded) {
  const std::string ok = std::string(kMaxEreNesting, '(') + "a" + std::string(kMaxEreNesting, ')');
  EXPECT_TRUE(TranslateEre(ok, false).ok);
  const std::string deep =
      std::string(kMaxEreNesting + 1, '(') + "a" + std::string(kMaxEreNesting + 1, ')');
  EXPECT_EQ(TranslateEre(deep, false).error,
            "groups are nested deeper than 100 (max_regex_nesting)");
  // A hostile pattern is read in one pass, without recursion.
  const std::string many(100000, '(');
  EXPECT_EQ(TranslateEre(many, false).error,
            "groups are nested deeper than 100 (max_regex_nesting)");
}

TEST(EreTranslatorTest, QuoteRegexEscapesEverySpecialCharacter) {
  const struct {
    std::string_view in;
    std::string_view out;
  } cases[] = {
      {"", ""},
      {"plain text 123", "plain text 123"},
      {"a.b", "a\\.b"},
      {"\\.^$*+?()[]{}|", "\\\\\\.\\^\\$\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|"},
      {"-@/\"'", "-@/\"'"},
      {"caf\xC3\xA9+", "caf\xC3\xA9\\+"},
  };
  std::string out = "old";
  for (const auto& c : cases) {
    QuoteRegex(c.in, &out);
    EXPECT_EQ(out, c.out) << c.in;
    // The quoted text, as a regex, matches the original literally: it
    // translates to a pattern without any operator.
    const EreTranslation t = TranslateEre(out, false);
    ASSERT_TRUE(t.ok) << out << ": " << t.error;
    EXPECT_EQ(t.groups, 0u);
  }
}

}  // namespace
}  // namespace sievekit::extensions::regex
