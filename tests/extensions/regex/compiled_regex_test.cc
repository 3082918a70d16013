// Tests for extensions/regex/compiled_regex: the matching semantics the
// translation and RE2's options give (unanchored search, leftmost-longest,
// newlines, ASCII case folding, captures), the limits, linear time on the
// patterns that make backtracking engines explode, and ValidUtf8.
#include "extensions/regex/compiled_regex.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::extensions::regex {
namespace {

std::unique_ptr<const CompiledRegex> MustCompile(std::string_view ere, bool fold = false) {
  auto compiled = CompiledRegex::Compile(ere, fold);
  EXPECT_TRUE(compiled.ok()) << ere << ": " << (compiled.ok() ? "" : compiled.error().message);
  return compiled.ok() ? std::move(*compiled) : nullptr;
}

struct SearchCase {
  std::string_view ere;
  bool fold;
  std::string_view text;
  bool matches;
};

TEST(CompiledRegexTest, SearchSemantics) {
  const SearchCase cases[] = {
      // An unanchored search, as regexec does.
      {"b", false, "abc", true},
      {"^b", false, "abc", false},
      {"c$", false, "abc", true},
      {"^abc$", false, "abc", true},
      {"", false, "", true},
      {"", false, "anything", true},
      {"x", false, "", false},
      // §3 table: "." is any character but newline; "^" and "$" also match
      // at line breaks ("the beginning of the line or string").
      {"a.c", false, "a\nc", false},
      {"a.c", false, "a\xC3\xA9" "c", true},  // one character, two bytes
      {"^b$", false, "a\nb\nc", true},
      {"a$", false, "a\nb", true},
      {"^b", false, "a\r\nb", true},
      {"a$", false, "a\r\nb", false},  // the CR is a character before the line break
      {"a[^x]c", false, "a\nc", true},
      // Bracket expressions, classes, intervals.
      {"^[[:digit:]]{3}-[[:digit:]]{4}$", false, "555-1234", true},
      {"^[[:digit:]]{3}-[[:digit:]]{4}$", false, "555-12345", false},
      {"^[^[:lower:]]+$", false, "HELLO WORLD!", true},
      {"^[^[:lower:]]+$", false, "Hello", false},
      {"[\\]", false, "back\\slash", true},
      {"[\\]", false, "no slash", false},
      {"[[:alpha:]]", false, "\xC3\xA9", false},  // classes are those of the C locale
      {"^(ab|cd)+$", false, "abcdab", true},
      {"^(ab|cd)+$", false, "abc", false},
      // i;octet is case-sensitive; i;ascii-casemap folds ASCII letters only.
      {"abc", false, "ABC", false},
      {"abc", true, "ABC", true},
      {"[a-c]+", true, "xBCAx", true},
      {"^[[:upper:]]+$", true, "abc", true},
      {"^[^a]$", true, "A", false},
      {"\xC3\xA9", true, "\xC3\x89", false},  // é is not É
      {"k", true, "\xE2\x84\xAA", false},     // not the Kelvin sign
      {"s", true, "\xC5\xBF", false},         // not the long s
      // NUL is a character like any other.
      {"a.b", false, std::string_view("a\0b", 3), true},
  };
  for (const SearchCase& c : cases) {
    auto regex = MustCompile(c.ere, c.fold);
    ASSERT_NE(regex, nullptr);
    EXPECT_EQ(regex->Search(c.text, nullptr, 32), c.matches)
        << c.ere << (c.fold ? " (folded)" : "") << " on '" << c.text << "'";
  }
}

struct CaptureCase {
  std::string_view ere;
  std::string_view text;
  std::vector<std::string_view> captures;
};

TEST(CompiledRegexTest, CapturesAreLeftmostLongest) {
  const CaptureCase cases[] = {
      // POSIX: the longest of the leftmost matches (Perl would say "a").
      {"a|ab", "xaby", {"ab"}},
      {"(a|ab)(c|bcd)", "abcd", {"abcd", "a", "bcd"}},
      {"x*", "aaxx", {""}},  // the leftmost match is the empty one at 0
      {"(a)|(b)", "b", {"b", "", "b"}},
      {"([^-@]*)-([^-@]*)(-bounces)?@ant\\.example\\.com",
       "antlr-interest-bounces@ant.example.com",
       {"antlr-interest-bounces@ant.example.com", "antlr", "interest", "-bounces"}},
      {"(.*>[ \t]*,?[ \t]*)?([^-@]*)-([^-@]*)(-bounces)?@ant\\.example\\.com",
       "antlr-interest-bounces@ant.example.com",
       {"antlr-interest-bounces@ant.example.com", "", "antlr", "interest", "-bounces"}},
  };
  for (const CaptureCase& c : cases) {
    auto regex = MustCompile(c.ere);
    ASSERT_NE(regex, nullptr);
    std::vector<std::string_view> captures = {"stale"};
    ASSERT_TRUE(regex->Search(c.text, &captures, 32)) << c.ere;
    EXPECT_EQ(captures, c.captures) << c.ere;
  }
}

TEST(CompiledRegexTest, CapturesStopAtTheRequestedGroup) {
  std::string ere;
  std::string text;
  for (char c = 'a'; c <= 'z'; ++c) {
    ere += "(.)";
    text += c;
  }
  ere = "(" + ere + ")(" + ere + ")";  // 54 groups
  text += text;
  auto regex = MustCompile(ere);
  ASSERT_NE(regex, nullptr);
  EXPECT_EQ(regex->groups(), 54u);
  std::vector<std::string_view> captures;
  ASSERT_TRUE(regex->Search(text, &captures, 32));
  ASSERT_EQ(captures.size(), 33u);
  EXPECT_EQ(captures[0], text);
  EXPECT_EQ(captures[1], text.substr(0, 26));
  EXPECT_EQ(captures[2], "a");
  EXPECT_EQ(captures[27], "z");
  EXPECT_EQ(captures[28], text.substr(26));
  EXPECT_EQ(captures[32], "d");
  ASSERT_TRUE(regex->Search(text, &captures, 3));
  EXPECT_EQ(captures.size(), 4u);
}

// §4: "a poor implementation COULD introduce security problems ... such as
// "(.*)*"". Each of these takes exponential time in a backtracking engine
// on the value below; RE2 is linear, so they finish at once.
TEST(CompiledRegexTest, PathologicalPatternsRunInLinearTime) {
  const std::string as(200000, 'a');
  const struct {
    std::string_view ere;
    std::string text;
    bool matches;
  } cases[] = {
      {"^(a*)*b$", as, false},
      {"^(a|aa)*c$", as, false},
      {"^(a+)+$", as + "!", false},
      {"(.*)*x", as, false},
      {"^((a|a)*)*b", as, false},
      {"^(a?){50}a{50}$", std::string(50, 'a'), true},
      {"(x+x+)+y", std::string(100000, 'x'), false},
      {"^(a*)*$", as, true},
  };
  for (const auto& c : cases) {
    auto regex = MustCompile(c.ere);
    ASSERT_NE(regex, nullptr);
    EXPECT_EQ(regex->Search(c.text, nullptr, 32), c.matches) << c.ere;
    std::vector<std::string_view> captures;
    EXPECT_EQ(regex->Search(c.text, &captures, 32), c.matches) << c.ere << " (captures)";
  }
}

TEST(CompiledRegexTest, Limits) {
  // max_regex_size: refused before anything reads it.
  const std::string at_limit(kMaxRegexSize, 'a');
  EXPECT_TRUE(CompiledRegex::Compile(at_limit, false).ok());
  const std::string too_long(kMaxRegexSize + 1, 'a');
  auto refused = CompiledRegex::Compile(too_long, false);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "the regex is 8193 bytes long, more than the limit of 8192 bytes (max_regex_size)");

  // max_regex_memory: a short key whose program does not fit.
  std::string huge;
  for (int i = 0; i < 16; ++i) huge += "(.{250}){4}";
  auto big = CompiledRegex::Compile(huge, false);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().message,
            "the regex needs more than the regex memory limit of 2048 KiB (max_regex_memory)");

  // RE2's bound on nested counted repetition.
  auto nested = CompiledRegex::Compile("((a{100}){100}){100}", false);
  ASSERT_FALSE(nested.ok());
  EXPECT_EQ(nested.error().message,
            "nested repetition counts multiply to more than RE2's limit of 1000");

  // Syntax errors come from the translation.
  auto syntax = CompiledRegex::Compile("a(", false);
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.error().message, "missing ')'");
}

TEST(ValidUtf8Test, ReplacesEveryInvalidByte) {
  const struct {
    std::string_view in;
    std::string_view out;
  } cases[] = {
      {"", ""},
      {"plain", "plain"},
      {"caf\xC3\xA9", "caf\xC3\xA9"},
      {"a\xFF" "b", "a\xEF\xBF\xBD" "b"},
      {"\xE2\x82", "\xEF\xBF\xBD\xEF\xBF\xBD"},           // truncated sequence
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},           // overlong
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // surrogate
      {"x\xE9y\xC3\xA9", "x\xEF\xBF\xBDy\xC3\xA9"},      // Latin-1 among UTF-8
  };
  std::string scratch;
  for (const auto& c : cases) {
    EXPECT_EQ(ValidUtf8(c.in, &scratch), c.out);
  }
  // Valid text is returned as it is, without a copy.
  const std::string_view valid = "valid";
  EXPECT_EQ(ValidUtf8(valid, &scratch).data(), valid.data());
  // So "." matches a byte that is not UTF-8.
  auto regex = MustCompile("^a.b$");
  ASSERT_NE(regex, nullptr);
  EXPECT_TRUE(regex->Search(ValidUtf8("a\xFF" "b", &scratch), nullptr, 32));
}

}  // namespace
}  // namespace sievekit::extensions::regex
