// The per-evaluation state of imap4flags: the internal flags variable
// (RFC 5232 §3), which starts empty for every message, and scratch space
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

  void Reset() override { internal.Clear(); }
};

}  // namespace sievekit::extensions::imap4flags
