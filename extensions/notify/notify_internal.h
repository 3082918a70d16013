// Shared between the files of extensions/notify: the pieces of the one
// `notify` command (see notify.h) that each capability implements. Not for
// use outside this folder.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"
#include "ir/ir.h"
#include "ir/validation_context.h"
#include "vm/call_runtime.h"
#include "vm/eval_context.h"

namespace sievekit::extensions::notify_internal {

// The reason the method URI of an enotify notify cannot be used (an
// unsupported scheme, a mailto URI that breaks its syntax), or empty.
// RFC 5435 §4: valid_notify_method performs exactly this check.
std::string MethodProblem(std::string_view uri);
// The reason an enotify :from value cannot be used for the mailto method
// (RFC 5436 §2.3: it must have address syntax), or empty.
std::string FromProblem(std::string_view from);

// Compile-time checks of a notify call of each capability (the shared
// hook has checked the requires and the policy).
void ValidateEnotify(ir::ValidationContext& context, ir::Call& call);
void ValidateLegacyNotify(ir::ValidationContext& context, ir::Call& call);

Result<std::unique_ptr<vm::PreparedCall>> PrepareEnotify(const ir::Call& call,
                                                        vm::PrepareContext& context);
Result<std::unique_ptr<vm::PreparedCall>> PrepareLegacyNotify(const ir::Call& call,
                                                             vm::PrepareContext& context);
Result<std::unique_ptr<vm::PreparedCall>> PrepareDenotify(const ir::Call& call,
                                                         vm::PrepareContext& context);
Result<std::unique_ptr<vm::PreparedCall>> PrepareValidNotifyMethod(const ir::Call& call,
                                                                  vm::PrepareContext& context);
Result<std::unique_ptr<vm::PreparedCall>> PrepareNotifyMethodCapability(
    const ir::Call& call, vm::PrepareContext& context);

// Before a notify action is started: false, with a runtime error, when the
// policy prohibits notify (max_notifications = 0).
bool NotifyAllowed(vm::EvalContext& ctx);
// Commits the notify action being built and enforces max_notifications
// (the action is dropped and a runtime error raised past it).
void CommitNotify(vm::EvalContext& ctx);

}  // namespace sievekit::extensions::notify_internal
