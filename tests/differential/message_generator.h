// Random messages and envelopes for the differential test, deterministic
// from a seed: Subject, From/To/Cc/Reply-To with zero to three address items
// (display names, groups, invalid addresses, mixed case, encoded words),
// X-Number headers with numeric and non-numeric values, Received lines to
// count, a body of varying size, CRLF or bare LF line ends, and an envelope
// whose MAIL FROM is sometimes the null path.
//
// Values come from vocabulary.h, shared with the script generator. The
// messages are ordinary enough for every header to be read; hostile input
// is the business of the message corpus and the fuzzers, not of this
// generator. Test-only code.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mail/envelope.h"

namespace sievekit::differential {

struct GeneratedMessage {
  // Whole header fields ("Name: value"), in order, without their final line
  // break; "\n" inside a field marks a fold (rendered as a line end).
  std::vector<std::string> fields;
  std::string body;
  std::string line_end = "\r\n";  // or "\n"
  mail::Envelope envelope;

  // The message bytes: the fields, an empty line, the body.
  std::string Render() const;
};

GeneratedMessage GenerateMessage(uint64_t seed);

// Messages one step smaller than `message` (one field dropped, or the body
// emptied), for minimising a failing case.
std::vector<GeneratedMessage> SimplerMessages(const GeneratedMessage& message);

// "MAIL FROM:<...> RCPT TO:<...>" as given to the evaluators, for reports.
std::string DescribeEnvelope(const mail::Envelope& envelope);

}  // namespace sievekit::differential
