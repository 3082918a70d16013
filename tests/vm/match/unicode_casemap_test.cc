// Tests for vm/match/unicode_casemap: RFC 5051 folding of ASCII, Latin-1,
// Greek, Turkish, German, ligatures, Hangul and other compatibility
// characters, invalid UTF-8, and the per-character entry point.
#include "vm/match/unicode_casemap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "common/utf8.h"

namespace sievekit::match {
namespace {

// UTF-8 of a sequence of code points, so expectations read as U+ numbers.
std::string U(std::u32string_view code_points) {
  std::string out;
  for (const char32_t c : code_points) utf8::Encode(c, &out);
  return out;
}

std::string FoldOf(std::string_view in) {
  std::string out;
  FoldUnicodeCasemap(in, &out);
  return out;
}

struct FoldCase {
  std::string_view name;
  std::string in;
  std::string folded;
};

TEST(UnicodeCasemapTest, Folds) {
  const FoldCase cases[] = {
      {"empty", "", ""},
      {"ascii", "Hello, World! 0-9 [_]", "HELLO, WORLD! 0-9 [_]"},
      {"nul kept", std::string("a\0b", 3), std::string("A\0B", 3)},
      // Latin-1 range.
      {"e acute", U(U"\u00e9"), U(U"E\u0301")},
      {"E acute", U(U"\u00c9"), U(U"E\u0301")},
      {"y diaeresis to capital Y", U(U"\u00ff"), U(U"Y\u0308")},
      {"micro sign titlecases to Greek capital mu", U(U"\u00b5"), U(U"\u039c")},
      {"feminine ordinal", U(U"\u00aa"), "A"},
      {"superscript two", U(U"\u00b2"), "2"},
      {"no-break space", U(U"\u00a0"), " "},
      {"one quarter", U(U"\u00bc"), U(U"1\u20444")},
      // German: simple mappings leave the sharp s alone.
      {"sharp s", U(U"\u00df"), U(U"\u00df")},
      {"capital sharp s", U(U"\u1e9e"), U(U"\u1e9e")},
      {"Strasse", U(U"Stra\u00dfe"), U(U"STRA\u00dfE")},
      // Turkish: no locale tailoring.
      {"capital I with dot", U(U"\u0130"), U(U"I\u0307")},
      {"dotless i", U(U"\u0131"), "I"},
      {"plain i", "i", "I"},
      // Greek.
      {"sigma", U(U"\u03c3"), U(U"\u03a3")},
      {"final sigma", U(U"\u03c2"), U(U"\u03a3")},
      {"alpha with tonos", U(U"\u03ac"), U(U"\u0391\u0301")},
      {"iota with dialytika and tonos", U(U"\u0390"), U(U"\u0399\u0308\u0301")},
      {"ohm sign", U(U"\u2126"), U(U"\u03a9")},
      // Ligatures and digraphs fold like their letters.
      {"fi ligature", U(U"\ufb01"), "FI"},
      {"ffl ligature", U(U"\ufb04"), "FFL"},
      {"dz with caron, small", U(U"\u01c6"), U(U"DZ\u030c")},
      {"dz with caron, title", U(U"\u01c5"), U(U"DZ\u030c")},
      {"dz with caron, capital", U(U"\u01c4"), U(U"DZ\u030c")},
      {"long s", U(U"\u017f"), "S"},
      // Hangul syllables decompose into jamo (NFKD).
      {"hangul", U(U"\ud55c\uad6d"), U(U"\u1112\u1161\u11ab\u1100\u116e\u11a8")},
      // Other compatibility characters.
      {"fullwidth a", U(U"\uff41"), "A"},
      {"circled one", U(U"\u2460"), "1"},
      {"trade mark", U(U"\u2122"), "TM"},
      {"angstrom sign", U(U"\u212b"), U(U"A\u030a")},
      {"kelvin sign", U(U"\u212a"), "K"},
      {"mathematical bold a", U(U"\U0001d41a"), "A"},
      {"deseret small to capital", U(U"\U00010428"), U(U"\U00010400")},
      {"emoji unchanged", U(U"\U0001f600"), U(U"\U0001f600")},
      {"cyrillic", U(U"\u0436"), U(U"\u0416")},
      {"cjk unchanged", U(U"\u6f22"), U(U"\u6f22")},
      // Invalid UTF-8: each bad byte is kept; the rest still folds.
      {"stray latin-1 byte", "caf\xE9 ok", "CAF\xE9 OK"},
      {"lone continuation", "a\x80z", "A\x80Z"},
      {"truncated sequence", "x\xC3", "X\xC3"},
      {"overlong", "\xC0\xAFq", "\xC0\xAFQ"},
      {"surrogate", "\xED\xA0\x80", "\xED\xA0\x80"},
      {"invalid then valid", "\xFF\xC3\xA9", "\xFF" + U(U"E\u0301")},
  };
  for (const auto& c : cases) EXPECT_EQ(FoldOf(c.in), c.folded) << c.name;
}

TEST(UnicodeCasemapTest, EquivalentStrings) {
  const struct {
    std::string a, b;
    bool equal;
  } cases[] = {
      {"TEST", "test", true},
      {U(U"T\u00c8ST"), U(U"t\u00e8st"), true},  // Pigeonhole's comparator test
      {U(U"\u00e9"), U(U"e\u0301"), true},       // precomposed vs decomposed
      {U(U"\ufb01le"), "FILE", true},
      {U(U"\u01c6"), U(U"d\u017e"), true},
      {U(U"\u0131"), "i", true},
      {U(U"\u0130"), "i", false},
      {U(U"\u00df"), "ss", false},
      {U(U"\u00df"), U(U"\u1e9e"), false},
      {U(U"\u03c3\u03bf\u03c6\u03bf\u03c2"), U(U"\u03a3\u039f\u03a6\u039f\u03a3"), true},
      {U(U"\u212b"), U(U"\u00e5"), true},
      {U(U"\u212a"), "k", true},
      {U(U"\uff21\uff22"), "ab", true},
      {U(U"\u00e9"), "e", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FoldOf(c.a) == FoldOf(c.b), c.equal) << c.a << " vs " << c.b;
  }
}

TEST(UnicodeCasemapTest, FoldIsPerCharacter) {
  // The fold of a string is the concatenation of its characters' folds (no
  // reordering across characters), which :matches relies on.
  const std::string text = U(U"a\u0323\u0301 \u1e69\ufb01\U0001d41a\u00df") + "\xFF\xC3";
  std::string concatenated;
  UnicodeFoldBuffer buffer;
  size_t i = 0;
  while (i < text.size()) {
    size_t consumed = 0;
    concatenated += FoldUnicodeCharacter(std::string_view(text).substr(i), &consumed, &buffer);
    ASSERT_GE(consumed, 1u);
    i += consumed;
  }
  EXPECT_EQ(concatenated, FoldOf(text));
}

TEST(UnicodeCasemapTest, CharacterLengths) {
  const struct {
    std::string text;
    size_t consumed;
    std::string fold;
  } cases[] = {
      {"ab", 1, "A"},
      {U(U"\u00e9x"), 2, U(U"E\u0301")},
      {U(U"\ud55c"), 3, U(U"\u1112\u1161\u11ab")},
      {U(U"\U0001d41a"), 4, "A"},
      {U(U"\U0001f600"), 4, U(U"\U0001f600")},
      {"\xFFx", 1, "\xFF"},
      {"\xC3", 1, "\xC3"},
      {"\xE2\x82x", 1, "\xE2"},
  };
  UnicodeFoldBuffer buffer;
  for (const auto& c : cases) {
    size_t consumed = 0;
    EXPECT_EQ(FoldUnicodeCharacter(c.text, &consumed, &buffer), c.fold) << c.text;
    EXPECT_EQ(consumed, c.consumed) << c.text;
  }
}

TEST(UnicodeCasemapTest, EveryCodePointFitsAndTheTableAgreesWithIcu) {
  std::string fold;
  std::string encoded;
  UnicodeFoldBuffer buffer;
  size_t longest = 0;
  size_t longest_outside_bmp = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    fold.clear();
    if (!FoldCodePointUncached(c, &fold)) {
      EXPECT_TRUE(c >= 0xD800 && c <= 0xDFFF) << static_cast<uint32_t>(c);
      continue;
    }
    longest = std::max(longest, fold.size());
    if (c >= 0x10000) longest_outside_bmp = std::max(longest_outside_bmp, fold.size());
    encoded.clear();
    utf8::Encode(c, &encoded);
    size_t consumed = 0;
    ASSERT_EQ(FoldUnicodeCharacter(encoded, &consumed, &buffer), fold)
        << "U+" << std::hex << static_cast<uint32_t>(c);
    ASSERT_EQ(consumed, encoded.size());
    // Idempotent: the fold's characters are their own folds.
    std::string again;
    FoldUnicodeCasemap(fold, &again);
    ASSERT_EQ(again, fold) << "U+" << std::hex << static_cast<uint32_t>(c);
  }
  EXPECT_LE(longest, kMaxFoldedCharacterBytes);
  EXPECT_EQ(longest, 33u);  // U+FDFA, an Arabic ligature of 18 characters
  // Folds computed per call (outside the BMP) fit a std::string's inline
  // buffer, which keeps FoldUnicodeCharacter free of allocation.
  EXPECT_LE(longest_outside_bmp, std::string().capacity());
}

TEST(UnicodeCasemapTest, FoldReusesTheBuffer) {
  std::string out;
  FoldUnicodeCasemap(U(U"\u00e9\u00e9\u00e9\u00e9 long enough to leave SSO"), &out);
  const char* const data = out.data();
  FoldUnicodeCasemap(U(U"sh\u00f6rt"), &out);
  EXPECT_EQ(out, U(U"SHO\u0308RT"));
  EXPECT_EQ(out.data(), data);
}

}  // namespace
}  // namespace sievekit::match
