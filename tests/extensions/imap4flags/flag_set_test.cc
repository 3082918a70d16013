// Tests for extensions/imap4flags/flag_set: splitting flag lists at spaces
// (RFC 5232 §2), the IMAP flag syntax (RFC 3501 §9) and the ordered,
// case-insensitive flag set.
#include "extensions/imap4flags/flag_set.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::extensions::imap4flags {
namespace {

std::string Words(std::string_view list) {
  std::string out;
  ForEachWord(list, [&](std::string_view word) { out += "<" + std::string(word) + ">"; });
  return out;
}

TEST(FlagSetTest, ForEachWordSplitsAtSpacesOnly) {
  const struct {
    std::string_view list;
    std::string words;
  } cases[] = {
      {"", ""},
      {"   ", ""},
      {"\\Seen", "<\\Seen>"},
      {"a b", "<a><b>"},
      {"  a   b  ", "<a><b>"},
      {"a\tb", "<a\tb>"},  // only SP separates; the tab makes an invalid flag
      {"$Label1 \\Answered Junk", "<$Label1><\\Answered><Junk>"},
  };
  for (const auto& c : cases) EXPECT_EQ(Words(c.list), c.words) << c.list;
}

TEST(FlagSetTest, IsSettableFlag) {
  const struct {
    std::string_view flag;
    bool settable;
  } cases[] = {
      {"\\Answered", true},
      {"\\flagged", true},
      {"\\DELETED", true},
      {"\\Seen", true},
      {"\\Draft", true},
      // §2: \Recent and other system flags cannot be set through IMAP.
      {"\\Recent", false},
      {"\\*", false},
      {"\\Important", false},
      {"\\", false},
      // Keywords are atoms.
      {"$MDNSent", true},
      {"Junk", true},
      {"NonJunk", true},
      {"gnus-forward", true},
      {"a[b", true},
      {"~!#&'+,-./:;<=>?@^_`|}", true},
      {"", false},
      {"a b", false},
      {"a(b", false},
      {"a)b", false},
      {"a{b", false},
      {"a%b", false},
      {"a*b", false},
      {"a\"b", false},
      {"a\\b", false},
      {"a]b", false},
      {"a\tb", false},
      {"a\x7f", false},
      {"caf\xc3\xa9", false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsSettableFlag(c.flag), c.settable) << c.flag;
}

TEST(FlagSetTest, SameFlagIgnoresAsciiCase) {
  EXPECT_TRUE(SameFlag("\\SEEN", "\\seen"));
  EXPECT_TRUE(SameFlag("$Junk", "$jUNK"));
  EXPECT_FALSE(SameFlag("$Junk", "$Junk2"));
  EXPECT_FALSE(SameFlag("a", "b"));
}

std::string Joined(const FlagSet& set) {
  std::string out;
  set.Join(&out);
  return out;
}

TEST(FlagSetTest, AddKeepsOrderAndFirstSpelling) {
  FlagSet set;
  set.AddWords("\\seen $frop \\Seen $FROP b", /*settable_only=*/true);
  EXPECT_EQ(Joined(set), "\\seen $frop b");
  EXPECT_EQ(set.size(), 3u);
  EXPECT_TRUE(set.Contains("\\SEEN"));
  EXPECT_FALSE(set.Contains("c"));
}

TEST(FlagSetTest, SettableOnlyIgnoresInvalidWords) {
  FlagSet set;
  set.AddWords("a \\Recent (b c", /*settable_only=*/true);
  EXPECT_EQ(Joined(set), "a c");
  set.Clear();
  set.AddWords("a \\Recent (b c", /*settable_only=*/false);
  EXPECT_EQ(Joined(set), "a \\Recent (b c");
}

TEST(FlagSetTest, RemoveFirstMiddleLastAndAbsent) {
  const struct {
    std::string_view start;
    std::string_view remove;
    std::string result;
  } cases[] = {
      {"$frop \\seen", "$frop", "\\seen"},
      {"\\seen $friep", "$FRIEP", "\\seen"},
      {"\\seen $friep \\flagged", "$friep", "\\seen \\flagged"},
      {"\\seen $friep $friep \\flagged $friep", "$friep", "\\seen \\flagged"},
      {"a b", "c", "a b"},
      {"a b", "", "a b"},
      {"a b c", "c a", "b"},
      {"", "a", ""},
  };
  for (const auto& c : cases) {
    FlagSet set;
    set.AddWords(c.start, true);
    set.RemoveWords(c.remove, true);
    EXPECT_EQ(Joined(set), c.result) << c.start << " - " << c.remove;
  }
}

TEST(FlagSetTest, ReusesStorageAfterClear) {
  FlagSet set;
  set.AddWords("a b c", true);
  set.Remove("a");
  set.Add("d");
  EXPECT_EQ(Joined(set), "b c d");
  set.Clear();
  EXPECT_TRUE(set.empty());
  EXPECT_EQ(Joined(set), "");
  set.Add("x");
  EXPECT_EQ(Joined(set), "x");
}

TEST(FlagSetTest, HoldsAtMostMaxFlags) {
  FlagSet set;
  std::string list;
  for (size_t i = 0; i < FlagSet::kMaxFlags + 10; ++i) list += "f" + std::to_string(i) + " ";
  set.AddWords(list, true);
  EXPECT_EQ(set.size(), FlagSet::kMaxFlags);
  EXPECT_EQ(set[FlagSet::kMaxFlags - 1], "f" + std::to_string(FlagSet::kMaxFlags - 1));
  EXPECT_FALSE(set.Contains("f" + std::to_string(FlagSet::kMaxFlags)));
  // Room made by a removal is used again.
  set.Remove("f0");
  set.Add("new");
  EXPECT_EQ(set.size(), FlagSet::kMaxFlags);
  EXPECT_TRUE(set.Contains("new"));
}

TEST(FlagSetTest, CopyTo) {
  FlagSet set;
  set.AddWords("\\Seen Junk", true);
  std::vector<std::string> out = {"old", "older", "oldest"};
  set.CopyTo(&out);
  EXPECT_EQ(out, (std::vector<std::string>{"\\Seen", "Junk"}));
  set.Clear();
  set.CopyTo(&out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace sievekit::extensions::imap4flags
