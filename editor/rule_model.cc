// Name tables and small predicates of the rule model.
#include "editor/rule_model.h"

#include <array>
#include <limits>
#include <utility>

namespace sievekit::editor {
namespace {

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "";
}

template <typename E, size_t N>
std::optional<E> ValueOf(const std::array<std::pair<E, std::string_view>, N>& table,
                         std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<Field, std::string_view>, 10> kFields = {{
    {Field::kRecipient, "recipient"},
    {Field::kFrom, "from"},
    {Field::kTo, "to"},
    {Field::kCc, "cc"},
    {Field::kSender, "sender"},
    {Field::kSubject, "subject"},
    {Field::kAttachment, "attachment"},
    {Field::kSize, "size"},
    {Field::kSpam, "spam"},
    {Field::kAll, "all"},
}};

constexpr std::array<std::pair<Operator, std::string_view>, 7> kOperators = {{
    {Operator::kIs, "is"},
    {Operator::kIsNot, "is_not"},
    {Operator::kContains, "contains"},
    {Operator::kNotContains, "not_contains"},
    {Operator::kMatches, "matches"},
    {Operator::kNotMatches, "not_matches"},
    {Operator::kOver, "over"},
}};

constexpr std::array<std::pair<ActionType, std::string_view>, 8> kActionTypes = {{
    {ActionType::kMove, "move"},
    {ActionType::kForward, "forward"},
    {ActionType::kReject, "reject"},
    {ActionType::kKeep, "keep"},
    {ActionType::kDiscard, "discard"},
    {ActionType::kNotify, "notify"},
    {ActionType::kAutoreply, "autoreply"},
    {ActionType::kStop, "stop"},
}};

constexpr std::array<std::pair<RuleKind, std::string_view>, 4> kKinds = {{
    {RuleKind::kGui, "gui"},
    {RuleKind::kOpaque, "opaque"},
    {RuleKind::kSpam, "spam"},
    {RuleKind::kOutOfOffice, "out_of_office"},
}};

constexpr std::array<std::pair<Match, std::string_view>, 2> kMatches = {{
    {Match::kAll, "all"},
    {Match::kAny, "any"},
}};

}  // namespace

std::string_view FieldName(Field field) { return NameOf(kFields, field); }
std::optional<Field> ParseField(std::string_view name) { return ValueOf(kFields, name); }
std::string_view OperatorName(Operator op) { return NameOf(kOperators, op); }
std::optional<Operator> ParseOperator(std::string_view name) { return ValueOf(kOperators, name); }
std::string_view ActionTypeName(ActionType type) { return NameOf(kActionTypes, type); }
std::optional<ActionType> ParseActionType(std::string_view name) {
  return ValueOf(kActionTypes, name);
}
std::string_view RuleKindName(RuleKind kind) { return NameOf(kKinds, kind); }
std::optional<RuleKind> ParseRuleKind(std::string_view name) { return ValueOf(kKinds, name); }
std::string_view MatchName(Match match) { return NameOf(kMatches, match); }
std::optional<Match> ParseMatch(std::string_view name) { return ValueOf(kMatches, name); }

bool IsAddressField(Field field) {
  return field == Field::kRecipient || field == Field::kFrom || field == Field::kTo ||
         field == Field::kCc || field == Field::kSender;
}

bool OperatorFits(Field field, Operator op) {
  switch (field) {
    case Field::kSize:
      return op == Operator::kOver;
    case Field::kAttachment:
    case Field::kSpam:
      return op == Operator::kIs || op == Operator::kIsNot;
    case Field::kAll:
      return op == Operator::kIs;
    default:
      return op != Operator::kOver;
  }
}

std::optional<Operator> Negated(Operator op) {
  switch (op) {
    case Operator::kIs:
      return Operator::kIsNot;
    case Operator::kIsNot:
      return Operator::kIs;
    case Operator::kContains:
      return Operator::kNotContains;
    case Operator::kNotContains:
      return Operator::kContains;
    case Operator::kMatches:
      return Operator::kNotMatches;
    case Operator::kNotMatches:
      return Operator::kMatches;
    case Operator::kOver:
      return std::nullopt;
  }
  return std::nullopt;
}

bool IsNegative(Operator op) {
  return op == Operator::kIsNot || op == Operator::kNotContains || op == Operator::kNotMatches;
}

std::optional<uint64_t> ParseSizeValue(std::string_view value) {
  if (value.empty()) return std::nullopt;
  uint64_t multiplier = 1;
  switch (value.back()) {
    case 'K':
      multiplier = uint64_t{1} << 10;
      break;
    case 'M':
      multiplier = uint64_t{1} << 20;
      break;
    case 'G':
      multiplier = uint64_t{1} << 30;
      break;
    default:
      break;
  }
  if (multiplier != 1) value.remove_suffix(1);
  if (value.empty() || value.size() > 19) return std::nullopt;
  uint64_t n = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  constexpr uint64_t kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  if (n > kMax / multiplier) return std::nullopt;
  return n * multiplier;
}

bool SameContent(const Rule& a, const Rule& b) { return a.body == b.body; }

std::string DisplayName(const Rule& rule) {
  if (!rule.name.empty()) return rule.name;
  return "(" + rule.id + ")";
}

}  // namespace sievekit::editor
