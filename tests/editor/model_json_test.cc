// Tests for editor/model_json: the JSON form of the model written exactly,
// read back to the same model, defaults, and strict errors with positions.
#include "editor/model_json.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/json_reader.h"

namespace sievekit::editor {
namespace {

RuleSet EveryKind() {
  RuleSet m;
  m.profile = "kerio";
  Rule gui;
  gui.id = "r1";
  gui.name = "Drop all messages from the spam.com domain";
  gui.body = GuiRule{Match::kAny,
                     {Condition{Field::kFrom, Operator::kContains, {"spam.com"}, true},
                      Condition{Field::kSize, Operator::kOver, {"100K"}, false}},
                     {Action{ActionType::kMove, "Junk", "", ""},
                      Action{ActionType::kNotify, "", "a@b.c", "$from$"},
                      Action{ActionType::kStop, "", "", ""}}};
  gui.original = "# rule:[x]\nif true { stop; }\n";
  Rule spam;
  spam.id = "spam";
  spam.name = "Spam";
  spam.body = SpamRule{"Junk", {"boss@example.com"}, true};
  Rule ooo;
  ooo.id = "ooo";
  ooo.name = "Out of office";
  ooo.enabled = false;
  ooo.body = OutOfOfficeRule{"Away.\n"};
  Rule opaque;
  opaque.id = "h1";
  opaque.body = OpaqueRule{"keep;\xFF"};
  m.rules = {spam, ooo, gui, opaque};
  m.losses = {Loss{"h1", "opaque", "why"}, Loss{"", "require-rebuilt", "all"}};
  m.layout.present = true;
  m.layout.prologue = "require \"fileinto\";\n";
  m.layout.epilogue = "";
  m.layout.needs = {"fileinto"};
  m.layout.dialect = "ingo";
  return m;
}

TEST(ModelJsonTest, WritesTheDocumentedForm) {
  EXPECT_EQ(ModelToJson(EveryKind()),
            R"({
  "version": 1,
  "profile": "kerio",
  "rules": [
    {
      "id": "spam",
      "name": "Spam",
      "enabled": true,
      "kind": "spam",
      "folder": "Junk",
      "whitelist": ["boss@example.com"],
      "trust_contacts": true
    },
    {
      "id": "ooo",
      "name": "Out of office",
      "enabled": false,
      "kind": "out_of_office",
      "text": "Away.\n"
    },
    {
      "id": "r1",
      "name": "Drop all messages from the spam.com domain",
      "enabled": true,
      "kind": "gui",
      "match": "any",
      "conditions": [
        {
          "field": "from",
          "operator": "contains",
          "values": ["spam.com"],
          "whole_line": true
        },
        {"field": "size", "operator": "over", "values": ["100K"]}
      ],
      "actions": [
        {"type": "move", "folder": "Junk"},
        {"type": "notify", "address": "a@b.c", "text": "$from$"},
        {"type": "stop"}
      ],
      "original": "# rule:[x]\nif true { stop; }\n"
    },
    {
      "id": "h1",
      "name": "",
      "enabled": true,
      "kind": "opaque",
      "source_base64": "a2VlcDv/"
    }
  ],
  "losses": [
    {"rule": "h1", "code": "opaque", "message": "why"},
    {"code": "require-rebuilt", "message": "all"}
  ],
  "layout": {
    "prologue": "require \"fileinto\";\n",
    "epilogue": "",
    "needs": ["fileinto"],
    "dialect": "ingo"
  }
}
)");
}

TEST(ModelJsonTest, ReadsBackTheSameModel) {
  const RuleSet m = EveryKind();
  Result<RuleSet> back = ModelFromJson(ModelToJson(m));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, m);
  RuleSet empty;
  back = ModelFromJson(ModelToJson(empty));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, empty);
}

TEST(ModelJsonTest, Defaults) {
  Result<RuleSet> m = ModelFromJson(R"({"version": 1, "rules": [
      {"kind": "gui", "conditions": [{"field": "from", "operator": "contains", "values": ["spam.com"]},
                                     {"field": "size", "values": ["1M"]}, {"field": "spam"}],
       "actions": [{"type": "discard"}]},
      {"id": "r1", "kind": "spam"},
      {"kind": "opaque", "source": "keep;"}]})");
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->rules.size(), 3u);
  EXPECT_EQ(m->rules[0].id, "r2");
  EXPECT_EQ(m->rules[2].id, "r3");
  EXPECT_EQ(m->rules[0].name, "");
  EXPECT_TRUE(m->rules[0].enabled);
  const GuiRule& g = *m->rules[0].gui();
  EXPECT_EQ(g.match, Match::kAll);
  EXPECT_EQ(g.conditions[1].op, Operator::kOver);
  EXPECT_EQ(g.conditions[2].op, Operator::kIs);
  EXPECT_TRUE(g.conditions[2].values.empty());
  EXPECT_EQ(*m->rules[1].spam(), SpamRule{});
  EXPECT_FALSE(m->layout.present);
  EXPECT_EQ(m->profile, "");
}

TEST(ModelJsonTest, RefusesInvalidModelsSayingWhere) {
  const struct {
    std::string json;
    std::string error;
  } cases[] = {
      {"[]", "line 1, column 1: expected an object, found an array"},
      {"{}", "line 1, column 1: version: missing"},
      {R"({"version": 2, "rules": []})", "line 1, column 13: version: unsupported version 2 (this reader knows 1)"},
      {R"({"version": 1})", "line 1, column 1: rules: missing"},
      {R"({"version": 1, "rules": {}})", "line 1, column 25: rules: expected an array, found an object"},
      {R"({"version": 1, "rules": [], "extra": 1})", "line 1, column 38: extra: unknown member"},
      {R"({"version": 1, "rules": [{"id": "a"}]})", "line 1, column 26: rules[0]: missing member \"kind\""},
      {R"({"version": 1, "rules": [{"kind": "rule"}]})",
       "line 1, column 35: rules[0].kind: unknown kind \"rule\" (expected gui, opaque, spam or out_of_office)"},
      {R"({"version": 1, "rules": [{"kind": "gui", "conditions": [], "actions": [], "text": "x"}]})",
       "line 1, column 83: rules[0].text: not a member of a gui rule"},
      {R"({"version": 1, "rules": [{"kind": "gui", "actions": []}]})",
       "line 1, column 26: rules[0]: missing member \"conditions\""},
      {R"({"version": 1, "rules": [{"kind": "gui", "conditions": [{"field": "From"}], "actions": []}]})",
       "line 1, column 67: rules[0].conditions[0].field: unknown field \"From\" (expected recipient, "
       "from, to, cc, sender, subject, attachment, size, spam or all)"},
      {R"({"version": 1, "rules": [{"kind": "gui", "conditions": [{"field": "from", "operator": "has"}], "actions": []}]})",
       "line 1, column 87: rules[0].conditions[0].operator: unknown operator \"has\" (expected is, "
       "is_not, contains, not_contains, matches, not_matches or over)"},
      {R"({"version": 1, "rules": [{"kind": "gui", "conditions": [{"field": "from", "values": ["a", 1]}], "actions": []}]})",
       "line 1, column 91: rules[0].conditions[0].values[1]: expected a string"},
      {R"({"version": 1, "rules": [{"kind": "gui", "conditions": [], "actions": [{"type": "fileinto"}]}]})",
       "line 1, column 81: rules[0].actions[0].type: unknown action \"fileinto\" (expected move, "
       "forward, reject, keep, discard, notify, autoreply or stop)"},
      {R"({"version": 1, "rules": [{"kind": "gui", "conditions": [], "actions": [{"type": "move"}]}]})",
       "line 1, column 72: rules[0].actions[0]: missing member \"folder\""},
      {R"({"version": 1, "rules": [{"kind": "gui", "conditions": [], "actions": [{"type": "keep", "folder": "x"}]}]})",
       "line 1, column 99: rules[0].actions[0].folder: not a member of a keep action"},
      {R"({"version": 1, "rules": [{"kind": "opaque"}]})", "line 1, column 26: rules[0]: an opaque rule needs \"source\""},
      {R"({"version": 1, "rules": [{"kind": "opaque", "source": "a", "source_base64": "YQ=="}]})",
       "line 1, column 77: rules[0].source_base64: give either source or source_base64"},
      {R"({"version": 1, "rules": [{"kind": "opaque", "source_base64": "YQ"}]})",
       "line 1, column 62: rules[0].source_base64: base64 text must be a multiple of 4 characters long"},
      {R"({"version": 1, "rules": [{"kind": "spam", "enabled": "yes"}]})",
       "line 1, column 54: rules[0].enabled: expected a boolean, found a string"},
      {R"({"version": 1, "rules": [], "layout": {"needs": "x"}})",
       "line 1, column 49: layout.needs: expected an array, found a string"},
      {R"({"version": 1, "rules": [], "losses": [{"code": 1}]})",
       "line 1, column 49: losses[0].code: expected a string, found a number"},
      {"{\"version\": 1, \"rules\": [}", "line 1, column 26: expected a value, found '}'"},
  };
  for (const auto& c : cases) {
    Result<RuleSet> m = ModelFromJson(c.json);
    ASSERT_FALSE(m.ok()) << c.json;
    EXPECT_EQ(m.error().message, c.error) << c.json;
  }
}

// docs/rules-model.schema.json lists exactly the model's names.
TEST(ModelJsonTest, TheSchemaListsTheModelsNames) {
  std::ifstream in(std::string(SIEVEKIT_SOURCE_ROOT) + "/docs/rules-model.schema.json");
  std::ostringstream text;
  text << in.rdbuf();
  Result<JsonValue> schema = ParseJson(text.str());
  ASSERT_TRUE(schema.ok()) << schema.error().message;
  const JsonValue& defs = *schema->Find("$defs");
  const auto names = [](const JsonValue& e) {
    std::vector<std::string> out;
    for (const JsonValue& v : e.AsArray()) out.push_back(v.AsString());
    return out;
  };
  const JsonValue& condition = *defs.Find("condition")->Find("properties");
  std::vector<std::string> fields;
  for (Field f : {Field::kRecipient, Field::kFrom, Field::kTo, Field::kCc, Field::kSender,
                  Field::kSubject, Field::kAttachment, Field::kSize, Field::kSpam, Field::kAll}) {
    fields.emplace_back(FieldName(f));
  }
  EXPECT_EQ(names(*condition.Find("field")->Find("enum")), fields);
  std::vector<std::string> ops;
  for (Operator o : {Operator::kIs, Operator::kIsNot, Operator::kContains, Operator::kNotContains,
                     Operator::kMatches, Operator::kNotMatches, Operator::kOver}) {
    ops.emplace_back(OperatorName(o));
  }
  EXPECT_EQ(names(*condition.Find("operator")->Find("enum")), ops);
  std::vector<std::string> types;
  for (const JsonValue& alternative : defs.Find("action")->Find("oneOf")->AsArray()) {
    types.push_back(alternative.Find("properties")->Find("type")->Find("const")->AsString());
  }
  EXPECT_EQ(types, (std::vector<std::string>{"move", "forward", "reject", "keep", "discard",
                                             "notify", "autoreply", "stop"}));
  for (const std::string& t : types) EXPECT_TRUE(ParseActionType(t)) << t;
  EXPECT_EQ(names(*defs.Find("common")->Find("properties")->Find("kind")->Find("enum")),
            (std::vector<std::string>{"gui", "opaque", "spam", "out_of_office"}));
  EXPECT_EQ(schema->Find("properties")->Find("version")->Find("const")->AsInt64(), RuleSet::kVersion);
}

}  // namespace
}  // namespace sievekit::editor
