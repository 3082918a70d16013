// The one place that turns Sieve string tokens into values and values back
// into tokens: quoted strings (RFC 5228 §2.4.2: `\\` and `\"`, any other
// `\x` means `x`) and multi-line strings (§8.1: `text:` ... `.` with
// dot-stuffing). The parser, the formatter and the rule editor all use it,
// so what one writes the other reads back identically.
#pragma once

#include <string>
#include <string_view>

namespace sievekit::syntax {

// Token text (with the quotes) → value.
std::string DecodeQuotedString(std::string_view token);
// Token text ("text:" through the final "." line) → value: the lines in
// between with dot-stuffing undone, each keeping its own line ending.
std::string DecodeMultiLineString(std::string_view token);

// Value → quoted-string token: only `"` and `\` are escaped; line breaks and
// other bytes are written as they are, which keeps the value exact.
std::string EncodeQuotedString(std::string_view value);
// Value → multi-line token using `newline` for the lines it adds ("text:"
// line, a final line ending when the value lacks one, the "." line). A
// value that does not end in a line ending gets one, which changes it: use
// CanEncodeMultiLine first.
std::string EncodeMultiLineString(std::string_view value, std::string_view newline);
// True when the value round-trips through a multi-line string: it is empty
// or ends with a line ending.
bool CanEncodeMultiLine(std::string_view value);

}  // namespace sievekit::syntax
