// The legacy notify and denotify of draft-martin-sieve-notify-01, as Cyrus
// and Kerio MailServer implemented them (capability "notify"):
//
//   notify [":method" string] [":id" string] [":options" string-list]
//          [":low" / ":normal" / ":high"] [":message" string]
//   denotify [MATCH-TYPE string] [":low" / ":normal" / ":high"]
//   (MATCH-TYPE is ":is", ":contains" or ":matches"; either order)
//
// The method defaults to "mailto", the only one implemented: its :options
// are the addresses to notify. The message (default "$from$: $subject$")
// has its macros expanded when the action is taken (notify_macros.h), so
// the action record holds the final text. denotify cancels the earlier
// notifications of this run whose :id matches (all of them without a
// string) and, when given, whose priority is the one named.
#include <fmt/format.h>

#include "common/diagnostic.h"
#include "common/utf8.h"
#include "delivery/mailto_uri.h"
#include "delivery/notify.h"
#include "extensions/core/string_checks.h"
#include "extensions/notify/notify_internal.h"
#include "extensions/notify/notify_macros.h"
#include "vm/match/comparator.h"
#include "vm/match/glob_pattern.h"

namespace sievekit::extensions::notify_internal {
namespace {

namespace param = delivery::notify_param;

constexpr DiagnosticKind kLegacyPositional{
    "unexpected-argument", Severity::kError,
    "the legacy notify (require \"notify\") takes no method URI; name the method with "
    ":method and the addresses with :options"};
constexpr DiagnosticKind kLegacyMethod{
    "invalid-notify-method", Severity::kError,
    "unsupported notification method \"{}\": the legacy notify implements \"mailto\""};
constexpr DiagnosticKind kLegacyAddress{
    "invalid-notify-option", Severity::kError,
    "invalid :options item \"{}\": the mailto method takes email addresses"};

bool IsMailto(std::string_view method) {
  if (method.size() != 6) return false;
  for (size_t i = 0; i < 6; ++i) {
    if ((method[i] | 0x20) != "mailto"[i]) return false;
  }
  return true;
}

// The priority a :low, :normal or :high tag names, as an importance value
// ("3", "2", "1"); empty without one.
std::string_view PriorityOf(const ir::Call& call) {
  if (call.HasTag("high")) return "1";
  if (call.HasTag("low")) return "3";
  if (call.HasTag("normal")) return "2";
  return {};
}

const ir::StringValue* TagString(const ir::Call& call, std::string_view name) {
  const ir::TagArgument* tag = call.FindTag(name);
  return tag != nullptr && tag->param && !tag->param->strings.empty() ? &tag->param->strings[0]
                                                                      : nullptr;
}

class LegacyNotifyAction final : public vm::PreparedCall {
 public:
  struct Args {
    std::optional<vm::RuntimeString> method, id, message;
    std::vector<vm::RuntimeString> options;
    std::string_view importance;  // "1", "2" or "3"
  };
  explicit LegacyNotifyAction(Args args) : args_(std::move(args)) {}

  bool Run(vm::EvalContext& ctx) const override {
    if (!NotifyAllowed(ctx)) return true;
    std::string method = "mailto";
    if (args_.method) method = std::string(ctx.Expand(*args_.method, &ctx.scratch(4)));
    if (!IsMailto(method)) {
      ctx.Fail("invalid-notify-method",
               fmt::format("unsupported notification method \"{}\"", method));
      return true;
    }
    std::vector<std::string> options;
    for (const vm::RuntimeString& o : args_.options) {
      options.emplace_back(ctx.Expand(o, &ctx.scratch(4)));
      if (!delivery::IsAddrSpec(options.back())) {
        ctx.Fail("invalid-notify-option",
                 fmt::format("invalid :options item \"{}\": not an email address",
                             options.back()));
        return true;
      }
    }
    const std::string_view text =
        args_.message ? ctx.Expand(*args_.message, &ctx.scratch(4)) : kLegacyDefaultMessage;
    std::string message;
    ExpandNotifyMacros(text, ctx.message(), ctx.envelope(), &message);
    if (!utf8::IsValid(message)) {
      ctx.Fail("invalid-notify-message", "the :message of notify is not valid UTF-8");
      return true;
    }
    vm::Action& a = ctx.NewAction("notify");
    a.SetParam(std::string(param::kCapability), std::string("notify"));
    a.SetParam(std::string(param::kMethod), std::move(method));
    if (args_.id) {
      a.SetParam(std::string(param::kId), std::string(ctx.Expand(*args_.id, &ctx.scratch(4))));
    }
    a.SetParam(std::string(param::kImportance), std::string(args_.importance));
    a.SetParam(std::string(param::kOptions), std::move(options));
    a.SetParam(std::string(param::kMessage), std::move(message));
    CommitNotify(ctx);
    return true;
  }

 private:
  Args args_;
};

// denotify: removes matching notify actions taken so far (draft §4). The
// draft's MATCH-TYPE takes the identifier as its own argument, in any
// order with the priority ("denotify :is "x" :high"), so :is, :contains
// and :matches are denotify's own tags with a string, compared as
// i;ascii-casemap does.
class DenotifyAction final : public vm::PreparedCall {
 public:
  enum class Match : uint8_t { kAll, kIs, kContains, kMatches };
  DenotifyAction(Match match, std::optional<vm::RuntimeString> key, std::string_view importance)
      : match_(match), key_(std::move(key)), importance_(importance) {}

  bool Run(vm::EvalContext& ctx) const override {
    std::string key;
    if (key_) Fold(ctx.Expand(*key_, &ctx.scratch(4)), &key);
    match::GlobPattern glob;
    if (match_ == Match::kMatches) glob.Assign(key, match::ComparatorId::kAsciiCasemap);
    std::span<vm::Action> actions = ctx.mutable_actions().all();
    size_t kept = 0;
    for (size_t i = 0; i < actions.size(); ++i) {
      if (!Cancels(actions[i], key, glob)) {
        if (kept != i) std::swap(actions[kept], actions[i]);
        ++kept;
      }
    }
    for (size_t removed = actions.size() - kept; removed > 0; --removed) {
      ctx.mutable_actions().PopBack();
    }
    return true;
  }

 private:
  static void Fold(std::string_view in, std::string* out) {
    match::Fold(match::ComparatorId::kAsciiCasemap, in, out);
  }

  bool Cancels(const vm::Action& a, const std::string& key, const match::GlobPattern& glob) const {
    if (a.type != "notify") return false;
    const vm::ActionParam* capability = a.Param(param::kCapability);
    const auto* legacy = capability ? std::get_if<std::string>(&capability->value) : nullptr;
    if (legacy == nullptr || *legacy != "notify") return false;
    if (!importance_.empty()) {
      const vm::ActionParam* p = a.Param(param::kImportance);
      const auto* value = p != nullptr ? std::get_if<std::string>(&p->value) : nullptr;
      if (value == nullptr || *value != importance_) return false;
    }
    if (match_ == Match::kAll) return true;
    const vm::ActionParam* id = a.Param(param::kId);
    const auto* value = id != nullptr ? std::get_if<std::string>(&id->value) : nullptr;
    if (value == nullptr) return false;
    std::string folded;
    Fold(*value, &folded);
    switch (match_) {
      case Match::kIs:
        return folded == key;
      case Match::kContains:
        return folded.find(key) != std::string::npos;
      case Match::kMatches:
        return glob.Match(folded, *value, nullptr);
      case Match::kAll:
        break;
    }
    return true;
  }

  Match match_;
  std::optional<vm::RuntimeString> key_;
  std::string_view importance_;
};

}  // namespace

void ValidateLegacyNotify(ir::ValidationContext& context, ir::Call& call) {
  if (!call.positional.empty()) {
    context.Report(kLegacyPositional, call.positional[0].strings[0].span);
    return;
  }
  const ir::StringValue* method = TagString(call, "method");
  if (method != nullptr && !IsRuntimeString(context, method->text) && !IsMailto(method->text)) {
    context.Report(kLegacyMethod, method->span, method->text);
    return;
  }
  if (const ir::TagArgument* options = call.FindTag("options"); options && options->param) {
    for (const ir::StringValue& option : options->param->strings) {
      if (!IsRuntimeString(context, option.text) && !delivery::IsAddrSpec(option.text)) {
        context.Report(kLegacyAddress, option.span, option.text);
      }
    }
  }
}

Result<std::unique_ptr<vm::PreparedCall>> PrepareLegacyNotify(const ir::Call& call,
                                                             vm::PrepareContext& context) {
  LegacyNotifyAction::Args args;
  if (const ir::StringValue* s = TagString(call, "method")) args.method = context.String(*s);
  if (const ir::StringValue* s = TagString(call, "id")) args.id = context.String(*s);
  if (const ir::StringValue* s = TagString(call, "message")) args.message = context.String(*s);
  if (const ir::TagArgument* options = call.FindTag("options"); options && options->param) {
    args.options = context.Strings(*options->param);
  }
  args.importance = PriorityOf(call).empty() ? "2" : PriorityOf(call);
  return std::unique_ptr<vm::PreparedCall>(new LegacyNotifyAction(std::move(args)));
}

Result<std::unique_ptr<vm::PreparedCall>> PrepareDenotify(const ir::Call& call,
                                                         vm::PrepareContext& context) {
  DenotifyAction::Match match = DenotifyAction::Match::kAll;
  std::optional<vm::RuntimeString> key;
  for (const auto& [name, kind] : {std::pair{"is", DenotifyAction::Match::kIs},
                                   std::pair{"contains", DenotifyAction::Match::kContains},
                                   std::pair{"matches", DenotifyAction::Match::kMatches}}) {
    if (const ir::StringValue* s = TagString(call, name)) {
      match = kind;
      key = context.String(*s);
    }
  }
  return std::unique_ptr<vm::PreparedCall>(
      new DenotifyAction(match, std::move(key), PriorityOf(call)));
}

}  // namespace sievekit::extensions::notify_internal
