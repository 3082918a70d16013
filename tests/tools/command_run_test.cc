// Tests for tools/command_run: `sievec run` text and JSON output, the
// derived envelope, --trace, runtime errors, usage errors, the composed
// (or suppressed) notifications of notify actions, and vacation replies —
// composed, suppressed, rate-limited through --store across runs, and with
// a store that is down.
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
            "\"implicit_keep\":true,\"errors\":[],\"warnings\":[]}\n");
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
  EXPECT_EQ(failed.exit_status, 3);
  EXPECT_NE(failed.out.find("\"implicit_keep\":true"), std::string::npos) << failed.out;
  EXPECT_NE(failed.out.find("no way"), std::string::npos) << failed.out;
}

// Notify actions show what executing them would do: the composed
// notification, or the loop-protection rule that suppresses it.
TEST(RunCommandTest, NotificationsAreComposed) {
  ScratchDir dir;
  const std::string script = dir.Write(
      "n.sieve",
      "require \"enotify\";\n"
      "notify :importance \"1\" :message \"Lunch!\" \"mailto:sms@example.net\";\n"
      "notify \"mailto:sms@example.net?cc=pager@example.net\";\n");
  const std::string message = dir.Write("m.eml", kMessage);
  const RunResult json = RunSievec({"run", script, message, "--json"});
  ASSERT_EQ(json.exit_status, 0) << json.err;
  EXPECT_EQ(json.out,
            "{\"actions\":[{\"type\":\"notify\",\"sent\":true,\"method\":\"mailto:sms@"
            "example.net\",\"to\":[\"sms@example.net\"],\"from\":\"bob@example.org\","
            "\"subject\":\"Lunch!\",\"message\":\"Lunch!\",\"importance\":\"1\","
            "\"capability\":\"enotify\",\"line\":2},"
            "{\"type\":\"notify\",\"sent\":true,\"method\":\"mailto:sms@example.net?cc="
            "pager@example.net\",\"to\":[\"pager@example.net\"],\"from\":\"bob@example.org\","
            "\"subject\":\"Lunch\",\"message\":\"Lunch\",\"importance\":\"2\","
            "\"capability\":\"enotify\",\"line\":3},"
            "{\"type\":\"keep\",\"implicit\":true}],\"implicit_keep\":true,\"errors\":[],\"warnings\":[]}\n");
  const RunResult text = RunSievec({"run", script, message});
  EXPECT_NE(text.out.find("  sent to: sms@example.net\n"
                          "  | Auto-Submitted: auto-notified; owner-email=\"bob@example.org\"\n"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("  | Subject: Lunch!\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("  | Lunch!\n"), std::string::npos) << text.out;
}

TEST(RunCommandTest, SuppressedNotificationsAreListed) {
  ScratchDir dir;
  const std::string script =
      dir.Write("n.sieve", "require \"enotify\";\nnotify \"mailto:sms@example.net\";\n");
  const std::string message =
      dir.Write("m.eml", std::string("Auto-Submitted: auto-replied\r\n") + kMessage);
  const RunResult json = RunSievec({"run", script, message, "--json"});
  EXPECT_EQ(json.out,
            "{\"actions\":[{\"type\":\"notify\",\"sent\":false,\"suppressed_by\":"
            "\"auto-submitted\",\"method\":\"mailto:sms@example.net\",\"to\":[\"sms@"
            "example.net\"],\"from\":\"bob@example.org\",\"subject\":\"Lunch\",\"message\":"
            "\"Lunch\",\"importance\":\"2\",\"capability\":\"enotify\",\"line\":2},"
            "{\"type\":\"keep\",\"implicit\":true}],\"implicit_keep\":true,\"errors\":[],\"warnings\":[]}\n");
  EXPECT_EQ(RunSievec({"run", script, message}).out,
            "notify capability=\"enotify\" method=\"mailto:sms@example.net\" importance=\"2\""
            "   (line 2)\n  not sent: auto-submitted\nkeep (implicit)\n");
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

TEST(RunCommandTest, VacationRepliesAreRateLimitedAcrossRuns) {
  ScratchDir dir;
  const std::string message = dir.Write("m.eml", kMessage);
  const std::string script =
      dir.Write("v.sieve", "require \"vacation\";\nvacation :handle \"away\" \"Away.\";\n");
  const std::string store = (dir.path() / "responses.db").string();
  const std::string vacation =
      "{\"actions\":[{\"type\":\"vacation\",\"sent\":true,\"to\":\"alice@example.com\",\"from\":"
      "\"bob@example.org\",\"subject\":\"Auto: Lunch\",\"message\":\"Away.\",\"handle\":"
      "\"away\",\"response\":\"handle:away\",\"period\":604800,\"reply\":\"From: "
      "bob@example.org\\r\\nTo: \\\"Alice\\\" <alice@example.com>\\r\\nSubject: Auto: Lunch\\r\\n";
  const RunResult first = RunSievec({"run", script, message, "--json", "--store", store});
  ASSERT_EQ(first.exit_status, 0) << first.err;
  EXPECT_EQ(first.out.substr(0, vacation.size()), vacation);
  EXPECT_NE(first.out.find("Auto-Submitted: auto-replied\\r\\n"), std::string::npos);
  const RunResult second = RunSievec({"run", script, message, "--json", "--store", store});
  EXPECT_EQ(second.out,
            "{\"actions\":[{\"type\":\"vacation\",\"sent\":false,\"suppressed_by\":"
            "\"rate-limit\",\"detail\":\"a reply to alice@example.com was sent within the last "
            "604800 seconds\",\"to\":\"alice@example.com\",\"from\":\"bob@example.org\","
            "\"subject\":\"Auto: Lunch\",\"message\":\"Away.\",\"handle\":\"away\",\"response\":"
            "\"handle:away\",\"period\":604800,\"line\":2},{\"type\":\"keep\",\"implicit\":"
            "true}],\"implicit_keep\":true,\"errors\":[],\"warnings\":[]}\n");
  EXPECT_EQ(RunSievec({"run", script, message, "--store", store}).out,
            "vacation \"Away.\" handle=\"away\" response=\"handle:away\"   (line 2)\n"
            "  not sent: rate-limit (a reply to alice@example.com was sent within the last 604800 "
            "seconds)\nkeep (implicit)\n");
  // Without --store every run has a fresh memory.
  const RunResult text = RunSievec({"run", script, message});
  EXPECT_EQ(text.out.substr(0, text.out.find("  | Date: ")),
            "vacation \"Away.\" handle=\"away\" response=\"handle:away\"   (line 2)\n"
            "  sent to: alice@example.com (MAIL FROM:<>; once per 604800 seconds)\n"
            "  | From: bob@example.org\n"
            "  | To: \"Alice\" <alice@example.com>\n"
            "  | Subject: Auto: Lunch\n");
  EXPECT_EQ(text.out.substr(text.out.find("  | Auto-Submitted")),
            "  | Auto-Submitted: auto-replied\n"
            "  | MIME-Version: 1.0\n"
            "  | Content-Type: text/plain; charset=utf-8\n"
            "  | Content-Transfer-Encoding: 7bit\n"
            "  | \n"
            "  | Away.\n"
            "keep (implicit)\n");
}

TEST(RunCommandTest, SuppressedVacationsAreListed) {
  ScratchDir dir;
  const std::string script = dir.Write("v.sieve", "require \"vacation\";\nvacation \"Away.\";\n");
  const std::string message =
      dir.Write("m.eml", std::string("List-Id: <lunch.example.com>\r\n") + kMessage);
  const RunResult json = RunSievec({"run", script, message, "--json"});
  ASSERT_EQ(json.exit_status, 0) << json.err;
  EXPECT_EQ(json.out.substr(0, json.out.find(",\"response\"")),
            "{\"actions\":[{\"type\":\"vacation\",\"sent\":false,\"suppressed_by\":"
            "\"mailing-list\",\"detail\":\"the message comes from a mailing list (List-Id)\","
            "\"to\":\"alice@example.com\",\"from\":\"bob@example.org\",\"subject\":"
            "\"Auto: Lunch\",\"message\":\"Away.\"");
}

TEST(RunCommandTest, VacationWithTheStoreDown) {
  // The message is still delivered (the implicit keep), no reply goes out,
  // and the store's error is reported.
  ScratchDir dir;
  const std::string store = (dir.path() / "missing" / "responses.db").string();
  const RunResult run = RunSievec(
      {"run", dir.Write("v.sieve", "require \"vacation\";\nvacation :handle \"h\" \"Away.\";\n"),
       dir.Write("m.eml", kMessage), "--store", store});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out,
            "vacation \"Away.\" handle=\"h\" response=\"handle:h\"   (line 2)\n"
            "  not sent: store-error (response store sqlite:" + store +
                ": cannot open: unable to open database file)\n"
            "keep (implicit)\n");
}

}  // namespace
}  // namespace sievekit::testutil
