// MDN composition for reject (see rejection.h).
#include "delivery/rejection.h"

#include <ctime>
#include <random>

#include <fmt/format.h>

#include "delivery/redirect.h"
#include "mail/encoded_words.h"

namespace sievekit::delivery {
namespace {

// Lines of the reason, with CRLF endings and a final CRLF.
std::string CrlfText(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') continue;
    if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
  return out;
}

std::string Boundary() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  return fmt::format("sievekit-{:016x}", rng());
}

}  // namespace

std::string Rfc5322Now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return buffer;
}

std::optional<OutgoingMessage> ComposeRejection(mail::Message& message,
                                                const mail::Envelope& envelope,
                                                std::string_view reason,
                                                const RejectionOptions& options) {
  const std::string_view sender = StripAngles(envelope.mail_from);
  if (sender.empty()) return std::nullopt;  // RFC 3798 §2.1: never to a null sender
  const std::string recipient(StripAngles(envelope.rcpt_to));
  std::string original_id;
  std::string original_subject;
  for (const mail::HeaderField& f : message.FieldsNamed("message-id")) {
    original_id = std::string(message.Unfolded(f));
    break;
  }
  for (const mail::HeaderField& f : message.FieldsNamed("subject")) {
    original_subject = std::string(message.Decoded(f));
    break;
  }
  const std::string boundary = Boundary();
  const std::string from = options.from.find('@') != std::string::npos
                               ? options.from
                               : options.from + "@" + options.host_name;
  OutgoingMessage out;
  out.mail_from = "";  // an MDN is sent with the null sender (RFC 3798 §3)
  out.rcpt_to = std::string(sender);
  std::string& m = out.bytes;
  m += fmt::format("From: Mail Delivery System <{}>\r\n", from);
  m += fmt::format("To: <{}>\r\n", sender);
  m += "Subject: ";
  mail::EncodeOptions encode;
  encode.first_line_used = 9;
  mail::EncodeHeaderText("Automatically rejected mail" +
                             (original_subject.empty() ? std::string() : ": " + original_subject),
                         encode, &m);
  m += "\r\n";
  m += fmt::format("Date: {}\r\n", options.date.empty() ? Rfc5322Now() : options.date);
  m += fmt::format("Message-ID: <{}.reject@{}>\r\n", boundary, options.host_name);
  m += "Auto-Submitted: auto-replied (rejected)\r\n";
  m += "Precedence: bulk\r\n";
  m += "MIME-Version: 1.0\r\n";
  m += fmt::format(
      "Content-Type: multipart/report; report-type=disposition-notification;\r\n"
      "\tboundary=\"{}\"\r\n\r\n",
      boundary);
  m += "This is a MIME-encapsulated message.\r\n\r\n";
  m += fmt::format("--{}\r\n", boundary);
  m += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
  m += fmt::format("Your message to <{}> was automatically rejected:\r\n", recipient);
  m += CrlfText(reason);
  m += "\r\n";
  m += fmt::format("--{}\r\n", boundary);
  m += "Content-Type: message/disposition-notification\r\n\r\n";
  m += fmt::format("Reporting-UA: {}; sievekit\r\n", options.host_name);
  if (!envelope.original_recipient.empty()) {
    m += fmt::format("Original-Recipient: rfc822; {}\r\n",
                     StripAngles(envelope.original_recipient));
  }
  m += fmt::format("Final-Recipient: rfc822; {}\r\n", recipient);
  if (!original_id.empty()) m += fmt::format("Original-Message-ID: {}\r\n", original_id);
  m += "Disposition: automatic-action/MDN-sent-automatically; deleted\r\n\r\n";
  m += fmt::format("--{}\r\n", boundary);
  m += "Content-Type: text/rfc822-headers\r\n\r\n";
  m += CrlfText(message.header_bytes());
  m += fmt::format("\r\n--{}--\r\n", boundary);
  return out;
}

}  // namespace sievekit::delivery
