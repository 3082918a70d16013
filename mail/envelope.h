// Envelope: the SMTP envelope of one delivery, filled by the host (an LDA, a
// milter, a re-filter job). The message bytes do not carry it reliably, so the
// evaluator never derives it from headers.
//
// Paths are given as the host received them: "user@host", "<user@host>", or
// "" / "<>" for the null reverse-path. ParseEnvelopePath (address.h) turns a
// path into local part and domain. This header holds data only.
#pragma once

#include <string>

namespace sievekit::mail {

struct Envelope {
  // SMTP MAIL FROM; empty (or "<>") is the null sender of bounces.
  std::string mail_from;
  // SMTP RCPT TO of the recipient whose script runs (RFC 5228 §5.4: only the
  // one relevant to this user).
  std::string rcpt_to;
  // The original recipient (RFC 3461 ORCPT) when the host knows it.
  std::string original_recipient;
  // The authenticated submitter (SMTP AUTH), empty when unauthenticated.
  std::string auth_user;
};

}  // namespace sievekit::mail
