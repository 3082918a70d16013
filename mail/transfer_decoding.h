// Content-Transfer-Encoding (RFC 2045 §6): naming the encoding of a part and
// undoing base64 and quoted-printable.
//
// The decoders are tolerant because mail is often broken: they never fail,
// they append what they can recover and count what they had to skip or keep
// as is, so callers can flag a damaged part. They do not convert charsets and
// do not allocate beyond growing the output string.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sievekit::mail {

enum class TransferEncoding {
  k7Bit,  // also the default when the header is absent
  k8Bit,
  kBinary,
  kQuotedPrintable,
  kBase64,
  kUnknown,  // an unrecognised token: the body is used as is (x-uuencode, garbage)
};

// The encoding named by an unfolded Content-Transfer-Encoding value (case-
// insensitive, comments and surrounding whitespace ignored). Empty means 7bit.
TransferEncoding ParseTransferEncoding(std::string_view value);

// The canonical lowercase name ("quoted-printable"; "unknown" for kUnknown).
std::string_view TransferEncodingName(TransferEncoding encoding);

// Appends the bytes encoded in base64 text. Whitespace is skipped silently;
// any other byte outside the alphabet is skipped and counted. "=" ends a
// quantum (so concatenated base64 blocks decode too); a quantum cut short
// yields its complete bytes, and a lone trailing sextet is dropped and counted.
// Returns the count (0 for clean input).
size_t DecodeBase64(std::string_view text, std::string* out);

// Appends the bytes encoded in quoted-printable text: "=XX" (either case),
// soft line breaks ("=" at the end of a line, trailing whitespace allowed),
// trailing whitespace of each line removed (RFC 2045 §6.7 rule 3), line
// breaks kept as they are (CRLF or LF). A "=" not followed by two hex digits
// or a line break is kept literally and counted. Returns the count.
size_t DecodeQuotedPrintable(std::string_view text, std::string* out);

// Appends the base64 form of bytes, without line breaks.
void EncodeBase64(std::string_view bytes, std::string* out);

}  // namespace sievekit::mail
