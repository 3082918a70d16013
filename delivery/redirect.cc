// Redirect composition and loop detection (see redirect.h).
#include "delivery/redirect.h"

#include <string>

#include "mail/ascii.h"

namespace sievekit::delivery {

std::string_view StripAngles(std::string_view path) {
  while (!path.empty() && (path.front() == ' ' || path.front() == '\t')) path.remove_prefix(1);
  while (!path.empty() && (path.back() == ' ' || path.back() == '\t')) path.remove_suffix(1);
  if (path.size() >= 2 && path.front() == '<' && path.back() == '>') {
    path = path.substr(1, path.size() - 2);
  }
  return path;
}

std::string_view RedirectingUser(const mail::Envelope& envelope, const RedirectOptions& options) {
  return options.user_email.empty() ? StripAngles(envelope.rcpt_to)
                                    : StripAngles(options.user_email);
}

OutgoingMessage ComposeRedirect(std::string_view message, const mail::Envelope& envelope,
                                std::string_view to_address, const RedirectOptions& options) {
  using From = RedirectOptions::EnvelopeFrom;
  OutgoingMessage out;
  const std::string_view sender = StripAngles(envelope.mail_from);
  const std::string_view recipient = StripAngles(envelope.rcpt_to);
  std::string_view from = sender;
  if (!sender.empty()) {  // a null sender stays null
    switch (options.envelope_from) {
      case From::kSender: break;
      case From::kRecipient: from = recipient; break;
      case From::kOriginalRecipient: {
        const std::string_view original = StripAngles(envelope.original_recipient);
        from = original.empty() ? recipient : original;
        break;
      }
      case From::kUserEmail: from = RedirectingUser(envelope, options); break;
      case From::kExplicit: from = StripAngles(options.explicit_from); break;
    }
  }
  out.mail_from = std::string(from);
  out.rcpt_to = std::string(StripAngles(to_address));
  out.bytes.reserve(message.size() + 80);
  out.bytes += kRedirectedFromHeader;
  out.bytes += ": ";
  out.bytes += RedirectingUser(envelope, options);
  out.bytes += "\r\n";
  out.bytes += message;
  return out;
}

bool WasRedirectedBy(mail::Message& message, std::string_view recipient) {
  const std::string_view who = StripAngles(recipient);
  for (const mail::HeaderField& field : message.FieldsNamed(kRedirectedFromHeader)) {
    if (mail::ascii::EqualsIgnoreCase(StripAngles(message.Unfolded(field)), who)) return true;
  }
  return false;
}

bool IsRedirectLoop(mail::Message& message, const mail::Envelope& envelope,
                    const RedirectOptions& options) {
  return (!options.user_email.empty() && WasRedirectedBy(message, options.user_email)) ||
         WasRedirectedBy(message, envelope.rcpt_to);
}

}  // namespace sievekit::delivery
