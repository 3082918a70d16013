// Envelope guessed from headers (see derived_envelope.h).
#include "mail/derived_envelope.h"

namespace sievekit::mail {
namespace {

// The names looked up in every message, hashed once.
const HeaderIndex::NameKey kReturnPathKey = HeaderIndex::KeyOf("return-path");
const HeaderIndex::NameKey kFromKey = HeaderIndex::KeyOf("from");
const HeaderIndex::NameKey kDeliveredToKey = HeaderIndex::KeyOf("delivered-to");
const HeaderIndex::NameKey kToKey = HeaderIndex::KeyOf("to");

std::string FirstAddress(Message& message, std::string_view header,
                         const HeaderIndex::NameKey& key) {
  for (const HeaderField& field : message.FieldsNamed(header, key)) {
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
  for (const HeaderField& field : message.FieldsNamed("return-path", kReturnPathKey)) {
    envelope.mail_from = std::string(message.Unfolded(field));
    have_return_path = true;
    break;
  }
  if (!have_return_path) envelope.mail_from = FirstAddress(message, "from", kFromKey);
  envelope.rcpt_to = FirstAddress(message, "delivered-to", kDeliveredToKey);
  if (envelope.rcpt_to.empty()) envelope.rcpt_to = FirstAddress(message, "to", kToKey);
  return envelope;
}

}  // namespace sievekit::mail
