// Composition of a vacation reply (RFC 5230 §5, RFC 3834): the header
// fields (From, To, Subject, Date, Message-ID, In-Reply-To, References,
// Auto-Submitted: auto-replied, MIME fields) and the body — the reason as
// UTF-8 text, or the :mime entity as given — with CRLF line endings. Also
// the check that a :mime reason is a MIME entity, which the vacation
// extension runs at compile time. Composition only; nothing is sent.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "mail/message.h"

namespace sievekit::delivery {

// Everything a reply's bytes are made of; RenderReply lays them out.
struct ReplyParts {
  std::string from;         // the From field's value (a mailbox)
  std::string to;           // the To field's value (a mailbox)
  std::string subject;      // UTF-8; RFC 2047-encoded when not ASCII
  std::string date;         // RFC 5322 date-time
  std::string message_id;   // "<...>"
  std::string in_reply_to;  // "<...>", or empty when the original has no id
  std::string references;   // message ids separated by spaces, or empty
  bool mime = false;        // `body` is a MIME entity (header fields and content)
  std::string body;         // the reason
};

// The reply's bytes: header fields, an empty line, the body; CRLF endings.
// A text body is sent as 7bit when it is ASCII, 8bit when it is UTF-8, and
// base64 when a line is longer than RFC 5322's 998 bytes.
std::string RenderReply(const ReplyParts& parts);

// Why `text` is not a MIME entity fit for a reply (RFC 5230 §4.4, §5: MIME
// header fields, no 8-bit bytes in them, an empty line, then the content),
// or "" when it is one.
std::string CheckMimeEntity(std::string_view text);

// The subject of a reply without :subject (RFC 5230 §5.3): the template with
// "%{subject}" replaced by the original subject (decoded, unfolded), or
// `no_subject` when the original has none. The result has at most
// `max_characters` characters; a longer original subject is cut and ends in
// "…" (U+2026), so clients do not show a wall of text.
std::string DefaultReplySubject(mail::Message& message, std::string_view subject_template,
                                std::string_view no_subject, size_t max_characters);

// The To field of a reply to `sender` (canonical, see CanonicalAddress):
// the mailbox of the original's Sender, Resent-From, From or Reply-To field
// that has the sender's address, display name included, else "<sender>".
// With `ignore_envelope` the first mailbox of Sender, else From, is taken
// whatever its address (hosts behind forwarders that rewrite the envelope
// sender, such as SRS).
std::string ReplyToField(mail::Message& message, std::string_view sender,
                         std::string_view sender_as_given, bool ignore_envelope);

// In-Reply-To and References of a reply (RFC 5322 §3.6.4): the original's
// Message-ID, and its References (else its In-Reply-To) followed by that
// id. Both are left empty when the original has no Message-ID.
void ThreadingFields(mail::Message& message, std::string* in_reply_to, std::string* references);

// "Name <addr>" with the name quoted (ASCII) or RFC 2047-encoded; "<addr>"
// without a name.
std::string MailboxField(std::string_view display_name, std::string_view address);

}  // namespace sievekit::delivery
