// Conditions ⇄ Sieve tests.
#include "editor/condition_forms.h"

#include <algorithm>

#include <fmt/format.h>

#include "editor/sieve_text.h"
#include "ir/registry.h"

namespace sievekit::editor {
namespace {

std::string_view HeaderNames(Field field) {
  switch (field) {
    case Field::kRecipient:
      return "[\"to\", \"cc\"]";
    case Field::kFrom:
      return "\"from\"";
    case Field::kTo:
      return "\"to\"";
    case Field::kCc:
      return "\"cc\"";
    case Field::kSender:
      return "\"sender\"";
    case Field::kSubject:
      return "\"subject\"";
    default:
      return "";
  }
}

std::string_view MatchTag(Operator op) {
  switch (op) {
    case Operator::kIs:
    case Operator::kIsNot:
      return ":is";
    case Operator::kContains:
    case Operator::kNotContains:
      return ":contains";
    case Operator::kMatches:
    case Operator::kNotMatches:
      return ":matches";
    case Operator::kOver:
      return "";
  }
  return "";
}

std::string AttachmentTest(AttachmentStyle style) {
  switch (style) {
    case AttachmentStyle::kMime:
      return "header :mime :anychild :contains \"content-disposition\" \"attachment\"";
    case AttachmentStyle::kBody:
      return "body :raw :contains \"Content-Disposition: attachment\"";
    case AttachmentStyle::kHeader:
      return "header :contains \"content-type\" \"multipart/mixed\"";
  }
  return "";
}

std::string_view AttachmentFormName(AttachmentStyle style) {
  switch (style) {
    case AttachmentStyle::kMime:
      return "attachment:mime";
    case AttachmentStyle::kBody:
      return "attachment:body";
    case AttachmentStyle::kHeader:
      return "attachment:header";
  }
  return "";
}

std::string SpamFormName(const ServerProfile& p) {
  switch (p.spam) {
    case SpamStyle::kHeader:
      return fmt::format("spam:header:{}:{}:is", ir::AsciiLower(p.spam_header), p.spam_value);
    case SpamStyle::kSpamtest:
      return fmt::format("spam:spamtest:{}", p.spam_threshold);
    case SpamStyle::kSpamtestPlus:
      return fmt::format("spam:spamtestplus:{}", p.spam_threshold);
  }
  return "";
}

// Optional default tags of address and header tests, which change nothing.
bool OnlyDefaultTags(const CallArguments& a, std::initializer_list<std::string_view> allowed,
                     std::string* why) {
  for (const auto& [tag, param] : a.tags) {
    if (tag == "is" || tag == "contains" || tag == "matches") continue;
    if (std::find(allowed.begin(), allowed.end(), tag) != allowed.end()) continue;
    if (tag == "comparator") {
      const std::optional<std::string> name = SingleStringOf(param);
      if (name && EqualsNoCase(*name, "i;ascii-casemap")) continue;
      *why = "a comparator other than the default";
      return false;
    }
    *why = fmt::format("the :{} argument", tag);
    return false;
  }
  return true;
}

std::optional<Operator> MatchOperator(const CallArguments& a, std::string* why) {
  int count = 0;
  Operator op = Operator::kIs;
  if (a.tags.contains("contains")) {
    op = Operator::kContains;
    ++count;
  }
  if (a.tags.contains("matches")) {
    op = Operator::kMatches;
    ++count;
  }
  if (a.tags.contains("is")) ++count;
  if (count > 1) {
    *why = "two match types";
    return std::nullopt;
  }
  return op;
}

// The field a header list names: one of from/to/cc/sender/subject, or
// exactly to and cc (in any order and case) for recipient.
std::optional<Field> FieldOfHeaders(const std::vector<std::string>& headers) {
  std::vector<std::string> lower;
  for (const std::string& h : headers) lower.push_back(ir::AsciiLower(h));
  std::sort(lower.begin(), lower.end());
  lower.erase(std::unique(lower.begin(), lower.end()), lower.end());
  if (lower.size() == 2 && lower[0] == "cc" && lower[1] == "to" && headers.size() == 2) {
    return Field::kRecipient;
  }
  if (headers.size() != 1) return std::nullopt;
  if (lower[0] == "from") return Field::kFrom;
  if (lower[0] == "to") return Field::kTo;
  if (lower[0] == "cc") return Field::kCc;
  if (lower[0] == "sender") return Field::kSender;
  if (lower[0] == "subject") return Field::kSubject;
  return std::nullopt;
}

// header/address tests with two string lists: headers and keys.
std::optional<Condition> AddressOrHeader(const syntax::Test& test, bool is_address,
                                         std::string* form, std::string* why) {
  const CallArguments a = ReadArguments(test.arguments, {"comparator"});
  if (!a.valid || a.positional.size() != 2) {
    *why = fmt::format("an unusual {} test", test.name);
    return std::nullopt;
  }
  if (!OnlyDefaultTags(a, is_address ? std::initializer_list<std::string_view>{"all"}
                                     : std::initializer_list<std::string_view>{},
                       why)) {
    return std::nullopt;
  }
  const std::optional<Operator> op = MatchOperator(a, why);
  const auto headers = StringsOf(a.positional[0]);
  const auto keys = StringsOf(a.positional[1]);
  if (!op || !headers || !keys) {
    if (why->empty()) *why = fmt::format("an unusual {} test", test.name);
    return std::nullopt;
  }
  const std::optional<Field> field = FieldOfHeaders(*headers);
  if (!field || (is_address && *field == Field::kSubject)) {
    *why = fmt::format("{} {} test of headers the dialog does not offer",
                       is_address ? "an" : "a", ir::AsciiLower(test.name));
    return std::nullopt;
  }
  for (const std::string& k : *keys) {
    if (!IsLineValue(k)) {
      *why = "a value with a line break or invalid UTF-8";
      return std::nullopt;
    }
  }
  Condition c;
  c.field = *field;
  c.op = *op;
  c.values = *keys;
  c.whole_line = !is_address && *field != Field::kSubject;
  *form = is_address ? "address" : "header";
  return c;
}

bool IsSpamtest(const syntax::Test& test, bool* percent, int* threshold) {
  const CallArguments a = ReadArguments(test.arguments, {"comparator", "value"});
  if (!a.valid || a.positional.size() != 1) return false;
  *percent = a.tags.contains("percent");
  for (const auto& [tag, param] : a.tags) {
    if (tag != "percent" && tag != "comparator" && tag != "value") return false;
  }
  const auto cmp = SingleStringOf(a.tags.contains("comparator") ? a.tags.at("comparator") : nullptr);
  const auto rel = SingleStringOf(a.tags.contains("value") ? a.tags.at("value") : nullptr);
  const auto key = SingleStringOf(a.positional[0]);
  if (!cmp || !rel || !key || !EqualsNoCase(*cmp, "i;ascii-numeric") || !EqualsNoCase(*rel, "ge")) {
    return false;
  }
  if (key->empty() || key->size() > 3 || key->find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  *threshold = std::stoi(*key);
  return *threshold >= 1 && *threshold <= (*percent ? 100 : 10);
}

// Attachment and spam tests, in any built-in profile's form or `profile`'s.
std::optional<Condition> Special(const syntax::Test& test, const ServerProfile& profile,
                                 std::string* form) {
  const std::string name = ir::AsciiLower(test.name);
  const std::string normalized = [&] {
    std::string out = name;
    for (const syntax::Argument& a : test.arguments) {
      out += ' ';
      if (a.IsTag()) {
        out += ":" + ir::AsciiLower(a.tag);
      } else if (a.IsStringList()) {
        std::vector<std::string> values;
        for (const syntax::StringLiteral& s : a.strings) values.push_back(s.value);
        out += SieveStringList(values);
      } else {
        out += "#";
      }
    }
    return out;
  }();
  Condition c;
  for (AttachmentStyle style : {AttachmentStyle::kMime, AttachmentStyle::kBody, AttachmentStyle::kHeader}) {
    // Header names compare without case; the body key is case-insensitive too.
    if (ir::AsciiLower(normalized) == ir::AsciiLower(AttachmentTest(style))) {
      c.field = Field::kAttachment;
      *form = AttachmentFormName(style);
      return c;
    }
  }
  if (name == "spamtest") {
    bool percent = false;
    int threshold = 0;
    if (!IsSpamtest(test, &percent, &threshold)) return std::nullopt;
    c.field = Field::kSpam;
    *form = fmt::format("spam:{}:{}", percent ? "spamtestplus" : "spamtest", threshold);
    return c;
  }
  if (name == "header") {
    const CallArguments a = ReadArguments(test.arguments, {"comparator"});
    if (!a.valid || a.positional.size() != 2 || a.tags.size() > 1) return std::nullopt;
    const bool is = a.tags.empty() || a.tags.contains("is");
    if (!is && !a.tags.contains("contains")) return std::nullopt;
    const auto header = SingleStringOf(a.positional[0]);
    const auto value = SingleStringOf(a.positional[1]);
    if (!header || !value) return std::nullopt;
    const bool known = (EqualsNoCase(*header, profile.spam_header) &&
                        EqualsNoCase(*value, profile.spam_value)) ||
                       (EqualsNoCase(*header, "X-Spam-Flag") && EqualsNoCase(*value, "YES"));
    if (!known) return std::nullopt;
    c.field = Field::kSpam;
    *form = fmt::format("spam:header:{}:{}:{}", ir::AsciiLower(*header), *value,
                        is ? "is" : "contains");
    return c;
  }
  return std::nullopt;
}

}  // namespace

std::string SpamTest(const ServerProfile& p) {
  switch (p.spam) {
    case SpamStyle::kHeader:
      return fmt::format("header :is {} {}", SieveString(p.spam_header), SieveString(p.spam_value));
    case SpamStyle::kSpamtest:
      return fmt::format("spamtest :value \"ge\" :comparator \"i;ascii-numeric\" \"{}\"",
                         p.spam_threshold);
    case SpamStyle::kSpamtestPlus:
      return fmt::format("spamtest :percent :value \"ge\" :comparator \"i;ascii-numeric\" \"{}\"",
                         p.spam_threshold);
  }
  return "";
}

Result<std::string> ConditionToSieve(const Condition& c, const ServerProfile& profile) {
  if (!OperatorFits(c.field, c.op)) {
    return Error{fmt::format("the {} condition does not take the operator {}", FieldName(c.field),
                             OperatorName(c.op))};
  }
  const std::string_view negation = IsNegative(c.op) ? "not " : "";
  switch (c.field) {
    case Field::kAll:
      return std::string("true");
    case Field::kSize:
      if (c.values.size() != 1 || !ParseSizeValue(c.values[0])) {
        return Error{"a size condition needs one size such as \"100K\""};
      }
      return "size :over " + c.values[0];
    case Field::kAttachment:
      return std::string(negation) + AttachmentTest(profile.attachment);
    case Field::kSpam:
      return std::string(negation) + SpamTest(profile);
    default:
      break;
  }
  if (c.values.empty()) {
    return Error{fmt::format("the {} condition has no value", FieldName(c.field))};
  }
  const bool address = IsAddressField(c.field) && !c.whole_line;
  return fmt::format("{}{} {} {} {}", negation, address ? "address" : "header", MatchTag(c.op),
                     HeaderNames(c.field), SieveStringList(c.values));
}

std::string ConditionForm(const Condition& c, const ServerProfile& profile) {
  switch (c.field) {
    case Field::kAttachment:
      return std::string(AttachmentFormName(profile.attachment));
    case Field::kSpam:
      return SpamFormName(profile);
    case Field::kAll:
    case Field::kSize:
      return "";
    default:
      return IsAddressField(c.field) && !c.whole_line ? "address" : "header";
  }
}

Result<std::string> ConditionsToSieve(const GuiRule& rule, const ServerProfile& profile) {
  std::vector<std::string> tests;
  for (const Condition& c : rule.conditions) {
    Result<std::string> t = ConditionToSieve(c, profile);
    if (!t.ok()) return t;
    tests.push_back(std::move(*t));
  }
  if (tests.empty()) return Error{"a rule needs at least one condition"};
  if (tests.size() == 1 && rule.match == Match::kAll) return tests[0];
  std::string out = rule.match == Match::kAll ? "allof (" : "anyof (";
  for (size_t i = 0; i < tests.size(); ++i) {
    if (i) out += ", ";
    out += tests[i];
  }
  return out + ")";
}

std::optional<Condition> RecognizeCondition(const syntax::SyntaxTree& tree, const syntax::Test& test,
                                            const ServerProfile& profile, std::string* form,
                                            std::string* why) {
  const std::string name = ir::AsciiLower(test.name);
  if (name == "not") {
    if (test.tests.size() != 1 || test.test_list) {
      *why = "an unusual not";
      return std::nullopt;
    }
    std::optional<Condition> inner = RecognizeCondition(tree, test.tests[0], profile, form, why);
    if (!inner) return std::nullopt;
    const std::optional<Operator> negated = Negated(inner->op);
    if (!negated || inner->field == Field::kAll) {
      *why = fmt::format("a negated {} test", test.tests[0].name);
      return std::nullopt;
    }
    inner->op = *negated;
    return inner;
  }
  if (name == "true" && test.arguments.empty() && test.tests.empty()) {
    *form = "";
    return Condition{};
  }
  if (std::optional<Condition> c = Special(test, profile, form)) return c;
  if (name == "address" || name == "header") return AddressOrHeader(test, name == "address", form, why);
  if (name == "size") {
    const CallArguments a = ReadArguments(test.arguments, {});
    if (a.valid && a.tags.size() == 1 && a.tags.contains("over") && a.positional.size() == 1 &&
        a.positional[0]->IsNumber()) {
      Condition c;
      c.field = Field::kSize;
      c.op = Operator::kOver;
      // The number as written, its quantifier in upper case ("100k" → "100K").
      std::string value(tree.Text(tree.tokens[a.positional[0]->tokens.first]));
      if (!value.empty() && value.back() >= 'a') value.back() = static_cast<char>(value.back() - 32);
      if (!ParseSizeValue(value)) {
        *why = "a size beyond the dialog's range";
        return std::nullopt;
      }
      c.values = {value};
      *form = "";
      return c;
    }
    *why = "a size test other than :over";
    return std::nullopt;
  }
  *why = fmt::format("the {} test", test.name);
  return std::nullopt;
}

std::optional<RecognizedTest> RecognizeTest(const syntax::SyntaxTree& tree, const syntax::Test& test,
                                            const ServerProfile& profile, std::string* why) {
  RecognizedTest out;
  const std::string name = ir::AsciiLower(test.name);
  std::vector<const syntax::Test*> members;
  if ((name == "allof" || name == "anyof") && test.test_list) {
    out.match = name == "allof" ? Match::kAll : Match::kAny;
    for (const syntax::Test& t : test.tests) members.push_back(&t);
  } else {
    members.push_back(&test);
  }
  for (const syntax::Test* t : members) {
    std::string form;
    std::optional<Condition> c = RecognizeCondition(tree, *t, profile, &form, why);
    if (!c) return std::nullopt;
    out.conditions.push_back(std::move(*c));
    out.forms.push_back(std::move(form));
  }
  return out;
}

}  // namespace sievekit::editor
