// Tests for mail/header_index: case-insensitive lookup in message order,
// rebuilding over another field list, many names, and prepared name keys
// (long names compared a word at a time, letters only folded).
#include "mail/header_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::mail {
namespace {

std::vector<std::string> Values(const FieldRange& range) {
  std::vector<std::string> out;
  for (const HeaderField& field : range) out.emplace_back(field.raw_value());
  return out;
}

TEST(HeaderIndexTest, FindsAllFieldsOfANameInOrder) {
  std::vector<HeaderField> fields;
  ScanHeaderSection(
      "Received: 1\r\nSubject: s1\r\nreceived: 2\r\nTo: t\r\nRECEIVED: 3\r\nsubject: s2\r\n\r\n",
      {}, &fields);
  HeaderIndex index;
  index.Build(fields);
  EXPECT_EQ(index.name_count(), 3u);
  EXPECT_EQ(Values(index.Find("received")), (std::vector<std::string>{" 1", " 2", " 3"}));
  EXPECT_EQ(Values(index.Find("SUBJECT")), (std::vector<std::string>{" s1", " s2"}));
  EXPECT_EQ(Values(index.Find("To")), (std::vector<std::string>{" t"}));
  EXPECT_TRUE(index.Find("Cc").empty());
  EXPECT_TRUE(index.Find("").empty());
  EXPECT_EQ(index.Find("Received").count(), 3u);
  ASSERT_NE(index.Find("to").front(), nullptr);
  EXPECT_EQ(index.Find("to").front()->name(), "To");
  EXPECT_EQ(index.Find("nope").front(), nullptr);
  auto it = index.Find("subject").begin();
  EXPECT_EQ(it.index(), 1u);
  ++it;
  EXPECT_EQ(it.index(), 5u);
}

TEST(HeaderIndexTest, ManyDistinctNames) {
  std::string header;
  for (int i = 0; i < 500; ++i)
    header += "X-Name-" + std::to_string(i) + ": v" + std::to_string(i) + "\r\n";
  header += "X-Name-7: again\r\n\r\n";
  std::vector<HeaderField> fields;
  HeaderScanOptions options;
  ScanHeaderSection(header, options, &fields);
  HeaderIndex index;
  index.Build(fields);
  EXPECT_EQ(index.name_count(), 500u);
  for (int i = 0; i < 500; ++i) {
    const std::string name = "x-name-" + std::to_string(i);
    ASSERT_FALSE(index.Find(name).empty()) << name;
    EXPECT_EQ(index.Find(name).front()->raw_value(), " v" + std::to_string(i));
  }
  EXPECT_EQ(Values(index.Find("X-NAME-7")), (std::vector<std::string>{" v7", " again"}));
}

TEST(HeaderIndexTest, RebuildForgetsOldFields) {
  std::vector<HeaderField> first;
  ScanHeaderSection("A: 1\r\n\r\n", {}, &first);
  std::vector<HeaderField> second;
  ScanHeaderSection("B: 2\r\n\r\n", {}, &second);
  HeaderIndex index;
  index.Build(first);
  EXPECT_FALSE(index.Find("a").empty());
  index.Build(second);
  EXPECT_TRUE(index.Find("a").empty());
  EXPECT_FALSE(index.Find("b").empty());
  index.Clear();
  EXPECT_TRUE(index.Find("b").empty());
}

// Name pairs and whether the index treats them as one name: ASCII letters
// fold, nothing else does (0x5B '[' and 0x7B '{' differ only in the case
// bit, as do '@' and '`'), at every length and position around the 8-byte
// words the comparison works in.
TEST(HeaderIndexTest, NameKeysFoldLettersOnly) {
  struct Case {
    std::string message_name;
    std::string lookup;
    bool same;
  };
  const std::vector<Case> cases = {
      {"Subject", "subject", true},
      {"SUBJECT", "sUbJeCt", true},
      {"To", "to", true},
      {"X-Mailing-List", "x-mailing-list", true},
      {"X-Mailing-List", "x-mailing-lisT", true},
      {"X-Mailing-List", "x-mailing-lise", false},  // differs in the last word only
      {"X-Mailing-List", "x-mailing-list2", false},
      {"X-Keep-12345678", "x-keep-12345678", true},  // 15 bytes: two overlapping words
      {"X-Keep-12345678", "x-keep-12345679", false},
      {"X-Very-Long-Header-Name-Here", "x-very-long-header-name-here", true},
      {"X-Very-Long-Header-Name-Here", "x-very-long-heaDer-name-herf", false},
      {"A[b", "a{b", false},
      {"X-[Long]-Name-Field", "x-{long}-name-field", false},
      {"@x", "`x", false},
      {"x-caf\xC3\xA9", "X-CAF\xC3\xA9", true},  // 8-bit bytes compare as they are
      {"x-caf\xC3\xA9", "X-CAF\xC3\x89", false},
  };
  for (const Case& c : cases) {
    std::vector<HeaderField> fields;
    fields.emplace_back(c.message_name, " v", c.message_name + ": v", false);
    HeaderIndex index;
    index.Build(fields);
    EXPECT_EQ(!index.Find(c.lookup).empty(), c.same) << c.message_name << " / " << c.lookup;
    EXPECT_EQ(!index.Find(c.lookup, HeaderIndex::KeyOf(c.lookup)).empty(), c.same)
        << c.message_name << " / " << c.lookup;
    if (c.same) {
      const HeaderIndex::NameKey a = HeaderIndex::KeyOf(c.message_name);
      const HeaderIndex::NameKey b = HeaderIndex::KeyOf(c.lookup);
      EXPECT_EQ(a.hash, b.hash) << c.lookup;
      EXPECT_EQ(a.head, b.head) << c.lookup;
    }
  }
}

// Names that share their first eight bytes are told apart by the rest.
TEST(HeaderIndexTest, NamesSharingAHead) {
  std::vector<HeaderField> fields;
  ScanHeaderSection("X-Header-1: a\r\nX-Header-2: b\r\nX-Header-10: c\r\nX-Header: d\r\n\r\n",
                    {}, &fields);
  HeaderIndex index;
  index.Build(fields);
  EXPECT_EQ(index.name_count(), 4u);
  EXPECT_EQ(Values(index.Find("x-header-1")), (std::vector<std::string>{" a"}));
  EXPECT_EQ(Values(index.Find("x-header-2")), (std::vector<std::string>{" b"}));
  EXPECT_EQ(Values(index.Find("x-header-10")), (std::vector<std::string>{" c"}));
  EXPECT_EQ(Values(index.Find("x-header")), (std::vector<std::string>{" d"}));
  EXPECT_TRUE(index.Find("x-header-3").empty());
}

}  // namespace
}  // namespace sievekit::mail
