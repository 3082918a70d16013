// Tests for tools/mail_source: Maildir order (cur/ before new/, then by
// name), what is skipped (folders, links to nothing), files of every size
// (buffers grow, are reused, and big ones are given back), read errors in
// order, more files than the read-ahead holds, stopping early, and the mbox
// reader. tools/mail_source.cc reads a Maildir on two threads; these tests
// ran clean under ThreadSanitizer, built by hand with
//   clang++ -std=c++20 -O1 -g -fsanitize=thread -I.
//     -DSIEVEKIT_BINARY_DIR='"/nonexistent"' tools/mail_source.cc
//     tests/tools/mail_source_test.cc -lgtest -lgtest_main   (one line)
#include "tools/mail_source.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
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

// More files than the read-ahead keeps slots for, of sizes around the first
// buffer's: every message comes whole and in order, whichever thread read it.
TEST(MailSourceTest, ManyFilesComeWholeAndInOrder) {
  ScratchDir dir;
  const auto cur = dir.path() / "box" / "cur";
  std::filesystem::create_directories(cur);
  constexpr size_t kFiles = 300;
  const std::vector<size_t> sizes = {0, 1, 4095, 4096, 262143, 262144, 262145, 600000, 17};
  std::vector<std::string> contents;
  for (size_t i = 0; i < kFiles; ++i) {
    std::string text(sizes[i % sizes.size()], static_cast<char>('a' + i % 26));
    text += "#" + std::to_string(i);
    char name[16];
    std::snprintf(name, sizeof name, "%04zu", i);
    WriteWholeFile(cur / name, text);
    contents.push_back(std::move(text));
  }
  auto source = OpenMailSource((dir.path() / "box").string());
  ASSERT_TRUE(source.ok());
  const std::vector<Read> read = ReadAll(**source);
  ASSERT_EQ(read.size(), kFiles);
  for (size_t i = 0; i < kFiles; ++i) {
    ASSERT_EQ(read[i].bytes.size(), contents[i].size()) << i;
    EXPECT_EQ(read[i].bytes, contents[i]) << i;
  }
  EXPECT_TRUE((*source)->errors.empty());
}

// Messages of several megabytes: reading ahead stops at its byte budget and
// slots give their big buffers back, yet every message still comes whole.
TEST(MailSourceTest, HugeMessagesComeWholeAndInOrder) {
  ScratchDir dir;
  const auto cur = dir.path() / "box" / "cur";
  std::filesystem::create_directories(cur);
  std::vector<std::string> contents;
  for (int i = 0; i < 24; ++i) {
    std::string text(i % 4 == 1 ? 3'000'000 : 100, static_cast<char>('A' + i));
    text += std::to_string(i);
    WriteWholeFile(cur / ("m" + std::to_string(100 + i)), text);
    contents.push_back(std::move(text));
  }
  auto source = OpenMailSource((dir.path() / "box").string());
  ASSERT_TRUE(source.ok());
  const std::vector<Read> read = ReadAll(**source);
  ASSERT_EQ(read.size(), contents.size());
  for (size_t i = 0; i < contents.size(); ++i) {
    ASSERT_EQ(read[i].bytes.size(), contents[i].size()) << i;
    EXPECT_TRUE(read[i].bytes == contents[i]) << i;
  }
}

// A file that goes away between listing and reading is reported where it
// was, with the reason, and the files around it still come.
TEST(MailSourceTest, VanishedFilesAreReportedInOrder) {
  ScratchDir dir;
  const auto cur = dir.path() / "box" / "cur";
  std::filesystem::create_directories(cur);
  for (int i = 0; i < 40; ++i) WriteWholeFile(cur / ("m" + std::to_string(100 + i)), "x");
  auto source = OpenMailSource((dir.path() / "box").string());
  ASSERT_TRUE(source.ok());
  std::filesystem::remove(cur / "m105");
  std::filesystem::remove(cur / "m130");
  const std::vector<Read> read = ReadAll(**source);
  ASSERT_EQ(read.size(), 38u);
  EXPECT_EQ(read[5].name, "m106");
  ASSERT_EQ((*source)->errors.size(), 2u);
  EXPECT_NE((*source)->errors[0].find("/cur/m105: cannot read: No such file"), std::string::npos)
      << (*source)->errors[0];
  EXPECT_NE((*source)->errors[1].find("/cur/m130: cannot read"), std::string::npos);
}

// A caller may stop early: the source then winds its reader down.
TEST(MailSourceTest, StoppingEarlyEndsTheReadAhead) {
  ScratchDir dir;
  const auto cur = dir.path() / "box" / "cur";
  std::filesystem::create_directories(cur);
  for (int i = 0; i < 200; ++i) WriteWholeFile(cur / ("m" + std::to_string(1000 + i)), "body");
  for (int taken = 1; taken <= 3; ++taken) {
    auto source = OpenMailSource((dir.path() / "box").string());
    ASSERT_TRUE(source.ok());
    SourcedMessage message;
    for (int i = 0; i < taken; ++i) ASSERT_TRUE((*source)->Next(&message));
    EXPECT_EQ(message.name, "m" + std::to_string(1000 + taken - 1));
  }  // each source is destroyed here with its reader mid-way
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
