// mailto URIs (RFC 6068, which obsoletes RFC 2368) as notification methods
// (RFC 5436 §2.1): parsing, syntax checks, and the split of URI headers
// into recipients, subject, body, and the other headers a notification may
// carry.
//
// Syntax checked: "mailto:" [to] ["?" hfield *("&" hfield)], every raw
// character a qchar (unreserved, pct-encoded, or one of !$'()*+,;:@ — and
// "/", "?" and "=" inside header values, which RFC 3986 queries allow), the
// decoded text UTF-8, every recipient of the to-part an addr-spec, every
// "to"/"cc" header value an address list of valid mailboxes, every header
// name a valid field name (RFC 5322 §3.6.8).
//
// Which URI headers count (RFC 5436 §2.7, RFC 6068 §6): "to" and "cc" add
// recipients, "subject" and "body" are used once (the first wins), a few
// harmless informational headers are carried over, and everything else —
// "from", "auto-submitted", "received", "message-id", "date", "bcc", any
// unknown name — is ignored, never an error. Nothing here composes or sends.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace sievekit::delivery {

struct MailtoRecipient {
  std::string address;  // addr-spec, e.g. "g.m.karotte@example.com"
  // The mailbox as a header shows it: "Name <addr>" with RFC 2047 words
  // kept as written, or just the address.
  std::string display;
  // A display name written in raw UTF-8 (decoded), which a header must
  // carry RFC 2047-encoded; empty when `display` is ASCII.
  std::string utf8_name;
};

struct MailtoUri {
  std::vector<MailtoRecipient> to;  // the to-part and "to" headers, in order
  std::vector<MailtoRecipient> cc;
  bool has_subject = false;
  std::string subject;
  bool has_body = false;
  std::string body;
  // Safe headers to copy (capitalised names: "Keywords", "In-Reply-To").
  std::vector<std::pair<std::string, std::string>> headers;
};

// Parses and checks a mailto URI; the error names the first problem.
Result<MailtoUri> ParseMailtoUri(std::string_view uri);

// The scheme of a URI, lower case ("mailto" for "MAILTO:x"); empty when
// `uri` does not start with a valid scheme and a colon (RFC 3986 §3.1).
std::string UriScheme(std::string_view uri);

// Whether `text` is an RFC 5322 addr-spec (dot-atom or quoted local part,
// "@", dot-atom or literal domain), without display name or angle brackets.
bool IsAddrSpec(std::string_view text);

// Percent-decodes `text`; false on a malformed escape.
bool PercentDecode(std::string_view text, std::string* out);

}  // namespace sievekit::delivery
