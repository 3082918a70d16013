// i;ascii-numeric folding and ordering (RFC 4790 §9.1.1).
#include "vm/match/ascii_numeric.h"

namespace sievekit::match {
namespace {

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The significant digits of the number `text` denotes: the leading digit run
// with its leading zeros removed ("" for zero). Sets *infinite when the text
// does not start with a digit.
std::string_view SignificantDigits(std::string_view text, bool* infinite) {
  *infinite = text.empty() || !IsDigit(text.front());
  if (*infinite) return {};
  size_t end = 0;
  while (end < text.size() && IsDigit(text[end])) ++end;
  size_t begin = 0;
  while (begin < end && text[begin] == '0') ++begin;
  return text.substr(begin, end - begin);
}

}  // namespace

void FoldAsciiNumeric(std::string_view in, std::string* out) {
  bool infinite = false;
  const std::string_view digits = SignificantDigits(in, &infinite);
  if (infinite) {
    out->clear();
  } else if (digits.empty()) {
    out->assign(1, '0');
  } else {
    out->assign(digits);
  }
}

std::strong_ordering CompareAsciiNumeric(std::string_view a, std::string_view b) {
  bool a_infinite = false;
  bool b_infinite = false;
  const std::string_view a_digits = SignificantDigits(a, &a_infinite);
  const std::string_view b_digits = SignificantDigits(b, &b_infinite);
  if (a_infinite || b_infinite) {
    // "", "x" and "y" are equal, and greater than any number (§9.1.1).
    return a_infinite <=> b_infinite;
  }
  // Without leading zeros, the longer digit string is the larger number; equal
  // lengths compare digit by digit, which is byte order.
  if (a_digits.size() != b_digits.size()) return a_digits.size() <=> b_digits.size();
  return a_digits.compare(b_digits) <=> 0;
}

}  // namespace sievekit::match
