// Envelope guessed from headers (see derived_envelope.h).
#include "mail/derived_envelope.h"

namespace sievekit::mail {
namespace {

std::string FirstAddress(Message& message, std::string_view header) {
  for (const HeaderField& field : message.FieldsNamed(header)) {
    for (const Address& a : message.Addresses(field)) {
      if (a.valid) return std::string(a.all);
    }
  }
  return {};
}

}  // namespace

Envelope DeriveEnvelope(Message& message) {
  Envelope envelope;
  bool have_return_path = false;
  for (const HeaderField& field : message.FieldsNamed("return-path")) {
    envelope.mail_from = std::string(message.Unfolded(field));
    have_return_path = true;
    break;
  }
  if (!have_return_path) envelope.mail_from = FirstAddress(message, "from");
  envelope.rcpt_to = FirstAddress(message, "delivered-to");
  if (envelope.rcpt_to.empty()) envelope.rcpt_to = FirstAddress(message, "to");
  return envelope;
}

}  // namespace sievekit::mail
