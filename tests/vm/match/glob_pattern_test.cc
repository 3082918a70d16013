// Tests for vm/match/glob_pattern: :matches semantics (RFC 5228 §2.7.1),
// escapes, "?" per comparator, captures (RFC 5229 §3.2) of the original
// value, hostile patterns, and agreement with a backtracking reference.
#include "vm/match/glob_pattern.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/utf8.h"
#include "vm/match/unicode_casemap.h"

namespace sievekit::match {
namespace {

using Id = ComparatorId;

std::string U(std::u32string_view code_points) {
  std::string out;
  for (const char32_t c : code_points) utf8::Encode(c, &out);
  return out;
}

// Folds the value as the VM's cache would, then matches.
bool RunMatch(const GlobPattern& pattern, std::string_view value,
              std::vector<std::string_view>* captures) {
  std::string folded;
  Fold(pattern.comparator(), value, &folded);
  return pattern.Match(folded, value, captures);
}

struct GlobCase {
  Id comparator;
  std::string pattern;
  std::string value;
  bool matches;
  std::vector<std::string> captures;  // ${1}, ${2}, ... when it matches
};

void Check(const GlobCase& c) {
  const GlobPattern pattern(c.pattern, c.comparator);
  const std::string label = std::string(ComparatorName(c.comparator)) + " pattern '" + c.pattern +
                            "' value '" + c.value + "'";
  EXPECT_EQ(RunMatch(pattern, c.value, nullptr), c.matches) << label;
  std::vector<std::string_view> captures = {"stale"};
  ASSERT_EQ(RunMatch(pattern, c.value, &captures), c.matches) << label;
  if (!c.matches) {
    EXPECT_TRUE(captures.empty()) << label;
    return;
  }
  ASSERT_EQ(captures.size(), 1 + pattern.wildcard_count()) << label;
  EXPECT_EQ(captures[0], c.value) << label << " ${0}";
  const std::vector<std::string> rest(captures.begin() + 1, captures.end());
  EXPECT_EQ(rest, c.captures) << label;
  // Captures are views of the original value, not copies.
  for (const std::string_view capture : captures) {
    if (capture.empty()) continue;
    EXPECT_GE(capture.data(), c.value.data()) << label;
    EXPECT_LE(capture.data() + capture.size(), c.value.data() + c.value.size()) << label;
  }
}

TEST(GlobPatternTest, Basics) {
  const Id k = Id::kAsciiCasemap;
  const GlobCase cases[] = {
      {k, "", "", true, {}},
      {k, "", "a", false, {}},
      {k, "*", "", true, {""}},
      {k, "*", "anything at all", true, {"anything at all"}},
      {k, "?", "", false, {}},
      {k, "?", "a", true, {"a"}},
      {k, "?", "ab", false, {}},
      {k, "???", "abc", true, {"a", "b", "c"}},
      {k, "???", "ab", false, {}},
      {k, "abc", "abc", true, {}},
      {k, "abc", "abcd", false, {}},
      {k, "abc", "ab", false, {}},
      {k, "a*", "abc", true, {"bc"}},
      {k, "a*", "bac", false, {}},
      {k, "*c", "abc", true, {"ab"}},
      {k, "*c", "abcd", false, {}},
      {k, "a*c", "ac", true, {""}},
      {k, "a*c", "abcbc", true, {"bcb"}},
      {k, "a?c", "abc", true, {"b"}},
      {k, "a?c", "ac", false, {}},
      {k, "a?c", "abbc", false, {}},
      {k, "ab*ba", "aba", false, {}},  // the anchored ends may not overlap
      {k, "ab*ba", "abba", true, {""}},
      {k, "*a*", "bbb", false, {}},
      {k, "*a*", "bab", true, {"b", "b"}},
      {k, "**", "xy", true, {"", "xy"}},
      {k, "*?*", "", false, {}},
      {k, "*?*", "x", true, {"", "x", ""}},
      {k, "*a?c*", "xxabcyy", true, {"xx", "b", "yy"}},
      {k, "*a?c*", "aac abc", true, {"", "a", " abc"}},
      {k, "*a?a*", "aaXa", true, {"a", "X", ""}},
      {k, "a*b*c", "abcabc", true, {"", "cab"}},
      {Id::kOctet, "a?c", std::string("a\0c", 3), true, {std::string(1, '\0')}},
      {Id::kOctet, std::string("*\0*", 3), std::string("x\0y", 3), true, {"x", "y"}},
  };
  for (const GlobCase& c : cases) Check(c);
}

TEST(GlobPatternTest, CapturesMatchAsLittleAsPossible) {
  // RFC 5229 §3.2: "The wildcards match as little as possible", read left to
  // right: each "*" is as short as the wildcards before it allow.
  const Id k = Id::kAsciiCasemap;
  const GlobCase cases[] = {
      {k, "*@*.*", "a@b.c.d", true, {"a", "b", "c.d"}},
      {k, "*.*", "a.b.c", true, {"a", "b.c"}},
      {k, "*?*", "abc", true, {"", "a", "bc"}},
      {k, "?*x*", "x..x...x", true, {"x", "..", "...x"}},
      {k, "*?ab", "zzabyab", true, {"zzab", "y"}},       // the end is anchored
      {k, "*?ab*", "zzabyab", true, {"z", "z", "yab"}},  // leftmost "?ab"
      {k, "*??@example.org", "user42@example.org", true, {"user", "4", "2"}},
      {k, "*?@example.org", "d@example.org", true, {"", "d"}},
      {k, "*?@example.org", "@example.org", false, {}},
      {k, "*?@example.org", "d@example.net", false, {}},
      {k, "the * sat on the *", "the cat sat on the mat", true, {"cat", "mat"}},
      {k, "* on *", "on on on on", true, {"on", "on on"}},
      {k, "*-*-*", "a-b-c-d-e", true, {"a", "b", "c-d-e"}},
  };
  for (const GlobCase& c : cases) Check(c);
}

TEST(GlobPatternTest, Rfc5229Examples) {
  const Id k = Id::kAsciiCasemap;  // the default comparator
  const GlobCase cases[] = {
      // §3.2: header :matches "List-ID" "*<*@*" → fileinto "INBOX.lists.${2}".
      {k,
       "*<*@*",
       "Sieve Users <sieve-users@lists.example.org>",
       true,
       {"Sieve Users ", "sieve-users", "lists.example.org>"}},
      // §3.2: Subject "[acme-users] [fwd] version 1.0 is out".
      {k,
       "[*] *",
       "[acme-users] [fwd] version 1.0 is out",
       true,
       {"acme-users", "[fwd] version 1.0 is out"}},
      // §3.2: address :matches "coyote@**.com" on coyote@ACME.Example.COM:
      // ${1} is empty, ${2} is "ACME.Example" in the case the mail had.
      {k, "coyote@**.com", "coyote@ACME.Example.COM", true, {"", "ACME.Example"}},
      {k, "wile@**.com", "coyote@ACME.Example.COM", false, {}},
      // §5: string :matches " ${state} " "* pending *" with state " pending".
      {k, "* pending *", "  pending ", true, {" ", ""}},
  };
  for (const GlobCase& c : cases) Check(c);
}

TEST(GlobPatternTest, Escapes) {
  // Patterns are string values after Sieve's own unescaping: the script text
  // "\\*" arrives here as \* (RFC 5228 §2.7.1).
  const Id k = Id::kAsciiCasemap;
  const GlobCase cases[] = {
      {k, "\\*", "*", true, {}},
      {k, "\\*", "a", false, {}},
      {k, "\\*", "", false, {}},
      {k, "\\?", "?", true, {}},
      {k, "\\?", "a", false, {}},
      {k, "\\\\", "\\", true, {}},
      {k, "\\\\", "\\\\", false, {}},
      {k, "\\\\*", "\\foo", true, {"foo"}},  // an escaped backslash, then a wildcard
      {k, "a\\*b*", "a*bcd", true, {"cd"}},
      {k, "a\\*b*", "axbcd", false, {}},
      {k, "*\\?", "is it over?", true, {"is it over"}},
      {k, "*\\?", "is it over!", false, {}},
      {k, "\\a\\B", "ab", true, {}},    // escaping an ordinary byte keeps it
      {k, "abc\\", "abc\\", true, {}},  // a trailing backslash stands for itself
      {k, "abc\\", "abc", false, {}},
      {k, "\\**\\?", "*x?", true, {"x"}},
      {k, "?\\??", "a?b", true, {"a", "b"}},
  };
  for (const GlobCase& c : cases) Check(c);
  EXPECT_EQ(GlobPattern("a*b?c\\*\\?", k).wildcard_count(), 2u);
}

TEST(GlobPatternTest, CaseByComparator) {
  const GlobCase cases[] = {
      {Id::kAsciiCasemap, "ThIs*tEsT*R", "This is a TEST header", true, {" is a ", " heade"}},
      {Id::kAsciiCasemap, "*money*", "MAKE MONEY FAST", true, {"MAKE ", " FAST"}},
      {Id::kOctet, "*MONEY*", "MAKE MONEY FAST", true, {"MAKE ", " FAST"}},
      {Id::kOctet, "*money*", "MAKE MONEY FAST", false, {}},
      // i;ascii-casemap leaves non-ASCII bytes alone: É is not é.
      {Id::kAsciiCasemap, "caf\xC3\xA9", "CAF\xC3\x89", false, {}},
      {Id::kAsciiCasemap, "caf\xC3\xA9", "CAF\xC3\xA9", true, {}},
      {Id::kUnicodeCasemap, "caf\xC3\xA9", "CAF\xC3\x89", true, {}},
      // i;ascii-numeric has no substring operation; a GlobPattern given it
      // anyway behaves as i;octet.
      {Id::kAsciiNumeric, "1*", "12", true, {"2"}},
  };
  for (const GlobCase& c : cases) Check(c);
}

TEST(GlobPatternTest, QuestionMarkUnits) {
  // RFC 5228 §2.7.1: with i;octet and i;ascii-casemap "?" is one octet; with
  // a Unicode comparator one UTF-8 character.
  const std::string cafe = U(U"caf\u00e9");
  const std::string smile = U(U"\U0001F600");
  const GlobCase cases[] = {
      {Id::kAsciiCasemap, "caf?", cafe, false, {}},
      {Id::kAsciiCasemap, "caf??", cafe, true, {"\xC3", "\xA9"}},
      {Id::kOctet, "????", smile, true, {"\xF0", "\x9F", "\x98", "\x80"}},
      {Id::kUnicodeCasemap, "caf?", cafe, true, {U(U"\u00e9")}},
      {Id::kUnicodeCasemap, "caf??", cafe, false, {}},
      {Id::kUnicodeCasemap, "?", smile, true, {smile}},
      {Id::kUnicodeCasemap, "??", U(U"\ud55c\uad6d"), true, {U(U"\ud55c"), U(U"\uad6d")}},
      // A decomposed é is two characters.
      {Id::kUnicodeCasemap, "caf?", U(U"cafe\u0301"), false, {}},
      {Id::kUnicodeCasemap, "caf??", U(U"cafe\u0301"), true, {"e", U(U"\u0301")}},
      // Invalid bytes are one character each.
      {Id::kUnicodeCasemap,
       "a?c",
       "a\xFF"
       "c",
       true,
       {"\xFF"}},
      {Id::kUnicodeCasemap, "??", "\xC3x", true, {"\xC3", "x"}},
      {Id::kUnicodeCasemap, "??", "\xC3\xA9", false, {}},
      {Id::kUnicodeCasemap, "A*", "a\xC3", true, {"\xC3"}},
  };
  for (const GlobCase& c : cases) Check(c);
}

TEST(GlobPatternTest, UnicodeCasemapCapturesTheOriginal) {
  const Id u = Id::kUnicodeCasemap;
  const GlobCase cases[] = {
      {u, U(U"r\u00e9sum\u00e9*"), U(U"R\u00c9SUM\u00c9 of Zo\u00eb"), true, {U(U" of Zo\u00eb")}},
      {u, U(U"*\u00e9*"), U(U"CAF\u00c9 CR\u00c8ME"), true, {"CAF", U(U" CR\u00c8ME")}},
      {u,
       U(U"This*with*T\u00c8ST"),
       U(U"This is a line with t\u00e8st"),
       true,
       {" is a line ", " "}},
      // Precomposed pattern, decomposed value, and the reverse.
      {u, U(U"caf\u00e9"), U(U"CAFE\u0301"), true, {}},
      {u, U(U"cafe\u0301*"), U(U"caf\u00e9!"), true, {"!"}},
      // A literal covers whole characters: "e" is not all of "é".
      {u, "*E*", U(U"\u00e9"), false, {}},
      {u, "*e", U(U"caf\u00e9"), false, {}},
      // Ligatures and digraphs match the letters they stand for.
      {u, "*fi*", U(U"\ufb01le"), true, {"", "le"}},
      {u, U(U"\ufb01*"), "FILE", true, {"LE"}},
      {u, U(U"\u01c6*"), U(U"D\u017eungla"), true, {"ungla"}},
      {u, U(U"*\u03c3"), U(U"\u039f\u0394\u039f\u03a3"), true, {U(U"\u039f\u0394\u039f")}},
      {u, U(U"*\u03c2"), U(U"\u03bf\u03b4\u03bf\u03c3"), true, {U(U"\u03bf\u03b4\u03bf")}},
      {u, U(U"*\u1112\u1161\u11ab"), U(U"\ub300\ud55c"), true, {U(U"\ub300")}},
      {u, "*", U(U"\u00c9t\u00e9"), true, {U(U"\u00c9t\u00e9")}},
      {u, "", "", true, {}},
      {u, "*x", "", false, {}},
      {u, "x*", U(U"\u00e9"), false, {}},
  };
  for (const GlobCase& c : cases) Check(c);
}

TEST(GlobPatternTest, HostilePatternsFinish) {
  // Backtracking matchers take exponential time on these; ours takes
  // O(value × pattern) at worst, and the anchored checks reject most at once.
  const std::string as(200000, 'a');
  const struct {
    Id comparator;
    std::string pattern;
    std::string value;
    bool matches;
  } cases[] = {
      {Id::kAsciiCasemap, "*a*a*a*a*a*a*a*b", as, false},
      {Id::kAsciiCasemap, "*a*a*a*a*a*a*a*b*", as, false},
      {Id::kAsciiCasemap, "*a*a*a*a*a*a*a*b*", as + "b", true},
      {Id::kAsciiCasemap, "*a?a?a?a?a?b*", as, false},
      {Id::kAsciiCasemap, "*aaaaaaaaaaaaaaaaaaaab*", as, false},
      {Id::kOctet, "*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*", as, true},
      {Id::kUnicodeCasemap, "*a*a*a*a*a*a*a*b", as, false},
      {Id::kUnicodeCasemap, "*a*a*a*a*a*a*a*b*", as, false},
      {Id::kUnicodeCasemap, "*a*a*a*a*a*a*a*b*", as + "b", true},
      {Id::kUnicodeCasemap, "*?*?*?*?*?*?*?*?*?*?x", as, false},
  };
  for (const auto& c : cases) {
    const GlobPattern pattern(c.pattern, c.comparator);
    std::vector<std::string_view> captures;
    EXPECT_EQ(RunMatch(pattern, c.value, &captures), c.matches)
        << ComparatorName(c.comparator) << " " << c.pattern;
    EXPECT_EQ(captures.size(), c.matches ? 1 + pattern.wildcard_count() : 0);
  }
}

TEST(GlobPatternTest, ThousandsOfWildcards) {
  std::string pattern;
  for (int i = 0; i < 1000; ++i) pattern += "*a";
  pattern += "*";
  const GlobPattern glob(pattern, Id::kAsciiCasemap);
  EXPECT_EQ(glob.wildcard_count(), 1001u);
  std::vector<std::string_view> captures;
  EXPECT_FALSE(RunMatch(glob, std::string(999, 'a'), &captures));
  const std::string value = std::string(1000, 'a') + "tail";
  ASSERT_TRUE(RunMatch(glob, value, &captures));
  ASSERT_EQ(captures.size(), 1002u);
  EXPECT_EQ(captures[1], "");
  EXPECT_EQ(captures[1000], "");
  EXPECT_EQ(captures[1001], "tail");
}

TEST(GlobPatternTest, AssignReplacesThePattern) {
  GlobPattern glob("*a*", Id::kAsciiCasemap);
  glob.Assign("b?", Id::kOctet);
  EXPECT_EQ(glob.comparator(), Id::kOctet);
  EXPECT_EQ(glob.wildcard_count(), 1u);
  EXPECT_TRUE(RunMatch(glob, "bx", nullptr));
  EXPECT_FALSE(RunMatch(glob, "Bx", nullptr));
  EXPECT_FALSE(RunMatch(glob, "xax", nullptr));
  glob.Assign("", Id::kUnicodeCasemap);
  EXPECT_TRUE(RunMatch(glob, "", nullptr));
  EXPECT_FALSE(RunMatch(glob, "a", nullptr));
  const GlobPattern empty;
  EXPECT_TRUE(RunMatch(empty, "", nullptr));
}

// --- Agreement with a backtracking reference -------------------------------

struct Token {
  enum Kind { kLiteral, kStar, kAny } kind;
  std::string folded;  // kLiteral: the folded run
};

std::vector<Token> Tokenize(std::string_view pattern, Id comparator) {
  std::vector<Token> tokens;
  std::string run;
  const auto flush = [&] {
    if (run.empty()) return;
    Token token{Token::kLiteral, ""};
    Fold(comparator, run, &token.folded);
    tokens.push_back(token);
    run.clear();
  };
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      run.push_back(i + 1 < pattern.size() ? pattern[++i] : '\\');
    } else if (pattern[i] == '*' || pattern[i] == '?') {
      flush();
      tokens.push_back(Token{pattern[i] == '*' ? Token::kStar : Token::kAny, ""});
    } else {
      run.push_back(pattern[i]);
    }
  }
  flush();
  return tokens;
}

size_t Step(std::string_view value, size_t at, bool characters) {
  if (!characters) return 1;
  const size_t length = utf8::SequenceLength(value.substr(at));
  return length == 0 ? 1 : length;
}

// The end of `folded` matched at value[at], or npos.
size_t MatchLiteral(const std::string& folded, std::string_view value, size_t at, bool characters) {
  if (!characters) {
    return value.substr(at).starts_with(folded) ? at + folded.size() : std::string::npos;
  }
  size_t done = 0;
  UnicodeFoldBuffer buffer;
  while (done < folded.size()) {
    if (at >= value.size()) return std::string::npos;
    size_t consumed = 0;
    const std::string_view fold = FoldUnicodeCharacter(value.substr(at), &consumed, &buffer);
    if (std::string_view(folded).substr(done, fold.size()) != fold) return std::string::npos;
    done += fold.size();
    at += consumed;
  }
  return done == folded.size() ? at : std::string::npos;
}

// Depth-first search trying each "*" from shortest to longest: the first
// success has the left-to-right shortest wildcards, by construction.
using Spans = std::vector<std::pair<size_t, size_t>>;
std::optional<Spans> Reference(const std::vector<Token>& tokens, size_t t, std::string_view value,
                               size_t at, bool characters) {
  if (t == tokens.size()) return at == value.size() ? std::optional<Spans>(Spans{}) : std::nullopt;
  const Token& token = tokens[t];
  if (token.kind == Token::kLiteral) {
    const size_t end = MatchLiteral(token.folded, value, at, characters);
    if (end == std::string::npos) return std::nullopt;
    return Reference(tokens, t + 1, value, end, characters);
  }
  if (token.kind == Token::kAny) {
    if (at >= value.size()) return std::nullopt;
    const size_t end = at + Step(value, at, characters);
    auto rest = Reference(tokens, t + 1, value, end, characters);
    if (rest) rest->insert(rest->begin(), {at, end});
    return rest;
  }
  for (size_t end = at;; end += Step(value, end, characters)) {
    auto rest = Reference(tokens, t + 1, value, end, characters);
    if (rest) {
      rest->insert(rest->begin(), {at, end});
      return rest;
    }
    if (end >= value.size()) return std::nullopt;
  }
}

// RequiredPairs: the pairs inside literal runs (folded), never across a
// wildcard; none for i;unicode-casemap. min_bytes: the shortest match.
TEST(GlobPatternTest, RequiredPairsAndMinBytes) {
  const auto pairs = [](std::string_view text) {
    BigramSketch sketch;
    sketch.AddPairs(text);
    return sketch;
  };
  const GlobPattern ticket("*[ticket-?]*", Id::kAsciiCasemap);
  EXPECT_EQ(ticket.min_bytes(), 10u);
  const BigramSketch required = ticket.RequiredPairs();
  EXPECT_TRUE(pairs("[TICKET-").Covers(required));
  EXPECT_TRUE(pairs("xx[TICKET-9]yy").Covers(required));
  EXPECT_FALSE(pairs("[TICKET]").Covers(required));
  EXPECT_FALSE(pairs("[ticket-").Covers(required));  // the value must be folded too
  // "a*b" needs no pair at all: each literal run is one byte.
  EXPECT_TRUE(BigramSketch().Covers(GlobPattern("a*b", Id::kOctet).RequiredPairs()));
  EXPECT_EQ(GlobPattern("a*b", Id::kOctet).min_bytes(), 2u);
  // An escaped wildcard is a literal byte of its run.
  EXPECT_FALSE(pairs("AB").Covers(GlobPattern("a\\*b", Id::kAsciiCasemap).RequiredPairs()));
  EXPECT_TRUE(pairs("A*B").Covers(GlobPattern("a\\*b", Id::kAsciiCasemap).RequiredPairs()));
  EXPECT_TRUE(BigramSketch().Covers(GlobPattern("abc", Id::kUnicodeCasemap).RequiredPairs()));
}

TEST(GlobPatternTest, AgreesWithBacktrackingReference) {
  const std::vector<std::string> pattern_pieces = {"a",          "b",          "A",   "*",   "*",
                                                   "?",          "?",          "\\*", "\\?", "ab",
                                                   U(U"\u00e9"), U(U"\ufb01"), "fi",  "\xFF"};
  const std::vector<std::string> value_pieces = {
      "a",  "b",          "B",           "A",          "*",    "?",   "fi",
      "FI", U(U"\u00c9"), U(U"e\u0301"), U(U"\ufb01"), "\xFF", "\xC3"};
  uint32_t seed = 2024;
  const auto next = [&seed](size_t bound) {
    seed = seed * 1664525 + 1013904223;
    return static_cast<size_t>(seed >> 8) % bound;
  };
  for (const Id comparator : {Id::kOctet, Id::kAsciiCasemap, Id::kUnicodeCasemap}) {
    const bool characters = CharacterUnitOf(comparator) == CharacterUnit::kUtf8Character;
    int matched_rounds = 0;
    for (int round = 0; round < 20000; ++round) {
      std::string pattern, value;
      if (round % 2 == 0) {
        for (size_t i = next(6); i > 0; --i) pattern += pattern_pieces[next(pattern_pieces.size())];
        for (size_t i = next(7); i > 0; --i) value += value_pieces[next(value_pieces.size())];
      } else {
        // A value built from the pattern, so that many rounds match.
        for (size_t i = next(7); i > 0; --i) {
          const std::string& piece = pattern_pieces[next(pattern_pieces.size())];
          pattern += piece;
          if (piece == "*") {
            for (size_t j = next(3); j > 0; --j) value += value_pieces[next(value_pieces.size())];
          } else if (piece == "?") {
            value += value_pieces[next(value_pieces.size())];
          } else if (piece[0] == '\\') {
            value += piece.substr(1);
          } else {
            value += next(2) == 0 ? piece : std::string(1, AsciiUpper(piece[0])) + piece.substr(1);
          }
        }
      }
      std::string folded;
      Fold(comparator, value, &folded);
      const std::string_view subject = characters ? std::string_view(value) : folded;
      const std::optional<Spans> expected =
          Reference(Tokenize(pattern, comparator), 0, subject, 0, characters);
      const GlobPattern glob(pattern, comparator);
      std::vector<std::string_view> captures;
      const bool matched = glob.Match(folded, value, &captures);
      ASSERT_EQ(matched, expected.has_value())
          << ComparatorName(comparator) << " '" << pattern << "' '" << value << "'";
      if (!matched) continue;
      ++matched_rounds;
      ASSERT_EQ(captures.size(), 1 + expected->size());
      for (size_t i = 0; i < expected->size(); ++i) {
        const auto [begin, end] = (*expected)[i];
        ASSERT_EQ(captures[1 + i], std::string_view(value).substr(begin, end - begin))
            << ComparatorName(comparator) << " '" << pattern << "' '" << value << "' ${" << i + 1
            << "}";
      }
    }
    // Enough of the random cases match for the captures to be exercised.
    EXPECT_GT(matched_rounds, 5000) << ComparatorName(comparator);
  }
}

}  // namespace
}  // namespace sievekit::match
