// Upstream (Pigeonhole) setting names of the notify and spamtest
// extensions, mapped onto sievekit's host configuration for test runs:
//
//   sieve_notify_max_notifications        NotifyConfig::max_notifications
//   sieve_notify_mailto_envelope_from     delivery::NotifyOptions::envelope_from
//                                         (sender | recipient | orig_recipient |
//                                          user_email | <address>)
//   sieve_user_email                      delivery::NotifyOptions::user_email
//   sieve_spamtest_status_type            score | strlen | text | yesno
//   sieve_spamtest_status_header          "Name" or "Name:regex" (first group)
//   sieve_spamtest_score_max_header       the same, for the maximum
//   sieve_spamtest_score_max_value        a fixed maximum
//   sieve_spamtest_text_value/N           the text of level N
//   sieve_virustest_*                     the same settings for virustest
//
// A spam setting given for neither test leaves the defaults; an invalid one
// (a regex that does not compile, an unknown type) leaves the test
// unconfigured: every message is "not tested", as upstream does. Test runs
// only: delivery hosts build these structs themselves.
#pragma once

#include <map>
#include <string>

#include "delivery/notify.h"
#include "vm/eval_context.h"

namespace sievekit::extensions {

// Sets the notify and spamtest configuration of `options` and `notify`
// from `config` (name → value).
void ApplyNotifyAndSpamSettings(const std::map<std::string, std::string>& config,
                                vm::EvalOptions* options, delivery::NotifyOptions* notify);

}  // namespace sievekit::extensions
