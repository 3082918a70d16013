// The envelope the tools assume when the user gives none: what a local
// delivery of the message would most likely have seen.
#pragma once

#include <optional>
#include <string>

#include "mail/envelope.h"
#include "mail/message.h"

namespace sievekit::tools {

// Sender: `from`, else Return-Path, else the first From address; recipient:
// `to`, else Delivered-To, else the first To address.
mail::Envelope EnvelopeFor(mail::Message& message, const std::optional<std::string>& from,
                           const std::optional<std::string>& to);

}  // namespace sievekit::tools
