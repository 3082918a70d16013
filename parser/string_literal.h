// The one place that turns Sieve string tokens into values and values back
// into tokens: quoted strings (RFC 5228 §2.4.2: `\\` and `\"`, any other
// `\x` means `x`) and multi-line strings (§8.1: `text:` ... `.` with
// dot-stuffing). The parser, the formatter and the rule editor all use it,
// so what one writes the other reads back identically.
#pragma once

#include <string>
#include <string_view>

namespace sievekit::syntax {

// Token text (with the quotes) → value; a line break in it is a CRLF (a
// bare LF of the file stands for one, RFC 5228 §8.1).
std::string DecodeQuotedString(std::string_view token);
// How many bytes at the start of `text` are a quoted string's contents
// (after the opening quote): up to the first '"' not escaped by a `\`, or
// up to a `\` that ends the text (the closing quote is then missing). The
// grammar's quoted-text rule uses it to scan eight bytes at a time.
size_t QuotedTextLength(std::string_view text);
// Token text ("text:" through the final "." line) → value: the lines in
// between with dot-stuffing undone, each ending in CRLF (RFC 5228 §8.1; a
// bare LF of the file is read as the CRLF it stands for).
std::string DecodeMultiLineString(std::string_view token);

// Value → quoted-string token: only `"` and `\` are escaped; line breaks and
// other bytes are written as they are, which keeps the value exact.
std::string EncodeQuotedString(std::string_view value);
// Value → multi-line token using `newline` for every line break (the
// value's CRLFs and the lines the token adds: "text:" line, a final line
// ending when the value lacks one, the "." line). A value that does not end
// in a line ending gets one, which changes it: use CanEncodeMultiLine first.
std::string EncodeMultiLineString(std::string_view value, std::string_view newline);
// True when the value round-trips through a multi-line string: it is empty
// or ends with CRLF, and every line break in it is a CRLF.
bool CanEncodeMultiLine(std::string_view value);

// Value → text that fits on one `#` comment line (rule names in the rule
// editor's marker comments): `\` becomes `\\`, CR `\r`, LF `\n`, and any
// other control character or DEL `\xHH`; everything else (UTF-8 included)
// is kept. DecodeCommentText reverses it; a backslash before anything else
// stays as written, so hand-written comments read back as they look.
std::string EncodeCommentText(std::string_view value);
std::string DecodeCommentText(std::string_view text);

}  // namespace sievekit::syntax
