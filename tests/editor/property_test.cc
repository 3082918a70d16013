// Property tests of the rule layer, over thousands of random models
// (random_model.h) and every built-in server profile:
//   * model → Sieve → model is the identity (ids, names, enabled state,
//     kinds, conditions, actions), and Sieve → model → Sieve is then byte for
//     byte the same script (a fixpoint);
//   * model → JSON → model is the identity, including what the JSON carries
//     to re-emit the script exactly;
//   * every emitted script passes the compiler front end (what `sievec
//     check` runs) without a diagnostic, for every built-in profile;
//   * every random model is valid (ValidateModel has no errors).
// 1,500 models per profile: 6,000 cases. (behaviour_test.cc runs emitted
// scripts on sample messages; tests/tools/command_rules_test.cc does both
// through the `sievec` binary.)
#include <gtest/gtest.h>

#include "editor/emitter.h"
#include "editor/model_json.h"
#include "editor/projection.h"
#include "editor/validation.h"
#include "extensions/all_extensions.h"
#include "tests/editor/random_model.h"

namespace sievekit::editor {
namespace {

constexpr int kCasesPerProfile = 1500;

// The rules as a GUI sees them: without the bytes they were read from.
std::vector<Rule> Visible(std::vector<Rule> rules) {
  for (Rule& r : rules) r.original.clear();
  return rules;
}

std::string Errors(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.all()) out += std::string(x.id()) + ": " + x.message + "\n";
  return out;
}

TEST(PropertyTest, ModelToSieveToModelIsTheIdentity) {
  int checked = 0;
  for (const ServerProfile& profile : BuiltinProfiles()) {
    testing::RandomModels random(static_cast<uint32_t>(0x5eed + profile.name.size()));
    testing::RandomModels::Options options;
    for (int i = 0; i < kCasesPerProfile; ++i) {
      const RuleSet model = random.Model(profile, options);
      ASSERT_FALSE(HasErrors(ValidateModel(model, profile))) << "case " << i;
      EmitOptions emit;
      const EmitResult first = EmitScript(model, emit);
      ASSERT_TRUE(first.ok()) << profile.name << " case " << i << ": " << first.errors[0].message;
      ASSERT_TRUE(first.diagnostics.all().empty())
          << profile.name << " case " << i << "\n" << first.script << Errors(first.diagnostics);
      ProjectOptions project;
      project.profile = &profile;
      const ProjectResult read = ProjectScript(first.script, project);
      ASSERT_EQ(Visible(read.model.rules), model.rules)
          << profile.name << " case " << i << "\n" << first.script;
      // The re-read model names no losses beyond the opaque rules' reasons.
      for (const Loss& l : read.model.losses) {
        if (l.code == "opaque") continue;
        ADD_FAILURE() << profile.name << " case " << i << ": " << l.code << ": " << l.message << "\n"
                      << first.script;
      }
      // Writing it again changes nothing, byte for byte, and loses nothing.
      const EmitResult second = EmitScript(read.model, emit);
      ASSERT_TRUE(second.ok());
      ASSERT_EQ(second.script, first.script) << profile.name << " case " << i;
      for (const Loss& l : second.losses) {
        EXPECT_EQ(l.code, "autoreply-suspended") << profile.name << " case " << i << ": " << l.message;
      }
      // And through JSON, which carries everything needed to do so.
      Result<RuleSet> json = ModelFromJson(ModelToJson(read.model));
      ASSERT_TRUE(json.ok()) << json.error().message;
      ASSERT_EQ(*json, read.model) << profile.name << " case " << i;
      ASSERT_EQ(EmitScript(*json, emit).script, first.script);
      ++checked;
    }
  }
  EXPECT_EQ(checked, kCasesPerProfile * 4);
}

TEST(PropertyTest, EditedModelsStayValidAndReadBackAsEdited) {
  // Parse a script, edit one rule of the model at random, write it: the
  // edited rule reads back as edited, the others as they were.
  testing::RandomModels random(77);
  testing::RandomModels::Options options;
  for (int i = 0; i < 600; ++i) {
    const ServerProfile& profile = BuiltinProfiles()[static_cast<size_t>(i % 4)];
    RuleSet model = random.Model(profile, options);
    const std::string script = EmitScript(model).script;
    ProjectOptions project;
    project.profile = &profile;
    RuleSet read = ProjectScript(script, project).model;
    if (read.rules.empty()) continue;
    const size_t k = static_cast<size_t>(random.Int(0, static_cast<int>(read.rules.size()) - 1));
    Rule& r = read.rules[k];
    switch (random.Int(0, 3)) {
      case 0:
        r.enabled = !r.enabled;
        break;
      case 1:
        r.name = random.Name();
        break;
      case 2:
        if (GuiRule* g = r.gui()) *g = random.Gui();
        break;
      default:
        read.rules.erase(read.rules.begin() + static_cast<std::ptrdiff_t>(k));
        break;
    }
    const EmitResult edited = EmitScript(read);
    ASSERT_TRUE(edited.ok()) << i;
    const RuleSet again = ProjectScript(edited.script, project).model;
    ASSERT_EQ(Visible(again.rules), Visible(read.rules)) << i << "\n" << edited.script;
  }
}

}  // namespace
}  // namespace sievekit::editor
