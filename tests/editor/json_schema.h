// Test helper: a small JSON Schema (draft 2020-12) validator, enough for
// docs/rules-model.schema.json: $ref to "#/$defs/NAME", type, enum, const,
// required, properties, additionalProperties, items, minItems, maxItems,
// minLength, pattern (ECMAScript regular expressions, matched on the UTF-8
// bytes), allOf, anyOf, oneOf, not, if/then/else, boolean schemas, and the
// annotations ($schema, $id, title, description, default), which it skips.
// Any other keyword is reported as an error rather than ignored, so the
// schema cannot quietly grow a rule this helper does not check.
//
// Validate returns the problems found, each as "PATH: message" (an empty
// vector when the instance is valid). Only for tests: it is not fast and
// makes no attempt at full conformance.
#pragma once

#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/json_reader.h"

namespace sievekit::editor::testing {

class JsonSchema {
 public:
  explicit JsonSchema(const JsonValue& root) : root_(root) {}

  std::vector<std::string> Validate(const JsonValue& instance) const {
    std::vector<std::string> out;
    Check(root_, instance, "$", &out);
    return out;
  }

 private:
  static bool Equal(const JsonValue& a, const JsonValue& b) {
    if (a.type() != b.type()) return false;
    switch (a.type()) {
      case JsonValue::Type::kNull:
        return true;
      case JsonValue::Type::kBool:
        return a.AsBool() == b.AsBool();
      case JsonValue::Type::kNumber:
        return a.AsDouble() == b.AsDouble();
      case JsonValue::Type::kString:
        return a.AsString() == b.AsString();
      case JsonValue::Type::kArray:
        if (a.AsArray().size() != b.AsArray().size()) return false;
        for (size_t i = 0; i < a.AsArray().size(); ++i) {
          if (!Equal(a.AsArray()[i], b.AsArray()[i])) return false;
        }
        return true;
      case JsonValue::Type::kObject:
        if (a.AsObject().size() != b.AsObject().size()) return false;
        for (const JsonMember& m : a.AsObject()) {
          const JsonValue* other = b.Find(m.name);
          if (other == nullptr || !Equal(m.value, *other)) return false;
        }
        return true;
    }
    return false;
  }

  static bool HasType(const JsonValue& v, std::string_view type) {
    if (type == "integer") return v.IsNumber() && v.AsInt64().has_value();
    if (type == "number") return v.IsNumber();
    if (type == "string") return v.IsString();
    if (type == "boolean") return v.IsBool();
    if (type == "array") return v.IsArray();
    if (type == "object") return v.IsObject();
    if (type == "null") return v.IsNull();
    return false;
  }

  static size_t CodePoints(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
  }

  bool Valid(const JsonValue& schema, const JsonValue& v) const {
    std::vector<std::string> scratch;
    Check(schema, v, "", &scratch);
    return scratch.empty();
  }

  void Check(const JsonValue& schema, const JsonValue& v, const std::string& path,
             std::vector<std::string>* out) const {
    if (schema.IsBool()) {
      if (!schema.AsBool()) out->push_back(path + ": not allowed here");
      return;
    }
    const auto fail = [&](const std::string& message) { out->push_back(path + ": " + message); };
    for (const JsonMember& k : schema.AsObject()) {
      const std::string& key = k.name;
      const JsonValue& arg = k.value;
      if (key == "$schema" || key == "$id" || key == "title" || key == "description" ||
          key == "default" || key == "$defs" || key == "then" || key == "else") {
        continue;
      }
      if (key == "$ref") {
        constexpr std::string_view kPrefix = "#/$defs/";
        const std::string& ref = arg.AsString();
        const JsonValue* target = ref.starts_with(kPrefix)
                                      ? root_.Find("$defs")->Find(ref.substr(kPrefix.size()))
                                      : nullptr;
        if (target == nullptr) {
          fail("unresolvable $ref " + ref);
        } else {
          Check(*target, v, path, out);
        }
      } else if (key == "type") {
        bool any = false;
        if (arg.IsString()) {
          any = HasType(v, arg.AsString());
        } else {
          for (const JsonValue& t : arg.AsArray()) any = any || HasType(v, t.AsString());
        }
        if (!any) fail("wrong type");
      } else if (key == "enum") {
        bool any = false;
        for (const JsonValue& e : arg.AsArray()) any = any || Equal(e, v);
        if (!any) fail("not one of the enumerated values");
      } else if (key == "const") {
        if (!Equal(arg, v)) fail("not the constant value");
      } else if (key == "required") {
        if (!v.IsObject()) continue;
        for (const JsonValue& name : arg.AsArray()) {
          if (v.Find(name.AsString()) == nullptr) fail("missing \"" + name.AsString() + "\"");
        }
      } else if (key == "properties") {
        if (!v.IsObject()) continue;
        for (const JsonMember& m : v.AsObject()) {
          if (const JsonValue* sub = arg.Find(m.name)) Check(*sub, m.value, path + "." + m.name, out);
        }
      } else if (key == "additionalProperties") {
        if (!v.IsObject()) continue;
        const JsonValue* known = schema.Find("properties");
        for (const JsonMember& m : v.AsObject()) {
          if (known != nullptr && known->Find(m.name) != nullptr) continue;
          Check(arg, m.value, path + "." + m.name, out);
        }
      } else if (key == "items") {
        if (!v.IsArray()) continue;
        for (size_t i = 0; i < v.AsArray().size(); ++i) {
          Check(arg, v.AsArray()[i], path + "[" + std::to_string(i) + "]", out);
        }
      } else if (key == "minItems" || key == "maxItems") {
        if (!v.IsArray()) continue;
        const auto n = static_cast<int64_t>(v.AsArray().size());
        const int64_t limit = *arg.AsInt64();
        if (key == "minItems" ? n < limit : n > limit) fail(key + " " + std::to_string(limit));
      } else if (key == "minLength") {
        if (v.IsString() && static_cast<int64_t>(CodePoints(v.AsString())) < *arg.AsInt64()) {
          fail("shorter than minLength");
        }
      } else if (key == "pattern") {
        if (v.IsString() && !std::regex_search(v.AsString(), std::regex(arg.AsString()))) {
          fail("does not match " + arg.AsString());
        }
      } else if (key == "allOf") {
        for (const JsonValue& sub : arg.AsArray()) Check(sub, v, path, out);
      } else if (key == "anyOf") {
        bool any = false;
        for (const JsonValue& sub : arg.AsArray()) any = any || Valid(sub, v);
        if (!any) fail("matches none of anyOf");
      } else if (key == "oneOf") {
        int n = 0;
        for (const JsonValue& sub : arg.AsArray()) n += Valid(sub, v) ? 1 : 0;
        if (n != 1) fail("matches " + std::to_string(n) + " of oneOf, not exactly one");
      } else if (key == "not") {
        if (Valid(arg, v)) fail("matches a schema it must not");
      } else if (key == "if") {
        const JsonValue* branch = schema.Find(Valid(arg, v) ? "then" : "else");
        if (branch != nullptr) Check(*branch, v, path, out);
      } else {
        fail("the test's schema helper does not know the keyword " + key);
      }
    }
  }

  const JsonValue& root_;
};

}  // namespace sievekit::editor::testing
