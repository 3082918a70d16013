// The JSON form of the rule model: writing with JsonWriter, strict reading
// with the JSON reader and a path-aware checker.
#include "editor/model_json.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "common/json_reader.h"
#include "common/json_writer.h"
#include "common/utf8.h"
#include "editor/json_text.h"
#include "editor/markers.h"

namespace sievekit::editor {
namespace {

// A member holding bytes: as a string when they are UTF-8, else base64.
void Bytes(JsonWriter& w, std::string_view name, std::string_view bytes) {
  if (utf8::IsValid(bytes)) {
    w.Key(name).String(bytes);
  } else {
    w.Key(std::string(name) + "_base64").String(Base64Encode(bytes));
  }
}

void Strings(JsonWriter& w, std::string_view name, const std::vector<std::string>& values) {
  w.Key(name).BeginArray();
  for (const std::string& v : values) w.String(v);
  w.EndArray();
}

void WriteRule(JsonWriter& w, const Rule& r) {
  w.BeginObject();
  w.Key("id").String(r.id).Key("name").String(r.name).Key("enabled").Bool(r.enabled);
  w.Key("kind").String(RuleKindName(r.kind()));
  if (const GuiRule* gui = r.gui()) {
    w.Key("match").String(MatchName(gui->match));
    w.Key("conditions").BeginArray();
    for (const Condition& c : gui->conditions) {
      w.BeginObject().Key("field").String(FieldName(c.field));
      w.Key("operator").String(OperatorName(c.op));
      Strings(w, "values", c.values);
      if (c.whole_line) w.Key("whole_line").Bool(true);
      w.EndObject();
    }
    w.EndArray();
    w.Key("actions").BeginArray();
    for (const Action& a : gui->actions) {
      w.BeginObject().Key("type").String(ActionTypeName(a.type));
      switch (a.type) {
        case ActionType::kMove:
          w.Key("folder").String(a.folder);
          break;
        case ActionType::kForward:
          w.Key("address").String(a.address);
          break;
        case ActionType::kNotify:
          w.Key("address").String(a.address).Key("text").String(a.text);
          break;
        case ActionType::kReject:
        case ActionType::kAutoreply:
          w.Key("text").String(a.text);
          break;
        default:
          break;
      }
      w.EndObject();
    }
    w.EndArray();
  } else if (const SpamRule* spam = r.spam()) {
    w.Key("folder").String(spam->folder);
    Strings(w, "whitelist", spam->whitelist);
    w.Key("trust_contacts").Bool(spam->trust_contacts);
  } else if (const OutOfOfficeRule* ooo = r.out_of_office()) {
    w.Key("text").String(ooo->text);
  } else if (const OpaqueRule* opaque = r.opaque()) {
    Bytes(w, "source", opaque->source);
  }
  if (!r.original.empty()) Bytes(w, "original", r.original);
  w.EndObject();
}

// Reading: every access goes through a path so errors say where.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  Result<RuleSet> Read(const JsonValue& root) {
    RuleSet model;
    if (!Object(root, "", {"version", "profile", "rules", "losses", "layout"})) return Fail();
    const JsonValue* version = Required(root, "", "version", JsonValue::Type::kNumber);
    if (!version) return Fail();
    if (version->AsInt64() != RuleSet::kVersion) {
      Problem(*version, "version", fmt::format("unsupported version {} (this reader knows {})",
                                               version->NumberText(), RuleSet::kVersion));
      return Fail();
    }
    if (const JsonValue* p = Optional(root, "", "profile", JsonValue::Type::kString)) {
      model.profile = p->AsString();
    }
    const JsonValue* rules = Required(root, "", "rules", JsonValue::Type::kArray);
    if (!rules || !ok_) return Fail();
    for (size_t i = 0; i < rules->AsArray().size(); ++i) {
      Rule rule;
      if (!ReadRule(rules->AsArray()[i], fmt::format("rules[{}]", i), &rule)) return Fail();
      model.rules.push_back(std::move(rule));
    }
    if (const JsonValue* losses = Optional(root, "", "losses", JsonValue::Type::kArray)) {
      for (size_t i = 0; i < losses->AsArray().size(); ++i) {
        const JsonValue& l = losses->AsArray()[i];
        const std::string path = fmt::format("losses[{}]", i);
        if (!Object(l, path, {"rule", "code", "message"})) return Fail();
        Loss loss;
        loss.rule_id = StringOr(l, path, "rule", "");
        loss.code = StringOr(l, path, "code", "");
        loss.message = StringOr(l, path, "message", "");
        model.losses.push_back(std::move(loss));
      }
    }
    if (const JsonValue* layout = Optional(root, "", "layout", JsonValue::Type::kObject)) {
      model.layout.present = true;
      if (!Object(*layout, "layout",
                  {"prologue", "prologue_base64", "epilogue", "epilogue_base64", "needs", "dialect"})) {
        return Fail();
      }
      model.layout.prologue = BytesOr(*layout, "layout", "prologue");
      model.layout.epilogue = BytesOr(*layout, "layout", "epilogue");
      model.layout.needs = StringList(*layout, "layout", "needs");
      model.layout.dialect = StringOr(*layout, "layout", "dialect", "");
    }
    if (!ok_) return Fail();
    AssignMissingIds(&model);
    return model;
  }

 private:
  Error Fail() { return Error{error_.empty() ? "invalid rule model" : error_}; }

  void Problem(const JsonValue& at, std::string_view path, std::string_view what) {
    if (!ok_) return;
    ok_ = false;
    error_ = fmt::format("{}: {}{}{}", JsonPosition(text_, at.offset()), path,
                         path.empty() ? "" : ": ", what);
  }

  static std::string Join(std::string_view path, std::string_view member) {
    return path.empty() ? std::string(member) : fmt::format("{}.{}", path, member);
  }

  bool Object(const JsonValue& v, std::string_view path, std::initializer_list<std::string_view> allowed) {
    if (!v.IsObject()) {
      Problem(v, path, fmt::format("expected an object, found {}", JsonValue::TypeName(v.type())));
      return false;
    }
    for (const JsonMember& m : v.AsObject()) {
      if (std::find(allowed.begin(), allowed.end(), m.name) == allowed.end()) {
        Problem(m.value, Join(path, m.name), "unknown member");
        return false;
      }
    }
    return true;
  }

  const JsonValue* Optional(const JsonValue& object, std::string_view path, std::string_view name,
                            JsonValue::Type type) {
    const JsonValue* v = object.Find(name);
    if (v == nullptr) return nullptr;
    if (v->type() != type) {
      Problem(*v, Join(path, name),
              fmt::format("expected {}, found {}", JsonValue::TypeName(type),
                          JsonValue::TypeName(v->type())));
      return nullptr;
    }
    return v;
  }

  const JsonValue* Required(const JsonValue& object, std::string_view path, std::string_view name,
                            JsonValue::Type type) {
    if (object.Find(name) == nullptr) {
      Problem(object, path.empty() ? std::string(name) : std::string(path),
              path.empty() ? "missing" : fmt::format("missing member \"{}\"", name));
      return nullptr;
    }
    return Optional(object, path, name, type);
  }

  std::string StringOr(const JsonValue& o, std::string_view path, std::string_view name,
                       std::string_view fallback) {
    const JsonValue* v = Optional(o, path, name, JsonValue::Type::kString);
    return v ? v->AsString() : std::string(fallback);
  }

  std::string RequiredString(const JsonValue& o, std::string_view path, std::string_view name) {
    const JsonValue* v = Required(o, path, name, JsonValue::Type::kString);
    return v ? v->AsString() : std::string();
  }

  std::vector<std::string> StringList(const JsonValue& o, std::string_view path,
                                      std::string_view name) {
    std::vector<std::string> out;
    const JsonValue* v = Optional(o, path, name, JsonValue::Type::kArray);
    if (!v) return out;
    for (size_t i = 0; i < v->AsArray().size(); ++i) {
      const JsonValue& e = v->AsArray()[i];
      if (!e.IsString()) {
        Problem(e, fmt::format("{}[{}]", Join(path, name), i), "expected a string");
        return out;
      }
      out.push_back(e.AsString());
    }
    return out;
  }

  // "name" as a string, or "name_base64"; not both.
  std::string BytesOr(const JsonValue& o, std::string_view path, std::string_view name) {
    const std::string b64 = std::string(name) + "_base64";
    if (o.Find(name) && o.Find(b64)) {
      Problem(*o.Find(b64), Join(path, b64), fmt::format("give either {} or {}", name, b64));
      return "";
    }
    if (const JsonValue* v = Optional(o, path, b64, JsonValue::Type::kString)) {
      Result<std::string> bytes = Base64Decode(v->AsString());
      if (!bytes.ok()) {
        Problem(*v, Join(path, b64), bytes.error().message);
        return "";
      }
      return *bytes;
    }
    return StringOr(o, path, name, "");
  }

  bool ReadRule(const JsonValue& v, const std::string& path, Rule* rule) {
    if (!Object(v, path,
                {"id", "name", "enabled", "kind", "match", "conditions", "actions", "folder",
                 "whitelist", "trust_contacts", "text", "source", "source_base64", "original",
                 "original_base64"})) {
      return false;
    }
    rule->id = StringOr(v, path, "id", "");
    rule->name = StringOr(v, path, "name", "");
    if (const JsonValue* e = Optional(v, path, "enabled", JsonValue::Type::kBool)) {
      rule->enabled = e->AsBool();
    }
    const JsonValue* kind_value = Required(v, path, "kind", JsonValue::Type::kString);
    if (!kind_value) return false;
    const std::optional<RuleKind> kind = ParseRuleKind(kind_value->AsString());
    if (!kind) {
      Problem(*kind_value, Join(path, "kind"),
              fmt::format("unknown kind \"{}\" (expected gui, opaque, spam or out_of_office)",
                          kind_value->AsString()));
      return false;
    }
    const auto only = [&](std::initializer_list<std::string_view> members) {
      for (const JsonMember& m : v.AsObject()) {
        const bool common = m.name == "id" || m.name == "name" || m.name == "enabled" ||
                            m.name == "kind" || m.name == "original" || m.name == "original_base64";
        if (!common && std::find(members.begin(), members.end(), m.name) == members.end()) {
          Problem(m.value, Join(path, m.name),
                  fmt::format("not a member of a {} rule", kind_value->AsString()));
          return false;
        }
      }
      return true;
    };
    switch (*kind) {
      case RuleKind::kGui: {
        if (!only({"match", "conditions", "actions"})) return false;
        GuiRule gui;
        if (const JsonValue* m = Optional(v, path, "match", JsonValue::Type::kString)) {
          const std::optional<Match> match = ParseMatch(m->AsString());
          if (!match) {
            Problem(*m, Join(path, "match"),
                    fmt::format("unknown match \"{}\" (expected all or any)", m->AsString()));
            return false;
          }
          gui.match = *match;
        }
        const JsonValue* conditions = Required(v, path, "conditions", JsonValue::Type::kArray);
        const JsonValue* actions = Required(v, path, "actions", JsonValue::Type::kArray);
        if (!conditions || !actions) return false;
        for (size_t i = 0; i < conditions->AsArray().size(); ++i) {
          Condition c;
          if (!ReadCondition(conditions->AsArray()[i], fmt::format("{}.conditions[{}]", path, i), &c)) {
            return false;
          }
          gui.conditions.push_back(std::move(c));
        }
        for (size_t i = 0; i < actions->AsArray().size(); ++i) {
          Action a;
          if (!ReadAction(actions->AsArray()[i], fmt::format("{}.actions[{}]", path, i), &a)) {
            return false;
          }
          gui.actions.push_back(std::move(a));
        }
        rule->body = std::move(gui);
        break;
      }
      case RuleKind::kSpam: {
        if (!only({"folder", "whitelist", "trust_contacts"})) return false;
        SpamRule spam;
        spam.folder = StringOr(v, path, "folder", "Junk");
        spam.whitelist = StringList(v, path, "whitelist");
        if (const JsonValue* t = Optional(v, path, "trust_contacts", JsonValue::Type::kBool)) {
          spam.trust_contacts = t->AsBool();
        }
        rule->body = std::move(spam);
        break;
      }
      case RuleKind::kOutOfOffice:
        if (!only({"text"})) return false;
        rule->body = OutOfOfficeRule{RequiredString(v, path, "text")};
        break;
      case RuleKind::kOpaque:
        if (!only({"source", "source_base64"})) return false;
        if (!v.Find("source") && !v.Find("source_base64")) {
          Problem(v, path, "an opaque rule needs \"source\"");
          return false;
        }
        rule->body = OpaqueRule{BytesOr(v, path, "source")};
        break;
    }
    rule->original = BytesOr(v, path, "original");
    return ok_;
  }

  bool ReadCondition(const JsonValue& v, const std::string& path, Condition* c) {
    if (!Object(v, path, {"field", "operator", "values", "whole_line"})) return false;
    const JsonValue* field = Required(v, path, "field", JsonValue::Type::kString);
    if (!field) return false;
    const std::optional<Field> f = ParseField(field->AsString());
    if (!f) {
      Problem(*field, Join(path, "field"),
              fmt::format("unknown field \"{}\" (expected recipient, from, to, cc, sender, "
                          "subject, attachment, size, spam or all)",
                          field->AsString()));
      return false;
    }
    c->field = *f;
    c->op = *f == Field::kSize ? Operator::kOver : Operator::kIs;
    if (const JsonValue* op = Optional(v, path, "operator", JsonValue::Type::kString)) {
      const std::optional<Operator> o = ParseOperator(op->AsString());
      if (!o) {
        Problem(*op, Join(path, "operator"),
                fmt::format("unknown operator \"{}\" (expected is, is_not, contains, "
                            "not_contains, matches, not_matches or over)",
                            op->AsString()));
        return false;
      }
      c->op = *o;
    }
    c->values = StringList(v, path, "values");
    if (const JsonValue* w = Optional(v, path, "whole_line", JsonValue::Type::kBool)) {
      c->whole_line = w->AsBool();
    }
    return ok_;
  }

  bool ReadAction(const JsonValue& v, const std::string& path, Action* a) {
    if (!Object(v, path, {"type", "folder", "address", "text"})) return false;
    const JsonValue* type = Required(v, path, "type", JsonValue::Type::kString);
    if (!type) return false;
    const std::optional<ActionType> t = ParseActionType(type->AsString());
    if (!t) {
      Problem(*type, Join(path, "type"),
              fmt::format("unknown action \"{}\" (expected move, forward, reject, keep, discard, "
                          "notify, autoreply or stop)",
                          type->AsString()));
      return false;
    }
    a->type = *t;
    std::vector<std::string_view> members;
    switch (*t) {
      case ActionType::kMove:
        members = {"folder"};
        break;
      case ActionType::kForward:
        members = {"address"};
        break;
      case ActionType::kNotify:
        members = {"address", "text"};
        break;
      case ActionType::kReject:
      case ActionType::kAutoreply:
        members = {"text"};
        break;
      default:
        break;
    }
    for (const JsonMember& m : v.AsObject()) {
      if (m.name != "type" && std::find(members.begin(), members.end(), m.name) == members.end()) {
        Problem(m.value, Join(path, m.name),
                fmt::format("not a member of a {} action", type->AsString()));
        return false;
      }
    }
    for (std::string_view m : members) {
      const std::string value = RequiredString(v, path, m);
      if (m == "folder") a->folder = value;
      if (m == "address") a->address = value;
      if (m == "text") a->text = value;
    }
    return ok_;
  }

  // Rules without an id get "r1", "r2", ... (the first numbers not in use).
  static void AssignMissingIds(RuleSet* model) {
    std::set<std::string> used;
    for (const Rule& r : model->rules) used.insert(r.id);
    int next = 1;
    for (Rule& r : model->rules) {
      if (!r.id.empty()) continue;
      while (used.contains(fmt::format("r{}", next))) ++next;
      r.id = fmt::format("r{}", next);
      used.insert(r.id);
    }
  }

  std::string_view text_;
  bool ok_ = true;
  std::string error_;
};

}  // namespace

std::string ModelToJson(const RuleSet& model) {
  JsonWriter w;
  w.BeginObject().Key("version").Int(RuleSet::kVersion);
  if (!model.profile.empty()) w.Key("profile").String(model.profile);
  w.Key("rules").BeginArray();
  for (const Rule& r : model.rules) WriteRule(w, r);
  w.EndArray();
  w.Key("losses").BeginArray();
  for (const Loss& l : model.losses) {
    w.BeginObject();
    if (!l.rule_id.empty()) w.Key("rule").String(l.rule_id);
    w.Key("code").String(l.code).Key("message").String(l.message);
    w.EndObject();
  }
  w.EndArray();
  if (model.layout.present) {
    w.Key("layout").BeginObject();
    Bytes(w, "prologue", model.layout.prologue);
    Bytes(w, "epilogue", model.layout.epilogue);
    Strings(w, "needs", model.layout.needs);
    if (!model.layout.dialect.empty()) w.Key("dialect").String(model.layout.dialect);
    w.EndObject();
  }
  w.EndObject();
  return PrettyJson(w.str());
}

Result<RuleSet> ModelFromJson(std::string_view json) {
  Result<JsonValue> root = ParseJson(json);
  if (!root.ok()) return root.error();
  return Reader(json).Read(*root);
}

}  // namespace sievekit::editor
