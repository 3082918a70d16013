// Tests for tools/command_run: `sievec run` text and JSON output, the
// derived envelope, --trace, runtime errors and usage errors.
#include <gtest/gtest.h>

#include "tests/tools/run_sievec.h"

namespace sievekit::testutil {
namespace {

const char kMessage[] =
    "Return-Path: <alice@example.com>\r\n"
    "From: Alice <alice@example.com>\r\n"
    "To: bob@example.org\r\n"
    "Subject: Lunch\r\n"
    "\r\n"
    "Hi\r\n";

TEST(RunCommandTest, JsonListsActionsAndTheImplicitKeep) {
  ScratchDir dir;
  const std::string message = dir.Write("m.eml", kMessage);
  const std::string script = dir.Write(
      "s.sieve", "require \"copy\";\nredirect :copy \"Carol <carol@example.net>\";\n");
  const RunResult run = RunSievec({"run", script, message, "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out,
            "{\"actions\":[{\"type\":\"redirect\",\"address\":\"carol@example.net\","
            "\"copy\":true,\"line\":2},{\"type\":\"keep\",\"implicit\":true}],"
            "\"implicit_keep\":true,\"errors\":[]}\n");
}

TEST(RunCommandTest, TextOutput) {
  ScratchDir dir;
  const RunResult run = RunSievec(
      {"run", dir.Write("s.sieve", "require \"fileinto\";\nfileinto \"Lunch\";\n"),
       dir.Write("m.eml", kMessage)});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, "fileinto \"Lunch\"   (line 2)\n");
}

TEST(RunCommandTest, EnvelopeComesFromTheMessageOrTheOptions) {
  ScratchDir dir;
  const std::string message = dir.Write("m.eml", kMessage);
  const std::string script = dir.Write(
      "s.sieve",
      "require \"envelope\";\n"
      "if envelope :is \"from\" \"alice@example.com\" { discard; }\n");
  EXPECT_EQ(RunSievec({"run", script, message}).out, "discard   (line 2)\n");
  EXPECT_EQ(RunSievec({"run", script, message, "--envelope-from", "<other@example.com>"}).out,
            "keep (implicit)\n");
}

TEST(RunCommandTest, TraceAndRuntimeErrors) {
  ScratchDir dir;
  const std::string message = dir.Write("m.eml", kMessage);
  const RunResult traced = RunSievec(
      {"run", dir.Write("t.sieve", "if exists \"subject\" { stop; }\n"), message, "--trace"});
  EXPECT_NE(traced.err.find("trace: 1:4: test exists => true"), std::string::npos) << traced.err;
  const RunResult failed = RunSievec(
      {"run",
       dir.Write("e.sieve", "require \"ihave\";\nerror \"no way\";\n"), message, "--json"});
  EXPECT_EQ(failed.exit_status, 0);
  EXPECT_NE(failed.out.find("\"implicit_keep\":true"), std::string::npos) << failed.out;
  EXPECT_NE(failed.out.find("no way"), std::string::npos) << failed.out;
}

TEST(RunCommandTest, UsageAndInputErrors) {
  ScratchDir dir;
  EXPECT_EQ(RunSievec({"run"}).exit_status, 2);
  EXPECT_EQ(RunSievec({"run", dir.Write("s.sieve", "keep;"), "/nonexistent.eml"}).exit_status, 2);
  EXPECT_EQ(RunSievec({"run", dir.Write("b.sieve", "kep;"), dir.Write("m.eml", kMessage)})
                .exit_status,
            1);
  EXPECT_EQ(RunSievec({"run", "--bogus"}).exit_status, 2);
}

}  // namespace
}  // namespace sievekit::testutil
