// Evaluator: runs a Program against one message at a time and returns what
// the script decided. This is the call mail delivery makes per message.
//
// The Evaluator owns the reusable state of an evaluation (the parsed
// message, the context, the action list); keep one per thread and feed it
// message after message: once warm it does not allocate. The Program is
// shared and never modified. The result stays valid until the next call.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "mail/envelope.h"
#include "mail/message.h"
#include "vm/action.h"
#include "vm/eval_context.h"
#include "vm/program.h"

namespace sievekit::vm {

struct EvalResult {
  // The script's actions, in order, duplicates merged. Empty after a runtime
  // error: evaluation is atomic, the message is then kept (RFC 5228 §2.10.6).
  std::span<const Action> actions;
  // Whether the implicit keep applies (RFC 5228 §2.10.2): no action
  // cancelled it, or a runtime error occurred.
  bool implicit_keep = true;
  // When implicit_keep: the keep it stands for, with the fields extensions
  // give it (the internal flags of imap4flags, RFC 5232 §3).
  const Action* implicit_keep_action = nullptr;
  std::span<const RuntimeError> errors;
  // Problems that did not stop evaluation (EvalContext::Warn); the result
  // stands, the host should report them.
  std::span<const RuntimeError> warnings;
  // With EvalOptions::trace, one line per test and command as it ran.
  std::span<const std::string> trace;
};

class Evaluator {
 public:
  explicit Evaluator(const mail::MessageLimits& limits = mail::MessageLimits()) : message_(limits) {}

  // Parses `message` (which must stay alive until the next call) and runs
  // the program on it.
  const EvalResult& Evaluate(const Program& program, std::string_view message,
                             const mail::Envelope& envelope, const EvalOptions& options = {});

  // Runs the program on the message already parsed into message().
  const EvalResult& EvaluateParsed(const Program& program, const mail::Envelope& envelope,
                                   const EvalOptions& options = {});

  // Runs the program on a message the caller parsed and keeps (it must
  // outlive the result).
  const EvalResult& EvaluateMessage(const Program& program, mail::Message& message,
                                    const mail::Envelope& envelope,
                                    const EvalOptions& options = {});

  mail::Message& message() { return message_; }

 private:
  mail::Message message_;
  EvalContext context_;
  EvalResult result_;
};

// The interpreter loop alone, over a context already begun.
void Run(const Program& program, EvalContext& context);

}  // namespace sievekit::vm
