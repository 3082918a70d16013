// The documented JSON form against what the code writes and reads: every
// model `sievec rules parse` prints (the golden JSON of corpus/rules/, and
// random models written as Sieve and read back) validates against
// docs/rules-model.schema.json, and JSON the schema refuses is refused by
// the reader or, when well formed, by the validator. The validator is the small one in json_schema.h.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/json_reader.h"
#include "editor/emitter.h"
#include "editor/model_json.h"
#include "editor/projection.h"
#include "editor/validation.h"
#include "tests/editor/json_schema.h"
#include "tests/editor/random_model.h"

namespace sievekit::editor {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const JsonValue& Schema() {
  static const JsonValue schema = [] {
    Result<JsonValue> parsed =
        ParseJson(ReadFile(std::filesystem::path(SIEVEKIT_SOURCE_ROOT) / "docs/rules-model.schema.json"));
    if (!parsed.ok()) return JsonValue();
    return std::move(*parsed);
  }();
  return schema;
}

std::string Problems(std::string_view json) {
  Result<JsonValue> value = ParseJson(json);
  if (!value.ok()) return "not JSON: " + value.error().message;
  std::string out;
  for (const std::string& p : testing::JsonSchema(Schema()).Validate(*value)) out += p + "\n";
  return out;
}

TEST(ModelSchemaTest, TheSchemaIsReadable) {
  ASSERT_TRUE(Schema().IsObject());
  EXPECT_EQ(Problems(R"({"version": 1, "rules": []})"), "");
}

TEST(ModelSchemaTest, EveryCorpusModelValidates) {
  int models = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(SIEVEKIT_SOURCE_ROOT) / "corpus/rules")) {
    if (entry.path().extension() != ".json") continue;
    EXPECT_EQ(Problems(ReadFile(entry.path())), "") << entry.path().filename();
    ++models;
  }
  EXPECT_GE(models, 40);
}

TEST(ModelSchemaTest, RandomModelsValidateAsWrittenAndAsReadBack) {
  int models = 0;
  for (const ServerProfile& profile : BuiltinProfiles()) {
    testing::RandomModels random(static_cast<uint32_t>(900 + profile.name.size()));
    const testing::RandomModels::Options options;
    for (int i = 0; i < 150; ++i) {
      const RuleSet model = random.Model(profile, options);
      ASSERT_EQ(Problems(ModelToJson(model)), "") << profile.name << " model " << i;
      ProjectOptions project;
      project.profile = &profile;
      const RuleSet read = ProjectScript(EmitScript(model).script, project).model;
      ASSERT_EQ(Problems(ModelToJson(read)), "") << profile.name << " model " << i;
      ++models;
    }
  }
  EXPECT_EQ(models, 600);
}

TEST(ModelSchemaTest, WhatTheSchemaRefusesTheReaderRefuses) {
  const std::string rule_start = R"({"version": 1, "rules": [{"id": "r1", "kind": "gui", )";
  const std::string end = "]}";
  const std::string cases[] = {
      R"({"rules": []})",
      R"({"version": 2, "rules": []})",
      R"({"version": 1, "rules": [], "extra": 1})",
      R"({"version": 1, "rules": [{"id": "r1"}]})",
      R"({"version": 1, "rules": [{"id": "r1", "kind": "special"}]})",
      R"({"version": 1, "rules": [{"id": "-x", "kind": "opaque", "source": "keep;"}]})",
      rule_start + R"("conditions": [{"field": "body", "values": ["x"]}], "actions": [{"type": "keep"}]})" + end,
      rule_start + R"("conditions": [{"field": "from", "operator": "has", "values": ["x"]}], "actions": [{"type": "discard"}]})" + end,
      rule_start + R"("conditions": [{"field": "all"}], "actions": [{"type": "fileinto", "folder": "x"}]})" + end,
      rule_start + R"("conditions": [{"field": "all"}], "actions": [{"type": "move"}]})" + end,
      rule_start + R"("match": "none", "conditions": [{"field": "all"}], "actions": [{"type": "discard"}]})" + end,
      rule_start + R"("conditions": [{"field": "all", "colour": "red"}], "actions": [{"type": "discard"}]})" + end,
  };
  for (const std::string& json : cases) {
    EXPECT_NE(Problems(json), "") << json;
    // The reader refuses the form; the validator (`sievec rules check`)
    // what is well formed but wrong, such as an id that is not one.
    Result<RuleSet> model = ModelFromJson(json);
    EXPECT_TRUE(!model.ok() || HasErrors(ValidateModel(*model, DefaultProfile()))) << json;
  }
}

}  // namespace
}  // namespace sievekit::editor
