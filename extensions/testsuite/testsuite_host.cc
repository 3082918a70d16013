// The testsuite's world: messages, scripts under test, mail store, outbox,
// configuration and test outcomes (see testsuite_host.h).
#include "extensions/testsuite/testsuite_host.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "common/utf8.h"
#include "delivery/multiscript.h"
#include "delivery/notify.h"
#include "delivery/redirect.h"
#include "delivery/rejection.h"
#include "delivery/vacation.h"
#include "extensions/testsuite/extension_settings.h"
#include "extensions/testsuite/vacation_settings.h"
#include "ir/frontend.h"
#include "mail/derived_envelope.h"
#include "vm/binary.h"
#include "vm/codegen.h"
#include "vm/evaluator.h"

namespace sievekit::extensions {
namespace {

bool IsInbox(std::string_view name) {
  if (name.size() != 5) return false;
  for (size_t i = 0; i < 5; ++i) {
    if ((name[i] | 0x20) != "inbox"[i]) return false;
  }
  return true;
}

// INBOX is case-insensitive (RFC 3501 §5.1), also as the first level of a
// name ("Inbox.Lists" is "INBOX.Lists").
std::string MailboxKey(const std::string& name) {
  if (name.size() > 5 && IsInbox(std::string_view(name).substr(0, 5)) &&
      (name[5] == '.' || name[5] == '/')) {
    return "INBOX" + name.substr(5);
  }
  return IsInbox(name) ? "INBOX" : name;
}

std::optional<uint32_t> ParseNumber(const std::string& text) {
  uint32_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Why a mailbox name cannot be used, or empty when it can. Levels of the
// store's hierarchy are separated by '.' (or '/'), so a name with an empty
// level ("a//b", ".a", "a.") names no mailbox.
std::string_view InvalidNameReason(std::string_view name) {
  if (name.empty()) return "the name is empty";
  if (!utf8::IsValid(name)) return "the name is not valid UTF-8";
  auto separator = [](char c) { return c == '.' || c == '/'; };
  for (size_t i = 0; i < name.size(); ++i) {
    if (separator(name[i]) && (i == 0 || i + 1 == name.size() || separator(name[i + 1]))) {
      return "the name has an empty hierarchy level";
    }
  }
  return {};
}

// The keyword a store that detects attachments on save gives a message: a
// part that is not the message's own text but a file (an "attachment"
// disposition or a file name) makes it $HasAttachment.
std::string_view AttachmentKeyword(const std::string& bytes) {
  mail::Message message;
  message.Parse(bytes);
  const auto& parts = message.Mime().parts();
  for (size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].disposition == "attachment" || !parts[i].filename.empty()) {
      return "$HasAttachment";
    }
  }
  return "$HasNoAttachment";
}

// Flags as one space-separated string, with `extra` added when not there.
std::string JoinFlags(const std::vector<std::string>& flags, std::string_view extra) {
  std::string out;
  bool has_extra = extra.empty();
  for (const std::string& flag : flags) {
    if (!out.empty()) out += ' ';
    out += flag;
    has_extra = has_extra || flag == extra;
  }
  if (!has_extra) {
    if (!out.empty()) out += ' ';
    out += extra;
  }
  return out;
}

// A duration setting as upstream writes them ("2s", "500ms", "1m", or
// plain seconds), in milliseconds.
std::optional<uint32_t> ParseMilliseconds(const std::string& text) {
  uint32_t value = 0;
  const char* end = text.data() + text.size();
  const auto [rest, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc()) return std::nullopt;
  const std::string_view unit(rest, static_cast<size_t>(end - rest));
  if (unit.empty() || unit == "s" || unit == "secs") return value * 1000;
  if (unit == "ms" || unit == "msecs") return value;
  if (unit == "m" || unit == "mins") return value * 60 * 1000;
  return std::nullopt;
}

std::vector<std::string> SplitFlags(std::string_view flags) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < flags.size()) {
    const size_t end = std::min(flags.find(' ', i), flags.size());
    if (end > i) out.emplace_back(flags.substr(i, end - i));
    i = end + 1;
  }
  return out;
}

// Upstream's defaults where they differ from ours (sieve_max_actions).
vm::EvalOptions PigeonholeDefaults() {
  vm::EvalOptions options;
  options.limits.max_actions = 32;
  return options;
}

}  // namespace

TestsuiteHost::TestsuiteHost(const ir::Registry& registry, std::string test_file)
    : registry_(registry),
      test_dir_(std::filesystem::path(test_file).parent_path().string()) {
  mailboxes_["INBOX"];
  ReloadConfig();
  SetMessage(
      "From: sender@example.com\r\n"
      "To: recipient@example.org\r\n"
      "Subject: Frop!\r\n"
      "\r\n"
      "Frop!\r\n");
}

void TestsuiteHost::SetMessage(std::string bytes) {
  message_store_.push_back(std::make_unique<std::string>(std::move(bytes)));
  message_bytes_ = message_store_.back().get();
  parsed_.push_back(std::make_unique<mail::Message>());
  message_ = parsed_.back().get();
  message_->Parse(*message_bytes_);
  envelope_ = mail::DeriveEnvelope(*message_);
  message_flags_.clear();
  if (envelope_.mail_from.empty()) envelope_.mail_from = "sender@example.com";
  if (envelope_.rcpt_to.empty()) envelope_.rcpt_to = "recipient@example.org";
}

bool TestsuiteHost::SelectSentMessage(size_t index) {
  if (index >= outbox_.size()) return false;
  const delivery::OutgoingMessage sent = outbox_[index];
  SetMessage(sent.bytes);
  envelope_.mail_from = sent.mail_from;
  envelope_.rcpt_to = sent.rcpt_to;
  return true;
}

bool TestsuiteHost::SelectStoredMessage(const std::string& mailbox, size_t index) {
  auto it = mailboxes_.find(MailboxKey(mailbox));
  if (it == mailboxes_.end() || index >= it->second.size()) return false;
  const StoredMessage stored = it->second[index];
  SetMessage(stored.bytes);
  message_flags_ = stored.flags;
  return true;
}

bool TestsuiteHost::Compile(const std::string& relative_path) {
  errors_.clear();
  program_.reset();
  const std::filesystem::path path = std::filesystem::path(test_dir_) / relative_path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors_.push_back(fmt::format("cannot open script '{}'", relative_path));
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto source = std::make_shared<const SourceFile>(relative_path, text.str());
  ir::CompileOptions options;
  options.limits = run_limits_;
  // The suite counts every error of a script (test_error :count).
  options.limits.max_errors = UINT32_MAX;
  // Extension policy that applies at compile time (notify prohibited).
  options.extension_config = run_options_.extension_config;
  ir::FrontendResult front = ir::RunFrontend(source, registry_, options);
  for (const Diagnostic& d : front.diagnostics.all()) {
    if (d.severity() == Severity::kError) errors_.push_back(d.message);
  }
  if (!front.ok()) {
    // Like Pigeonhole, a failed compilation ends with one error of its own.
    errors_.push_back("script compilation failed");
    return false;
  }
  auto program = vm::GenerateProgram(front.script, registry_);
  if (!program.ok()) {
    errors_.push_back(program.error().message);
    return false;
  }
  program_ = *program;
  return true;
}

void TestsuiteHost::SaveBinary(const std::string& name) {
  if (program_) binaries_[name] = vm::SaveProgram(*program_);
}

bool TestsuiteHost::LoadBinary(const std::string& name) {
  errors_.clear();
  auto it = binaries_.find(name);
  if (it == binaries_.end()) {
    errors_.push_back(fmt::format("no binary saved as '{}'", name));
    return false;
  }
  auto program = vm::LoadProgram(it->second, registry_);
  if (!program.ok()) {
    errors_.push_back(program.error().message);
    return false;
  }
  program_ = *program;
  return true;
}

TestsuiteHost::RunResult TestsuiteHost::Evaluate(std::string flags) {
  const std::string saved = std::exchange(message_flags_, flags);
  vm::Evaluator evaluator;
  const vm::EvalResult& r =
      evaluator.EvaluateMessage(*program_, *message_, envelope_, run_options_);
  message_flags_ = saved;
  RunResult out;
  for (const vm::RuntimeError& e : r.errors) out.errors.push_back(e.message);
  for (const vm::RuntimeError& w : r.warnings) out.warnings.push_back(w.message);
  for (const vm::Action& a : r.actions) out.actions.Append() = a;
  out.implicit_keep = r.implicit_keep;
  if (r.implicit_keep_action != nullptr) out.implicit_keep_flags = r.implicit_keep_action->flags;
  // A script without imap4flags cannot change the flags: the message is
  // stored with those it already has.
  if (!program_->Requires("imap4flags")) {
    const std::vector<std::string> carried = SplitFlags(flags);
    for (vm::Action& a : out.actions.all()) {
      if (a.type == "keep" || a.type == "fileinto") a.flags = carried;
    }
    out.implicit_keep_flags = carried;
  }
  return out;
}

bool TestsuiteHost::Run(vm::ActionList& result, bool append) {
  errors_.clear();
  if (!append) result.Clear();
  if (!program_) {
    errors_.push_back("no script is compiled");
    return false;
  }
  const RunResult r = Evaluate(message_flags_);
  errors_ = r.errors;
  errors_.insert(errors_.end(), r.warnings.begin(), r.warnings.end());
  // A script run after others adds to their result as the next script of a
  // sequence would (test_script_run :append_result).
  delivery::AppendScriptResult(result, r.actions.all(), run_options_.default_mailbox);
  implicit_keep_flags_ = r.implicit_keep_flags;
  return r.errors.empty();
}

bool TestsuiteHost::RunSequence(const std::vector<std::string>& relative_paths,
                                vm::ActionList& result) {
  result.Clear();
  implicit_keep_flags_.clear();
  std::string flags = message_flags_;  // what the message carries into the next script
  for (size_t i = 0; i < relative_paths.size(); ++i) {
    if (!Compile(relative_paths[i])) return false;
    const RunResult r = Evaluate(flags);
    errors_ = r.errors;
    errors_.insert(errors_.end(), r.warnings.begin(), r.warnings.end());
    if (!r.errors.empty()) {
      // Draft §5: processing stops and the message is kept.
      result.Clear();
      return false;
    }
    const bool last = i + 1 == relative_paths.size();
    if (last || !delivery::KeepsMessage(r.actions.all())) {
      delivery::AppendScriptResult(result, r.actions.all(), run_options_.default_mailbox);
      implicit_keep_flags_ = r.implicit_keep_flags;
      break;
    }
    // The keep hands the message to the next script: it stores nothing
    // itself, and the script's other actions no longer decide whether the
    // message is kept.
    std::vector<std::string> keep_flags = r.implicit_keep_flags;
    vm::ActionList others;
    for (const vm::Action& a : r.actions.all()) {
      if (a.type == "keep") {
        keep_flags = a.flags;
        continue;
      }
      vm::Action& copy = others.Append();
      copy = a;
      copy.cancels_implicit_keep = false;
    }
    delivery::AppendScriptResult(result, others.all(), run_options_.default_mailbox);
    flags = JoinFlags(keep_flags, {});
  }
  return true;
}

bool TestsuiteHost::Store(const std::string& mailbox, const std::vector<std::string>& flags,
                          bool create) {
  if (const std::string_view why = InvalidNameReason(mailbox); !why.empty()) {
    errors_.push_back(fmt::format("failed to store into mailbox '{}': {}", mailbox, why));
    return false;
  }
  auto it = mailboxes_.find(MailboxKey(mailbox));
  if (it == mailboxes_.end() && create) {
    it = mailboxes_.emplace(MailboxKey(mailbox), std::vector<StoredMessage>{}).first;
  }
  if (it == mailboxes_.end()) {
    errors_.push_back(
        fmt::format("failed to store into mailbox '{}': the mailbox does not exist", mailbox));
    return false;
  }
  it->second.push_back(
      StoredMessage{*message_bytes_, JoinFlags(flags, AttachmentKeyword(*message_bytes_))});
  return true;
}

bool TestsuiteHost::Execute(const vm::ActionList& result) {
  errors_.clear();
  outbox_.clear();  // test_message :smtp N counts the messages of this execution
  bool ok = true;
  bool implicit_keep = true;
  delivery::NotificationComposer notifications(*message_, envelope_, notify_options_);
  // Vacation replies go into the outbox in the order of their actions.
  const std::vector<delivery::VacationOutcome> vacations = delivery::ExecuteVacations(
      result.all(), *message_, envelope_, vacation_options_, nullptr, store::Now());
  auto next_vacation = vacations.begin();
  bool kept = false;  // stored into the default mailbox
  for (const vm::Action& a : result.all()) {
    implicit_keep = implicit_keep && !a.cancels_implicit_keep;
    if (a.type == "keep") {
      const bool stored = Store(run_options_.default_mailbox, a.flags, false);
      kept = kept || stored;
      ok = stored && ok;
    } else if (a.type == "fileinto") {
      const vm::ActionParam* create = a.Param("create");
      const bool stored = Store(a.mailbox, a.flags,
                                create != nullptr && std::holds_alternative<bool>(create->value) &&
                                    std::get<bool>(create->value));
      kept = kept || (stored && IsInbox(a.mailbox));
      ok = stored && ok;
    } else if (a.type == "redirect") {
      // A message this user already redirected is not sent again: a loop.
      if (delivery::IsRedirectLoop(*message_, envelope_, redirect_options_)) continue;
      outbox_.push_back(
          delivery::ComposeRedirect(*message_bytes_, envelope_, a.address, redirect_options_));
    } else if (a.type == "reject" || a.type == "ereject") {
      if (auto mdn = delivery::ComposeRejection(*message_, envelope_, a.reason)) {
        outbox_.push_back(std::move(*mdn));
      }
    } else if (a.type == "notify") {
      delivery::Notification n = notifications.Compose(a);
      for (delivery::OutgoingMessage& m : n.messages) outbox_.push_back(std::move(m));
    } else if (a.type == delivery::kVacationType && next_vacation != vacations.end()) {
      if (next_vacation->reply) outbox_.push_back(*next_vacation->reply);
      ++next_vacation;
    }
    // discard does nothing.
  }
  if (implicit_keep && !kept) {
    kept = Store(run_options_.default_mailbox, implicit_keep_flags_, false);
    ok = kept && ok;
  }
  // RFC 5228 §2.10.6: a message whose actions failed is kept, never lost;
  // the fallback's own failure is not reported again.
  if (!ok && !kept) {
    const size_t reported = errors_.size();
    Store(run_options_.default_mailbox, {}, false);
    errors_.resize(reported);
  }
  return ok;
}

bool TestsuiteHost::CreateMailbox(const std::string& name) {
  mailboxes_[MailboxKey(name)];
  return true;
}

bool TestsuiteHost::DeleteMailbox(const std::string& name) {
  return !IsInbox(name) && mailboxes_.erase(MailboxKey(name)) > 0;
}

std::string_view TestsuiteHost::MessageFlags(const mail::Message& message) const {
  return &message == message_ ? std::string_view(message_flags_) : std::string_view();
}

std::optional<bool> TestsuiteHost::MailboxExists(std::string_view name) const {
  return mailboxes_.count(MailboxKey(std::string(name))) > 0;
}

void TestsuiteHost::SetConfig(const std::string& name, const std::string& value) {
  config_[name] = value;
}

void TestsuiteHost::UnsetConfig(const std::string& name) { config_.erase(name); }

void TestsuiteHost::ReloadConfig() {
  // Upstream setting names mapped onto ours where we have the setting.
  run_options_ = PigeonholeDefaults();
  run_options_.host = this;
  run_limits_ = Limits();
  auto number = [&](const char* name) -> std::optional<uint32_t> {
    auto it = config_.find(name);
    return it == config_.end() ? std::nullopt : ParseNumber(it->second);
  };
  if (auto n = number("sieve_max_redirects")) run_options_.limits.max_redirects = *n;
  if (auto n = number("sieve_max_actions")) run_options_.limits.max_actions = *n;
  if (auto n = number("sieve_variables_max_variable_size")) {
    run_options_.limits.max_variable_size = *n;
  }
  // The name newer upstream versions use for the same setting.
  if (auto n = number("sieve_variables_max_value_size")) {
    run_options_.limits.max_variable_size = *n;
  }
  if (auto n = number("sieve_variables_max_scope_size")) {
    run_options_.limits.max_variables = *n;
    run_limits_.max_variables = *n;
  }
  if (auto n = number("sieve_max_script_size")) run_limits_.max_script_size = *n;
  if (auto it = config_.find("sieve_max_cpu_time"); it != config_.end()) {
    if (auto ms = ParseMilliseconds(it->second)) run_options_.limits.max_cpu_time_ms = *ms;
  }
  if (auto it = config_.find("recipient_delimiter"); it != config_.end()) {
    // Upstream's setting is a set of separator characters, as ours is.
    run_options_.subaddress_separators = it->second;
  }
  // The test file itself runs with the same settings but no time limit:
  // the scripts it runs take their time on its clock too.
  ApplyNotifyAndSpamSettings(config_, &run_options_, &notify_options_);
  file_options_ = run_options_;
  file_options_.limits.max_cpu_time_ms = 0;
  vacation_options_ = VacationSettings(config_);
  redirect_options_ = delivery::RedirectOptions();
  if (auto it = config_.find("sieve_user_email"); it != config_.end()) {
    redirect_options_.user_email = it->second;
  }
  if (auto it = config_.find("sieve_redirect_envelope_from"); it != config_.end()) {
    using From = delivery::RedirectOptions::EnvelopeFrom;
    std::string value = it->second;
    value.erase(0, value.find_first_not_of(' '));
    value.erase(value.find_last_not_of(' ') + 1);
    if (value == "recipient") {
      redirect_options_.envelope_from = From::kRecipient;
    } else if (value == "orig_recipient") {
      redirect_options_.envelope_from = From::kOriginalRecipient;
    } else if (value == "user_email") {
      redirect_options_.envelope_from = From::kUserEmail;
    } else if (!value.empty() && value.front() == '<' && value.back() == '>') {
      redirect_options_.envelope_from = From::kExplicit;
      redirect_options_.explicit_from = value;
    }
  }
}

void TestsuiteHost::BeginTest(const std::string& name, uint32_t line) {
  current_ = TestOutcome{name, true, {}, line};
}

void TestsuiteHost::FailTest(std::string reason) {
  if (current_ && current_->passed) {
    current_->passed = false;
    current_->reason = std::move(reason);
  } else if (!current_) {
    outcomes_.push_back(TestOutcome{"(outside any test)", false, std::move(reason), 0});
  }
}

void TestsuiteHost::EndTest() {
  if (current_) outcomes_.push_back(std::move(*current_));
  current_.reset();
}

}  // namespace sievekit::extensions
