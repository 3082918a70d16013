// Deterministic generator of realistic messages for benchmarks, scale tests
// and the comparison corpus: 20-40 header lines (Received chains, a folded
// DKIM signature on some, RFC 2047 encoded words in From, To and Subject),
// mailing-list headers on a third, replies with References, multipart bodies
// with base64 attachments on a quarter, sizes from about 1 KB to 200 KB.
// The same index, seed and options always give the same bytes. It must not
// read the clock, the environment or any file.
#pragma once

#include <cstdint>
#include <string>

namespace sievekit::bench {

struct MessageOptions {
  // Header lines wanted (continuation lines count); 0 picks 20-40 at random.
  // At least the lines the message needs (about 12) are always written.
  int header_lines = 0;
  // Body size in bytes (about); 0 picks a message size of 1 KB-200 KB at
  // random (70% under 10 KB).
  size_t body_size = 0;
  // Line ends: LF, as a Maildir or mbox stores mail, or CRLF as on the wire.
  bool crlf = true;
};

std::string GenerateMessage(uint32_t index, uint32_t seed = 7, const MessageOptions& options = {});

}  // namespace sievekit::bench
