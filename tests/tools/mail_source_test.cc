// Tests for tools/mail_source: Maildir order (cur/ before new/, then by
// name), what is skipped (folders, links to nothing), files of every size
// (the buffer grows and is reused), read errors, and the mbox reader.
#include "tools/mail_source.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "tests/tools/run_sievec.h"

namespace sievekit::tools {
namespace {

using testutil::ScratchDir;
using testutil::WriteWholeFile;

struct Read {
  std::string name;
  std::string bytes;
};

std::vector<Read> ReadAll(MailSource& source) {
  std::vector<Read> out;
  SourcedMessage message;
  while (source.Next(&message)) out.push_back({message.name, std::string(message.bytes)});
  return out;
}

TEST(MailSourceTest, MaildirOrderAndContents) {
  ScratchDir dir;
  const auto box = dir.path() / "box";
  std::filesystem::create_directories(box / "cur");
  std::filesystem::create_directories(box / "new");
  std::filesystem::create_directories(box / "cur" / "sub");  // not a message
  const std::string big(300000, 'x');  // larger than any earlier buffer
  WriteWholeFile(box / "new" / "1", "third");
  WriteWholeFile(box / "cur" / "b:2,S", big);
  WriteWholeFile(box / "cur" / "a:2,", "first");
  WriteWholeFile(box / "cur" / "c", "");
  WriteWholeFile(box / "cur" / "d", "small after big");
  std::filesystem::create_symlink(box / "cur" / "a:2,", box / "new" / "0-link");
  std::filesystem::create_symlink(box / "missing", box / "new" / "dangling");
  auto source = OpenMailSource(box.string());
  ASSERT_TRUE(source.ok()) << source.error().message;
  EXPECT_EQ((*source)->count_hint(), 6u);
  const std::vector<Read> read = ReadAll(**source);
  ASSERT_EQ(read.size(), 6u);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"a:2,", "first"}, {"b:2,S", big},          {"c", ""},
      {"d", "small after big"}, {"0-link", "first"}, {"1", "third"}};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(read[i].name, expected[i].first) << i;
    EXPECT_EQ(read[i].bytes, expected[i].second) << read[i].name;
  }
  EXPECT_TRUE((*source)->errors.empty());
}

TEST(MailSourceTest, OnlyNewIsAMaildirToo) {
  ScratchDir dir;
  std::filesystem::create_directories(dir.path() / "box" / "new");
  WriteWholeFile(dir.path() / "box" / "new" / "m", "x");
  auto source = OpenMailSource((dir.path() / "box").string());
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(ReadAll(**source).size(), 1u);
}

TEST(MailSourceTest, NotAMaildir) {
  ScratchDir dir;
  std::filesystem::create_directories(dir.path() / "plain");
  auto source = OpenMailSource((dir.path() / "plain").string());
  ASSERT_FALSE(source.ok());
  EXPECT_NE(source.error().message.find("not a Maildir"), std::string::npos);
}

TEST(MailSourceTest, UnreadableFilesAreSkippedAndReported) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every file";
  ScratchDir dir;
  const auto cur = dir.path() / "box" / "cur";
  std::filesystem::create_directories(cur);
  WriteWholeFile(cur / "1", "one");
  WriteWholeFile(cur / "2", "two");
  std::filesystem::permissions(cur / "1", std::filesystem::perms::none);
  auto source = OpenMailSource((dir.path() / "box").string());
  ASSERT_TRUE(source.ok());
  const std::vector<Read> read = ReadAll(**source);
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].bytes, "two");
  ASSERT_EQ((*source)->errors.size(), 1u);
  EXPECT_NE((*source)->errors[0].find("/cur/1: cannot read"), std::string::npos)
      << (*source)->errors[0];
}

TEST(MailSourceTest, MboxSplitsAndUnescapes) {
  ScratchDir dir;
  const std::string mbox = dir.Write(
      "box.mbox",
      "From a@example.com Mon Nov  3 10:00:00 2026\nSubject: 1\n\n>From here\n>>From there\n\n"
      "From b@example.com Mon Nov  3 10:00:01 2026\nSubject: 2\n\nbody\n");
  auto source = OpenMailSource(mbox);
  ASSERT_TRUE(source.ok());
  SourcedMessage message;
  ASSERT_TRUE((*source)->Next(&message));
  EXPECT_EQ(message.name, "mbox:1");
  EXPECT_EQ(message.mbox_sender, "a@example.com");
  EXPECT_EQ(message.bytes, "Subject: 1\n\nFrom here\n>From there\n\n");
  ASSERT_TRUE((*source)->Next(&message));
  EXPECT_EQ(message.mbox_sender, "b@example.com");
  EXPECT_EQ(message.bytes, "Subject: 2\n\nbody\n");
  EXPECT_FALSE((*source)->Next(&message));
}

}  // namespace
}  // namespace sievekit::tools
