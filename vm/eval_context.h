// EvalContext: everything a prepared command or test sees while one message
// is evaluated — the message and envelope, the options, the actions taken so
// far, the variables, scratch buffers, per-extension state and the trace —
// and the one place runtime errors are raised.
//
// An EvalContext is reused from message to message (Begin() resets it but
// keeps every buffer), which is what makes a warm evaluation allocation-free.
// It belongs to one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <typeindex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/extension_config.h"
#include "common/span.h"
#include "mail/envelope.h"
#include "mail/message.h"
#include "vm/action.h"
#include "vm/fold_cache.h"
#include "vm/operand_cache.h"
#include "vm/string_template.h"

namespace sievekit::ir {
struct Call;
}  // namespace sievekit::ir

namespace sievekit::vm {

class Program;
struct ProgramCall;

// Runtime limits (DESIGN.md §10): exceeding one is a runtime error that
// keeps the message, named after the limit.
struct RuntimeLimits {
  uint32_t max_actions = 64;    // actions of one evaluation, duplicates not counted
  uint32_t max_redirects = 4;   // RFC 5228 §10: redirect must be limitable
  // Distinct variables set by one evaluation; more is a runtime error
  // (RFC 5229 §6 asks for at least 128).
  uint32_t max_variables = 256;
  // Bytes of one variable's value. A longer value is truncated (at a UTF-8
  // character boundary), never an error: RFC 5229 §6 says so.
  uint32_t max_variable_size = 64 * 1024;
  // Milliseconds of CPU time (of the evaluating thread) one evaluation may
  // take; 0 means no limit. Every test and action is bounded and match
  // kernels are linear, but a hostile script and message can still multiply
  // work (large variables matched by many rules). The clock is read every
  // kCpuCheckInterval instructions, so the overshoot is at most that many
  // instructions; the result then depends on the machine's speed, which is
  // why hosts opt in (Pigeonhole's sieve_max_cpu_time).
  uint32_t max_cpu_time_ms = 0;
  static constexpr uint32_t kCpuCheckInterval = 16;
  // Bytes of match work one evaluation may do: every value a test hands to
  // a match kernel (header values, addresses, body text, variables) counts
  // its length once per pass over it — one pass for a hash lookup, a
  // many-key automaton or a relational comparison, one per key where keys
  // are tried one by one (:matches patterns, up to three :contains keys,
  // keys with variables, :regex keys). Unlike max_cpu_time_ms it is
  // deterministic: a script and a message reach it on every machine or on
  // none. 1 GiB lets a script scan a 50 MB body twenty times; a hand- or
  // GUI-written script over ordinary mail uses well under 1 MiB. More is a
  // runtime error ("max-match-work").
  uint64_t max_match_work = uint64_t{1} << 30;
};

// What a host lends to the extensions that need more than the message: the
// testsuite's mail store and outbox, for instance. Extensions find their own
// kind with dynamic_cast and must cope with its absence.
class HostServices {
 public:
  virtual ~HostServices() = default;
  // The flags `message` already carries where it is stored (a message read
  // back from a mailbox, an IMAP event (RFC 6785), or the message an earlier
  // script of a sequence passed on with flags), space-separated: the
  // initial value of imap4flags' internal variable. None by default.
  virtual std::string_view MessageFlags(const mail::Message& /*message*/) const { return {}; }
  // Whether the user's mail store has a mailbox of this name that accepts
  // messages (RFC 5490 §3.1); nullopt when the host cannot tell.
  virtual std::optional<bool> MailboxExists(std::string_view /*name*/) const {
    return std::nullopt;
  }
};

struct EvalOptions {
  RuntimeLimits limits;
  HostServices* host = nullptr;
  // Where keep stores, for duplicate detection with fileinto (RFC 5228 §4.1).
  std::string default_mailbox = "INBOX";
  // Record a line per test and action in EvalResult::trace.
  bool trace = false;
  // The characters that separate the user from the detail of a local part,
  // as the mail system encodes subaddresses ("ken+sieve"): RFC 5233 leaves
  // the encoding to the site, and sites often accept several ("+-" lets
  // both "ken+sieve" and "ken-sieve" carry a detail, like Postfix's and
  // Dovecot's recipient_delimiter). The local part splits at the first
  // occurrence of any of them; empty means no address has a detail.
  std::string subaddress_separators = "+";
  // The host's configuration of extensions (spamtest's header sources,
  // enotify's limits); see common/extension_config.h.
  ExtensionConfig extension_config;
};

struct RuntimeError {
  std::string_view id;  // stable, e.g. "action-conflict", "max-redirects"
  std::string message;
  Span span;
  uint32_t line = 0;
  uint32_t column = 0;
};

// State an extension keeps for one evaluation (variables' store, internal
// flags, ...). Reset() is called before each message.
class ExtensionState {
 public:
  virtual ~ExtensionState() = default;
  virtual void Reset() = 0;
};

class EvalContext : public VariableSource {
 public:
  EvalContext() = default;
  EvalContext(const EvalContext&) = delete;
  EvalContext& operator=(const EvalContext&) = delete;

  // Starts a new message. The message must be parsed already.
  void Begin(const Program& program, mail::Message& message, const mail::Envelope& envelope,
             const EvalOptions& options);

  const Program& program() const { return *program_; }
  mail::Message& message() { return *message_; }
  // Evaluates the rest of the script against another message (the
  // testsuite's test_set "message"); both must outlive the evaluation. A
  // host that changes the envelope in place during an evaluation calls it
  // too, so that no test goes on with values of the old one.
  void SwitchMessage(mail::Message& message, const mail::Envelope& envelope) {
    message_ = &message;
    envelope_ = &envelope;
    operand_cache_.Invalidate();
  }
  const mail::Envelope& envelope() const { return *envelope_; }
  const EvalOptions& options() const { return *options_; }

  // ---- Actions ----
  // Starts an action record of `type` (static storage) for the running
  // command; fill it in, then call CommitAction, which applies RFC 5228's
  // duplicate rules and the conflict rules, or raises a runtime error.
  Action& NewAction(std::string_view type);
  void CommitAction();
  const ActionList& actions() const { return actions_; }
  ActionList& mutable_actions() { return actions_; }
  // Whether the implicit keep still applies (no action has cancelled it).
  bool implicit_keep() const;
  // The implicit keep as an action record (RFC 5228 §2.10.2), decorated as a
  // keep without tagged arguments would be (imap4flags gives it the internal
  // flags, RFC 5232 §3) — or left plain after a runtime error, since then
  // nothing the script did applies. Call when evaluation has ended.
  const Action& FinishImplicitKeep();

  // ---- Errors ----
  // Raises a runtime error at the running call: evaluation stops, the
  // message is kept (RFC 5228 §2.10.6).
  void Fail(std::string_view id, std::string message);
  bool failed() const { return !errors_.empty(); }
  const std::vector<RuntimeError>& errors() const { return errors_; }
  // Forgets the runtime errors (a block command that contains them, such as
  // a testsuite test, calls it to carry on after its block).
  void ClearErrors() { errors_.clear(); }

  // ---- Match work (RuntimeLimits::max_match_work) ----
  // Counts `bytes` of match work; false once the evaluation is past its
  // budget, when the runtime error has been raised (once) and the caller
  // must report no match. Inline and allocation-free: called per match.
  bool ChargeMatchWork(uint64_t bytes) {
    match_work_ += bytes;
    if (match_work_ <= options_->limits.max_match_work) [[likely]] return true;
    FailMatchWork();
    return false;
  }
  uint64_t match_work() const { return match_work_; }
  // Records a problem that does not stop evaluation (a :regex key that is
  // invalid only once its variables are expanded, for instance: the key
  // then matches nothing). The host reports it; the result stands. The same
  // warning at the same place is recorded once.
  void Warn(std::string_view id, std::string message);
  const std::vector<RuntimeError>& warnings() const { return warnings_; }

  // ---- Blocks ----
  // Asks the interpreter to leave the innermost block at once (testsuite's
  // test_fail); its command's EndBlock sees BlockEnd::kExit.
  void RequestBlockExit() { block_exit_ = true; }
  bool TakeBlockExit() { return std::exchange(block_exit_, false); }
  // The interpreter's stack of open blocks (kept here to reuse its storage).
  struct OpenBlock {
    uint32_t call;
    uint32_t body;
    uint32_t end;
  };
  std::vector<OpenBlock>& open_blocks() { return open_blocks_; }

  // ---- Variables (RFC 5229) ----
  // A plain variable (ns empty) or one of a namespace an extension lets
  // `set` assign (stored under "ns.name"); empty when unset.
  std::string_view Variable(std::string_view ns, std::string_view name) const override;
  std::string_view MatchVariable(uint32_t index) const override;
  // Sets a variable; `name` is lower case, "ns.name" for a namespaced one.
  // A value longer than max_variable_size is truncated (RFC 5229 §6); false
  // (with a runtime error) past max_variables.
  bool SetVariable(std::string_view name, std::string_view value);
  // Replaces the match variables after a successful match. `captures` is
  // what the matchers produce (GlobPattern, regex): [0] the matched part of
  // the value, [i] the i-th wildcard or group; when it is empty, ${0} is
  // `whole`. Captures past kMaxMatchVariableIndex are not kept.
  void SetMatchVariables(std::string_view whole, const std::vector<std::string_view>& captures);
  // Whether matches should record captures (the program reads ${N}).
  bool wants_match_variables() const { return wants_match_variables_; }

  // A string argument's value; `scratch` must outlive the returned view.
  std::string_view Expand(const RuntimeString& s, std::string* scratch) const {
    return s.Expand(*this, scratch);
  }

  // ---- Scratch and state ----
  // A reusable buffer; index is per use site (0..kScratchBuffers-1).
  static constexpr size_t kScratchBuffers = 8;
  std::string& scratch(size_t index) { return scratch_[index]; }
  std::vector<std::string_view>& captures() { return captures_; }
  // Folded message values, per message and comparator (KeyMatcher uses it).
  FoldCache& fold_cache() { return fold_cache_; }
  // Test operands resolved once per message (see operand_cache.h).
  OperandCache& operand_cache() { return operand_cache_; }

  // The evaluation state of type T (created on first use, reset per message).
  template <typename T>
  T& State() {
    auto it = states_.find(std::type_index(typeid(T)));
    if (it == states_.end()) {
      it = states_.emplace(std::type_index(typeid(T)), std::make_unique<T>()).first;
    }
    return static_cast<T&>(*it->second);
  }

  // ---- Trace ----
  bool tracing() const { return options_->trace; }
  void Trace(std::string line) { trace_.push_back(std::move(line)); }
  const std::vector<std::string>& trace() const { return trace_; }

  // The call being run (set by the interpreter).
  void set_current_call(const ProgramCall* call) { current_call_ = call; }
  const ProgramCall* current_call() const { return current_call_; }

 private:
  // The running call's position on a runtime error or warning.
  RuntimeError AtCurrentCall(std::string_view id, std::string message) const;
  // Runs the program's action decorators on `action`, taken by `call`.
  void Decorate(const ir::Call& call, Action& action);
  // Raises "max-match-work", unless a runtime error is pending already (the
  // test that exceeded the budget may go on offering values).
  void FailMatchWork();

  const Program* program_ = nullptr;
  mail::Message* message_ = nullptr;
  const mail::Envelope* envelope_ = nullptr;
  const EvalOptions* options_ = nullptr;
  const ProgramCall* current_call_ = nullptr;
  ActionList actions_;
  Action implicit_keep_;
  std::vector<RuntimeError> errors_;
  std::vector<RuntimeError> warnings_;
  bool block_exit_ = false;
  uint64_t match_work_ = 0;
  std::vector<OpenBlock> open_blocks_;
  // Variables keep their storage across messages: a value counts as set only
  // when its generation is the current evaluation's.
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct VariableSlot {
    std::string value;
    uint64_t generation = 0;
  };
  std::unordered_map<std::string, VariableSlot, StringHash, std::equal_to<>> variables_;
  // Builds "ns.name" keys for namespaced lookups without allocating when warm.
  mutable std::string namespaced_key_;
  uint64_t generation_ = 0;
  uint32_t variables_set_ = 0;
  std::vector<std::string> match_variables_;
  size_t match_variable_count_ = 0;
  bool wants_match_variables_ = false;
  std::string scratch_[kScratchBuffers];
  FoldCache fold_cache_;
  OperandCache operand_cache_;
  std::vector<std::string_view> captures_;
  std::unordered_map<std::type_index, std::unique_ptr<ExtensionState>> states_;
  std::vector<std::string> trace_;
};

}  // namespace sievekit::vm
