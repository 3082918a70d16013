// The message a reject action sends back (RFC 5429 §2.2.1): a failure MDN
// (RFC 3798) to the envelope sender — multipart/report with a human-readable
// part carrying the script's reason, a message/disposition-notification part
// with the disposition "automatic-action/MDN-sent-automatically; deleted",
// and the original message's header.
//
// No MDN is ever generated for a null sender (<>): RFC 3798 forbids it and
// that is what keeps rejections from looping. ereject is the same action
// when the host cannot refuse during SMTP (RFC 5429 §2.1). Composition only;
// nothing is sent here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "delivery/outgoing_message.h"
#include "mail/envelope.h"
#include "mail/message.h"

namespace sievekit::delivery {

struct RejectionOptions {
  // The address the MDN comes from (From: header); the postmaster when empty.
  std::string from = "postmaster";
  // The host name in the Reporting-UA and in Message-IDs.
  std::string host_name = "localhost";
  // The date for the Date: header (RFC 5322 form); "now" when empty.
  std::string date;
};

// The MDN for rejecting `message`, or nullopt when the sender is null.
std::optional<OutgoingMessage> ComposeRejection(mail::Message& message,
                                                const mail::Envelope& envelope,
                                                std::string_view reason,
                                                const RejectionOptions& options = {});

// The current time in RFC 5322 form ("Mon, 3 Nov 2026 10:00:00 +0000").
std::string Rfc5322Now();

}  // namespace sievekit::delivery
