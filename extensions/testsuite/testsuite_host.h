// TestsuiteHost: the world a test file (.svtest) runs in — the current test
// message and envelope, the script under test and its errors, an in-memory
// mail store and outbox for executed results, configuration set by the test,
// and the record of every `test` block. It is the vm::HostServices the
// vnd.dovecot.testsuite commands reach through EvalOptions::host.
//
// The test file's own actions and those of the scripts it runs share one
// result: the test file's evaluation's action list. Executing it (what
// test_result_execute does) stores and sends through the delivery helpers.
// Only test runs create a TestsuiteHost; delivery code never sees one.
//
// The world emulates the one Pigeonhole's suite runs in, where that is a
// matter of configuration rather than of Sieve: upstream's default limits
// (32 actions), a mail store with '.' as its hierarchy separator that marks
// each saved message $HasAttachment or $HasNoAttachment (Dovecot's
// attachment detection on save), and every compile error listed (no cap).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/limits.h"
#include "delivery/notify.h"
#include "delivery/vacation.h"
#include "delivery/outgoing_message.h"
#include "delivery/redirect.h"
#include "ir/registry.h"
#include "ir/validation_context.h"
#include "mail/envelope.h"
#include "mail/message.h"
#include "vm/eval_context.h"
#include "vm/evaluator.h"
#include "vm/program.h"

namespace sievekit::extensions {

struct TestOutcome {
  std::string name;
  bool passed = true;
  std::string reason;  // why it failed
  uint32_t line = 0;
};

class TestsuiteHost : public vm::HostServices {
 public:
  // `test_file` is the path of the .svtest; scripts it names are relative to
  // its folder.
  TestsuiteHost(const ir::Registry& registry, std::string test_file);

  const ir::Registry& registry() const { return registry_; }
  const std::string& test_dir() const { return test_dir_; }

  // ---- The current message ----
  mail::Message& message() { return *message_; }
  mail::Envelope& envelope() { return envelope_; }
  const std::string& message_bytes() const { return *message_bytes_; }
  // Makes `bytes` the current message, with the envelope derived from it
  // (sender sender@example.com and recipient recipient@example.org when its
  // headers say nothing).
  void SetMessage(std::string bytes);
  // Makes a message from the outbox or a mailbox current; false when there
  // is no such message.
  bool SelectSentMessage(size_t index);
  bool SelectStoredMessage(const std::string& mailbox, size_t index);

  // ---- The script under test ----
  bool Compile(const std::string& relative_path);
  bool LoadBinary(const std::string& name);
  void SaveBinary(const std::string& name);
  // Runs the compiled script on the current message; its actions replace
  // (or, when `append`, follow) those in `result`. False on a runtime error.
  bool Run(vm::ActionList& result, bool append);
  // Runs several scripts one after another (draft-degener-sieve-multiscript):
  // the next one runs only while the message is kept, a keep of any but the
  // last passes the message on (with its flags, which become the next
  // script's initial internal flags), and the results are merged with
  // delivery::AppendScriptResult. False on a compile or runtime error, which
  // ends the sequence with the message kept (draft §5).
  bool RunSequence(const std::vector<std::string>& relative_paths, vm::ActionList& result);
  // Error messages of the last compile or run, in order.
  const std::vector<std::string>& errors() const { return errors_; }

  // ---- Results ----
  // Stores and sends what `result` says (and the implicit keep when it
  // applies); false, with errors(), when an action cannot be carried out.
  bool Execute(const vm::ActionList& result);
  bool CreateMailbox(const std::string& name);
  bool DeleteMailbox(const std::string& name);
  // Forgets the flags of the last script run's implicit keep (test_result_reset).
  void ResetResult() { implicit_keep_flags_.clear(); }

  // ---- vm::HostServices ----
  // The flags of a message selected from a mailbox, or of the message an
  // earlier script of a sequence passed on.
  std::string_view MessageFlags(const mail::Message& message) const override;
  std::optional<bool> MailboxExists(std::string_view name) const override;

  // ---- Configuration ----
  void SetConfig(const std::string& name, const std::string& value);
  void UnsetConfig(const std::string& name);
  // Applies the settings to the options scripts run with; unknown settings
  // are kept but change nothing.
  void ReloadConfig();
  const vm::EvalOptions& run_options() const { return run_options_; }
  // What the test file itself runs with (updated in place by ReloadConfig).
  const vm::EvalOptions& file_options() const { return file_options_; }

  // ---- Tests ----
  void BeginTest(const std::string& name, uint32_t line);
  void FailTest(std::string reason);
  void EndTest();
  bool in_test() const { return current_.has_value(); }
  const std::vector<TestOutcome>& outcomes() const { return outcomes_; }

 private:
  struct StoredMessage {
    std::string bytes;
    std::string flags;  // space-separated
  };
  // Saves the current message into `mailbox` (creating it first when
  // `create`); false, with an error, when the name is invalid or the mailbox
  // does not exist.
  bool Store(const std::string& mailbox, const std::vector<std::string>& flags, bool create);
  // What one run of the compiled script decided.
  struct RunResult {
    vm::ActionList actions;
    bool implicit_keep = true;
    std::vector<std::string> implicit_keep_flags;
    std::vector<std::string> errors;
    // Problems that did not stop the script; test_error lists them too.
    std::vector<std::string> warnings;
  };
  // Evaluates the compiled script on the current message, which carries
  // `flags` (space-separated): they start its internal flags, and a script
  // without imap4flags stores the message with them.
  RunResult Evaluate(std::string flags);

  const ir::Registry& registry_;
  std::string test_dir_;
  // Messages are kept alive as long as the host: the evaluation may point
  // at any of them (SwitchMessage).
  std::vector<std::unique_ptr<std::string>> message_store_;
  std::vector<std::unique_ptr<mail::Message>> parsed_;
  const std::string* message_bytes_ = nullptr;
  mail::Message* message_ = nullptr;
  mail::Envelope envelope_;

  std::shared_ptr<const vm::Program> program_;
  std::vector<std::string> errors_;
  std::map<std::string, std::string> binaries_;

  std::map<std::string, std::vector<StoredMessage>> mailboxes_;  // name → messages
  std::string message_flags_;        // of the current message
  std::vector<std::string> implicit_keep_flags_;  // of the last script run
  std::vector<delivery::OutgoingMessage> outbox_;

  std::map<std::string, std::string> config_;
  vm::EvalOptions run_options_;
  vm::EvalOptions file_options_;
  Limits run_limits_;
  delivery::RedirectOptions redirect_options_;
  delivery::NotifyOptions notify_options_;
  // Vacation replies are composed but not rate-limited (no store): each
  // test of a file expects its reply.
  delivery::VacationOptions vacation_options_;

  std::optional<TestOutcome> current_;
  std::vector<TestOutcome> outcomes_;
};

}  // namespace sievekit::extensions
