// The JSON form of a rule model, version 1 (docs/rules-model.md, with the
// JSON Schema docs/rules-model.schema.json):
//
//   {"version": 1, "profile": "kerio", "rules": [...], "losses": [...],
//    "layout": {"prologue": ..., "epilogue": ..., "needs": [...], "dialect": ...}}
//
// Each rule: "id", "name", "enabled", "kind" (gui | opaque | spam |
// out_of_office) and its kind's members; "original" holds the bytes it was
// read from. Text that is not valid UTF-8 (scripts may hold any bytes) is
// written base64-encoded in a member of the same name with "_base64"
// appended, so the JSON form is exact.
//
// Reading is strict: unknown members, wrong types, unknown names and
// missing members are errors that say where ("line 3, column 9: rules[0]
// .conditions[1].operator: ..."). Defaults: "name" "", "enabled" true,
// "match" "all", a condition's "operator" "over" for size and "is"
// otherwise, "values" []; a rule without an "id" gets a fresh one.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "editor/rule_model.h"

namespace sievekit::editor {

// Indented JSON, ending with a line break.
std::string ModelToJson(const RuleSet& model);
Result<RuleSet> ModelFromJson(std::string_view json);

}  // namespace sievekit::editor
