// Validation of a rule model: what the guide's rule dialog would refuse, as
// messages a GUI can show next to the rule.
//
// Per rule: a valid id; at least one condition, each with an operator its
// field takes and the values it needs ("for all messages" alone); at least
// one action, each with what it needs (a folder the server profile can
// write, an address, a text; a notification only when the server sends
// them); and the guide's combination rules:
//   * Keep in Inbox only together with another action;
//   * Keep in Inbox and Discard never together;
//   * Forward performs no other action (Keep in Inbox and Stop aside);
//   * Reject with no action that delivers or replies (RFC 5429 §2.4);
//   * Discard not with Move; no action twice; Stop last.
// The Spam rule needs a folder and whitelist entries of the form
// user@domain; the Out of office rule a text; an opaque rule source that
// parses. Across rules: unique ids, one Spam and one Out of office rule in
// their places (a warning), and a warning for autoreplies the Out of office
// rule suspends. This file changes nothing.
#pragma once

#include <string>
#include <vector>

#include "editor/profile.h"
#include "editor/rule_model.h"

namespace sievekit::editor {

enum class IssueSeverity : uint8_t { kError, kWarning };

struct Issue {
  IssueSeverity severity = IssueSeverity::kError;
  std::string rule_id;  // empty for the model as a whole
  std::string code;     // stable, kebab-case
  std::string message;
  friend bool operator==(const Issue&, const Issue&) = default;
};

std::vector<Issue> ValidateRule(const Rule& rule, const ServerProfile& profile);
std::vector<Issue> ValidateModel(const RuleSet& model, const ServerProfile& profile);
bool HasErrors(const std::vector<Issue>& issues);

}  // namespace sievekit::editor
