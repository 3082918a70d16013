// Tests for editor/emitter: unedited rules come back byte for byte, edited
// ones in the canonical layout with their comments kept, `require`
// rebuilt, and every change reported as a Loss.
#include "editor/emitter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "editor/projection.h"

namespace sievekit::editor {
namespace {

RuleSet Read(const std::string& script, const ServerProfile& profile = DefaultProfile()) {
  ProjectOptions options;
  options.profile = &profile;
  return ProjectScript(script, options).model;
}

std::vector<std::string> Codes(const std::vector<Loss>& losses) {
  std::vector<std::string> out;
  for (const Loss& l : losses) out.push_back(l.code);
  return out;
}

Rule GuideRule() {
  Rule r;
  r.id = "r1";
  r.name = "Drop all messages from the spam.com domain";
  r.body = GuiRule{Match::kAll, {Condition{Field::kFrom, Operator::kContains, {"spam.com"}, false}},
                   {Action{ActionType::kDiscard, "", "", ""}}};
  return r;
}

TEST(EmitterTest, NewModelsInTheCanonicalLayout) {
  RuleSet model;
  model.rules.push_back(GuideRule());
  Rule move;
  move.id = "r2";
  move.name = "Work";
  move.enabled = false;
  move.body = GuiRule{Match::kAny,
                      {Condition{Field::kSubject, Operator::kContains, {"budget"}, false},
                       Condition{Field::kAttachment, Operator::kIs, {}, false}},
                      {Action{ActionType::kMove, "Work/2024", "", ""}, Action{ActionType::kStop, "", "", ""}}};
  model.rules.push_back(move);
  const EmitResult r = EmitScript(model);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.script,
            "require \"fileinto\";\n\n"
            "# rule:[Drop all messages from the spam.com domain] id=r1\n"
            "if address :contains \"from\" \"spam.com\" {\n    discard;\n}\n\n"
            "# rule:[Work] id=r2 disabled\n"
            "if false # anyof (header :contains \"subject\" \"budget\", body :raw :contains "
            "\"Content-Disposition: attachment\")\n{\n    fileinto \"Work/2024\";\n    stop;\n}\n");
  EXPECT_TRUE(r.losses.empty());
  EXPECT_FALSE(r.diagnostics.has_errors());
  EXPECT_EQ(EmitScript(RuleSet{}).script, "");
}

TEST(EmitterTest, UneditedScriptsComeBackByteForByte) {
  for (const std::string script : {
           "",
           "# nothing but a comment",
           "require [\"fileinto\"];\r\nif anyof (header :contains \"subject\" \"a\") {\r\n    "
           "fileinto \"A\";\r\n}\r\n",
           "require [\"fileinto\",\"envelope\"];  # unused envelope\n# rule:[a]\nif true\n{\n\tkeep;\n}\n",
           "keep;stop;if true{discard;}",
           "if true { keep; } # a\n\n\n# b\n",
       }) {
    const EmitResult r = EmitScript(Read(script));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.script, script);
    EXPECT_TRUE(r.losses.empty()) << script << Codes(r.losses)[0];
  }
}

TEST(EmitterTest, RenamingKeepsTheStatement) {
  RuleSet model = Read("require \"fileinto\";\n# rule:[old]\nif true\n{\n\tfileinto \"x\";\n}\n");
  model.rules[0].name = "new";
  const EmitResult r = EmitScript(model);
  EXPECT_EQ(r.script, "require \"fileinto\";\n# rule:[new] id=" + model.rules[0].id +
                          "\nif true\n{\n\tfileinto \"x\";\n}\n");
  EXPECT_EQ(Codes(r.losses), (std::vector<std::string>{"marker-rewritten"}));
  EXPECT_EQ(r.losses[0].message, "its Roundcube marker is replaced by the canonical one");
}

TEST(EmitterTest, EditedRulesAreRewrittenKeepingCommentsBeforeThem) {
  RuleSet model = Read(
      "# header\n\n# about the rule\n# rule:[r] id=r1\nif header :contains \"X-Spam-Flag\" \"YES\" {\n"
      "    # junk it\n    discard;\n} # end\n");
  model.rules[0].gui()->actions.push_back(Action{ActionType::kStop, "", "", ""});
  const EmitResult r = EmitScript(model);
  EXPECT_EQ(r.script,
            "# header\n\n# about the rule\n# rule:[r] id=r1\nif header :is \"X-Spam-Flag\" \"YES\" {\n"
            "    discard;\n    stop;\n} # end\n");
  EXPECT_EQ(Codes(r.losses), (std::vector<std::string>{"comment-dropped", "condition-rewritten"}));
  EXPECT_EQ(r.losses[1].message,
            "condition 1 was tested as spam:header:x-spam-flag:YES:contains and is now written as "
            "spam:header:x-spam-flag:YES:is");
}

TEST(EmitterTest, OpaqueRulesAreWrappedAndUnwrapped) {
  RuleSet model = Read("if exists \"x\" { keep; }\n");
  model.rules[0].enabled = false;
  EmitResult r = EmitScript(model);
  const std::string disabled = "# rule:[] id=" + model.rules[0].id +
                               " disabled\nif false {\nif exists \"x\" { keep; }\n}\n";
  EXPECT_EQ(r.script, disabled);
  RuleSet again = Read(r.script);
  ASSERT_EQ(again.rules.size(), 1u);
  EXPECT_EQ(again.rules[0].id, model.rules[0].id);
  EXPECT_FALSE(again.rules[0].enabled);
  again.rules[0].enabled = true;
  r = EmitScript(again);
  EXPECT_EQ(r.script, "# rule:[] id=" + model.rules[0].id + "\nif exists \"x\" { keep; }\n");
}

TEST(EmitterTest, RequireIsRebuiltFromWhatTheRulesNeed) {
  RuleSet model = Read("# mine\nrequire \"fileinto\";\nrequire \"reject\"; # both\n\nif true { fileinto \"a\"; }\n");
  Rule reject;
  reject.id = "r9";
  reject.body = GuiRule{Match::kAll, {Condition{Field::kSize, Operator::kOver, {"5M"}, false}},
                        {Action{ActionType::kReject, "", "", "Too big"}}};
  model.rules.push_back(reject);
  EmitResult r = EmitScript(model);
  EXPECT_EQ(r.script,
            "# mine\nrequire [\"fileinto\", \"reject\"];\n\nif true { fileinto \"a\"; }\n\n"
            "# rule:[] id=r9\nif size :over 5M {\n    reject \"Too big\";\n}\n");
  EXPECT_EQ(Codes(r.losses), std::vector<std::string>{});  // the same extensions as declared

  model.rules.erase(model.rules.begin());
  r = EmitScript(model);
  EXPECT_EQ(r.script,
            "# mine\nrequire \"reject\";\n\n# rule:[] id=r9\nif size :over 5M {\n    reject \"Too big\";\n}\n");
  EXPECT_EQ(r.losses[0].message, "require is rebuilt from what the rules need; removed fileinto");

  model.rules.clear();
  r = EmitScript(model);
  EXPECT_EQ(r.script, "# mine\n\n");
}

TEST(EmitterTest, ReportsWhatAProfileCannotSay) {
  RuleSet model;
  Rule notify;
  notify.id = "n";
  notify.body = GuiRule{Match::kAll, {Condition{}},
                        {Action{ActionType::kNotify, "", "a@b.c", "$from$: $subject$"}}};
  model.rules.push_back(notify);
  EmitOptions options;
  options.profile = FindProfile("dovecot");
  EmitResult r = EmitScript(model, options);
  EXPECT_EQ(r.script,
            "require \"enotify\";\n\n# rule:[] id=n\nif true {\n    notify :message \"$from$: "
            "$subject$\" \"mailto:a@b.c\";\n}\n");
  EXPECT_EQ(Codes(r.losses), (std::vector<std::string>{"notify-macros"}));

  ServerProfile silent = DefaultProfile();
  silent.notify = NotifyStyle::kNone;
  options.profile = &silent;
  r = EmitScript(model, options);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.script, "");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code, "notify-unavailable");
}

TEST(EmitterTest, TheSpamRuleTakesTheHostsContacts) {
  RuleSet model;
  Rule spam;
  spam.id = "spam";
  spam.name = "Spam";
  spam.body = SpamRule{"Junk", {"boss@example.com"}, true};
  model.rules.push_back(spam);
  EmitResult r = EmitScript(model);
  EXPECT_EQ(Codes(r.losses), (std::vector<std::string>{"contacts-missing"}));
  const std::vector<std::string> contacts = {"mum@example.net", "dad@example.net"};
  EmitOptions options;
  options.contacts = &contacts;
  r = EmitScript(Read(r.script), options);
  EXPECT_EQ(r.script,
            "require \"fileinto\";\n\n# rule:[Spam] id=spam kind=spam contacts=yes\n"
            "if allof (header :is \"X-Spam-Flag\" \"YES\", not address :is \"from\" "
            "\"boss@example.com\", not address :is \"from\" [\"mum@example.net\", "
            "\"dad@example.net\"]) {\n    fileinto \"Junk\";\n    stop;\n}\n");
  // Unchanged contacts: the rule is not touched again.
  const RuleSet read = Read(r.script);
  EXPECT_EQ(read.rules[0].spam()->whitelist, (std::vector<std::string>{"boss@example.com"}));
  EXPECT_EQ(EmitScript(read, options).script, r.script);
}

TEST(EmitterTest, OutOfOfficeSuspendsOtherAutoreplies) {
  RuleSet model;
  Rule ooo;
  ooo.id = "ooo";
  ooo.name = "Out of office";
  ooo.body = OutOfOfficeRule{"Away.\n"};
  Rule reply;
  reply.id = "r1";
  reply.body = GuiRule{Match::kAll, {Condition{Field::kFrom, Operator::kIs, {"a@b"}, false}},
                       {Action{ActionType::kAutoreply, "", "", "Thanks"}}};
  model.rules = {ooo, reply};
  EmitResult r = EmitScript(model);
  EXPECT_NE(r.script.find("if false { vacation :days 7 \"Thanks\"; }"), std::string::npos);
  EXPECT_EQ(Codes(r.losses), (std::vector<std::string>{"autoreply-suspended"}));
  RuleSet read = Read(r.script);
  EXPECT_EQ(read.rules[1].gui()->actions[0].text, "Thanks");
  read.rules[0].enabled = false;  // back in the office: the rule's own autoreply returns
  r = EmitScript(read);
  EXPECT_NE(r.script.find("    vacation :days 7 \"Thanks\";\n"), std::string::npos);
  EXPECT_TRUE(r.losses.empty());
}

TEST(EmitterTest, MarkersStartOnTheirOwnLine) {
  RuleSet model = Read("keep; if exists \"x\" { stop; }");
  model.rules[1].name = "named";
  const EmitResult r = EmitScript(model);
  EXPECT_EQ(r.script, "keep; \n# rule:[named] id=" + model.rules[1].id + "\nif exists \"x\" { stop; }\n");
  EXPECT_EQ(Read(r.script).rules[1].name, "named");
}

TEST(EmitterTest, RuleSource) {
  Rule r = GuideRule();
  r.enabled = false;
  EXPECT_EQ(*RuleSource(r, DefaultProfile()),
            "if address :contains \"from\" \"spam.com\" {\n    discard;\n}");
  r.body = OpaqueRule{"keep;"};
  EXPECT_EQ(*RuleSource(r, DefaultProfile()), "keep;");
  RuleSet named;
  named.profile = "cyrus";
  EXPECT_EQ(ProfileFor(named, {}).name, "cyrus");
  named.profile = "unknown";
  EXPECT_EQ(ProfileFor(named, {}).name, "kerio");
  EmitOptions options;
  options.profile = FindProfile("rfc");
  EXPECT_EQ(ProfileFor(named, options).name, "rfc");
}

TEST(EmitterTest, UntouchedRulesStayByteForByteWhenOthersChange) {
  // Over the corpus: rename one rule at a time; every other rule's bytes
  // come out exactly as read, in order.
  int edits = 0;
  const std::filesystem::path dir = std::filesystem::path(SIEVEKIT_SOURCE_ROOT) / "corpus/rules";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".sieve") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string name = entry.path().stem().string();
    const ServerProfile* profile = FindProfile(name.substr(0, name.find('-')));
    const RuleSet model = Read(text.str(), profile ? *profile : DefaultProfile());
    if (!model.losses.empty() && model.losses[0].code == "unparsed") {
      RuleSet edited = model;
      edited.rules[0].name = "x";
      EXPECT_EQ(EmitScript(edited).losses.back().code, "unparsed-rule");
      continue;
    }
    for (size_t k = 0; k < model.rules.size(); ++k) {
      RuleSet edited = model;
      edited.rules[k].name += " (renamed)";
      const EmitResult r = EmitScript(edited);
      ASSERT_TRUE(r.ok()) << name;
      size_t at = 0;
      for (size_t j = 0; j < model.rules.size(); ++j) {
        if (j == k) continue;
        const size_t found = r.script.find(model.rules[j].original, at);
        ASSERT_NE(found, std::string::npos) << name << " rule " << j << " after editing " << k;
        at = found + model.rules[j].original.size();
      }
      EXPECT_EQ(Read(r.script, profile ? *profile : DefaultProfile()).rules[k].name,
                model.rules[k].name + " (renamed)")
          << name;
      ++edits;
    }
  }
  EXPECT_GT(edits, 60);
}

}  // namespace
}  // namespace sievekit::editor
