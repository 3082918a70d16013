// What carrying out an evaluation result would send, for `sievec run`: the
// actions whose outcome depends on the message and envelope — notify now
// (and vacation) — are handed to the delivery helpers, which compose the
// messages or name the rule that suppresses them. Nothing is sent.
#pragma once

#include <cstddef>
#include <map>

#include "delivery/notify.h"
#include "delivery/vacation.h"
#include "mail/envelope.h"
#include "mail/message.h"
#include "vm/evaluator.h"

namespace sievekit::tools {

struct ExecutionPreview {
  // By index in EvalResult::actions.
  std::map<size_t, delivery::Notification> notifications;
  std::map<size_t, delivery::VacationOutcome> vacations;
};

// Composes what `result`'s actions would send for `message` (the message
// evaluated) and `envelope`.
ExecutionPreview PreviewExecution(const vm::EvalResult& result, mail::Message& message,
                                  const mail::Envelope& envelope,
                                  const delivery::NotifyOptions& notify_options = {});

// Decides and composes the vacation replies of `result` as a host would
// (delivery::ExecuteVacations) into `preview`. With a store, replies it lets
// through are recorded there — so repeated runs show the rate limit; a store
// that is down gives "store-error" outcomes.
void PreviewVacations(const vm::EvalResult& result, mail::Message& message,
                      const mail::Envelope& envelope, const delivery::VacationOptions& options,
                      store::ResponseStore* store, store::TimePoint now,
                      ExecutionPreview* preview);

}  // namespace sievekit::tools
