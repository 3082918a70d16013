// The testsuite's world: messages, scripts under test, mail store, outbox,
// configuration and test outcomes (see testsuite_host.h).
#include "extensions/testsuite/testsuite_host.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "delivery/redirect.h"
#include "delivery/rejection.h"
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

std::string MailboxKey(const std::string& name) { return IsInbox(name) ? "INBOX" : name; }

std::optional<uint32_t> ParseNumber(const std::string& text) {
  uint32_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

TestsuiteHost::TestsuiteHost(const ir::Registry& registry, std::string test_file)
    : registry_(registry),
      test_dir_(std::filesystem::path(test_file).parent_path().string()) {
  mailboxes_["INBOX"];
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
  SetMessage(it->second[index]);
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

bool TestsuiteHost::Run(vm::ActionList& result, bool append) {
  errors_.clear();
  if (!append) result.Clear();
  if (!program_) {
    errors_.push_back("no script is compiled");
    return false;
  }
  vm::Evaluator evaluator;
  const vm::EvalResult& r = evaluator.EvaluateMessage(*program_, *message_, envelope_, run_options_);
  for (const vm::RuntimeError& e : r.errors) errors_.push_back(e.message);
  for (const vm::Action& a : r.actions) result.Append() = a;
  return r.errors.empty();
}

bool TestsuiteHost::RunSequence(const std::vector<std::string>& relative_paths,
                                vm::ActionList& result) {
  result.Clear();
  for (const std::string& path : relative_paths) {
    if (!Compile(path)) return false;
    const size_t before = result.size();
    if (!Run(result, /*append=*/true)) return false;
    bool cancelled = false;
    for (size_t i = before; i < result.size(); ++i) {
      cancelled = cancelled || result.all()[i].cancels_implicit_keep;
    }
    if (cancelled) break;  // the next script runs only on an implicit keep
  }
  return true;
}

bool TestsuiteHost::Store(const std::string& mailbox, const std::string& bytes) {
  auto it = mailboxes_.find(MailboxKey(mailbox));
  if (it == mailboxes_.end()) {
    errors_.push_back(fmt::format("mailbox '{}' does not exist", mailbox));
    return false;
  }
  it->second.push_back(bytes);
  return true;
}

bool TestsuiteHost::Execute(const vm::ActionList& result) {
  errors_.clear();
  outbox_.clear();  // test_message :smtp N counts the messages of this execution
  bool ok = true;
  bool implicit_keep = true;
  for (const vm::Action& a : result.all()) {
    implicit_keep = implicit_keep && !a.cancels_implicit_keep;
    if (a.type == "keep") {
      ok = Store("INBOX", *message_bytes_) && ok;
    } else if (a.type == "fileinto") {
      ok = Store(a.mailbox, *message_bytes_) && ok;
    } else if (a.type == "redirect") {
      // A message this user already redirected is not sent again: a loop.
      if (delivery::IsRedirectLoop(*message_, envelope_, redirect_options_)) continue;
      outbox_.push_back(
          delivery::ComposeRedirect(*message_bytes_, envelope_, a.address, redirect_options_));
    } else if (a.type == "reject" || a.type == "ereject") {
      if (auto mdn = delivery::ComposeRejection(*message_, envelope_, a.reason)) {
        outbox_.push_back(std::move(*mdn));
      }
    }
    // discard does nothing; vacation and notify are sent by their own helpers.
  }
  if (implicit_keep) ok = Store("INBOX", *message_bytes_) && ok;
  return ok;
}

bool TestsuiteHost::CreateMailbox(const std::string& name) {
  mailboxes_[MailboxKey(name)];
  return true;
}

bool TestsuiteHost::DeleteMailbox(const std::string& name) {
  return !IsInbox(name) && mailboxes_.erase(name) > 0;
}

void TestsuiteHost::SetConfig(const std::string& name, const std::string& value) {
  config_[name] = value;
}

void TestsuiteHost::UnsetConfig(const std::string& name) { config_.erase(name); }

void TestsuiteHost::ReloadConfig() {
  // Upstream setting names mapped onto ours where we have the setting.
  run_options_ = vm::EvalOptions();
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
  if (auto n = number("sieve_variables_max_scope_size")) run_options_.limits.max_variables = *n;
  if (auto n = number("sieve_max_script_size")) run_limits_.max_script_size = *n;
  if (auto it = config_.find("recipient_delimiter"); it != config_.end()) {
    run_options_.subaddress_separator = it->second;
  }
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
