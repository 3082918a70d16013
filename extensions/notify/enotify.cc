// enotify (RFC 5435) with the mailto method (RFC 5436): the notify command
// of scripts that require "enotify", valid_notify_method and
// notify_method_capability.
//
// What is constant is checked when the script compiles — the method URI
// (§3.2: "Invalid URI syntax or an unsupported URI extension MUST cause an
// error"), :from (§3.3), :importance (§3.4), :options (§3.5) — and the same
// checks run on values built from variables when the action is taken,
// where a failure is a runtime error. The action records the expanded
// arguments (delivery/notify.h names them); composing the message is the
// host's step.
#include <fmt/format.h>

#include "common/diagnostic.h"
#include "common/utf8.h"
#include "delivery/mailto_uri.h"
#include "delivery/notify.h"
#include "extensions/core/string_checks.h"
#include "extensions/notify/notify.h"
#include "extensions/notify/notify_internal.h"
#include "mail/message.h"
#include "vm/key_matcher.h"

namespace sievekit::extensions::notify_internal {
namespace {

namespace param = delivery::notify_param;

constexpr DiagnosticKind kMissingMethod{
    "missing-argument", Severity::kError,
    "command 'notify' needs the notification method, a URI such as \"mailto:me@example.org\" "
    "(RFC 5435 §3.1)"};
constexpr DiagnosticKind kInvalidMethod{"invalid-notify-method", Severity::kError,
                                        "invalid notification method \"{}\": {}"};
constexpr DiagnosticKind kInvalidFrom{"invalid-notify-from", Severity::kError,
                                      "invalid :from address \"{}\": {}"};
constexpr DiagnosticKind kInvalidImportance{
    "invalid-notify-importance", Severity::kError,
    "invalid :importance \"{}\": it is \"1\" (high), \"2\" (normal) or \"3\" (low)"};
constexpr DiagnosticKind kInvalidOption{
    "invalid-notify-option", Severity::kError,
    "invalid :options item \"{}\": an option is \"name=value\" (RFC 5435 §3.5)"};

bool IsImportance(std::string_view s) { return s == "1" || s == "2" || s == "3"; }

// The mailbox of a :from value that has address syntax (a bare addr-spec or
// "Name <addr-spec>").
std::optional<std::string> FromAddress(std::string_view from) {
  if (from.empty() || from.find_first_of("\r\n") != std::string_view::npos) return std::nullopt;
  const std::string bytes = fmt::format("From: {}\r\n\r\n", from);
  mail::Message message;
  message.Parse(bytes);
  std::optional<std::string> address;
  for (const mail::HeaderField& field : message.FieldsNamed("from")) {
    for (const mail::Address& a : message.Addresses(field)) {
      if (address || !a.valid || !delivery::IsAddrSpec(a.all)) return std::nullopt;
      address = std::string(a.all);
    }
  }
  return address;
}

// notify [:from] [:importance] [:options] [:message] <method> when the
// script requires "enotify".
class EnotifyAction final : public vm::PreparedCall {
 public:
  struct Args {
    vm::RuntimeString method;
    std::optional<vm::RuntimeString> from, importance, message;
    std::vector<vm::RuntimeString> options;
  };
  explicit EnotifyAction(Args args) : args_(std::move(args)) {}

  bool Run(vm::EvalContext& ctx) const override {
    if (!NotifyAllowed(ctx)) return true;
    const std::string method(ctx.Expand(args_.method, &ctx.scratch(4)));
    if (std::string problem = MethodProblem(method); !problem.empty()) {
      ctx.Fail("invalid-notify-method",
               fmt::format("invalid notification method \"{}\": {}", method, problem));
      return true;
    }
    std::optional<std::string> from, importance, message;
    if (args_.from) {
      from = std::string(ctx.Expand(*args_.from, &ctx.scratch(4)));
      if (std::string problem = FromProblem(*from); !problem.empty()) {
        ctx.Fail("invalid-notify-from",
                 fmt::format("invalid :from address \"{}\": {}", *from, problem));
        return true;
      }
    }
    if (args_.importance) {
      importance = std::string(ctx.Expand(*args_.importance, &ctx.scratch(4)));
      if (!IsImportance(*importance)) {
        ctx.Fail("invalid-notify-importance",
                 fmt::format("invalid :importance \"{}\"", *importance));
        return true;
      }
    }
    std::vector<std::string> options;
    for (const vm::RuntimeString& o : args_.options) {
      options.emplace_back(ctx.Expand(o, &ctx.scratch(4)));
      if (!IsValidNotifyOption(options.back())) {
        ctx.Fail("invalid-notify-option",
                 fmt::format("invalid :options item \"{}\"", options.back()));
        return true;
      }
    }
    if (args_.message) {
      message = std::string(ctx.Expand(*args_.message, &ctx.scratch(4)));
      if (!utf8::IsValid(*message)) {
        ctx.Fail("invalid-notify-message", "the :message of notify is not valid UTF-8");
        return true;
      }
    }
    vm::Action& a = ctx.NewAction("notify");
    a.SetParam(std::string(param::kCapability), std::string("enotify"));
    a.SetParam(std::string(param::kMethod), method);
    if (from) a.SetParam(std::string(param::kFrom), *from);
    a.SetParam(std::string(param::kImportance), importance.value_or("2"));
    if (!options.empty()) a.SetParam(std::string(param::kOptions), std::move(options));
    if (message) a.SetParam(std::string(param::kMessage), *message);
    CommitNotify(ctx);
    return true;
  }

 private:
  Args args_;
};

// valid_notify_method <notification-uris> (§4): true when every URI is
// supported and valid.
class ValidNotifyMethod final : public vm::PreparedCall {
 public:
  explicit ValidNotifyMethod(std::vector<vm::RuntimeString> uris) : uris_(std::move(uris)) {}

  bool Run(vm::EvalContext& ctx) const override {
    for (const vm::RuntimeString& uri : uris_) {
      if (!MethodProblem(ctx.Expand(uri, &ctx.scratch(4))).empty()) return false;
    }
    return true;
  }

 private:
  std::vector<vm::RuntimeString> uris_;
};

// notify_method_capability [COMPARATOR] [MATCH-TYPE] <uri> <capability>
// <key-list> (§5). mailto knows one capability, "online", and cannot tell
// whether a mail recipient is online: "maybe" (RFC 5436 §2.2). An invalid
// URI or an unknown capability makes the test false, never an error; its
// :count is 0 then, else 1.
class NotifyMethodCapability final : public vm::PreparedCall {
 public:
  NotifyMethodCapability(vm::RuntimeString uri, vm::RuntimeString capability,
                         vm::KeyMatcher keys)
      : uri_(std::move(uri)), capability_(std::move(capability)), keys_(std::move(keys)) {}

  bool Run(vm::EvalContext& ctx) const override {
    if (!MethodProblem(ctx.Expand(uri_, &ctx.scratch(4))).empty()) {
      return keys_.is_count() && keys_.MatchCount(ctx, 0);
    }
    std::string capability(ctx.Expand(capability_, &ctx.scratch(4)));
    for (char& c : capability) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    if (capability != "online") return keys_.is_count() && keys_.MatchCount(ctx, 0);
    if (keys_.is_count()) return keys_.MatchCount(ctx, 1);
    return keys_.Match(ctx, "maybe");
  }

 private:
  vm::RuntimeString uri_;
  vm::RuntimeString capability_;
  vm::KeyMatcher keys_;
};

const ir::StringValue* TagString(const ir::Call& call, std::string_view name) {
  const ir::TagArgument* tag = call.FindTag(name);
  return tag != nullptr && tag->param && !tag->param->strings.empty() ? &tag->param->strings[0]
                                                                      : nullptr;
}

}  // namespace

std::string MethodProblem(std::string_view uri) {
  const std::string scheme = delivery::UriScheme(uri);
  if (scheme.empty()) return "it is not a URI";
  if (scheme != "mailto") return fmt::format("the method '{}' is not supported", scheme);
  auto parsed = delivery::ParseMailtoUri(uri);
  return parsed.ok() ? std::string() : parsed.error().message;
}

std::string FromProblem(std::string_view from) {
  if (from.empty()) return "it is empty";
  return FromAddress(from) ? std::string() : "it is not an email address";
}

void ValidateEnotify(ir::ValidationContext& context, ir::Call& call) {
  if (call.positional.empty()) {
    context.Report(kMissingMethod, call.name_span);
    return;
  }
  const ir::StringValue& method = call.positional[0].strings[0];
  if (!IsRuntimeString(context, method.text)) {
    if (std::string problem = MethodProblem(method.text); !problem.empty()) {
      context.Report(kInvalidMethod, method.span, method.text, problem);
    }
  }
  if (const ir::StringValue* from = TagString(call, "from")) {
    if (!IsRuntimeString(context, from->text)) {
      if (std::string problem = FromProblem(from->text); !problem.empty()) {
        context.Report(kInvalidFrom, from->span, from->text, problem);
      }
    }
  }
  if (const ir::StringValue* importance = TagString(call, "importance")) {
    if (!IsRuntimeString(context, importance->text) && !IsImportance(importance->text)) {
      context.Report(kInvalidImportance, importance->span, importance->text);
    }
  }
  if (const ir::TagArgument* options = call.FindTag("options"); options && options->param) {
    for (const ir::StringValue& option : options->param->strings) {
      if (!IsRuntimeString(context, option.text) && !IsValidNotifyOption(option.text)) {
        context.Report(kInvalidOption, option.span, option.text);
      }
    }
  }
}

Result<std::unique_ptr<vm::PreparedCall>> PrepareEnotify(const ir::Call& call,
                                                        vm::PrepareContext& context) {
  if (call.positional.empty()) return Error{"notify has no method"};
  EnotifyAction::Args args;
  args.method = context.String(call.positional[0].strings[0]);
  if (const ir::StringValue* s = TagString(call, "from")) args.from = context.String(*s);
  if (const ir::StringValue* s = TagString(call, "importance")) {
    args.importance = context.String(*s);
  }
  if (const ir::StringValue* s = TagString(call, "message")) args.message = context.String(*s);
  if (const ir::TagArgument* options = call.FindTag("options"); options && options->param) {
    args.options = context.Strings(*options->param);
  }
  return std::unique_ptr<vm::PreparedCall>(new EnotifyAction(std::move(args)));
}

Result<std::unique_ptr<vm::PreparedCall>> PrepareValidNotifyMethod(const ir::Call& call,
                                                                  vm::PrepareContext& context) {
  return std::unique_ptr<vm::PreparedCall>(
      new ValidNotifyMethod(context.Strings(call.positional[0])));
}

Result<std::unique_ptr<vm::PreparedCall>> PrepareNotifyMethodCapability(
    const ir::Call& call, vm::PrepareContext& context) {
  auto keys = vm::KeyMatcher::Prepare(call, call.positional[2], context);
  if (!keys.ok()) return keys.error();
  return std::unique_ptr<vm::PreparedCall>(new NotifyMethodCapability(
      context.String(call.positional[0].strings[0]),
      context.String(call.positional[1].strings[0]), std::move(*keys)));
}

}  // namespace sievekit::extensions::notify_internal
