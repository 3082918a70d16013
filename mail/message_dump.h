// A deterministic, human-readable text dump of a parsed Message: sizes, what
// the header scan met, every field with its raw, unfolded and decoded values,
// the addresses of address fields, and the MIME tree with types, charsets,
// dispositions, decoded sizes and a prefix of decoded text.
//
// Golden files in corpus/messages are these dumps, reviewed as diffs, so the
// format changes only on purpose. Strings are quoted with C-style escapes
// (control bytes and bytes that are not valid UTF-8 as \xNN) so a dump is
// always printable UTF-8. This is a test and debugging aid, not an API for
// evaluation: it forces every lazy value.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "mail/message.h"

namespace sievekit::mail {

struct DumpOptions {
  // Longer values are cut (at a character boundary) and their full size noted.
  size_t max_value_bytes = 200;
  // Bytes of decoded text shown per text part.
  size_t text_prefix_bytes = 200;
};

std::string DumpMessage(Message& message, const DumpOptions& options = DumpOptions());

// Appends text quoted and escaped as described above, cut after max_bytes.
void AppendQuoted(std::string_view text, size_t max_bytes, std::string* out);

}  // namespace sievekit::mail
