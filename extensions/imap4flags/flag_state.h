// The per-evaluation state of imap4flags: the internal flags variable
// (RFC 5232 §3), which starts empty for every new message, and scratch space
// the commands and the hasflag test reuse from message to message.
//
// It lives in vm::EvalContext::State<FlagState>(); nothing here may be
// shared between evaluations or threads.
#pragma once

#include <string>
#include <vector>

#include "extensions/imap4flags/flag_set.h"
#include "vm/eval_context.h"
#include "vm/match/dynamic_key_matcher.h"

namespace sievekit::extensions::imap4flags {

struct FlagState : vm::ExtensionState {
  FlagSet internal;  // the internal variable; applies to keep, fileinto, implicit keep
  FlagSet scratch;   // a named variable's flags while a command or test works on it
  std::vector<std::string> key_words;  // hasflag keys known only at run time, split
  size_t key_word_count = 0;           // [0, key_word_count) of key_words are current
  match::DynamicKeyMatcher matcher;    // for those keys

  // The message `internal` belongs to; it starts again when the
  // evaluation moves on to another one (the testsuite's test_message).
  const mail::Message* message = nullptr;

  void Reset() override {
    internal.Clear();
    message = nullptr;
  }
};

// The state of this evaluation. The internal variable starts with the flags
// the host says the message already has: none for a new delivery (RFC 5232
// §3: "initially empty"), a stored message's own flags when one is filtered
// again (an IMAP event, RFC 6785), or the flags an earlier script of a
// sequence kept the message with.
inline FlagState& StateOf(vm::EvalContext& ctx) {
  FlagState& state = ctx.State<FlagState>();
  if (state.message != &ctx.message()) {
    state.message = &ctx.message();
    state.internal.Clear();
    if (const vm::HostServices* host = ctx.options().host) {
      state.internal.AddWords(host->MessageFlags(ctx.message()), /*settable_only=*/false);
    }
  }
  return state;
}

}  // namespace sievekit::extensions::imap4flags
