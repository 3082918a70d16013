// Header names in scripts: the field-name syntax of RFC 5322 §3.6.8 and the
// headers the `address` test may look at (RFC 5228 §5.1: "Implementations
// MUST restrict the address test to headers that contain addresses").
//
// Note RFC 5228 §2.4.2.2: a syntactically invalid header name in `header` or
// `exists` is NOT an error; it simply never matches. Only `address` rejects
// names, and only those that are not address headers.
#pragma once

#include <string_view>

namespace sievekit::extensions {

// ftext = %d33-57 / %d59-126, at least one character.
bool IsValidHeaderName(std::string_view name);

// From, To, Cc, Bcc, Sender, Reply-To, the Resent- forms and the other
// structured fields RFC 5322 and common practice fill with address lists;
// case-insensitive.
bool IsAddressHeader(std::string_view name);

}  // namespace sievekit::extensions
