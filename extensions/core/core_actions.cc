// keep, discard and redirect (RFC 5228 §4.2-4.4).
#include "extensions/core/core_actions.h"

#include <optional>

#include <fmt/format.h>

#include "extensions/core/outgoing_address.h"
#include "vm/eval_context.h"

namespace sievekit::extensions {
namespace {

using vm::EvalContext;

// keep: store in the default mailbox; cancels the implicit keep (§2.10.2).
class KeepAction final : public vm::PreparedCall {
 public:
  bool Run(EvalContext& ctx) const override {
    vm::Action& a = ctx.NewAction("keep");
    a.disposition = vm::Disposition::kDelivers;
    a.cancels_implicit_keep = true;
    ctx.CommitAction();
    return true;
  }
};

class DiscardAction final : public vm::PreparedCall {
 public:
  bool Run(EvalContext& ctx) const override {
    vm::Action& a = ctx.NewAction("discard");
    a.disposition = vm::Disposition::kDiscards;
    a.cancels_implicit_keep = true;
    ctx.CommitAction();
    return true;
  }
};

// redirect <address>: the address was checked at compile time when it was a
// constant; one built from variables is checked here, and a bad one is a
// runtime error (the message is kept, never sent nowhere).
class RedirectAction final : public vm::PreparedCall {
 public:
  explicit RedirectAction(vm::RuntimeString address) : address_(std::move(address)) {
    // A constant address is checked and normalised once, here, so that a
    // redirect costs no parsing (and no allocation) per message.
    if (address_.is_constant()) {
      if (auto parsed = ParseOutgoingAddress(address_.constant())) {
        constant_addr_spec_ = parsed->AddrSpec();
      }
    }
  }

  bool Run(EvalContext& ctx) const override {
    if (constant_addr_spec_) {
      Commit(ctx, *constant_addr_spec_);
      return true;
    }
    const std::string_view text = ctx.Expand(address_, &ctx.scratch(3));
    std::string why;
    auto parsed = ParseOutgoingAddress(text, &why);
    if (!parsed) {
      ctx.Fail("invalid-redirect-address",
               fmt::format("cannot redirect to '{}': {}", text, why));
      return true;
    }
    Commit(ctx, parsed->AddrSpec());
    return true;
  }

 private:
  static void Commit(EvalContext& ctx, std::string_view addr_spec) {
    vm::Action& a = ctx.NewAction("redirect");
    a.disposition = vm::Disposition::kDelivers;
    a.cancels_implicit_keep = true;
    a.address.assign(addr_spec);  // reuses the record's storage
    ctx.CommitAction();
  }

  vm::RuntimeString address_;
  std::optional<std::string> constant_addr_spec_;  // set when address_ is a valid constant
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareKeep(const ir::Call&, vm::PrepareContext&) {
  return std::unique_ptr<vm::PreparedCall>(new KeepAction());
}

Result<std::unique_ptr<vm::PreparedCall>> PrepareDiscard(const ir::Call&, vm::PrepareContext&) {
  return std::unique_ptr<vm::PreparedCall>(new DiscardAction());
}

Result<std::unique_ptr<vm::PreparedCall>> PrepareRedirect(const ir::Call& call,
                                                          vm::PrepareContext& context) {
  return std::unique_ptr<vm::PreparedCall>(
      new RedirectAction(context.String(call.positional[0].strings[0])));
}

}  // namespace

const vm::CallRuntime kKeepRuntime{PrepareKeep};
const vm::CallRuntime kDiscardRuntime{PrepareDiscard};
const vm::CallRuntime kRedirectRuntime{PrepareRedirect};

}  // namespace sievekit::extensions
