// Carrying out vacation actions (RFC 5230, RFC 6131): for every vacation
// action of a result, decide whether a reply goes out and compose it.
//
// For each action, in this order:
//  1. Preference. A result holds at most one vacation per script (RFC 5230
//     §4.7 makes a second one a runtime error), but the results of a script
//     sequence (multiscript.h) may hold several. Only one replies: the one
//     whose :handle is VacationOptions::preferred_handle ("out-of-office",
//     the rule editor's out-of-office rule, which the guide says beats every
//     other autoreply), else the first. The others are suppressed as
//     "superseded" — also when the preferred one is itself suppressed, so a
//     sender who already had the out-of-office note this week does not get
//     another autoreply instead.
//  2. The "do not reply" rules (vacation_rules.h), first match wins.
//  3. Composition (vacation_reply.h); a :mime reason that is no MIME entity
//     is "invalid-reply".
//  4. The rate limit: one reply per (user, sender, response) and period,
//     reserved atomically in the ResponseStore just before sending ("at most
//     once", see store/response_store.h). "rate-limit" when a reply went out
//     within the period; "store-error", with the error in `detail`, when the
//     store is down. The message itself is delivered in every case: these
//     outcomes only ever decide about the reply.
// The host sends `reply` of every outcome with `sent`; nothing here does I/O
// except the store's Reserve.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "delivery/outgoing_message.h"
#include "delivery/vacation_action.h"
#include "delivery/vacation_rules.h"
#include "mail/envelope.h"
#include "mail/message.h"
#include "store/response_store.h"
#include "vm/action.h"

namespace sievekit::delivery {

inline constexpr std::chrono::seconds kDay{86400};

struct VacationOptions {
  // RFC 5230 §4.1, RFC 6131 §2: the period between two replies to the same
  // sender. :days and :seconds below the minimum get the minimum, above the
  // maximum the maximum; without either the default applies (at least the
  // minimum). The guide's autoreply goes out "once a week".
  std::chrono::seconds min_period = kDay;
  std::chrono::seconds default_period = 7 * kDay;
  // RFC 5230 says a maximum "MUST be greater than 7, and SHOULD be greater
  // than 30" days; RFC 6131 at least a day.
  std::chrono::seconds max_period = 60 * kDay;

  // The user's own addresses, beyond the envelope recipient and :addresses
  // (RFC 5230 §4.5 item 1): the address the user is known by, aliases.
  std::string user_email;
  std::vector<std::string> user_addresses;
  // Whether the envelope's original recipient counts as the user's too.
  bool use_original_recipient = false;
  // Whether the reply needs one of the user's addresses in To, Cc, Bcc or
  // Resent-* (RFC 5230 §4.5: MUST; off only for hosts that check it
  // themselves).
  bool check_recipient = true;
  // Addresses ("x@y") or local parts ("alerts") never replied to, beyond
  // the built-in daemon and list names (RFC 5230 §4.6).
  std::vector<std::string> never_reply_to;

  // The subject when the script gives none (RFC 5230 §5.3): the template
  // with %{subject} as the original subject, or `default_subject` when the
  // original has none. At most max_subject_characters characters.
  std::string subject_template = "Auto: %{subject}";
  std::string default_subject = "Automated reply";
  size_t max_subject_characters = 256;

  // RFC 5230 §5.1: MAIL FROM <> by default; some sites must send from the
  // recipient's address instead (their relays refuse the null sender).
  bool send_from_recipient = false;
  // Take the reply's To field from the original's Sender or From whatever
  // the envelope sender (which forwarders rewrite, e.g. SRS); the reply is
  // still sent to the envelope sender.
  bool to_header_ignore_envelope = false;

  // The handle of the vacation that beats the others (see above); empty:
  // the first vacation of a result replies.
  std::string preferred_handle = "out-of-office";

  // The host in Message-IDs; a fixed Date and Message-ID for tests ("now"
  // and a random id when empty).
  std::string host_name = "localhost";
  std::string date;
  std::string message_id;
};

struct VacationOutcome {
  size_t action_index = 0;    // the vacation action in the result
  bool sent = false;          // send `reply`: the store has recorded it
  std::string suppressed_by;  // a suppressed:: name when not sent
  std::string detail;         // why, in words (the store's error for store-error)
  // The reply as it is (or would have been) sent; empty when unknown.
  std::string to;       // the address it goes to (the envelope sender)
  std::string from;     // the From address
  std::string subject;  // UTF-8
  std::string message;  // the reason (a MIME entity with :mime)
  bool mime = false;
  std::string handle;                    // :handle, or empty
  std::string response;                  // the response identity (vacation_action.h)
  std::chrono::seconds period{0};        // the effective period
  std::string store_key;                 // the key reserved in the store
  std::optional<OutgoingMessage> reply;  // set exactly when `sent`
};

// The effective period of a vacation with these arguments (see
// VacationOptions).
std::chrono::seconds EffectivePeriod(const VacationArguments& args, const VacationOptions& options);

// Decides and composes every vacation action of `actions` (see the top of
// this file), one outcome per vacation action, in order. Without a store
// nothing is rate-limited (tests and dry runs).
std::vector<VacationOutcome> ExecuteVacations(std::span<const vm::Action> actions,
                                              mail::Message& message,
                                              const mail::Envelope& envelope,
                                              const VacationOptions& options,
                                              store::ResponseStore* store, store::TimePoint now);

}  // namespace sievekit::delivery
