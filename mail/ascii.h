// ASCII helpers for the byte-oriented mail parsers: whitespace classes, case
// folding of US-ASCII letters, case-insensitive comparison, trimming and hex
// digits.
//
// Mail syntax (RFC 5322, RFC 2045) is defined over ASCII, so these helpers
// never look at bytes above 0x7F and never depend on the locale. They do not
// allocate; Unicode case folding belongs to the comparators, not here.
#pragma once

#include <cstddef>
#include <string_view>

namespace sievekit::mail::ascii {

// SP or HTAB: the WSP of RFC 5234, which folds header lines.
constexpr bool IsWsp(char c) { return c == ' ' || c == '\t'; }

// WSP or a line-break byte.
constexpr bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

constexpr bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

constexpr char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }

constexpr bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || IsUpper(c); }

// The value of a hexadecimal digit (either case), or -1.
constexpr int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ToLower(a[i]) != ToLower(b[i])) return false;
  }
  return true;
}

constexpr bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

constexpr bool HasUpper(std::string_view text) {
  for (char c : text) {
    if (IsUpper(c)) return true;
  }
  return false;
}

// Removes SP, HTAB, CR and LF from both ends.
constexpr std::string_view Trim(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

// True when every byte is below 0x80.
constexpr bool IsAllAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace sievekit::mail::ascii
