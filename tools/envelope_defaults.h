// The envelope the tools assume when the user gives none: what a local
// delivery of the message would most likely have seen.
#pragma once

#include <optional>
#include <string>

#include "mail/envelope.h"
#include "mail/message.h"

namespace sievekit::tools {

// mail::DeriveEnvelope with the sender and recipient the user gave, if any.
mail::Envelope EnvelopeFor(mail::Message& message, const std::optional<std::string>& from,
                           const std::optional<std::string>& to);

}  // namespace sievekit::tools
