// Registration and run time of reject and ereject (RFC 5429 §2.1, §2.2).
//
// Both actions refuse the message (vm::Disposition::kRefuses), cancel the
// implicit keep and carry the reason; how the refusal is carried out (SMTP
// 550, DSN, MDN) is the host's choice, as the RFC describes it. The rules
// of §2.4 — at most one reject or ereject, none with vacation or with an
// action that delivers — are enforced for every action in
// vm::EvalContext::CommitAction, which is where the other actions meet.
#include "extensions/reject/reject.h"

#include <fmt/format.h>

#include "common/diagnostic_catalogue.h"
#include "common/utf8.h"
#include "extensions/core/string_checks.h"
#include "ir/ir.h"
#include "ir/validation_context.h"
#include "vm/call_runtime.h"
#include "vm/eval_context.h"

namespace sievekit::extensions {
namespace {

constexpr DiagnosticKind kInvalidReason{"invalid-reject-reason", Severity::kError,
                                        "the reason of {} is not valid UTF-8"};

// §2.1, §2.2: "The "reason" string is a UTF-8 string". A constant reason
// is checked here (only encoded-character can make one invalid); one built
// from variables when the action runs.
void ValidateReason(ir::ValidationContext& context, ir::Call& call) {
  const ir::StringValue& reason = call.positional[0].strings[0];
  if (IsRuntimeString(context, reason.text)) return;
  if (!utf8::IsValid(reason.text)) context.Report(kInvalidReason, reason.span, call.spec->name);
}

class RejectAction final : public vm::PreparedCall {
 public:
  RejectAction(std::string_view type, vm::RuntimeString reason)
      : type_(type), reason_(std::move(reason)) {}

  bool Run(vm::EvalContext& ctx) const override {
    const std::string_view reason = ctx.Expand(reason_, &ctx.scratch(3));
    if (!utf8::IsValid(reason)) {
      ctx.Fail("invalid-reject-reason", fmt::format("the reason of {} is not valid UTF-8", type_));
      return true;
    }
    vm::Action& a = ctx.NewAction(type_);
    a.disposition = vm::Disposition::kRefuses;
    a.cancels_implicit_keep = true;
    a.reason.assign(reason);
    ctx.CommitAction();
    return true;
  }

 private:
  std::string_view type_;  // "reject" or "ereject" (static storage)
  vm::RuntimeString reason_;
};

template <const char* kType>
Result<std::unique_ptr<vm::PreparedCall>> PrepareReject(const ir::Call& call,
                                                        vm::PrepareContext& context) {
  return std::unique_ptr<vm::PreparedCall>(
      new RejectAction(kType, context.String(call.positional[0].strings[0])));
}

constexpr char kReject[] = "reject";
constexpr char kEreject[] = "ereject";
const vm::CallRuntime kRejectRuntime{PrepareReject<kReject>};
const vm::CallRuntime kErejectRuntime{PrepareReject<kEreject>};

void RegisterCommand(ir::ExtensionBuilder& b, const char* name, const vm::CallRuntime* runtime) {
  ir::CallSpec& command = b.Command(name);
  command.positional = {{"reason", ir::ArgType::kString}};
  command.validate = ValidateReason;
  command.runtime = runtime;
}

}  // namespace

void RegisterReject(ir::Registry& registry) {
  registry.Register({"reject", false, false},
                    [](ir::ExtensionBuilder& b) { RegisterCommand(b, kReject, &kRejectRuntime); });
  registry.Register({"ereject", false, false}, [](ir::ExtensionBuilder& b) {
    RegisterCommand(b, kEreject, &kErejectRuntime);
  });
}

}  // namespace sievekit::extensions
