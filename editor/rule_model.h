// The rule model of a mail-client rule editor (the Kerio guide, chapters 6
// and 7): a RuleSet is an ordered list of rules, each a GuiRule (conditions
// joined by "and"/"or", actions), one of the two predefined rules (Spam,
// Out of office), or an OpaqueRule (Sieve the dialog cannot show, kept as
// exact source). Rules carry a stable id, a name and an enabled flag.
//
// These are plain values with equality; they know nothing about Sieve text
// (projection.h reads Sieve into them, emitter.h writes them out) or JSON
// (model_json.h). Texts use "\n" for line breaks; Sieve's CRLF is the
// emitter's business. The names of fields, operators and action types are
// those of the JSON model (docs/rules-model.md) and never change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sievekit::editor {

// What a condition looks at ("Where the From line contains address" ...).
enum class Field : uint8_t {
  kRecipient,   // the To or the Cc line
  kFrom,
  kTo,
  kCc,
  kSender,
  kSubject,
  kAttachment,  // the message has an attachment
  kSize,        // the message size
  kSpam,        // the message was detected as spam
  kAll,         // every message
};

enum class Operator : uint8_t {
  kIs,
  kIsNot,
  kContains,
  kNotContains,
  kMatches,     // wildcards * and ?
  kNotMatches,
  kOver,        // size: more than
};

enum class Match : uint8_t { kAll, kAny };  // "and" / "or"

struct Condition {
  Field field = Field::kAll;
  Operator op = Operator::kIs;
  // Addresses, words or wildcard patterns (any one may match); one size
  // such as "100K" for kSize; empty for kAttachment, kSpam and kAll.
  std::vector<std::string> values;
  // Address fields only: compare the whole header line (display names
  // included) instead of the addresses in it.
  bool whole_line = false;

  friend bool operator==(const Condition&, const Condition&) = default;
};

enum class ActionType : uint8_t {
  kMove,       // folder
  kForward,    // address
  kReject,     // text
  kKeep,
  kDiscard,
  kNotify,     // address, text (with the $from$ ... $text[N]$ macros)
  kAutoreply,  // text; once a week per sender
  kStop,
};

struct Action {
  ActionType type = ActionType::kKeep;
  // A folder path as the user sees it: "Work/Projects", another user's
  // shared folder "~user/folder", or a public one "#public/folder".
  std::string folder;
  std::string address;
  std::string text;

  friend bool operator==(const Action&, const Action&) = default;
};

struct GuiRule {
  Match match = Match::kAll;
  std::vector<Condition> conditions;
  std::vector<Action> actions;
  friend bool operator==(const GuiRule&, const GuiRule&) = default;
};

// The predefined Spam rule (guide §7.1): spam goes to a folder unless the
// sender is trusted (the whitelist, and optionally the user's contacts,
// which the host supplies when the script is written).
struct SpamRule {
  std::string folder = "Junk";
  std::vector<std::string> whitelist;
  bool trust_contacts = false;
  friend bool operator==(const SpamRule&, const SpamRule&) = default;
};

// The predefined Out of office rule (guide §6.2): reply once a week to every
// sender, never to mailing lists or automatic mail.
struct OutOfOfficeRule {
  std::string text;
  friend bool operator==(const OutOfOfficeRule&, const OutOfOfficeRule&) = default;
};

// Sieve the dialog cannot show, as exact source (the statement in its
// enabled form, without the marker comment).
struct OpaqueRule {
  std::string source;
  friend bool operator==(const OpaqueRule&, const OpaqueRule&) = default;
};

enum class RuleKind : uint8_t { kGui, kOpaque, kSpam, kOutOfOffice };

struct Rule {
  std::string id;
  std::string name;
  bool enabled = true;
  std::variant<GuiRule, OpaqueRule, SpamRule, OutOfOfficeRule> body;
  // The exact bytes the rule was read from (comments before it, its marker,
  // the statement, the rest of its last line); empty for a new rule. The
  // emitter re-emits them untouched when the rule was not edited.
  std::string original;

  RuleKind kind() const { return static_cast<RuleKind>(body.index()); }
  GuiRule* gui() { return std::get_if<GuiRule>(&body); }
  const GuiRule* gui() const { return std::get_if<GuiRule>(&body); }
  const OpaqueRule* opaque() const { return std::get_if<OpaqueRule>(&body); }
  const SpamRule* spam() const { return std::get_if<SpamRule>(&body); }
  const OutOfOfficeRule* out_of_office() const { return std::get_if<OutOfOfficeRule>(&body); }

  friend bool operator==(const Rule&, const Rule&) = default;
};

// Something a conversion lost or changed, or could not show as a dialog
// rule. Nothing is dropped silently: every such case becomes one Loss.
struct Loss {
  std::string rule_id;  // empty when it concerns the whole script
  std::string code;     // stable, kebab-case (see docs/rules-model.md)
  std::string message;  // one English sentence
  friend bool operator==(const Loss&, const Loss&) = default;
};

// The bytes of a script outside its rules, kept so that an unedited model is
// written back byte for byte.
struct ScriptLayout {
  bool present = false;  // false for a model that was not read from a script
  std::string prologue;  // up to the rules: header comments, `require`
  std::string epilogue;  // after the last rule
  // What the rules needed when the script was read (extension names); the
  // prologue is re-emitted as is while the rules still need exactly this.
  std::vector<std::string> needs;
  // The editor whose conventions the script follows, when it matters for
  // reading rule names ("ingo", "nextcloud"); empty otherwise.
  std::string dialect;
  friend bool operator==(const ScriptLayout&, const ScriptLayout&) = default;
};

struct RuleSet {
  static constexpr int kVersion = 1;  // of the JSON form
  std::string profile;  // the server profile the model was read with; empty: default
  std::vector<Rule> rules;
  std::vector<Loss> losses;
  ScriptLayout layout;
  friend bool operator==(const RuleSet&, const RuleSet&) = default;
};

// JSON names (docs/rules-model.md) and their inverses.
std::string_view FieldName(Field field);
std::optional<Field> ParseField(std::string_view name);
std::string_view OperatorName(Operator op);
std::optional<Operator> ParseOperator(std::string_view name);
std::string_view ActionTypeName(ActionType type);
std::optional<ActionType> ParseActionType(std::string_view name);
std::string_view RuleKindName(RuleKind kind);
std::optional<RuleKind> ParseRuleKind(std::string_view name);
std::string_view MatchName(Match match);
std::optional<Match> ParseMatch(std::string_view name);

// From, To, Cc, Sender and recipient (To or Cc): conditions on addresses.
bool IsAddressField(Field field);
// Whether `op` is one of the operators `field` takes (size: over; attachment
// and spam: is, is_not; all: is; the rest: the six text operators).
bool OperatorFits(Field field, Operator op);
// The operator with the opposite meaning (is ↔ is_not, ...); nullopt for over.
std::optional<Operator> Negated(Operator op);
bool IsNegative(Operator op);

// A size value: digits with an optional K, M or G (1024-based, as Sieve's
// quantifiers); nullopt when malformed or above 2^63 - 1.
std::optional<uint64_t> ParseSizeValue(std::string_view value);

// Two rules that differ at most in id, name, enabled and original.
bool SameContent(const Rule& a, const Rule& b);
// The rule's name, or a placeholder built from its id when it has none.
std::string DisplayName(const Rule& rule);

}  // namespace sievekit::editor
