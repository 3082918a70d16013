// The rule list's operations, as the guide's Rules tab offers them: New,
// Modify, Copy (the copy must be renamed), Remove, Up and Down, enabling and
// disabling, renaming, and Edit (the Sieve source of one rule), plus setting
// the two predefined rules from their own tabs.
//
// The predefined rules sit in fixed places (Spam first, then Out of office)
// and are not edited as ordinary rules: Modify, Copy and Edit refuse them,
// other rules cannot move above them, and SetSpamRule / SetOutOfOffice
// create them in their place or update them. A refused operation leaves the
// model unchanged and returns an Error with a sentence for the user.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "editor/profile.h"
#include "editor/rule_model.h"

namespace sievekit::editor {

Rule* FindRule(RuleSet& model, std::string_view id);
const Rule* FindRule(const RuleSet& model, std::string_view id);
// "r1", "r2", ...: the first not in use.
std::string NewRuleId(const RuleSet& model);

// Adds a GUI or opaque rule at `position` (default: the end); a rule without
// an id gets NewRuleId. Returns the rule's id.
Result<std::string> AddRule(RuleSet& model, Rule rule, std::optional<size_t> position = {});
// Replaces a rule's name, enabled state and content; its id stays.
Result<void> ModifyRule(RuleSet& model, std::string_view id, const Rule& updated);
// Inserts a copy after the rule, under `new_name`, which must differ from
// the original's. Returns the copy's id.
Result<std::string> CopyRule(RuleSet& model, std::string_view id, std::string new_name);
Result<void> RemoveRule(RuleSet& model, std::string_view id);
enum class Direction : uint8_t { kUp, kDown };
Result<void> MoveRule(RuleSet& model, std::string_view id, Direction direction);
Result<void> SetEnabled(RuleSet& model, std::string_view id, bool enabled);
Result<void> RenameRule(RuleSet& model, std::string_view id, std::string name);
// Replaces a rule's content with Sieve source (statements, no require):
// it becomes a GUI rule when the dialog can show it, else an opaque one.
Result<void> EditRuleSource(RuleSet& model, std::string_view id, std::string_view source,
                            const ServerProfile& profile);
// Creates or updates the predefined rules, and puts them in their places
// (Spam first, then Out of office) should a script have had them elsewhere.
// An updated rule keeps its id, name and original bytes (the emitter then
// sees what changed).
Result<void> SetSpamRule(RuleSet& model, const SpamRule& spam, bool enabled);
Result<void> SetOutOfOffice(RuleSet& model, const OutOfOfficeRule& ooo, bool enabled);

}  // namespace sievekit::editor
