// Rule statements: layout, the predefined rules, disabled forms.
#include "editor/statements.h"

#include <fmt/format.h>

#include "editor/action_forms.h"
#include "editor/condition_forms.h"
#include "editor/sieve_text.h"
#include "ir/registry.h"

namespace sievekit::editor {
namespace {

constexpr std::string_view kOutOfOfficeTest =
    "allof (not exists [\"list-id\", \"list-post\", \"list-unsubscribe\"], "
    "not header :is \"precedence\" [\"list\", \"bulk\", \"junk\"], "
    "not header :contains \"auto-submitted\" \"auto-\")";

// `not address [:all] [:is] "from" KEYS` → KEYS.
std::optional<std::vector<std::string>> TrustedSenders(const syntax::Test& t) {
  if (ir::AsciiLower(t.name) != "not" || t.tests.size() != 1 || t.test_list) return std::nullopt;
  const syntax::Test& inner = t.tests[0];
  if (ir::AsciiLower(inner.name) != "address") return std::nullopt;
  const CallArguments a = ReadArguments(inner.arguments, {"comparator"});
  if (!a.valid || a.positional.size() != 2) return std::nullopt;
  for (const auto& [tag, param] : a.tags) {
    if (tag == "is" || tag == "all") continue;
    if (tag == "comparator") {
      const auto name = SingleStringOf(param);
      if (name && EqualsNoCase(*name, "i;ascii-casemap")) continue;
    }
    return std::nullopt;
  }
  const auto headers = StringsOf(a.positional[0]);
  const auto keys = StringsOf(a.positional[1]);
  if (!headers || headers->size() != 1 || !EqualsNoCase((*headers)[0], "from") || !keys) {
    return std::nullopt;
  }
  for (const std::string& k : *keys) {
    if (!IsLineValue(k)) return std::nullopt;
  }
  return keys;
}

std::vector<const syntax::Command*> BlockCommands(const syntax::Command& c) {
  std::vector<const syntax::Command*> out;
  for (const syntax::Command& inner : c.block->commands) out.push_back(&inner);
  return out;
}

bool IsPlainIf(const syntax::Command& c) {
  return ir::AsciiLower(c.name) == "if" && c.tests.size() == 1 && !c.test_list && c.block;
}

}  // namespace

std::string IfStatement(std::string_view test, const std::vector<std::string>& actions,
                        bool enabled, std::string_view newline) {
  std::string out;
  if (enabled) {
    out = fmt::format("if {} {{{}", test, newline);
  } else {
    out = fmt::format("if false # {}{}{{{}", test, newline, newline);
  }
  for (const std::string& a : actions) {
    out += "    ";
    out += a;
    out += newline;
  }
  out += "}";
  return out;
}

std::string WrapDisabled(std::string_view source, std::string_view newline) {
  return fmt::format("if false {{{}{}{}}}", newline, source, newline);
}

Result<std::string> RuleStatement(const Rule& rule, const ServerProfile& profile,
                                  const StatementOptions& options, std::string* contacts_marker) {
  const std::string_view nl = options.newline;
  if (const GuiRule* gui = rule.gui()) {
    Result<std::string> test = ConditionsToSieve(*gui, profile);
    if (!test.ok()) return test;
    std::vector<std::string> actions;
    for (const Action& a : gui->actions) {
      Result<std::string> command = ActionToSieve(a, profile, options.suspend_autoreply, nl);
      if (!command.ok()) return command;
      actions.push_back(std::move(*command));
    }
    return IfStatement(*test, actions, rule.enabled, nl);
  }
  if (const SpamRule* spam = rule.spam()) {
    std::vector<std::string> tests = {SpamTest(profile)};
    if (!spam->whitelist.empty()) {
      tests.push_back("not address :is \"from\" " + SieveStringList(spam->whitelist));
    }
    if (contacts_marker) contacts_marker->clear();
    if (spam->trust_contacts) {
      if (options.contacts != nullptr && !options.contacts->empty()) {
        tests.push_back("not address :is \"from\" " + SieveStringList(*options.contacts));
        if (contacts_marker) *contacts_marker = "yes";
      } else if (contacts_marker) {
        *contacts_marker = "pending";
      }
    }
    std::string test = tests[0];
    if (tests.size() > 1) {
      test = "allof (";
      for (size_t i = 0; i < tests.size(); ++i) test += (i ? ", " : "") + tests[i];
      test += ")";
    }
    Action move;
    move.type = ActionType::kMove;
    move.folder = spam->folder;
    Result<std::string> fileinto = ActionToSieve(move, profile, false, nl);
    if (!fileinto.ok()) return fileinto;
    return IfStatement(test, {*fileinto, "stop;"}, rule.enabled, nl);
  }
  if (const OutOfOfficeRule* ooo = rule.out_of_office()) {
    Action reply;
    reply.type = ActionType::kAutoreply;
    reply.text = ooo->text;
    Result<std::string> vacation = ActionToSieve(reply, profile, false, nl);
    if (!vacation.ok()) return vacation;
    return IfStatement(kOutOfOfficeTest, {*vacation}, rule.enabled, nl);
  }
  const std::string& source = rule.opaque()->source;
  return rule.enabled ? source : WrapDisabled(source, nl);
}

std::optional<RecognizedSpam> RecognizeSpam(const syntax::SyntaxTree& tree,
                                            const syntax::Command& c,
                                            std::string_view contacts_marker,
                                            const ServerProfile& profile, std::string* why) {
  *why = "it is marked as the Spam rule but is not in that rule's form";
  if (!IsPlainIf(c)) return std::nullopt;
  const syntax::Test& test = c.tests[0];
  std::vector<const syntax::Test*> members;
  if (ir::AsciiLower(test.name) == "allof" && test.test_list) {
    for (const syntax::Test& t : test.tests) members.push_back(&t);
  } else {
    members.push_back(&test);
  }
  RecognizedSpam out;
  std::string unused;
  std::optional<Condition> spam = RecognizeCondition(tree, *members[0], profile, &out.form, &unused);
  if (!spam || spam->field != Field::kSpam || spam->op != Operator::kIs) return std::nullopt;
  std::vector<std::vector<std::string>> lists;
  for (size_t i = 1; i < members.size(); ++i) {
    std::optional<std::vector<std::string>> keys = TrustedSenders(*members[i]);
    if (!keys) return std::nullopt;
    lists.push_back(std::move(*keys));
  }
  const bool has_contacts = contacts_marker == "yes";
  if (lists.size() > (has_contacts ? 2u : 1u) || (has_contacts && lists.empty())) return std::nullopt;
  if (has_contacts) {
    out.contacts = lists.back();
    lists.pop_back();
  }
  if (!lists.empty()) out.rule.whitelist = lists[0];
  out.rule.trust_contacts = has_contacts || contacts_marker == "pending";
  std::string action_why;
  std::optional<RecognizedActions> actions =
      RecognizeActions(tree, BlockCommands(c), profile, &action_why);
  if (!actions || actions->actions.size() != 2 || actions->actions[0].type != ActionType::kMove ||
      actions->actions[1].type != ActionType::kStop) {
    return std::nullopt;
  }
  out.rule.folder = actions->actions[0].folder;
  why->clear();
  return out;
}

std::optional<OutOfOfficeRule> RecognizeOutOfOffice(const syntax::SyntaxTree& tree,
                                                    const syntax::Command& c, std::string* why) {
  *why = "it is marked as the Out of office rule but is not in that rule's form";
  if (!IsPlainIf(c) || c.block->commands.size() != 1) return std::nullopt;
  // Header names and these keys compare without case (the default
  // comparator), so case does not matter here either.
  static const std::string kExpected =
      ir::AsciiLower(NormalizedText(fmt::format("if {} {{}}", kOutOfOfficeTest)));
  const std::string test =
      ir::AsciiLower(NormalizedTokens(tree, {c.identifier_token, c.block->open_token}));
  if (test + " }" != kExpected) return std::nullopt;
  std::string action_why;
  std::optional<RecognizedActions> actions =
      RecognizeActions(tree, BlockCommands(c), ServerProfile{}, &action_why);
  if (!actions || actions->suspended_autoreply || actions->actions.size() != 1 ||
      actions->actions[0].type != ActionType::kAutoreply) {
    return std::nullopt;
  }
  why->clear();
  return OutOfOfficeRule{actions->actions[0].text};
}

}  // namespace sievekit::editor
