// The rule-editor corpus: every corpus/rules/*.sieve (scripts in the styles
// of Roundcube, sievelib, Horde Ingo, Nextcloud Mail, SOGo, Open-Xchange,
// Avelsieve, Thunderbird, this guide, and by hand) becomes a named test:
//   * the model read from it matches its golden NAME.json exactly
//     (regenerate with SIEVEKIT_UPDATE_GOLDEN=1 and review the diff);
//   * writing that model gives the script back byte for byte, and so does
//     writing the model read back from the golden JSON;
//   * the script written from the model reads back as the same model.
// A file named PROFILE-*.sieve for a built-in profile is read with it; all
// others with the default profile.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "editor/emitter.h"
#include "editor/model_json.h"
#include "editor/projection.h"

namespace sievekit::editor {
namespace {

const std::filesystem::path kDir = std::filesystem::path(SIEVEKIT_SOURCE_ROOT) / "corpus/rules";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> Scripts() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
    if (entry.path().extension() == ".sieve") out.push_back(entry.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const ServerProfile& ProfileOf(const std::string& name) {
  const std::string prefix = name.substr(0, name.find('-'));
  const ServerProfile* p = FindProfile(prefix);
  return p ? *p : DefaultProfile();
}

class RulesCorpusTest : public ::testing::TestWithParam<std::string> {};

TEST_P(RulesCorpusTest, ReadsAsItsGoldenModelAndWritesBackByteForByte) {
  const std::string name = GetParam();
  const std::string script = ReadFile(kDir / (name + ".sieve"));
  const ServerProfile& profile = ProfileOf(name);
  ProjectOptions options;
  options.profile = &profile;
  const ProjectResult read = ProjectScript(script, options);
  const std::string json = ModelToJson(read.model);
  const std::filesystem::path golden = kDir / (name + ".json");
  if (std::getenv("SIEVEKIT_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << json;
  }
  EXPECT_EQ(json, ReadFile(golden)) << name << ": run with SIEVEKIT_UPDATE_GOLDEN=1 to update";

  const EmitResult written = EmitScript(read.model);
  ASSERT_TRUE(written.ok()) << name;
  EXPECT_EQ(written.script, script) << name;

  Result<RuleSet> from_golden = ModelFromJson(ReadFile(golden));
  ASSERT_TRUE(from_golden.ok()) << from_golden.error().message;
  EXPECT_EQ(EmitScript(*from_golden).script, script) << name;

  EXPECT_EQ(ProjectScript(written.script, options).model, read.model) << name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, RulesCorpusTest, ::testing::ValuesIn(Scripts()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string out;
                           for (char c : param.param) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return out;
                         });

TEST(RulesCorpusSizeTest, AtLeastFortyScriptsEachWithItsModel) {
  const std::vector<std::string> scripts = Scripts();
  EXPECT_GE(scripts.size(), 40u);
  for (const std::string& s : scripts) {
    EXPECT_TRUE(std::filesystem::exists(kDir / (s + ".json"))) << s;
  }
}

}  // namespace
}  // namespace sievekit::editor
