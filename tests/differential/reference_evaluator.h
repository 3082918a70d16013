// The reference evaluator: runs a validated ir::Script on one message by
// walking the IR tree directly, the deliberately simple second opinion that
// the differential test compares with the VM (DESIGN.md §11).
//
// It implements RFC 5228 control flow, tests and actions, with :copy
// (RFC 3894), relational match types (RFC 5231), i;ascii-numeric (RFC 4790)
// and subaddress (RFC 5233) — the subset the script generator produces; any
// other command or test is reported as unsupported instead of guessed at.
// It shares the message model (mail::Message: header lookup, decoded
// values, address parsing) with the VM, but none of the evaluation logic: it
// must not include anything from vm/ or from the extensions' run-time code.
// Clarity over speed everywhere: it re-reads and re-parses whatever it needs.
// Test-only code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ir/ir.h"
#include "mail/envelope.h"

namespace sievekit::differential {

// Site policy the result depends on; the defaults are those of the VM's
// vm::EvalOptions, restated here so that the two can be set alike.
struct ReferenceOptions {
  std::string default_mailbox = "INBOX";  // where keep stores
  std::string subaddress_separator = "+";
  uint32_t max_redirects = 4;  // distinct redirects; one more is a runtime error
  uint32_t max_actions = 64;   // distinct actions; one more is a runtime error
};

struct ReferenceAction {
  std::string type;     // "keep", "fileinto", "redirect", "discard"
  std::string mailbox;  // fileinto only (keep leaves it empty: the default mailbox)
  std::string address;  // redirect only: the bare addr-spec
  bool copy = false;    // :copy, and every merged duplicate had it too
  bool cancels_implicit_keep = false;

  friend bool operator==(const ReferenceAction&, const ReferenceAction&) = default;
};

struct ReferenceResult {
  // In the order the script first took them, duplicates merged; empty after
  // a runtime error (the message is then kept, RFC 5228 §2.10.6).
  std::vector<ReferenceAction> actions;
  bool implicit_keep = true;
  // "" or the id of the runtime error that ended evaluation ("max-redirects",
  // "max-actions", "unsupported").
  std::string error;
  std::string error_message;
};

// Counters for generator tuning: how many atomic tests (header, address,
// envelope, exists, size) were evaluated and how many of them were true.
struct ReferenceStats {
  uint64_t tests = 0;
  uint64_t true_tests = 0;
};

// Evaluates `script` (from ir::RunFrontend without errors) on the message
// `message_bytes` delivered with `envelope`.
ReferenceResult EvaluateReference(const ir::Script& script, std::string_view message_bytes,
                                  const mail::Envelope& envelope,
                                  const ReferenceOptions& options = {},
                                  ReferenceStats* stats = nullptr);

// One line per action ("fileinto:Work(copy)", "redirect:a@b", "keep",
// "discard"), space-separated, then "keep*" when the implicit keep applies;
// "error:ID" first after a runtime error. For failure messages.
std::string DescribeReferenceResult(const ReferenceResult& result);

}  // namespace sievekit::differential
