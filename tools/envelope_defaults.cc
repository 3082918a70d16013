// Default envelopes for sievec run and filter.
#include "tools/envelope_defaults.h"

#include "mail/derived_envelope.h"

namespace sievekit::tools {

mail::Envelope EnvelopeFor(mail::Message& message, const std::optional<std::string>& from,
                           const std::optional<std::string>& to) {
  mail::Envelope envelope = mail::DeriveEnvelope(message);
  if (from) envelope.mail_from = *from;
  if (to) envelope.rcpt_to = *to;
  return envelope;
}

}  // namespace sievekit::tools
