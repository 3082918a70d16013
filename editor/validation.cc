// The rule dialog's checks and the guide's combination rules.
#include "editor/validation.h"

#include <algorithm>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "common/utf8.h"
#include "editor/markers.h"
#include "parser/parser.h"

namespace sievekit::editor {
namespace {

class Checker {
 public:
  Checker(const Rule& rule, std::vector<Issue>* out) : rule_(rule), out_(out) {}

  void Error(std::string code, std::string message) {
    out_->push_back({IssueSeverity::kError, rule_.id, std::move(code), std::move(message)});
  }

 private:
  const Rule& rule_;
  std::vector<Issue>* out_;
};

bool IsLine(std::string_view s) {
  return utf8::IsValid(s) && s.find_first_of("\r\n") == std::string_view::npos;
}

// user@domain: something on each side of one '@', printable US-ASCII only
// (a forward goes through SMTP, RFC 5321, which without SMTPUTF8 carries
// no other characters in addresses).
bool IsSimpleAddress(std::string_view s) {
  const size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= s.size()) return false;
  if (s.find('@', at + 1) != std::string_view::npos) return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F) return false;
  }
  return true;
}

void CheckCondition(const Condition& c, size_t index, Checker* check) {
  const std::string where = fmt::format("condition {}", index + 1);
  if (!OperatorFits(c.field, c.op)) {
    check->Error("operator", fmt::format("{}: the {} condition does not take the operator {}",
                                         where, FieldName(c.field), OperatorName(c.op)));
    return;
  }
  switch (c.field) {
    case Field::kSize:
      if (c.values.size() != 1 || !ParseSizeValue(c.values[0])) {
        check->Error("size", fmt::format("{}: the size must be one number of bytes, or of KB, MB "
                                         "or GB written as \"100K\", \"2M\", \"1G\"",
                                         where));
      }
      return;
    case Field::kAttachment:
    case Field::kSpam:
    case Field::kAll:
      if (!c.values.empty()) {
        check->Error("value", fmt::format("{}: the {} condition takes no values", where,
                                          FieldName(c.field)));
      }
      return;
    default:
      break;
  }
  if (c.whole_line && !IsAddressField(c.field)) {
    check->Error("value", fmt::format("{}: whole_line applies to address fields only", where));
  }
  if (c.values.empty()) {
    check->Error("value", fmt::format("{}: the {} condition needs at least one value", where,
                                      FieldName(c.field)));
  }
  for (const std::string& v : c.values) {
    if (v.empty() || !IsLine(v)) {
      check->Error("value", fmt::format("{}: a value must be one line of text, not empty", where));
      return;
    }
  }
}

void CheckActionFields(const Action& a, size_t index, const ServerProfile& profile,
                       Checker* check) {
  const std::string where = fmt::format("action {}", index + 1);
  const auto text_ok = [&](std::string_view what) {
    if (a.text.empty() || !utf8::IsValid(a.text) || a.text.find('\r') != std::string::npos) {
      check->Error("text", fmt::format("{}: the {} needs a text (valid UTF-8, lines ending in \\n)",
                                       where, what));
    }
  };
  switch (a.type) {
    case ActionType::kMove: {
      if (std::string problem = FolderProblem(a.folder); !problem.empty()) {
        check->Error("folder", fmt::format("{}: {}", where, problem));
      } else if (Result<std::string> m = FolderToMailbox(a.folder, profile); !m.ok()) {
        check->Error("folder", fmt::format("{}: {}", where, m.error().message));
      }
      break;
    }
    case ActionType::kForward:
      if (!IsSimpleAddress(a.address)) {
        check->Error("address", fmt::format("{}: forward needs an address such as user@example.com "
                                            "(US-ASCII)",
                                            where));
      }
      break;
    case ActionType::kReject:
      text_ok("rejection");
      break;
    case ActionType::kNotify:
      if (profile.notify == NotifyStyle::kNone) {
        check->Error("notify-unavailable",
                     fmt::format("{}: the server profile \"{}\" sends no notifications", where,
                                 profile.name));
      }
      if (!IsSimpleAddress(a.address)) {
        check->Error("address", fmt::format("{}: a notification needs an address such as "
                                            "john.blumonday@t-mobile.com",
                                            where));
      }
      text_ok("notification");
      break;
    case ActionType::kAutoreply:
      text_ok("autoreply");
      break;
    case ActionType::kKeep:
    case ActionType::kDiscard:
    case ActionType::kStop:
      break;
  }
}

void CheckCombinations(const std::vector<Action>& actions, Checker* check) {
  const auto count = [&](ActionType t) {
    return std::count_if(actions.begin(), actions.end(), [t](const Action& a) { return a.type == t; });
  };
  const auto others = [&](std::initializer_list<ActionType> allowed) {
    return std::any_of(actions.begin(), actions.end(), [&](const Action& a) {
      return std::find(allowed.begin(), allowed.end(), a.type) == allowed.end();
    });
  };
  if (count(ActionType::kKeep) > 0 && !others({ActionType::kKeep, ActionType::kStop})) {
    check->Error("keep-alone",
                 "Keep in Inbox must be combined with another action (move, forward, ...)");
  }
  if (count(ActionType::kKeep) > 0 && count(ActionType::kDiscard) > 0) {
    check->Error("keep-discard", "Keep in Inbox and Discard cannot be combined");
  }
  if (count(ActionType::kForward) > 0 &&
      others({ActionType::kForward, ActionType::kKeep, ActionType::kStop})) {
    check->Error("forward-exclusive",
                 "Forward performs no other action: only Keep in Inbox and Stop may go with it");
  }
  if (count(ActionType::kReject) > 0 &&
      (count(ActionType::kKeep) + count(ActionType::kMove) + count(ActionType::kForward) +
       count(ActionType::kDiscard) + count(ActionType::kAutoreply)) > 0) {
    check->Error("reject-exclusive",
                 "Reject cannot be combined with Keep in Inbox, Move, Forward, Discard or an "
                 "autoreply");
  }
  if (count(ActionType::kDiscard) > 0 && count(ActionType::kMove) > 0) {
    check->Error("discard-move", "Discard cannot be combined with Move");
  }
  for (size_t i = 0; i < actions.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      const Action& a = actions[i];
      const Action& b = actions[j];
      const bool same_kind = a.type == b.type &&
                             (a.type != ActionType::kMove || a.folder == b.folder) &&
                             (a.type != ActionType::kForward || a.address == b.address) &&
                             (a.type != ActionType::kNotify || a.address == b.address);
      if (same_kind) {
        check->Error("duplicate-action",
                     fmt::format("action {} repeats action {} ({})", i + 1, j + 1,
                                 ActionTypeName(a.type)));
      }
    }
  }
  for (size_t i = 0; i + 1 < actions.size(); ++i) {
    if (actions[i].type == ActionType::kStop) {
      check->Error("stop-last", "Stop processing more rules must be the last action");
      break;
    }
  }
}

}  // namespace

std::vector<Issue> ValidateRule(const Rule& rule, const ServerProfile& profile) {
  std::vector<Issue> out;
  Checker check(rule, &out);
  if (!IsValidId(rule.id)) {
    check.Error("id", fmt::format("the id \"{}\" must be 1 to 64 letters, digits, '.', '_' or '-', "
                                  "starting with a letter or digit",
                                  rule.id));
  }
  if (!utf8::IsValid(rule.name)) check.Error("name", "the name is not valid UTF-8");
  if (const GuiRule* gui = rule.gui()) {
    if (gui->conditions.empty()) check.Error("no-condition", "a rule needs at least one condition");
    for (size_t i = 0; i < gui->conditions.size(); ++i) CheckCondition(gui->conditions[i], i, &check);
    if (gui->conditions.size() > 1 &&
        std::any_of(gui->conditions.begin(), gui->conditions.end(),
                    [](const Condition& c) { return c.field == Field::kAll; })) {
      check.Error("all-alone", "\"For all messages\" cannot be combined with other conditions");
    }
    if (gui->actions.empty()) check.Error("no-action", "a rule needs at least one action");
    for (size_t i = 0; i < gui->actions.size(); ++i) {
      CheckActionFields(gui->actions[i], i, profile, &check);
    }
    CheckCombinations(gui->actions, &check);
  } else if (const SpamRule* spam = rule.spam()) {
    Action move;
    move.type = ActionType::kMove;
    move.folder = spam->folder;
    CheckActionFields(move, 0, profile, &check);
    for (const std::string& address : spam->whitelist) {
      if (!IsSimpleAddress(address)) {
        check.Error("whitelist", fmt::format("the trusted sender \"{}\" is not in the form "
                                             "username@domain",
                                             address));
      }
    }
  } else if (const OutOfOfficeRule* ooo = rule.out_of_office()) {
    if (ooo->text.empty() || !utf8::IsValid(ooo->text) || ooo->text.find('\r') != std::string::npos) {
      check.Error("text", "the Out of office rule needs a reply text");
    }
  } else if (const OpaqueRule* opaque = rule.opaque()) {
    syntax::ParseResult parsed =
        syntax::Parse(std::make_shared<SourceFile>("rule", opaque->source));
    if (!parsed.complete || parsed.diagnostics.has_errors() || parsed.tree.commands.empty()) {
      check.Error("source", "the rule's Sieve source does not parse");
    }
  }
  return out;
}

std::vector<Issue> ValidateModel(const RuleSet& model, const ServerProfile& profile) {
  std::vector<Issue> out;
  std::set<std::string> ids;
  size_t specials = 0;
  bool spam_seen = false;
  bool ooo_seen = false;
  bool ooo_on = false;
  for (size_t i = 0; i < model.rules.size(); ++i) {
    const Rule& rule = model.rules[i];
    std::vector<Issue> own = ValidateRule(rule, profile);
    out.insert(out.end(), own.begin(), own.end());
    if (!ids.insert(rule.id).second) {
      out.push_back({IssueSeverity::kError, rule.id, "duplicate-id",
                     fmt::format("the id \"{}\" is used by more than one rule", rule.id)});
    }
    const RuleKind kind = rule.kind();
    if (kind == RuleKind::kSpam || kind == RuleKind::kOutOfOffice) {
      bool& seen = kind == RuleKind::kSpam ? spam_seen : ooo_seen;
      const std::string_view what = kind == RuleKind::kSpam ? "Spam" : "Out of office";
      if (seen) {
        out.push_back({IssueSeverity::kError, rule.id, "duplicate-special",
                       fmt::format("there is more than one {} rule", what)});
      }
      if (i != specials || (kind == RuleKind::kSpam && ooo_seen)) {
        out.push_back({IssueSeverity::kWarning, rule.id, "special-rule-position",
                       fmt::format("the {} rule belongs at the top (Spam first, then Out of office)",
                                   what)});
      }
      seen = true;
      ++specials;
      if (kind == RuleKind::kOutOfOffice && rule.enabled) ooo_on = true;
    }
  }
  if (ooo_on) {
    for (const Rule& rule : model.rules) {
      const GuiRule* gui = rule.gui();
      if (!gui || !rule.enabled) continue;
      for (const Action& a : gui->actions) {
        if (a.type != ActionType::kAutoreply) continue;
        out.push_back({IssueSeverity::kWarning, rule.id, "autoreply-suspended",
                       fmt::format("the Out of office rule is on, so the autoreply of rule \"{}\" "
                                   "is not sent",
                                   DisplayName(rule))});
        break;
      }
    }
  }
  return out;
}

bool HasErrors(const std::vector<Issue>& issues) {
  return std::any_of(issues.begin(), issues.end(),
                     [](const Issue& i) { return i.severity == IssueSeverity::kError; });
}

}  // namespace sievekit::editor
