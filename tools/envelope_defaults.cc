// Default envelopes for sievec run and filter.
#include "tools/envelope_defaults.h"

namespace sievekit::tools {
namespace {

std::string FirstAddress(mail::Message& message, std::string_view header) {
  for (const mail::HeaderField& field : message.FieldsNamed(header)) {
    for (const mail::Address& a : message.Addresses(field)) {
      if (a.valid) return std::string(a.all);
    }
  }
  return {};
}

}  // namespace

mail::Envelope EnvelopeFor(mail::Message& message, const std::optional<std::string>& from,
                           const std::optional<std::string>& to) {
  mail::Envelope envelope;
  if (from) {
    envelope.mail_from = *from;
  } else if (message.HasField("return-path")) {
    for (const mail::HeaderField& field : message.FieldsNamed("return-path")) {
      envelope.mail_from = std::string(message.Unfolded(field));
      break;
    }
  } else {
    envelope.mail_from = FirstAddress(message, "from");
  }
  if (to) {
    envelope.rcpt_to = *to;
  } else {
    envelope.rcpt_to = FirstAddress(message, "delivered-to");
    if (envelope.rcpt_to.empty()) envelope.rcpt_to = FirstAddress(message, "to");
  }
  return envelope;
}

}  // namespace sievekit::tools
