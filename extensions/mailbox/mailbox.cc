// Registration and run time of the mailbox extension (RFC 5490 §3).
//
// ":create" (§3.2) asks that fileinto create its mailbox when it does not
// exist: a decorator marks the action with the "create" parameter, and the
// host's store acts on it. mailboxexists (§3.1) asks the host through
// vm::HostServices::MailboxExists; a host that cannot tell answers nothing,
// and then no mailbox is taken to exist, so a script falls back on what it
// does for a missing one (usually fileinto :create). Neither touches the
// store itself: the VM has no side effects.
#include "extensions/mailbox/mailbox.h"

#include <fmt/format.h>

#include "common/utf8.h"
#include "extensions/core/string_checks.h"
#include "ir/ir.h"
#include "ir/validation_context.h"
#include "vm/action.h"
#include "vm/call_runtime.h"
#include "vm/eval_context.h"

namespace sievekit::extensions {
namespace {

// A name that is not UTF-8 names no mailbox (RFC 5490 §3.1 compares names
// of the store, which are UTF-8): the test is then false, which is worth a
// warning when it is written in the script.
constexpr DiagnosticKind kInvalidMailboxName{
    "invalid-mailbox-name", Severity::kWarning,
    "mailbox name is not valid UTF-8, so mailboxexists is false for it"};

void ValidateMailboxexists(ir::ValidationContext& context, ir::Call& call) {
  for (const ir::StringValue& name : call.positional[0].strings) {
    if (IsRuntimeString(context, name.text)) continue;
    if (!utf8::IsValid(name.text)) context.Report(kInvalidMailboxName, name.span);
  }
}

// mailboxexists <mailbox-names: string-list>: true when every named
// mailbox exists and accepts messages (§3.1).
class MailboxexistsTest final : public vm::PreparedCall {
 public:
  explicit MailboxexistsTest(std::vector<vm::RuntimeString> names) : names_(std::move(names)) {}

  bool Run(vm::EvalContext& ctx) const override {
    const vm::HostServices* host = ctx.options().host;
    for (const vm::RuntimeString& n : names_) {
      const std::string_view name = ctx.Expand(n, &ctx.scratch(4));
      if (name.empty() || !utf8::IsValid(name) || host == nullptr) return false;
      const std::optional<bool> exists = host->MailboxExists(name);
      if (!exists || !*exists) return false;
    }
    return true;
  }

 private:
  std::vector<vm::RuntimeString> names_;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareMailboxexists(const ir::Call& call,
                                                               vm::PrepareContext& context) {
  return std::unique_ptr<vm::PreparedCall>(
      new MailboxexistsTest(context.Strings(call.positional[0])));
}

const vm::CallRuntime kMailboxexistsRuntime{PrepareMailboxexists};

bool HasCreateTag(const ir::Call& call) {
  for (const ir::TagArgument& tag : call.tags) {
    if (tag.spec->name == "create" && tag.spec->extension != nullptr &&
        tag.spec->extension->name == "mailbox") {
      return true;
    }
  }
  return false;
}

void DecorateCreate(vm::EvalContext& /*ctx*/, const ir::Call& call, vm::Action& action) {
  if (action.type == "fileinto" && HasCreateTag(call)) action.SetParam("create", true);
}

const vm::ActionDecorator kCreateDecorator{DecorateCreate};

}  // namespace

void RegisterMailbox(ir::Registry& registry) {
  registry.Register({"mailbox", false, false}, [](ir::ExtensionBuilder& b) {
    b.Tag("fileinto", "create");
    b.DecorateActions(&kCreateDecorator);
    ir::CallSpec& exists = b.Test("mailboxexists");
    exists.positional = {{"mailbox names", ir::ArgType::kStringList}};
    exists.validate = ValidateMailboxexists;
    exists.runtime = &kMailboxexistsRuntime;
  });
}

}  // namespace sievekit::extensions
