// Tests for `sievec rules parse|emit|describe|check` (tools/command_rules),
// run as the built binary: the JSON model on stdout, parse | emit giving
// every corpus script back byte for byte, profiles, contacts, descriptions,
// validation messages, and exit statuses 0/1/2. And, as a user would check
// it: random models (tests/editor/random_model.h) written by `sievec rules
// emit` pass `sievec check`, and `sievec run` does with the sample messages
// what the model says (the reference of tests/editor/rule_reference.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "editor/model_json.h"
#include "tests/editor/random_model.h"
#include "tests/editor/rule_reference.h"
#include "tests/tools/run_sievec.h"

namespace sievekit::testutil {
namespace {

constexpr std::string_view kGuide =
    "# rule:[Drop all messages from the spam.com domain] id=r1\n"
    "if address :contains \"from\" \"spam.com\" {\n    discard;\n}\n";

TEST(RulesCommandTest, ParsePrintsTheModel) {
  ScratchDir dir;
  const RunResult run = RunSievec({"rules", "parse", dir.Write("guide.sieve", kGuide)});
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out,
            "{\n"
            "  \"version\": 1,\n"
            "  \"profile\": \"kerio\",\n"
            "  \"rules\": [\n"
            "    {\n"
            "      \"id\": \"r1\",\n"
            "      \"name\": \"Drop all messages from the spam.com domain\",\n"
            "      \"enabled\": true,\n"
            "      \"kind\": \"gui\",\n"
            "      \"match\": \"all\",\n"
            "      \"conditions\": [{\"field\": \"from\", \"operator\": \"contains\", \"values\": "
            "[\"spam.com\"]}],\n"
            "      \"actions\": [{\"type\": \"discard\"}],\n"
            "      \"original\": \"# rule:[Drop all messages from the spam.com domain] id=r1\\nif "
            "address :contains \\\"from\\\" \\\"spam.com\\\" {\\n    discard;\\n}\\n\"\n"
            "    }\n"
            "  ],\n"
            "  \"losses\": [],\n"
            "  \"layout\": {\"prologue\": \"\", \"epilogue\": \"\", \"needs\": []}\n"
            "}\n");
  const std::optional<Json> json = ParseJson(run.out);
  ASSERT_TRUE(json);
  EXPECT_EQ((*json)["rules"].array()[0]["kind"].str(), "gui");
}

TEST(RulesCommandTest, ParseThenEmitGivesEveryCorpusScriptBack) {
  const std::filesystem::path corpus = std::filesystem::path(SIEVEKIT_SOURCE_ROOT) / "corpus/rules";
  int scripts = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    if (entry.path().extension() != ".sieve") continue;
    const std::string name = entry.path().stem().string();
    std::vector<std::string> profile;
    for (const char* p : {"cyrus", "dovecot"}) {
      if (name.starts_with(std::string(p) + "-")) profile = {"--profile", p};
    }
    std::vector<std::string> parse_args = {"rules", "parse", entry.path().string()};
    parse_args.insert(parse_args.end(), profile.begin(), profile.end());
    const RunResult parsed = RunSievec(parse_args);
    EXPECT_NE(parsed.exit_status, 2) << name << parsed.err;
    const RunResult emitted = RunSievec({"rules", "emit", "-"}, parsed.out);
    EXPECT_EQ(emitted.out, ReadWholeFile(entry.path())) << name << "\n" << emitted.err;
    ++scripts;
  }
  EXPECT_GE(scripts, 40);
}

TEST(RulesCommandTest, EmitAModelWrittenByAGui) {
  ScratchDir dir;
  const std::string model = dir.Write("model.json", R"({"version": 1, "rules": [
    {"id": "r1", "name": "Drafts", "kind": "gui",
     "conditions": [{"field": "subject", "operator": "contains", "values": ["Entwurf"]}],
     "actions": [{"type": "move", "folder": "Entwürfe"}, {"type": "stop"}]},
    {"id": "spam", "name": "Spam", "kind": "spam", "trust_contacts": true}]})");
  RunResult run = RunSievec({"rules", "emit", model, "--profile", "cyrus"});
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out,
            "require \"fileinto\";\n\n"
            "# rule:[Drafts] id=r1\n"
            "if header :contains \"subject\" \"Entwurf\" {\n    fileinto \"INBOX.Entw&APw-rfe\";\n"
            "    stop;\n}\n\n"
            "# rule:[Spam] id=spam kind=spam contacts=pending\n"
            "if header :is \"X-Spam-Flag\" \"YES\" {\n    fileinto \"INBOX.Junk\";\n    stop;\n}\n");
  EXPECT_EQ(run.err,
            "sievec rules emit: note: rule spam: no contact list was supplied, so senders from "
            "Contacts are not trusted yet [contacts-missing]\n");
  const std::string contacts = dir.Write("contacts.txt", "mum@example.net\r\n\ndad@example.net\n");
  run = RunSievec({"rules", "emit", model, "--contacts", contacts});
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_NE(run.out.find("not address :is \"from\" [\"mum@example.net\", \"dad@example.net\"]"),
            std::string::npos);
  EXPECT_EQ(run.err, "");
}

TEST(RulesCommandTest, EmitRefusesInvalidModels) {
  ScratchDir dir;
  RunResult run = RunSievec({"rules", "emit", "-"}, "{\"version\": 1, \"rules\": [{}]}");
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "<stdin>: line 1, column 26: rules[0]: missing member \"kind\"\n");
  const std::string model = dir.Write("bad.json", R"({"version": 1, "rules": [
    {"id": "r1", "kind": "gui", "conditions": [{"field": "all"}],
     "actions": [{"type": "keep"}, {"type": "discard"}]}]})");
  run = RunSievec({"rules", "emit", model});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, model + ": rule r1: error: Keep in Inbox and Discard cannot be combined [keep-discard]\n");
}

TEST(RulesCommandTest, Describe) {
  ScratchDir dir;
  const std::string script = dir.Write(
      "s.sieve",
      std::string(kGuide) + "# rule:[Old] id=r2 disabled\nif false # size :over 1M\n{\n    keep;\n    "
                            "stop;\n}\nif exists \"x\" { stop; }\n");
  RunResult run = RunSievec({"rules", "describe", script});
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out,
            "1. Drop all messages from the spam.com domain: where the From line contains “spam.com”, "
            "discard the message\n"
            "2. Old (disabled): where the message size is more than 1 MB, keep it in the Inbox and "
            "stop processing more rules\n"
            "3. Rule haebcb0c9: Sieve code (1 line): “if exists \"x\" { stop; }”\n");
  run = RunSievec({"rules", "describe", script, "--locale", "de"});
  EXPECT_NE(run.out.find("2. Old (deaktiviert): wenn die Nachricht größer als 1 MB ist"), std::string::npos)
      << run.out;
}

TEST(RulesCommandTest, Check) {
  ScratchDir dir;
  const std::string good = dir.Write("good.json", R"({"version": 1, "rules": [
    {"id": "r1", "kind": "gui", "conditions": [{"field": "from", "operator": "contains", "values": ["spam.com"]}],
     "actions": [{"type": "discard"}]}]})");
  RunResult run = RunSievec({"rules", "check", good});
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "");
  const std::string bad = dir.Write("bad.json", R"({"version": 1, "rules": [
    {"id": "r1", "kind": "gui", "conditions": [], "actions": [{"type": "keep"}]},
    {"id": "ooo", "kind": "out_of_office", "text": "Away"},
    {"id": "r2", "kind": "gui", "conditions": [{"field": "all"}], "actions": [{"type": "forward", "address": "a@b"}, {"type": "move", "folder": "X"}]}]})");
  run = RunSievec({"rules", "check", bad});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.err,
            bad + ": rule r1: error: a rule needs at least one condition [no-condition]\n" + bad +
                ": rule r1: error: Keep in Inbox must be combined with another action (move, "
                "forward, ...) [keep-alone]\n" +
                bad + ": rule ooo: warning: the Out of office rule belongs at the top (Spam first, "
                      "then Out of office) [special-rule-position]\n" +
                bad + ": rule r2: error: Forward performs no other action: only Keep in Inbox and "
                      "Stop may go with it [forward-exclusive]\n");
}

TEST(RulesCommandTest, ParseReportsLossesInTheJsonAndOnStandardError) {
  ScratchDir dir;
  const RunResult run =
      RunSievec({"rules", "parse", dir.Write("n.sieve", "if true { if true { stop; } }\n")});
  EXPECT_EQ(run.exit_status, 0);
  EXPECT_NE(run.out.find("\"code\": \"opaque\""), std::string::npos) << run.out;
  EXPECT_EQ(run.err,
            "sievec rules parse: note: rule h673f8e9a: kept as Sieve source: the rule dialog "
            "cannot show a nested if [opaque]\n");
}

TEST(RulesCommandTest, ScriptsWithErrors) {
  ScratchDir dir;
  const RunResult run = RunSievec({"rules", "parse", dir.Write("bad.sieve", "if true { keep;\n")});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_NE(run.out.find("\"code\": \"unparsed\""), std::string::npos);
  EXPECT_NE(run.err.find("bad.sieve:"), std::string::npos) << run.err;
}

TEST(RulesCommandTest, UsageErrors) {
  ScratchDir dir;
  const std::string script = dir.Write("a.sieve", "keep;\n");
  const struct {
    std::vector<std::string> args;
    std::string err;
  } cases[] = {
      {{"rules"}, "usage: sievec rules parse SCRIPT [--profile P]\n"},
      {{"rules", "frob"}, "sievec rules: unknown action 'frob'\n"},
      {{"rules", "parse"}, "usage: sievec rules parse SCRIPT [--profile P]\n"},
      {{"rules", "parse", script, "--profile", "exchange"},
       "sievec rules parse: unknown profile 'exchange' (profiles: kerio, dovecot, cyrus, rfc)\n"},
      {{"rules", "parse", script, "--profile"}, "sievec rules parse: --profile needs a value\n"},
      {{"rules", "parse", script, "--locale", "de"}, "sievec rules parse: unknown option '--locale'\n"},
      {{"rules", "emit", script, script}, "sievec rules emit: one file only\n"},
      {{"rules", "check", "/nonexistent.json"}, "sievec: /nonexistent.json: no such file\n"},
      {{"rules", "describe", dir.path().string()},
       "sievec: " + dir.path().string() + ": is a directory, not a script\n"},
  };
  for (const auto& c : cases) {
    const RunResult run = RunSievec(c.args);
    EXPECT_EQ(run.exit_status, 2) << c.args.back();
    EXPECT_EQ(run.err.substr(0, c.err.size()), c.err) << c.args.back();
  }
  const RunResult help = RunSievec({"rules", "help"});
  EXPECT_EQ(help.exit_status, 0);
  EXPECT_NE(help.out.find("sievec rules check MODEL.json"), std::string::npos);
}

// What `sievec run --json` says happened, in the reference's terms.
editor::testing::Outcome OutcomeOfRun(const Json& run) {
  editor::testing::Outcome out;
  out.failed = !run["errors"].array().empty();
  out.kept = std::get<bool>(run["implicit_keep"].value);
  for (const Json& a : run["actions"].array()) {
    const std::string& type = a["type"].str();
    if (type == "keep") {
      out.kept = true;
    } else if (type == "fileinto") {
      out.actions.insert("fileinto:" + a["mailbox"].str());
    } else if (type == "redirect") {
      out.actions.insert("redirect:" + a["address"].str());
    } else {
      out.actions.insert(type);
    }
  }
  return out;
}

TEST(RulesCommandTest, EmittedScriptsPassCheckAndRunAsTheModelSays) {
  ScratchDir dir;
  const std::vector<editor::testing::SampleMessage> samples = editor::testing::Samples();
  std::vector<std::string> message_files;
  std::vector<editor::testing::ParsedMessage> parsed;
  for (const auto& s : samples) {
    message_files.push_back(dir.Write(s.name + ".eml", s.bytes));
    parsed.push_back(editor::testing::ParseSample(s.bytes));
  }
  const std::vector<std::string> contacts = {"boss@example.com"};
  const std::string contacts_file = dir.Write("contacts.txt", "boss@example.com\n");
  constexpr int kModelsPerProfile = 20;
  int checked = 0;
  int runs = 0;
  for (const editor::ServerProfile& profile : editor::BuiltinProfiles()) {
    editor::testing::RandomModels random(static_cast<uint32_t>(4242 + profile.name.size()));
    editor::testing::RandomModels::Options options;
    options.opaque_rules = false;
    editor::testing::UseSampleValues(&options.address_values, &options.subject_values,
                                     &options.size_values);
    for (int i = 0; i < kModelsPerProfile; ++i) {
      const editor::RuleSet model = random.Model(profile, options);
      const std::string model_file = dir.Write("model.json", editor::ModelToJson(model));
      std::vector<std::string> emit = {"rules", "emit", model_file, "--profile", profile.name};
      const bool with_contacts = i % 2 == 0;
      if (with_contacts) emit.insert(emit.end(), {"--contacts", contacts_file});
      const RunResult emitted = RunSievec(emit);
      ASSERT_EQ(emitted.exit_status, 0) << profile.name << " " << i << "\n" << emitted.err;
      const std::string script = dir.Write("rules.sieve", emitted.out);
      const RunResult check = RunSievec({"check", script});
      ASSERT_EQ(check.exit_status, 0) << emitted.out << check.out << check.err;
      ++checked;
      for (size_t k = 0; k < samples.size(); ++k) {
        const RunResult run = RunSievec({"run", script, message_files[k], "--json", "--envelope-from",
                                         "sender@example.net", "--envelope-to", "me@example.com"});
        const std::optional<Json> json = ParseJson(run.out);
        ASSERT_TRUE(json) << emitted.out << "\n" << samples[k].name << "\n" << run.out << run.err;
        const editor::testing::Outcome expected = editor::testing::Reference(
            model, profile, parsed[k], with_contacts ? &contacts : nullptr);
        ASSERT_EQ(editor::testing::Show(OutcomeOfRun(*json)), editor::testing::Show(expected))
            << profile.name << " model " << i << ", message " << samples[k].name << "\n"
            << emitted.out;
        ++runs;
      }
    }
  }
  EXPECT_EQ(checked, 4 * kModelsPerProfile);
  EXPECT_EQ(runs, 4 * kModelsPerProfile * static_cast<int>(samples.size()));
}

TEST(RulesCommandTest, TheGuidesExampleRuns) {
  // "Drop all messages from the spam.com domain", end to end.
  ScratchDir dir;
  const std::string script = dir.Write("guide.sieve", kGuide);
  EXPECT_EQ(RunSievec({"check", script}).exit_status, 0);
  const std::vector<editor::testing::SampleMessage> samples = editor::testing::Samples();
  RunResult run = RunSievec({"run", script, dir.Write("spam.eml", samples[0].bytes)});
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, "discard   (line 3)\n");
  run = RunSievec({"run", script, dir.Write("boss.eml", samples[1].bytes), "--json"});
  const std::optional<Json> json = ParseJson(run.out);
  ASSERT_TRUE(json) << run.out;
  EXPECT_EQ(editor::testing::Show(OutcomeOfRun(*json)), "(kept)");
}

}  // namespace
}  // namespace sievekit::testutil
