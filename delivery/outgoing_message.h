// OutgoingMessage: a message the execution helpers want sent — its SMTP
// envelope and its bytes (CRLF line endings). Hosts hand these to their MTA;
// the testsuite keeps them in its outbox.
#pragma once

#include <string>

namespace sievekit::delivery {

struct OutgoingMessage {
  std::string mail_from;  // the SMTP MAIL FROM; empty for the null sender <>
  std::string rcpt_to;    // one SMTP RCPT TO
  std::string bytes;
};

}  // namespace sievekit::delivery
