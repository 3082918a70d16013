// Operations on the rule list.
#include "editor/operations.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "editor/markers.h"
#include "editor/projection.h"

namespace sievekit::editor {
namespace {

bool IsSpecial(const Rule& r) {
  return r.kind() == RuleKind::kSpam || r.kind() == RuleKind::kOutOfOffice;
}

// How many rules at the top are predefined (their fixed places).
size_t SpecialCount(const RuleSet& model) {
  size_t n = 0;
  while (n < model.rules.size() && IsSpecial(model.rules[n])) ++n;
  return n;
}

std::optional<size_t> IndexOf(const RuleSet& model, std::string_view id) {
  for (size_t i = 0; i < model.rules.size(); ++i) {
    if (model.rules[i].id == id) return i;
  }
  return std::nullopt;
}

std::optional<size_t> IndexOfKind(const RuleSet& model, RuleKind kind) {
  for (size_t i = 0; i < model.rules.size(); ++i) {
    if (model.rules[i].kind() == kind) return i;
  }
  return std::nullopt;
}

Error NoSuchRule(std::string_view id) { return Error{fmt::format("there is no rule \"{}\"", id)}; }

Error SpecialRefused(const Rule& r, std::string_view what) {
  return Error{fmt::format("the {} rule is set on its own tab and cannot be {}",
                           r.kind() == RuleKind::kSpam ? "Spam" : "Out of office", what)};
}

}  // namespace

Rule* FindRule(RuleSet& model, std::string_view id) {
  const std::optional<size_t> i = IndexOf(model, id);
  return i ? &model.rules[*i] : nullptr;
}

const Rule* FindRule(const RuleSet& model, std::string_view id) {
  const std::optional<size_t> i = IndexOf(model, id);
  return i ? &model.rules[*i] : nullptr;
}

std::string NewRuleId(const RuleSet& model) {
  std::set<std::string> used;
  for (const Rule& r : model.rules) used.insert(r.id);
  for (int n = 1;; ++n) {
    std::string id = fmt::format("r{}", n);
    if (!used.contains(id)) return id;
  }
}

Result<std::string> AddRule(RuleSet& model, Rule rule, std::optional<size_t> position) {
  if (IsSpecial(rule)) return SpecialRefused(rule, "added as an ordinary rule");
  if (rule.id.empty()) rule.id = NewRuleId(model);
  if (!IsValidId(rule.id)) return Error{fmt::format("\"{}\" is not a valid rule id", rule.id)};
  if (FindRule(model, rule.id)) return Error{fmt::format("the id \"{}\" is already in use", rule.id)};
  const size_t first = SpecialCount(model);
  const size_t at = position.value_or(model.rules.size());
  if (at < first || at > model.rules.size()) {
    return Error{"a rule can only go below the predefined rules and within the list"};
  }
  rule.original.clear();
  std::string id = rule.id;
  model.rules.insert(model.rules.begin() + static_cast<std::ptrdiff_t>(at), std::move(rule));
  return id;
}

Result<void> ModifyRule(RuleSet& model, std::string_view id, const Rule& updated) {
  Rule* r = FindRule(model, id);
  if (!r) return NoSuchRule(id);
  if (IsSpecial(*r)) return SpecialRefused(*r, "modified as an ordinary rule");
  if (IsSpecial(updated)) return SpecialRefused(updated, "made from an ordinary rule");
  r->name = updated.name;
  r->enabled = updated.enabled;
  r->body = updated.body;
  return {};
}

Result<std::string> CopyRule(RuleSet& model, std::string_view id, std::string new_name) {
  const std::optional<size_t> i = IndexOf(model, id);
  if (!i) return NoSuchRule(id);
  const Rule& original = model.rules[*i];
  if (IsSpecial(original)) return SpecialRefused(original, "copied");
  if (new_name.empty() || new_name == original.name) {
    return Error{"the copy must be renamed: give it a name different from the original's"};
  }
  Rule copy = original;
  copy.id = NewRuleId(model);
  copy.name = std::move(new_name);
  copy.original.clear();
  std::string copy_id = copy.id;
  model.rules.insert(model.rules.begin() + static_cast<std::ptrdiff_t>(*i + 1), std::move(copy));
  return copy_id;
}

Result<void> RemoveRule(RuleSet& model, std::string_view id) {
  const std::optional<size_t> i = IndexOf(model, id);
  if (!i) return NoSuchRule(id);
  model.rules.erase(model.rules.begin() + static_cast<std::ptrdiff_t>(*i));
  return {};
}

Result<void> MoveRule(RuleSet& model, std::string_view id, Direction direction) {
  const std::optional<size_t> i = IndexOf(model, id);
  if (!i) return NoSuchRule(id);
  if (IsSpecial(model.rules[*i])) return SpecialRefused(model.rules[*i], "moved");
  const size_t first = SpecialCount(model);
  if (direction == Direction::kUp) {
    if (*i == 0 || *i - 1 < first) {
      return Error{*i == first && first > 0 ? "a rule cannot move above the predefined rules"
                                            : "the rule is already the first"};
    }
    std::swap(model.rules[*i], model.rules[*i - 1]);
  } else {
    if (*i + 1 >= model.rules.size()) return Error{"the rule is already the last"};
    std::swap(model.rules[*i], model.rules[*i + 1]);
  }
  return {};
}

Result<void> SetEnabled(RuleSet& model, std::string_view id, bool enabled) {
  Rule* r = FindRule(model, id);
  if (!r) return NoSuchRule(id);
  r->enabled = enabled;
  return {};
}

Result<void> RenameRule(RuleSet& model, std::string_view id, std::string name) {
  Rule* r = FindRule(model, id);
  if (!r) return NoSuchRule(id);
  r->name = std::move(name);
  return {};
}

Result<void> EditRuleSource(RuleSet& model, std::string_view id, std::string_view source,
                            const ServerProfile& profile) {
  Rule* r = FindRule(model, id);
  if (!r) return NoSuchRule(id);
  if (IsSpecial(*r)) return SpecialRefused(*r, "edited as Sieve source");
  ChunkContext context;
  context.profile = &profile;
  Result<ProjectedChunk> projected = ProjectRuleSource(source, context);
  if (!projected.ok()) return projected.error();
  if (!projected->rule.enabled) {
    // `if false { ... }` typed into the editor: keep it as written.
    r->body = OpaqueRule{projected->statement};
    return {};
  }
  r->body = projected->rule.body;
  return {};
}

Result<void> SetSpamRule(RuleSet& model, const SpamRule& spam, bool enabled) {
  Rule rule;
  if (const std::optional<size_t> i = IndexOfKind(model, RuleKind::kSpam)) {
    rule = std::move(model.rules[*i]);
    model.rules.erase(model.rules.begin() + static_cast<std::ptrdiff_t>(*i));
  } else {
    rule.id = FindRule(model, "spam") ? NewRuleId(model) : "spam";
    rule.name = "Spam";
  }
  rule.enabled = enabled;
  rule.body = spam;
  model.rules.insert(model.rules.begin(), std::move(rule));
  return {};
}

Result<void> SetOutOfOffice(RuleSet& model, const OutOfOfficeRule& ooo, bool enabled) {
  Rule rule;
  if (const std::optional<size_t> i = IndexOfKind(model, RuleKind::kOutOfOffice)) {
    rule = std::move(model.rules[*i]);
    model.rules.erase(model.rules.begin() + static_cast<std::ptrdiff_t>(*i));
  } else {
    rule.id = FindRule(model, "out_of_office") ? NewRuleId(model) : "out_of_office";
    rule.name = "Out of office";
  }
  rule.enabled = enabled;
  rule.body = ooo;
  const bool spam_first = !model.rules.empty() && model.rules[0].kind() == RuleKind::kSpam;
  model.rules.insert(model.rules.begin() + (spam_first ? 1 : 0), std::move(rule));
  return {};
}

}  // namespace sievekit::editor
