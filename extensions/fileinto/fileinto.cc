// Registration of the fileinto extension.
#include "extensions/fileinto/fileinto.h"

#include "common/diagnostic_catalogue.h"
#include "common/utf8.h"
#include "ir/ir.h"
#include "ir/validation_context.h"
#include "vm/call_runtime.h"
#include "vm/eval_context.h"

namespace sievekit::extensions {
namespace {

// Mailbox names are UTF-8 (RFC 5228 §4.1 leaves encoding to the store; an
// invalid name can only come from encoded-character's ${hex:...}).
void ValidateMailbox(ir::ValidationContext& context, ir::Call& call) {
  const ir::StringValue& mailbox = call.positional[0].strings[0];
  if (!utf8::IsValid(mailbox.text)) {
    context.Report(diag::kInvalidValue, mailbox.span,
                   "invalid folder name: the mailbox name is not valid UTF-8");
  } else if (mailbox.text.empty()) {
    context.Report(diag::kInvalidValue, mailbox.span, "invalid folder name: it is empty");
  }
}

// fileinto <mailbox>: deliver into the named mailbox; cancels the implicit
// keep (RFC 5228 §4.1). A name built from variables is checked here.
class FileintoAction final : public vm::PreparedCall {
 public:
  explicit FileintoAction(vm::RuntimeString mailbox) : mailbox_(std::move(mailbox)) {}

  bool Run(vm::EvalContext& ctx) const override {
    const std::string_view mailbox = ctx.Expand(mailbox_, &ctx.scratch(3));
    if (mailbox.empty() || !utf8::IsValid(mailbox)) {
      ctx.Fail("invalid-mailbox", mailbox.empty()
                                      ? "invalid folder name: it is empty"
                                      : "invalid folder name: the mailbox name is not valid UTF-8");
      return true;
    }
    vm::Action& a = ctx.NewAction("fileinto");
    a.disposition = vm::Disposition::kDelivers;
    a.cancels_implicit_keep = true;
    a.mailbox.assign(mailbox);
    ctx.CommitAction();
    return true;
  }

 private:
  vm::RuntimeString mailbox_;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareFileinto(const ir::Call& call,
                                                          vm::PrepareContext& context) {
  return std::unique_ptr<vm::PreparedCall>(
      new FileintoAction(context.String(call.positional[0].strings[0])));
}

const vm::CallRuntime kFileintoRuntime{PrepareFileinto};

}  // namespace

void RegisterFileinto(ir::Registry& registry) {
  registry.Register({"fileinto", false, false}, [](ir::ExtensionBuilder& b) {
    ir::CallSpec& fileinto = b.Command("fileinto");
    fileinto.positional = {{"folder", ir::ArgType::kString}};
    fileinto.validate = ValidateMailbox;
    fileinto.runtime = &kFileintoRuntime;
  });
}

}  // namespace sievekit::extensions
