// The message macros of the legacy notify (draft-martin-sieve-notify-01
// §3.6, and the Kerio guide's "Send notification"): $from$, $from-name$,
// $env-from$, $subject$, $text$ and $text[N]$, replaced by values of the
// message being delivered. Macro names are matched without regard to case;
// a "$...$" that names no macro is left as written.
//
//   $from$       the address of the From header (the first mailbox)
//   $from-name$  its display name, RFC 2047-decoded (the address when none)
//   $env-from$   the envelope sender (empty for the null sender)
//   $subject$    the Subject, RFC 2047-decoded
//   $text$       the first text part of the body (text/plain preferred),
//   $text[N]$    at most 128 (or N) characters, never cutting a UTF-8
//                character
//
// Pure functions over the message; no evaluation state.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "mail/envelope.h"
#include "mail/message.h"

namespace sievekit::extensions {

// The default message of a legacy notify without :message (draft §3.6).
inline constexpr std::string_view kLegacyDefaultMessage = "$from$: $subject$";
// $text$ without a length.
inline constexpr size_t kDefaultTextCharacters = 128;
// The largest N of $text[N]$ honoured: a notification is a short message
// (often an SMS), and N comes from a script.
inline constexpr size_t kMaxTextCharacters = 4096;

// Appends `text` with every macro replaced to *out.
void ExpandNotifyMacros(std::string_view text, mail::Message& message,
                        const mail::Envelope& envelope, std::string* out);

// The first text part of `message`, cut to `max_characters` characters.
std::string FirstTextPart(mail::Message& message, size_t max_characters);

}  // namespace sievekit::extensions
