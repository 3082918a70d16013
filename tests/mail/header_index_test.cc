// Tests for mail/header_index: case-insensitive lookup in message order,
// rebuilding over another field list, many names.
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

}  // namespace
}  // namespace sievekit::mail
