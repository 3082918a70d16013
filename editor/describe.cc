// Rule descriptions with ICU MessageFormat and ListFormatter.
#include "editor/describe.h"

#include <memory>
#include <utility>
#include <variant>

#include <unicode/fmtable.h>
#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>

#include "common/utf8.h"
#include "editor/describe_catalogue.h"

namespace sievekit::editor {
namespace {

using Arg = std::variant<std::string, int64_t>;
using Args = std::vector<std::pair<std::string_view, Arg>>;

icu::UnicodeString U(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

class Describer {
 public:
  explicit Describer(std::string_view locale) {
    const std::span<const DescriptionCatalogue> all = DescriptionCatalogues();
    english_ = &all[0];
    catalogue_ = english_;
    for (const DescriptionCatalogue& c : all) {
      if (c.locale == locale) catalogue_ = &c;
    }
    locale_ = icu::Locale(std::string(catalogue_->locale).c_str());
  }

  std::string Format(std::string_view id, const Args& args) const {
    std::string_view pattern = Find(*catalogue_, id);
    if (pattern.empty()) pattern = Find(*english_, id);
    UErrorCode status = U_ZERO_ERROR;
    icu::MessageFormat format(U(pattern), locale_, status);
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    for (const auto& [name, value] : args) {
      names.push_back(U(name));
      if (const std::string* s = std::get_if<std::string>(&value)) {
        values.emplace_back(U(*s));
      } else {
        values.emplace_back(static_cast<int64_t>(std::get<int64_t>(value)));
      }
    }
    icu::UnicodeString out;
    format.format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
    if (U_FAILURE(status)) return std::string(id);
    return Utf8(out);
  }

  // "a, b, and c" (or "or") in the locale's words.
  std::string List(const std::vector<std::string>& items, bool disjunction) const {
    if (items.size() == 1) return items[0];
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::ListFormatter> formatter(icu::ListFormatter::createInstance(
        locale_, disjunction ? ULISTFMT_TYPE_OR : ULISTFMT_TYPE_AND, ULISTFMT_WIDTH_WIDE, status));
    std::vector<icu::UnicodeString> u;
    for (const std::string& s : items) u.push_back(U(s));
    icu::UnicodeString out;
    if (U_SUCCESS(status)) formatter->format(u.data(), static_cast<int32_t>(u.size()), out, status);
    if (U_FAILURE(status)) {
      std::string joined;
      for (size_t i = 0; i < items.size(); ++i) joined += (i ? ", " : "") + items[i];
      return joined;
    }
    return Utf8(out);
  }

  std::string Quoted(std::string_view text) const {
    // Long texts are cut (without splitting a character) to keep one line.
    std::string shown;
    for (char c : text) shown += (c == '\n' || c == '\r') ? ' ' : c;
    const std::string_view cut = utf8::TruncateCharacters(shown, 40);
    std::string value(cut);
    if (cut.size() < shown.size()) value += "…";
    return Format("quoted", {{"text", value}});
  }

  std::string Size(std::string_view value) const {
    std::string unit = "B";
    std::string n(value);
    if (!n.empty() && (n.back() == 'K' || n.back() == 'M' || n.back() == 'G')) {
      unit = n.substr(n.size() - 1);
      n.pop_back();
    }
    return Format("size", {{"n", n}, {"unit", unit}});
  }

 private:
  static std::string_view Find(const DescriptionCatalogue& c, std::string_view id) {
    for (const auto& [key, pattern] : c.messages) {
      if (key == id) return pattern;
    }
    return "";
  }

  const DescriptionCatalogue* english_ = nullptr;
  const DescriptionCatalogue* catalogue_ = nullptr;
  icu::Locale locale_;
};

std::string DescribeCondition(const Describer& d, const Condition& c) {
  const std::string op(OperatorName(c.op));
  std::vector<std::string> quoted;
  for (const std::string& v : c.values) quoted.push_back(d.Quoted(v));
  switch (c.field) {
    case Field::kSubject:
      return d.Format("condition.subject", {{"op", op}, {"values", d.List(quoted, true)}});
    case Field::kAttachment:
      return d.Format("condition.attachment", {{"op", op}});
    case Field::kSpam:
      return d.Format("condition.spam", {{"op", op}});
    case Field::kAll:
      return d.Format("condition.all", {});
    case Field::kSize:
      return d.Format("condition.size",
                      {{"size", d.Size(c.values.empty() ? std::string("0") : c.values[0])}});
    default:
      return d.Format("condition.address", {{"field", std::string(FieldName(c.field))},
                                            {"op", op},
                                            {"values", d.List(quoted, true)}});
  }
}

std::string DescribeAction(const Describer& d, const Action& a) {
  switch (a.type) {
    case ActionType::kMove:
      return d.Format("action.move", {{"folder", d.Quoted(a.folder)}});
    case ActionType::kForward:
      return d.Format("action.forward", {{"address", a.address}});
    case ActionType::kReject:
      return d.Format("action.reject", {{"text", d.Quoted(a.text)}});
    case ActionType::kKeep:
      return d.Format("action.keep", {});
    case ActionType::kDiscard:
      return d.Format("action.discard", {});
    case ActionType::kNotify:
      return d.Format("action.notify", {{"address", a.address}});
    case ActionType::kAutoreply:
      return d.Format("action.autoreply", {{"text", d.Quoted(a.text)}});
    case ActionType::kStop:
      return d.Format("action.stop", {});
  }
  return "";
}

std::string Body(const Describer& d, const Rule& rule) {
  if (const GuiRule* gui = rule.gui()) {
    std::vector<std::string> conditions;
    for (const Condition& c : gui->conditions) conditions.push_back(DescribeCondition(d, c));
    std::vector<std::string> actions;
    for (const Action& a : gui->actions) actions.push_back(DescribeAction(d, a));
    return d.Format("gui", {{"conditions", d.List(conditions, gui->match == Match::kAny)},
                            {"actions", d.List(actions, false)}});
  }
  if (const SpamRule* spam = rule.spam()) {
    std::vector<std::string> trusted;
    if (!spam->whitelist.empty()) {
      trusted.push_back(
          d.Format("spam.trusted", {{"count", static_cast<int64_t>(spam->whitelist.size())}}));
    }
    if (spam->trust_contacts) trusted.push_back(d.Format("spam.contacts", {}));
    const std::string exceptions =
        trusted.empty() ? "" : d.Format("spam.exceptions", {{"list", d.List(trusted, false)}});
    return d.Format("spam", {{"folder", d.Quoted(spam->folder)}, {"exceptions", exceptions}});
  }
  if (const OutOfOfficeRule* ooo = rule.out_of_office()) {
    return d.Format("out_of_office", {{"text", d.Quoted(ooo->text)}});
  }
  const std::string& source = rule.opaque()->source;
  int64_t lines = 1;
  for (char c : source) lines += c == '\n' ? 1 : 0;
  if (!source.empty() && source.back() == '\n') --lines;
  std::string first = source.substr(0, source.find('\n'));
  if (!first.empty() && first.back() == '\r') first.pop_back();
  return d.Format("opaque", {{"lines", lines}, {"start", d.Quoted(first)}});
}

}  // namespace

std::string DescribeRuleBody(const Rule& rule, std::string_view locale) {
  return Body(Describer(locale), rule);
}

std::string DescribeRule(const Rule& rule, std::string_view locale) {
  const Describer d(locale);
  std::string name = rule.name;
  for (char& c : name) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  if (name.empty()) name = d.Format("unnamed", {{"id", rule.id}});
  return d.Format(rule.enabled ? "rule" : "rule.disabled", {{"name", name}, {"body", Body(d, rule)}});
}

std::vector<std::string> DescriptionLocales() {
  std::vector<std::string> out;
  for (const DescriptionCatalogue& c : DescriptionCatalogues()) out.emplace_back(c.locale);
  return out;
}

}  // namespace sievekit::editor
