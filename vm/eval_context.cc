// Per-evaluation state: actions with RFC 5228's duplicate rules and the
// conflict rules of RFC 5429, variables, runtime errors.
#include "vm/eval_context.h"

#include <algorithm>

#include <fmt/format.h>

#include "common/utf8.h"
#include "vm/call_runtime.h"
#include "vm/program.h"

namespace sievekit::vm {
namespace {

// IMAP treats INBOX case-insensitively (RFC 3501 §5.1); other names are
// compared exactly.
bool SameMailbox(std::string_view a, std::string_view b) {
  auto is_inbox = [](std::string_view m) {
    if (m.size() != 5) return false;
    for (size_t i = 0; i < 5; ++i) {
      if ((m[i] | 0x20) != "inbox"[i]) return false;
    }
    return true;
  };
  return a == b || (is_inbox(a) && is_inbox(b));
}

// The longest prefix of at most `max_bytes` bytes that does not split a
// valid UTF-8 character (an invalid byte counts as a character of its own).
std::string_view TruncateBytes(std::string_view value, size_t max_bytes) {
  size_t end = 0;
  while (end < value.size()) {
    const size_t length = std::max<size_t>(1, utf8::SequenceLength(value.substr(end)));
    if (end + length > max_bytes) break;
    end += length;
  }
  return value.substr(0, end);
}

// Two redirect targets are one mailbox when the local parts are equal and
// the domains equal ignoring case (RFC 5321 §2.4: domains are
// case-insensitive; a local part is the receiving host's business).
bool SameRedirectAddress(std::string_view a, std::string_view b) {
  const size_t at_a = a.rfind('@');
  const size_t at_b = b.rfind('@');
  if (at_a == std::string_view::npos || at_b == std::string_view::npos) return a == b;
  if (a.substr(0, at_a) != b.substr(0, at_b)) return false;
  const std::string_view da = a.substr(at_a + 1);
  const std::string_view db = b.substr(at_b + 1);
  if (da.size() != db.size()) return false;
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
  for (size_t i = 0; i < da.size(); ++i) {
    if (lower(da[i]) != lower(db[i])) return false;
  }
  return true;
}

}  // namespace

void EvalContext::Begin(const Program& program, mail::Message& message,
                        const mail::Envelope& envelope, const EvalOptions& options) {
  program_ = &program;
  message_ = &message;
  operand_cache_.Invalidate();
  envelope_ = &envelope;
  options_ = &options;
  actions_.Clear();
  errors_.clear();
  warnings_.clear();
  block_exit_ = false;
  match_work_ = 0;
  open_blocks_.clear();
  ++generation_;
  variables_set_ = 0;
  match_variable_count_ = 0;
  wants_match_variables_ = program.reads_match_variables();
  trace_.clear();
  current_call_ = nullptr;
  for (auto& [type, state] : states_) state->Reset();
}

Action& EvalContext::NewAction(std::string_view type) {
  Action& a = actions_.Append();
  a.type = type;
  if (current_call_ != nullptr) {
    a.span = current_call_->call.span;
    a.line = current_call_->line;
    a.column = current_call_->column;
  }
  return a;
}

bool EvalContext::implicit_keep() const {
  for (const Action& a : actions_.all()) {
    if (a.cancels_implicit_keep) return false;
  }
  return true;
}

void EvalContext::Decorate(const ir::Call& call, Action& action) {
  for (const auto& d : program_->registry().action_decorators()) {
    if (d.extension == nullptr || program_->Requires(d.extension->name)) {
      d.decorator->decorate(*this, call, action);
    }
  }
}

const Action& EvalContext::FinishImplicitKeep() {
  // Cleared field by field: the record's storage is reused from message to
  // message.
  Action& a = implicit_keep_;
  a.type = "keep";
  a.disposition = Disposition::kDelivers;
  a.cancels_implicit_keep = false;
  a.mailbox.clear();
  a.flags.clear();
  a.copy = false;
  a.address.clear();
  a.reason.clear();
  a.params.clear();
  if (failed()) return a;
  ir::Call keep;  // a keep without arguments (allocates nothing)
  keep.spec = program_->registry().FindCommand("keep");
  if (keep.spec != nullptr) Decorate(keep, a);
  return a;
}

// RFC 5228 §4: keep, fileinto and redirect to the same place twice act once
// (keep is a fileinto of the default mailbox); discard twice is one discard.
// RFC 5429 §2.4: at most one reject (or ereject), and reject is incompatible
// with delivering the message and with vacation; discard is neither, so it
// may go with a reject.
void EvalContext::CommitAction() {
  Action& added = actions_.all().back();
  if (current_call_ != nullptr) Decorate(current_call_->call, added);
  const std::span<Action> earlier = actions_.all().first(actions_.size() - 1);
  auto mailbox_of = [&](const Action& a) -> std::string_view {
    if (a.type == "keep") return options_->default_mailbox;
    if (a.type == "fileinto") return a.mailbox;
    return {};
  };
  for (Action& e : earlier) {
    const bool both_store = !mailbox_of(e).empty() && !mailbox_of(added).empty();
    const bool duplicate =
        (both_store && SameMailbox(mailbox_of(e), mailbox_of(added))) ||
        (e.type == "redirect" && added.type == "redirect" &&
         SameRedirectAddress(e.address, added.address)) ||
        (e.type == "discard" && added.type == "discard");
    if (duplicate) {
      // The first record stays; a later one can only widen it (cancel the
      // implicit keep), except for the flags, where the last list wins
      // (RFC 5232 §3).
      e.cancels_implicit_keep = e.cancels_implicit_keep || added.cancels_implicit_keep;
      e.copy = e.copy && added.copy;
      e.flags.swap(added.flags);
      actions_.PopBack();
      return;
    }
  }
  for (const Action& e : earlier) {
    const bool refuse_twice =
        e.disposition == Disposition::kRefuses && added.disposition == Disposition::kRefuses;
    const bool refuse_and_deliver =
        (e.disposition == Disposition::kRefuses && added.disposition == Disposition::kDelivers) ||
        (e.disposition == Disposition::kDelivers && added.disposition == Disposition::kRefuses);
    const bool refuse_and_vacation =
        (e.disposition == Disposition::kRefuses && added.type == "vacation") ||
        (e.type == "vacation" && added.disposition == Disposition::kRefuses);
    if (refuse_twice || refuse_and_deliver || refuse_and_vacation) {
      std::string message =
          fmt::format("the {} action conflicts with the earlier {} action", added.type, e.type);
      actions_.PopBack();
      Fail("action-conflict", std::move(message));
      return;
    }
  }
  // Counted over the list, not across the evaluation: a host that resets
  // the result (the testsuite) resets the count with it.
  const auto redirects = std::count_if(actions_.all().begin(), actions_.all().end(),
                                       [](const Action& a) { return a.type == "redirect"; });
  if (added.type == "redirect" &&
      static_cast<uint64_t>(redirects) > options_->limits.max_redirects) {
    actions_.PopBack();
    Fail("max-redirects",
         fmt::format("number of redirect actions exceeds policy limit of {} (max_redirects)",
                     options_->limits.max_redirects));
    return;
  }
  if (actions_.size() > options_->limits.max_actions) {
    actions_.PopBack();
    Fail("max-actions",
         fmt::format("total number of actions exceeds policy limit of {} (max_actions)",
                     options_->limits.max_actions));
  }
}

RuntimeError EvalContext::AtCurrentCall(std::string_view id, std::string message) const {
  RuntimeError error{id, std::move(message), {}, 0, 0};
  if (current_call_ != nullptr) {
    error.span = current_call_->call.span;
    error.line = current_call_->line;
    error.column = current_call_->column;
  }
  return error;
}

void EvalContext::Fail(std::string_view id, std::string message) {
  errors_.push_back(AtCurrentCall(id, std::move(message)));
}

void EvalContext::Warn(std::string_view id, std::string message) {
  RuntimeError warning = AtCurrentCall(id, std::move(message));
  // A key that is invalid for one value is invalid for every value the test
  // tries: report it once.
  for (const RuntimeError& w : warnings_) {
    if (w.id == warning.id && w.line == warning.line && w.column == warning.column &&
        w.message == warning.message) {
      return;
    }
  }
  warnings_.push_back(std::move(warning));
}

void EvalContext::FailMatchWork() {
  if (failed()) return;
  Fail("max-match-work",
       fmt::format("the tests compared more than {} bytes of values (limit max_match_work)",
                   options_->limits.max_match_work));
}

std::string_view EvalContext::Variable(std::string_view ns, std::string_view name) const {
  if (!ns.empty()) {
    namespaced_key_.assign(ns);
    namespaced_key_ += '.';
    namespaced_key_ += name;
    name = namespaced_key_;
  }
  auto it = variables_.find(name);
  if (it == variables_.end() || it->second.generation != generation_) return {};
  return it->second.value;
}

std::string_view EvalContext::MatchVariable(uint32_t index) const {
  return index < match_variable_count_ ? std::string_view(match_variables_[index])
                                       : std::string_view();
}

bool EvalContext::SetVariable(std::string_view name, std::string_view value) {
  if (value.size() > options_->limits.max_variable_size) {
    value = TruncateBytes(value, options_->limits.max_variable_size);
  }
  auto it = variables_.find(name);
  if (it == variables_.end()) it = variables_.emplace(std::string(name), VariableSlot{}).first;
  if (it->second.generation != generation_) {
    if (++variables_set_ > options_->limits.max_variables) {
      Fail("max-variables", fmt::format("more than {} variables (limit max_variables)",
                                        options_->limits.max_variables));
      return false;
    }
    it->second.generation = generation_;
  }
  it->second.value.assign(value);
  return true;
}

void EvalContext::SetMatchVariables(std::string_view whole,
                                    const std::vector<std::string_view>& captures) {
  match_variable_count_ =
      captures.empty() ? 1 : std::min<size_t>(captures.size(), kMaxMatchVariableIndex + 1);
  if (match_variables_.size() < match_variable_count_) {
    match_variables_.resize(match_variable_count_);
  }
  match_variables_[0].assign(captures.empty() ? whole : captures[0]);
  for (size_t i = 1; i < match_variable_count_; ++i) match_variables_[i].assign(captures[i]);
}

}  // namespace sievekit::vm
