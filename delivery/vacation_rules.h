// The "do not reply" rules of vacation (RFC 5230 §4.5, §4.6; RFC 3834 §2):
// each a function with a stable name, which the vacation helper reports as
// `suppressed_by` when the rule holds. The helper checks them in the order
// of kDoNotReplyRules and stops at the first that holds; none of them looks
// at the response store, so a suppressed reply never uses up the rate limit.
// Reading only: nothing here composes or sends anything.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/envelope.h"
#include "mail/message.h"

namespace sievekit::delivery {

// Stable names of the reasons a reply is not sent.
namespace suppressed {
// The envelope sender is empty (<>): bounces and other automatic mail
// (RFC 3834 §2; RFC 5230 §4.2 replies go to the envelope sender only).
inline constexpr std::string_view kNullSender = "null-sender";
// The envelope sender is no usable address.
inline constexpr std::string_view kInvalidSender = "invalid-sender";
// The sender is a daemon or list address (RFC 5230 §4.6's list: MAILER-DAEMON,
// LISTSERV, majordomo, owner-*, *-request, and postmaster, no-reply, ...).
inline constexpr std::string_view kAutomatedSender = "automated-sender";
// The sender is the user: no reply to oneself.
inline constexpr std::string_view kSenderIsRecipient = "sender-is-recipient";
// Auto-Submitted with a value other than "no" (RFC 3834 §5, RFC 5230 §4.6).
inline constexpr std::string_view kAutoSubmitted = "auto-submitted";
// Precedence: bulk, list or junk: the old convention of list and bulk
// mailers (RFC 5230 §4.6 lets implementations refuse such messages).
inline constexpr std::string_view kPrecedence = "precedence";
// A List-* field: List-Id (RFC 2919), List-Help, List-Subscribe, ...
// (RFC 2369), List-Unsubscribe-Post (RFC 8058) (RFC 5230 §4.6).
inline constexpr std::string_view kMailingList = "mailing-list";
// None of the user's addresses is in To, Cc, Bcc, Resent-To, Resent-Cc or
// Resent-Bcc (RFC 5230 §4.5).
inline constexpr std::string_view kNotPersonal = "not-personal";
// A reply for this sender and response was sent within the period
// (RFC 5230 §4.2).
inline constexpr std::string_view kRateLimit = "rate-limit";
// The response store could not be asked: no reply, the error is reported.
inline constexpr std::string_view kStoreError = "store-error";
// Another vacation action of the same result replies instead: the
// preferred (out-of-office) one, else the first.
inline constexpr std::string_view kSuperseded = "superseded";
// The reply could not be composed (a :mime reason that is no MIME entity).
inline constexpr std::string_view kInvalidReply = "invalid-reply";
}  // namespace suppressed

// Addresses compared as the rules compare them: "local@domain", lower case,
// quoting removed; empty when `text` is no address.
std::string CanonicalAddress(mail::Message& message, std::string_view text);

struct RuleVerdict {
  std::string_view rule;  // one of suppressed::*
  std::string detail;     // a sentence for people
};

// What the rules know about the user beyond the message.
struct RuleInput {
  std::string sender;                       // canonical envelope sender ("" for <>)
  bool sender_is_null = false;              // the envelope sender was <> or empty
  bool sender_is_invalid = false;           // it was given but is no address
  std::vector<std::string> own;             // the user's canonical addresses
  std::string reply_from;                   // the canonical address the reply comes from
  std::vector<std::string> never_reply_to;  // extra addresses or local parts
  bool check_recipient = true;              // apply the §4.5 rule
};

// The individual rules; each returns a verdict when it holds.
// (CheckNullSender also reports an invalid sender, kInvalidSender.)
std::optional<RuleVerdict> CheckNullSender(const RuleInput& in);
std::optional<RuleVerdict> CheckAutomatedSender(const RuleInput& in);
std::optional<RuleVerdict> CheckSenderIsRecipient(const RuleInput& in);
std::optional<RuleVerdict> CheckAutoSubmitted(mail::Message& message);
std::optional<RuleVerdict> CheckPrecedence(mail::Message& message);
std::optional<RuleVerdict> CheckMailingList(mail::Message& message);
// Also reports, in *matched, the address of the user the message names (as
// the message writes it), which the reply comes from.
std::optional<RuleVerdict> CheckPersonal(mail::Message& message, const RuleInput& in,
                                         std::string* matched);

// All rules in order; the first that holds, or nullopt.
std::optional<RuleVerdict> CheckDoNotReply(mail::Message& message, const RuleInput& in,
                                           std::string* matched);

// Whether a local part (any case) belongs to a daemon or mailing-list
// robot rather than to a person.
bool IsAutomatedLocalPart(std::string_view local_part);

}  // namespace sievekit::delivery
