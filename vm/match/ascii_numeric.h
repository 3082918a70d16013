// i;ascii-numeric (RFC 4790 §9.1): strings read as arbitrary-length unsigned
// decimal numbers.
//
// The number is the run of leading ASCII digits; leading zeros and anything
// after the run are ignored; a string that does not start with a digit is
// positive infinity, equal to every other such string. Numbers are never
// converted to machine integers, so no input overflows. Pure byte functions:
// no allocation beyond the caller's buffer.
#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace sievekit::match {

// Replaces *out with the canonical form: the digits without leading zeros
// ("0" for zero), or "" for positive infinity. Two strings are equal under
// the comparator exactly when their canonical forms are equal bytes.
void FoldAsciiNumeric(std::string_view in, std::string* out);

// Numeric ordering; accepts raw or canonical strings alike (for a canonical
// form it reads the same number back).
std::strong_ordering CompareAsciiNumeric(std::string_view a, std::string_view b);

}  // namespace sievekit::match
