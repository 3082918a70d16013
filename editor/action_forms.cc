// Actions ⇄ Sieve commands.
#include "editor/action_forms.h"

#include <fmt/format.h>

#include "editor/sieve_text.h"
#include "ir/registry.h"

namespace sievekit::editor {
namespace {

std::optional<std::string> TextOf(const syntax::Argument* arg) {
  const std::optional<std::string> value = SingleStringOf(arg);
  if (!value) return std::nullopt;
  return ModelText(*value);
}

std::optional<Action> Notify(const syntax::Command& c, std::string* why) {
  Action a;
  a.type = ActionType::kNotify;
  const CallArguments args =
      ReadArguments(c.arguments, {"method", "options", "message", "from", "importance", "id"});
  const auto message = args.tags.contains("message") ? TextOf(args.tags.at("message")) : std::nullopt;
  if (args.valid && args.tags.size() == 3 && args.positional.empty() && message &&
      args.tags.contains("method") && args.tags.contains("options")) {
    // The draft: :method "mailto" :options "address".
    const auto method = SingleStringOf(args.tags.at("method"));
    const auto options = StringsOf(args.tags.at("options"));
    if (method && EqualsNoCase(*method, "mailto") && options && options->size() == 1 &&
        IsLineValue((*options)[0])) {
      a.address = (*options)[0];
      a.text = *message;
      return a;
    }
  }
  if (args.valid && args.tags.size() == 1 && message && args.positional.size() == 1) {
    // RFC 5435: the method is a mailto: URI.
    const auto uri = SingleStringOf(args.positional[0]);
    if (uri) {
      if (std::optional<std::string> address = AddressOfMailtoUri(*uri);
          address && IsLineValue(*address)) {
        a.address = *address;
        a.text = *message;
        return a;
      }
    }
  }
  *why = "a notify command with other arguments than an address and a text";
  return std::nullopt;
}

std::optional<Action> Vacation(const syntax::SyntaxTree& tree, const syntax::Command& c,
                               std::string* why) {
  const CallArguments args = ReadArguments(c.arguments, {"days"});
  if (args.valid && args.tags.size() == 1 && args.tags.contains("days") &&
      args.tags.at("days")->IsNumber() && args.positional.size() == 1) {
    const syntax::Argument* days = args.tags.at("days");
    if (tree.Text(tree.tokens[days->tokens.first]) == "7") {
      if (std::optional<std::string> text = TextOf(args.positional[0])) {
        Action a;
        a.type = ActionType::kAutoreply;
        a.text = *text;
        return a;
      }
    }
  }
  *why = "a vacation command other than a weekly autoreply";
  return std::nullopt;
}

std::optional<Action> One(const syntax::SyntaxTree& tree, const syntax::Command& c,
                          const ServerProfile& profile, std::string* why) {
  const std::string name = ir::AsciiLower(c.name);
  if (!c.tests.empty() || c.block) {
    *why = fmt::format("the {} command", c.name);
    return std::nullopt;
  }
  Action a;
  if (name == "keep" || name == "discard" || name == "stop") {
    if (!c.arguments.empty()) {
      *why = fmt::format("{} with arguments", c.name);
      return std::nullopt;
    }
    a.type = name == "keep" ? ActionType::kKeep
             : name == "discard" ? ActionType::kDiscard
                                 : ActionType::kStop;
    return a;
  }
  if (name == "fileinto" || name == "redirect" || name == "reject") {
    const auto value = c.arguments.size() == 1 ? SingleStringOf(&c.arguments[0]) : std::nullopt;
    if (!value) {
      *why = fmt::format("{} with other arguments than one string", c.name);
      return std::nullopt;
    }
    if (name == "reject") {
      std::optional<std::string> text = ModelText(*value);
      if (!text) {
        *why = "a reject text with a bare line break or invalid UTF-8";
        return std::nullopt;
      }
      a.type = ActionType::kReject;
      a.text = *text;
      return a;
    }
    if (!IsLineValue(*value)) {
      *why = fmt::format("{} of a name with a line break or invalid UTF-8", c.name);
      return std::nullopt;
    }
    if (name == "redirect") {
      a.type = ActionType::kForward;
      a.address = *value;
      return a;
    }
    Result<std::string> folder = MailboxToFolder(*value, profile);
    if (!folder.ok()) {
      *why = fmt::format("the mailbox name of this fileinto ({})", folder.error().message);
      return std::nullopt;
    }
    a.type = ActionType::kMove;
    a.folder = *folder;
    return a;
  }
  if (name == "notify") return Notify(c, why);
  if (name == "vacation") return Vacation(tree, c, why);
  *why = fmt::format("the {} command", c.name);
  return std::nullopt;
}

// `if false { vacation ...; }` inside a rule: a suspended autoreply.
std::optional<Action> Suspended(const syntax::SyntaxTree& tree, const syntax::Command& c) {
  if (ir::AsciiLower(c.name) != "if" || c.tests.size() != 1 || c.test_list || !c.block) {
    return std::nullopt;
  }
  const syntax::Test& t = c.tests[0];
  if (ir::AsciiLower(t.name) != "false" || !t.arguments.empty() || !t.tests.empty() ||
      c.block->commands.size() != 1 || ir::AsciiLower(c.block->commands[0].name) != "vacation") {
    return std::nullopt;
  }
  std::string why;
  return Vacation(tree, c.block->commands[0], &why);
}

}  // namespace

std::string_view NotifyExtension(const ServerProfile& profile) {
  switch (profile.notify) {
    case NotifyStyle::kLegacy:
      return "notify";
    case NotifyStyle::kEnotify:
      return "enotify";
    case NotifyStyle::kNone:
      return "";
  }
  return "";
}

Result<std::string> ActionToSieve(const Action& a, const ServerProfile& profile, bool suspended,
                                  std::string_view newline) {
  switch (a.type) {
    case ActionType::kMove: {
      Result<std::string> mailbox = FolderToMailbox(a.folder, profile);
      if (!mailbox.ok()) return mailbox;
      return "fileinto " + SieveString(*mailbox) + ";";
    }
    case ActionType::kForward:
      return "redirect " + SieveString(a.address) + ";";
    case ActionType::kReject:
      return "reject " + SieveText(a.text, newline) + ";";
    case ActionType::kKeep:
      return std::string("keep;");
    case ActionType::kDiscard:
      return std::string("discard;");
    case ActionType::kStop:
      return std::string("stop;");
    case ActionType::kNotify:
      switch (profile.notify) {
        case NotifyStyle::kLegacy:
          return fmt::format("notify :method \"mailto\" :options {} :message {};",
                             SieveString(a.address), SieveText(a.text, newline));
        case NotifyStyle::kEnotify:
          return fmt::format("notify :message {} {};", SieveText(a.text, newline),
                             SieveString(MailtoUri(a.address)));
        case NotifyStyle::kNone:
          return Error{fmt::format("the server profile \"{}\" sends no notifications", profile.name)};
      }
      break;
    case ActionType::kAutoreply: {
      const std::string command = "vacation :days 7 " + SieveText(a.text, newline) + ";";
      if (suspended) return "if false { " + command + " }";
      return command;
    }
  }
  return Error{"unknown action"};
}

std::optional<RecognizedActions> RecognizeActions(
    const syntax::SyntaxTree& tree, const std::vector<const syntax::Command*>& commands,
    const ServerProfile& profile, std::string* why) {
  RecognizedActions out;
  for (const syntax::Command* c : commands) {
    if (std::optional<Action> a = Suspended(tree, *c)) {
      out.actions.push_back(std::move(*a));
      out.suspended_autoreply = true;
      continue;
    }
    if (ir::AsciiLower(c->name) == "if") {
      *why = "a nested if";
      return std::nullopt;
    }
    std::optional<Action> a = One(tree, *c, profile, why);
    if (!a) return std::nullopt;
    out.actions.push_back(std::move(*a));
  }
  return out;
}

}  // namespace sievekit::editor
