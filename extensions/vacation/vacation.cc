// Registration and run time of vacation (RFC 5230) and vacation-seconds
// (RFC 6131).
//
// The `vacation` command belongs to two capabilities: "vacation-seconds"
// implies "vacation" (RFC 6131 §2: a script requiring it "can omit
// "vacation""). The registry gives a call one owning extension, so the
// command and every tag but :seconds are declared without an owner and the
// validate hook asks for either capability; :seconds is owned by
// "vacation-seconds", so the validator refuses it without that require.
// :days and :seconds share a tag group: using both is an error (RFC 6131).
//
// The command only records what the script asked for (the VM has no side
// effects): one vacation action record (delivery/vacation_action.h) with the
// arguments as given — :days or :seconds unclamped, since the site's
// minimum and maximum are the host's business (delivery/vacation.h). The
// response identity for the rate limit is the :handle, or a digest of
// :subject, :from, :mime and the reason *as written* — before variable
// expansion, as RFC 5230 §4.2 requires — computed once when the program is
// prepared.
//
// Checks: at compile time for constant strings, at run time for strings
// built from variables — :from must be one valid mailbox (§4.3 "SHOULD
// check the syntax and generate an error"), :addresses valid addresses, a
// :mime reason a MIME entity without 8-bit header bytes (§4.4, §5), other
// text valid UTF-8. At run time an :addresses entry that is no address is
// ignored (it could only fail to match); every other failure is a runtime
// error, which keeps the message. A second vacation in one evaluation is a
// runtime error (§4.7: "A script MUST fail with an appropriate error if it
// attempts to execute two or more vacation actions"); reject and ereject
// with vacation are refused by vm::EvalContext::CommitAction (RFC 5429 §2.4).
#include "extensions/vacation/vacation.h"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "common/utf8.h"
#include "delivery/vacation_action.h"
#include "delivery/vacation_reply.h"
#include "extensions/core/outgoing_address.h"
#include "extensions/core/string_checks.h"
#include "ir/ir.h"
#include "ir/validation_context.h"
#include "vm/call_runtime.h"
#include "vm/eval_context.h"

namespace sievekit::extensions {
namespace {

constexpr DiagnosticKind kVacationRequire{
    "missing-require", Severity::kError,
    "command 'vacation' needs the extension 'vacation' (or 'vacation-seconds'), which is not "
    "required"};
constexpr DiagnosticKind kInvalidFrom{"invalid-vacation-from", Severity::kError,
                                      "the :from address of vacation is not valid: {}"};
constexpr DiagnosticKind kInvalidAddress{
    "invalid-vacation-address", Severity::kError,
    "the :addresses entry '{}' of vacation is not a valid address: {}"};
constexpr DiagnosticKind kInvalidMime{"invalid-vacation-mime", Severity::kError,
                                      "the :mime reason of vacation is not a MIME entity: {}"};
constexpr DiagnosticKind kInvalidUtf8{"invalid-vacation-utf8", Severity::kError,
                                      "the {} of vacation is not valid UTF-8"};

// The text of a mailbox as it goes into the From field: trimmed.
std::string Trimmed(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return std::string(text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1));
}

void ValidateVacation(ir::ValidationContext& context, ir::Call& call) {
  if (!context.IsEnabled("vacation") && !context.IsEnabled("vacation-seconds")) {
    context.Report(kVacationRequire, call.name_span).Note("add require \"vacation\"");
    return;
  }
  for (const ir::TagArgument& tag : call.tags) {
    if (!tag.param) continue;
    const std::string& name = tag.spec->name;
    for (const ir::StringValue& s : tag.param->strings) {
      if (IsRuntimeString(context, s.text)) continue;
      std::string why;
      if (name == "from" && !ParseOutgoingAddress(s.text, &why)) {
        context.Report(kInvalidFrom, s.span, why);
      } else if (name == "addresses" && !ParseOutgoingAddress(s.text, &why)) {
        context.Report(kInvalidAddress, s.span, s.text, why);
      } else if ((name == "subject" || name == "handle") && !utf8::IsValid(s.text)) {
        context.Report(kInvalidUtf8, s.span, ":" + name);
      }
    }
  }
  const ir::StringValue& reason = call.positional[0].strings[0];
  if (IsRuntimeString(context, reason.text)) return;
  if (call.HasTag("mime")) {
    if (const std::string why = delivery::CheckMimeEntity(reason.text); !why.empty()) {
      context.Report(kInvalidMime, reason.span, why);
    }
  } else if (!utf8::IsValid(reason.text)) {
    context.Report(kInvalidUtf8, reason.span, "reason");
  }
}

class VacationAction final : public vm::PreparedCall {
 public:
  struct Parts {
    std::optional<int64_t> days;
    std::optional<int64_t> seconds;
    std::optional<vm::RuntimeString> subject;
    std::optional<vm::RuntimeString> from;
    std::vector<vm::RuntimeString> addresses;
    bool mime = false;
    std::optional<vm::RuntimeString> handle;
    vm::RuntimeString reason;
    std::string synthesized_response;  // used without :handle
  };

  explicit VacationAction(Parts parts) : parts_(std::move(parts)) {}

  bool Run(vm::EvalContext& ctx) const override {
    for (const vm::Action& earlier : ctx.actions().all()) {
      if (earlier.type == delivery::kVacationType) {
        ctx.Fail("duplicate-vacation",
                 fmt::format("vacation can only be executed once per script; it was already "
                             "executed at line {}",
                             earlier.line));
        return true;
      }
    }
    delivery::VacationArguments args;
    args.days = parts_.days;
    args.seconds = parts_.seconds;
    args.mime = parts_.mime;
    args.reason = std::string(ctx.Expand(parts_.reason, &ctx.scratch(4)));
    if (parts_.mime) {
      if (const std::string why = delivery::CheckMimeEntity(args.reason); !why.empty()) {
        ctx.Fail("invalid-vacation-mime",
                 "the :mime reason of vacation is not a MIME entity: " + why);
        return true;
      }
    } else if (!utf8::IsValid(args.reason)) {
      ctx.Fail("invalid-vacation-utf8", "the reason of vacation is not valid UTF-8");
      return true;
    }
    if (parts_.subject) {
      args.subject = std::string(ctx.Expand(*parts_.subject, &ctx.scratch(5)));
      if (!utf8::IsValid(*args.subject)) {
        ctx.Fail("invalid-vacation-utf8", "the :subject of vacation is not valid UTF-8");
        return true;
      }
    }
    if (parts_.from) {
      const std::string_view text = ctx.Expand(*parts_.from, &ctx.scratch(6));
      std::string why;
      auto parsed = ParseOutgoingAddress(text, &why);
      if (!parsed) {
        ctx.Fail("invalid-vacation-from",
                 fmt::format("the :from address '{}' of vacation is not valid: {}", text, why));
        return true;
      }
      args.from = Trimmed(text);
      args.from_address = parsed->AddrSpec();
    }
    for (const vm::RuntimeString& address : parts_.addresses) {
      // An entry that is no address could match nothing: it is left out.
      if (auto parsed = ParseOutgoingAddress(ctx.Expand(address, &ctx.scratch(7)))) {
        args.addresses.push_back(parsed->AddrSpec());
      }
    }
    if (parts_.handle) {
      args.handle = std::string(ctx.Expand(*parts_.handle, &ctx.scratch(7)));
      args.response = "handle:" + *args.handle;
    } else {
      args.response = parts_.synthesized_response;
    }
    vm::Action& a = ctx.NewAction(delivery::kVacationType);
    a.disposition = vm::Disposition::kNone;  // RFC 5230 §4.7: no effect on the keep
    a.cancels_implicit_keep = false;
    args.ToAction(a);
    ctx.CommitAction();
    return true;
  }

 private:
  Parts parts_;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareVacation(const ir::Call& call,
                                                          vm::PrepareContext& context) {
  VacationAction::Parts parts;
  // The arguments as written, for the response identity (RFC 5230 §4.2).
  std::optional<std::string> raw_subject, raw_from;
  for (const ir::TagArgument& tag : call.tags) {
    const std::string& name = tag.spec->name;
    if (name == "mime") {
      parts.mime = true;
      continue;
    }
    if (!tag.param) continue;
    const ir::Value& value = *tag.param;
    if (name == "days" || name == "seconds") {
      const auto n = static_cast<int64_t>(std::min<uint64_t>(value.number, INT64_MAX));
      (name == "days" ? parts.days : parts.seconds) = n;
    } else if (name == "subject") {
      parts.subject = context.String(value.strings[0]);
      raw_subject = value.strings[0].text;
    } else if (name == "from") {
      parts.from = context.String(value.strings[0]);
      raw_from = value.strings[0].text;
    } else if (name == "handle") {
      parts.handle = context.String(value.strings[0]);
    } else if (name == "addresses") {
      parts.addresses = context.Strings(value);
    }
  }
  const ir::StringValue& reason = call.positional[0].strings[0];
  parts.reason = context.String(reason);
  parts.synthesized_response =
      delivery::SynthesizedResponse(raw_subject, raw_from, parts.mime, reason.text);
  return std::unique_ptr<vm::PreparedCall>(new VacationAction(std::move(parts)));
}

const vm::CallRuntime kVacationRuntime{PrepareVacation};

}  // namespace

void RegisterVacation(ir::Registry& registry) {
  registry.Register({"vacation", false, false}, [](ir::ExtensionBuilder&) {});
  // Owned by neither capability (see the top of the file).
  registry.Register({}, [](ir::ExtensionBuilder& b) {
    ir::CallSpec& vacation = b.Command("vacation");
    vacation.positional = {{"reason", ir::ArgType::kString}};
    vacation.validate = ValidateVacation;
    vacation.runtime = &kVacationRuntime;
    b.Tag("vacation", "days", ir::ArgType::kNumber, "a number of days", "period");
    b.Tag("vacation", "subject", ir::ArgType::kString, "a subject");
    b.Tag("vacation", "from", ir::ArgType::kString, "an address");
    b.Tag("vacation", "addresses", ir::ArgType::kStringList, "a list of addresses");
    b.Tag("vacation", "mime");
    b.Tag("vacation", "handle", ir::ArgType::kString, "a handle");
  });
  registry.Register({"vacation-seconds", false, false}, [](ir::ExtensionBuilder& b) {
    b.Tag("vacation", "seconds", ir::ArgType::kNumber, "a number of seconds", "period");
  });
}

}  // namespace sievekit::extensions
