// Modified UTF-7 (RFC 3501 §5.1.3), the folder-name encoding of IMAP
// servers that predate UTF-8 mailbox names (RFC 6855), which `fileinto`
// must then use. Printable US-ASCII except "&" stands for itself, "&" is
// "&-", and every other run of characters is "&" + modified BASE64 of its
// UTF-16 + "-".
//
// Both directions are strict and canonical: Decode refuses what no
// conforming encoder writes (raw 8-bit or control bytes, BASE64 for a
// character that could stand for itself, two adjacent shifts, non-zero
// padding bits, a broken surrogate pair, an unterminated shift), so that
// Encode(Decode(x)) == x for every x Decode accepts. No other charset work
// happens here.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace sievekit::editor {

// UTF-8 → modified UTF-7; an Error when the input is not valid UTF-8.
Result<std::string> EncodeModifiedUtf7(std::string_view utf8);
// Modified UTF-7 → UTF-8; an Error saying what is wrong and at which byte.
Result<std::string> DecodeModifiedUtf7(std::string_view mutf7);

}  // namespace sievekit::editor
