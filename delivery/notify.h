// Notifications: the messages a host sends for the notify actions of one
// script run — RFC 5435's enotify with the mailto method (RFC 5436), and
// the legacy notify of draft-martin-sieve-notify-01 (Cyrus, Kerio), whose
// default "mailto" method sends to the addresses in :options.
//
// A NotificationComposer is made per executed result (per delivered
// message). For each notify action it decides whether to send and, if so,
// composes one OutgoingMessage per recipient:
//   - no notification answers a message that is itself a notification
//     (Auto-Submitted: auto-notified) or otherwise auto-submitted (any
//     Auto-Submitted value but "no"): RFC 5436 §2.7, RFC 3834 §2;
//   - a recipient gets at most one notification per script run
//     (RFC 5436 §2.7: no duplicate notifications to the same address);
//   - URI headers: only to/cc (recipients), subject, body and a few
//     informational ones are used (delivery/mailto_uri.h);
//   - every notification carries Auto-Submitted: auto-notified with the
//     owner's address (RFC 5436 §2.7.1), a fresh Date and Message-ID;
//   - a triggering message with a null envelope sender gets a notification
//     with a null sender too (RFC 5436 §2.7).
// A notify that is not sent names the rule in `suppressed_by`. The VM has
// already checked the syntax of everything (and counted the notifications
// against max_notifications); composition only, nothing is sent here.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "delivery/outgoing_message.h"
#include "mail/envelope.h"
#include "mail/message.h"
#include "vm/action.h"

namespace sievekit::delivery {

// The notify action record (vm::Action of type "notify") as the notify
// extension fills it: its params, by name.
namespace notify_param {
inline constexpr std::string_view kCapability = "capability";  // "enotify" or "notify"
inline constexpr std::string_view kMethod = "method";      // URI; legacy: method name
inline constexpr std::string_view kFrom = "from";          // enotify :from
inline constexpr std::string_view kImportance = "importance";  // "1", "2" or "3"
inline constexpr std::string_view kOptions = "options";    // string list
inline constexpr std::string_view kMessage = "message";    // :message; legacy: expanded
inline constexpr std::string_view kId = "id";              // legacy :id
}  // namespace notify_param

// Why a notify action sent nothing (the values of `suppressed_by`).
namespace notify_rule {
inline constexpr std::string_view kNotification = "notification";      // trigger is one
inline constexpr std::string_view kAutoSubmitted = "auto-submitted";   // trigger is automatic
inline constexpr std::string_view kDuplicate = "duplicate";  // every recipient already notified
inline constexpr std::string_view kNoRecipients = "no-recipients";     // the method names nobody
inline constexpr std::string_view kUnsupported = "unsupported-method"; // nothing composes it
inline constexpr std::string_view kInvalid = "invalid-method";         // a URI that does not parse
}  // namespace notify_rule

struct NotifyOptions {
  // The MAIL FROM of notifications (when the trigger's sender is not null).
  enum class EnvelopeFrom : uint8_t {
    kFromTag,            // :from when given, else the postmaster (the default)
    kSender,             // the triggering message's envelope sender
    kRecipient,          // the triggering message's envelope recipient
    kOriginalRecipient,  // its original recipient, else the recipient
    kUserEmail,          // user_email, else the recipient
    kExplicit,           // explicit_from ("" for the null sender)
  };
  EnvelopeFrom envelope_from = EnvelopeFrom::kFromTag;
  std::string explicit_from;
  // The script owner's address when the host knows it: the From of
  // notifications without :from and the owner-email of Auto-Submitted
  // (else the envelope recipient is used).
  std::string user_email;
  // The notification system's own address; "@" + host_name is added when
  // it has no domain.
  std::string postmaster = "postmaster";
  std::string host_name = "localhost";
  // The Date: header (RFC 5322 form); "now" when empty.
  std::string date;
  // A Subject longer than this many characters is cut (at a character
  // boundary) and ends with "…": RFC 5436 §2.6 allows truncating "an
  // excessively long value".
  size_t max_subject_characters = 256;
  // The Subject of legacy notifications, whose message goes in the body.
  std::string legacy_subject = "[SIEVE] New mail notification";
};

// What became of one notify action.
struct Notification {
  bool sent = false;
  std::string suppressed_by;  // a notify_rule value when !sent
  std::string method;         // the URI (enotify) or method name (legacy)
  std::vector<std::string> to;  // every recipient (envelope), in order
  std::string from;             // the From: address
  std::string subject;
  std::string message;  // the text notified: :message, or what stood for it
  std::string importance;  // "1", "2" or "3"
  std::vector<OutgoingMessage> messages;  // one per recipient when sent
};

class NotificationComposer {
 public:
  // `trigger` and `envelope` are the message being delivered; both must
  // outlive the composer.
  NotificationComposer(mail::Message& trigger, const mail::Envelope& envelope,
                       NotifyOptions options = {});

  // The notification for one "notify" action (see the file comment).
  Notification Compose(const vm::Action& action);

  // Whether the trigger may be answered with notifications at all; the
  // rule that forbids it otherwise (a notify_rule value).
  std::string_view LoopRule() const { return loop_rule_; }

 private:
  mail::Message& trigger_;
  const mail::Envelope& envelope_;
  NotifyOptions options_;
  std::string_view loop_rule_;
  std::set<std::string> notified_;  // lower-cased addresses already sent to
};

// The loop rule a triggering message breaks, or empty: "notification" for
// Auto-Submitted: auto-notified, "auto-submitted" for any other value but
// "no" (compared without case, parameters ignored).
std::string_view NotificationLoopRule(mail::Message& trigger);

}  // namespace sievekit::delivery
