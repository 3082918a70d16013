// Behaviour property test: random models are written as Sieve, compiled and
// run on sample messages by the library (sievekit::Compile, Evaluator), and
// what the script does must be what the model says, as the reference
// interpreter of the rule model (rule_reference.h) computes it from the
// guide's definitions: conditions joined by and/or, rules top down, Stop,
// the Spam rule with its whitelist and the host's contacts, the Out of
// office rule (never to lists or automatic mail) beating other autoreplies,
// and each profile's spam verdict (header, spamtest, spamtestplus).
//
// Compared per message: the set of (action, target) the engine returns and
// whether the message is kept. Every emitted script must also compile
// without a diagnostic (the checks of `sievec check`). Every built-in
// profile runs: 4,500 models, each on 5 sample messages (22,500 runs).
#include <gtest/gtest.h>

#include "editor/emitter.h"
#include "editor/profile.h"
#include "sievekit/sievekit.h"
#include "tests/editor/random_model.h"
#include "tests/editor/rule_reference.h"

namespace sievekit::editor {
namespace {

using testing::Outcome;
using testing::ParsedMessage;
using testing::SampleMessage;
using testing::Show;

Outcome Engine(const sievekit::Program& program, const std::string& message) {
  sievekit::Evaluator evaluator;
  const sievekit::Envelope envelope{"sender@example.net", "me@example.com", "", ""};
  const sievekit::EvalResult& r = evaluator.Evaluate(program, message, envelope);
  Outcome out;
  out.failed = !r.errors.empty();
  out.kept = r.implicit_keep;
  for (const vm::Action& a : r.actions) {
    const std::string type(a.type);
    if (type == "keep") {
      out.kept = true;
    } else if (type == "fileinto") {
      out.actions.insert("fileinto:" + a.mailbox);
    } else if (type == "redirect") {
      out.actions.insert("redirect:" + a.address);
    } else {
      out.actions.insert(type);
    }
  }
  return out;
}

struct Compared {
  int pairs = 0;   // (model, message) pairs compared
  int acting = 0;  // of which the model did something (an action, or a failure)
};

// Runs `models` random models on every sample message.
Compared CheckBehaviour(const ServerProfile& profile, uint32_t seed, int models) {
  const std::vector<SampleMessage> samples = testing::Samples();
  std::vector<ParsedMessage> parsed;
  for (const SampleMessage& s : samples) parsed.push_back(testing::ParseSample(s.bytes));
  testing::RandomModels random(seed);
  testing::RandomModels::Options options;
  options.opaque_rules = false;
  testing::UseSampleValues(&options.address_values, &options.subject_values,
                           &options.size_values);
  // The host's contacts: the whitelisted sender of one sample, or none.
  const std::vector<std::string> contacts = {"boss@example.com", "mum@example.net"};
  Compared compared;
  for (int i = 0; i < models; ++i) {
    const RuleSet model = random.Model(profile, options);
    EmitOptions emit;
    emit.profile = &profile;
    if (i % 2 == 0) emit.contacts = &contacts;
    const EmitResult written = EmitScript(model, emit);
    EXPECT_TRUE(written.ok()) << i;
    if (!written.ok()) return compared;
    EXPECT_TRUE(written.diagnostics.all().empty()) << profile.name << " model " << i << "\n"
                                                   << written.script;
    const sievekit::CompileResult compiled = sievekit::Compile(written.script);
    EXPECT_TRUE(compiled.ok()) << profile.name << " model " << i << "\n"
                               << written.script << compiled.ErrorsText();
    if (!compiled.ok()) return compared;
    for (size_t k = 0; k < samples.size(); ++k) {
      const Outcome expected = testing::Reference(model, profile, parsed[k], emit.contacts);
      const Outcome actual = Engine(*compiled.program, samples[k].bytes);
      EXPECT_EQ(Show(actual), Show(expected))
          << profile.name << " model " << i << ", message " << samples[k].name << "\n"
          << written.script;
      if (actual != expected) return compared;
      ++compared.pairs;
      if (!expected.actions.empty() || expected.failed) ++compared.acting;
    }
  }
  return compared;
}

// The pairs compared, and that at least a third of them did something
// (the value pools make conditions match the samples often).
void ExpectCompared(const Compared& c, int models) {
  ::testing::Test::RecordProperty("pairs", c.pairs);
  ::testing::Test::RecordProperty("acting", c.acting);
  EXPECT_EQ(c.pairs, models * 5);
  EXPECT_GE(c.acting * 3, c.pairs) << c.acting << " of " << c.pairs;
}

TEST(BehaviourTest, KerioProfile) { ExpectCompared(CheckBehaviour(*FindProfile("kerio"), 1, 1500), 1500); }
TEST(BehaviourTest, CyrusProfile) { ExpectCompared(CheckBehaviour(*FindProfile("cyrus"), 2, 1000), 1000); }
TEST(BehaviourTest, DovecotProfile) {
  // enotify, body attachments, spamtest (a score of 2.3 of 5 is spam here).
  ExpectCompared(CheckBehaviour(*FindProfile("dovecot"), 3, 1000), 1000);
}
TEST(BehaviourTest, RfcProfile) {
  // spamtestplus: 46 % is not spam at the 50 % threshold.
  ExpectCompared(CheckBehaviour(*FindProfile("rfc"), 4, 1000), 1000);
}

TEST(BehaviourTest, SampleVerdictsDifferByProfile) {
  // The samples are built so that the profiles' spam tests disagree.
  std::vector<std::string> verdicts;
  for (const ServerProfile& p : BuiltinProfiles()) {
    std::string v = p.name + ":";
    for (const SampleMessage& s : testing::Samples()) {
      v += testing::IsSpam(testing::ParseSample(s.bytes), p) ? " " + s.name : "";
    }
    verdicts.push_back(v);
  }
  EXPECT_EQ(verdicts, (std::vector<std::string>{"kerio: spam spam-from-boss",
                                                "dovecot: spam list spam-from-boss",
                                                "cyrus: spam spam-from-boss",
                                                "rfc: spam spam-from-boss"}));
}

TEST(BehaviourTest, TheSpamRuleTrustsTheWhitelistAndTheHostsContacts) {
  RuleSet model;
  Rule spam;
  spam.id = "spam";
  spam.name = "Spam";
  spam.body = SpamRule{"Junk", {"friend@example.org"}, true};
  model.rules.push_back(spam);
  const std::vector<SampleMessage> samples = testing::Samples();
  const auto run = [&](const std::vector<std::string>* contacts, size_t sample) {
    EmitOptions emit;
    emit.contacts = contacts;
    const EmitResult written = EmitScript(model, emit);
    const sievekit::CompileResult compiled = sievekit::Compile(written.script);
    EXPECT_TRUE(compiled.ok()) << written.script << compiled.ErrorsText();
    return compiled.ok() ? Show(Engine(*compiled.program, samples[sample].bytes)) : "";
  };
  // spam-from-boss is spam; boss is trusted only through the contacts.
  EXPECT_EQ(run(nullptr, 4), "fileinto:Junk (not kept)");
  const std::vector<std::string> contacts = {"boss@example.com"};
  EXPECT_EQ(run(&contacts, 4), "(kept)");
  EXPECT_EQ(run(&contacts, 0), "fileinto:Junk (not kept)");
}

TEST(BehaviourTest, OutOfOfficeRepliesOnceAndNeverToLists) {
  RuleSet model;
  Rule ooo;
  ooo.id = "out_of_office";
  ooo.name = "Out of office";
  ooo.body = OutOfOfficeRule{"I am away.\n"};
  model.rules.push_back(ooo);
  Rule other;
  other.id = "r1";
  other.name = "Thanks";
  other.body = GuiRule{Match::kAll,
                       {Condition{Field::kAll, Operator::kIs, {}, false}},
                       {Action{ActionType::kAutoreply, "", "", "Thanks!"}}};
  model.rules.push_back(other);
  const EmitResult written = EmitScript(model);
  ASSERT_NE(written.script.find(":days 7"), std::string::npos) << written.script;
  const sievekit::CompileResult compiled = sievekit::Compile(written.script);
  ASSERT_TRUE(compiled.ok()) << written.script << compiled.ErrorsText();
  const std::vector<SampleMessage> samples = testing::Samples();
  // One reply (the Out of office one beats the rule's), none to the list.
  EXPECT_EQ(Show(Engine(*compiled.program, samples[3].bytes)), "vacation (kept)");
  EXPECT_EQ(Show(Engine(*compiled.program, samples[2].bytes)), "(kept)");
  const std::string automatic = testing::Crlf(
      "From: robot@example.org\nTo: me@example.com\nSubject: Re: hi\nAuto-Submitted: "
      "auto-replied\n\nAway too.\n");
  EXPECT_EQ(Show(Engine(*compiled.program, automatic)), "(kept)");
  // Switched off, the rule's own autoreply is back.
  model.rules[0].enabled = false;
  const sievekit::CompileResult off = sievekit::Compile(EmitScript(model).script);
  ASSERT_TRUE(off.ok());
  EXPECT_EQ(Show(Engine(*off.program, samples[3].bytes)), "vacation (kept)");
  EXPECT_EQ(Show(Engine(*off.program, samples[2].bytes)), "vacation (kept)");
}

TEST(BehaviourTest, TheGuidesExample) {
  // "Drop all messages from the spam.com domain": From contains spam.com → discard.
  RuleSet model;
  Rule rule;
  rule.id = "r1";
  rule.name = "Drop all messages from the spam.com domain";
  rule.body = GuiRule{Match::kAll,
                      {Condition{Field::kFrom, Operator::kContains, {"spam.com"}, false}},
                      {Action{ActionType::kDiscard, "", "", ""}}};
  model.rules.push_back(rule);
  const EmitResult written = EmitScript(model);
  EXPECT_EQ(written.script,
            "# rule:[Drop all messages from the spam.com domain] id=r1\n"
            "if address :contains \"from\" \"spam.com\" {\n"
            "    discard;\n"
            "}\n");
  const sievekit::CompileResult compiled = sievekit::Compile(written.script);
  ASSERT_TRUE(compiled.ok()) << compiled.ErrorsText();
  const std::vector<SampleMessage> samples = testing::Samples();
  EXPECT_EQ(Show(Engine(*compiled.program, samples[0].bytes)), "discard (not kept)");
  EXPECT_EQ(Show(Engine(*compiled.program, samples[1].bytes)), "(kept)");
}

}  // namespace
}  // namespace sievekit::editor
