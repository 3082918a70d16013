// Tests for tools/command_filter and tools/mail_source: filtering a Maildir
// and an mbox (with mboxrd unescaping and the "From " line's sender).
#include <gtest/gtest.h>

#include "tests/tools/run_sievec.h"

namespace sievekit::testutil {
namespace {

const char kScript[] =
    "require [\"fileinto\", \"envelope\"];\n"
    "if header :contains \"subject\" \"spam\" { fileinto \"Junk\"; stop; }\n"
    "if envelope :is \"from\" \"boss@example.com\" { redirect \"me@example.net\"; }\n";

TEST(FilterCommandTest, Maildir) {
  ScratchDir dir;
  std::filesystem::create_directories(dir.path() / "box/cur");
  std::filesystem::create_directories(dir.path() / "box/new");
  WriteWholeFile(dir.path() / "box/cur/1", "Subject: spam spam\r\n\r\nx\r\n");
  WriteWholeFile(dir.path() / "box/cur/2", "Subject: hello\r\n\r\nx\r\n");
  WriteWholeFile(dir.path() / "box/new/3", "Return-Path: <boss@example.com>\r\n\r\nx\r\n");
  const std::string script = dir.Write("s.sieve", kScript);
  const RunResult run = RunSievec({"filter", script, (dir.path() / "box").string()});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_NE(run.out.find("3 messages"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("fileinto   1"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("redirect   1"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("keep*      1"), std::string::npos) << run.out;

  const RunResult json = RunSievec({"filter", script, (dir.path() / "box").string(), "--json"});
  ASSERT_EQ(json.exit_status, 0);
  EXPECT_EQ(std::count(json.out.begin(), json.out.end(), '\n'), 3);
  EXPECT_NE(json.out.find("{\"message\":\"1\",\"result\":{\"actions\":[{\"type\":\"fileinto\""),
            std::string::npos)
      << json.out;
}

TEST(FilterCommandTest, MboxUsesFromLinesAndUnescapes) {
  ScratchDir dir;
  const std::string mbox = dir.Write(
      "box.mbox",
      "From boss@example.com Mon Nov  3 10:00:00 2026\n"
      "Subject: plans\n\n>From the start\n\n"
      "From other@example.org Mon Nov  3 10:05:00 2026\n"
      "Subject: spam offer\n\nbody\n");
  const RunResult run = RunSievec({"filter", dir.Write("s.sieve", kScript), mbox, "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_NE(run.out.find("\"message\":\"mbox:1\",\"result\":{\"actions\":[{\"type\":\"redirect\""),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("\"message\":\"mbox:2\",\"result\":{\"actions\":[{\"type\":\"fileinto\""),
            std::string::npos)
      << run.out;
}

TEST(FilterCommandTest, NotAMailbox) {
  ScratchDir dir;
  const std::string script = dir.Write("s.sieve", kScript);
  std::filesystem::create_directories(dir.path() / "plain");
  EXPECT_EQ(RunSievec({"filter", script, (dir.path() / "plain").string()}).exit_status, 2);
  EXPECT_EQ(RunSievec({"filter", script, dir.Write("x.txt", "hello\n")}).exit_status, 2);
  EXPECT_EQ(RunSievec({"filter", script, "/nonexistent"}).exit_status, 2);
}

}  // namespace
}  // namespace sievekit::testutil
