// Redirecting a message (RFC 5228 §4.2): the message goes on unchanged but
// for one header at the top, X-Sieve-Redirected-From, which names the
// recipient whose script redirected it. That header is the loop protection
// RFC 5228 §10 asks for: a host refuses to redirect a message that already
// carries its recipient's mark (WasRedirectedBy), so two scripts redirecting
// to each other cannot bounce a message forever.
//
// By default the envelope sender is kept, so bounces still reach the
// original sender; a host may choose another (RedirectOptions), but a null
// sender (<>) always stays null, so bounces of bounces cannot loop. Nothing
// here sends anything.
#pragma once

#include <string_view>

#include "delivery/outgoing_message.h"
#include "mail/envelope.h"
#include "mail/message.h"

namespace sievekit::delivery {

inline constexpr std::string_view kRedirectedFromHeader = "X-Sieve-Redirected-From";

struct RedirectOptions {
  // Which MAIL FROM the redirected message gets.
  enum class EnvelopeFrom : uint8_t {
    kSender,             // the original sender (the default)
    kRecipient,          // the recipient whose script redirected
    kOriginalRecipient,  // the original recipient, else the recipient
    kUserEmail,          // user_email, else the recipient
    kExplicit,           // explicit_from ("" for the null sender)
  };
  EnvelopeFrom envelope_from = EnvelopeFrom::kSender;
  std::string explicit_from;
  // The user's own address when the host knows it; it names the user in
  // the loop-protection header (else the envelope recipient does).
  std::string user_email;
};

OutgoingMessage ComposeRedirect(std::string_view message, const mail::Envelope& envelope,
                                std::string_view to_address, const RedirectOptions& options = {});

// Whether redirecting `message` would loop: it already carries the mark of
// this user, under the user's email or the envelope recipient.
bool IsRedirectLoop(mail::Message& message, const mail::Envelope& envelope,
                    const RedirectOptions& options);

// Who redirects: the user's email when known, else the envelope recipient.
std::string_view RedirectingUser(const mail::Envelope& envelope, const RedirectOptions& options);

// Whether `message` was already redirected by `recipient` (an address, with
// or without angle brackets; compared case-insensitively).
bool WasRedirectedBy(mail::Message& message, std::string_view recipient);

// An envelope path without its angle brackets ("<a@b>" → "a@b", "<>" → "").
std::string_view StripAngles(std::string_view path);

}  // namespace sievekit::delivery
