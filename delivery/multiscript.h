// Results of several scripts run one after another on the same message
// (draft-degener-sieve-multiscript-00, the model Dovecot follows for its
// sieve_before / personal / sieve_after scripts): each script runs only
// while the message is still "kept", and a keep of any script but the last
// means "pass the message on to the next script", not "store it".
//
// AppendScriptResult merges the actions of one more script into the
// result of the earlier ones. Conflict rules such as RFC 5429's
// reject-versus-delivery apply within one script only (draft §4: "an action
// in a preceding script MUST be compatible with a reject in a later
// script"); across scripts, actions that would do the same thing twice are
// done once (draft §4 allows it), and a refusal after an earlier refusal is
// dropped, since a message can be refused only once. Nothing here runs a
// script or performs an action.
#pragma once

#include <span>
#include <string_view>

#include "vm/action.h"

namespace sievekit::delivery {

// Appends `next` (the actions of a later script) to `result`. A keep or
// fileinto into a mailbox that an earlier action already stores into is
// merged into that action: its flags become the later ones (RFC 5232 §3:
// the last flag list wins), and a keep turns the record into a keep. A
// redirect to the same address, a second discard and a second reject (or
// ereject) are dropped.
void AppendScriptResult(vm::ActionList& result, std::span<const vm::Action> next,
                        std::string_view default_mailbox);

// Whether a script's actions keep the message (an explicit keep, or no
// action cancelling the implicit keep): the next script of a sequence runs
// only then (draft §3).
bool KeepsMessage(std::span<const vm::Action> actions);

}  // namespace sievekit::delivery
