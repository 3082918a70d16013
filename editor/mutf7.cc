// Modified UTF-7: the alphabet is BASE64's with "," in place of "/", there is
// no "=" padding, and a shift always ends with "-".
#include "editor/mutf7.h"

#include <vector>

#include <fmt/format.h>

#include "common/utf8.h"

namespace sievekit::editor {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

bool IsDirect(char32_t c) { return c >= 0x20 && c <= 0x7E && c != '&'; }

int AlphabetIndex(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == ',') return 63;
  return -1;
}

void AppendShift(const std::vector<char16_t>& units, std::string* out) {
  *out += '&';
  uint32_t bits = 0;
  int count = 0;
  for (char16_t u : units) {
    bits = (bits << 16) | u;
    count += 16;
    while (count >= 6) {
      count -= 6;
      *out += kAlphabet[(bits >> count) & 0x3F];
    }
    bits &= (1u << count) - 1;
  }
  if (count > 0) *out += kAlphabet[(bits << (6 - count)) & 0x3F];
  *out += '-';
}

}  // namespace

Result<std::string> EncodeModifiedUtf7(std::string_view utf8) {
  std::string out;
  std::vector<char16_t> run;
  size_t i = 0;
  while (i < utf8.size()) {
    size_t length = 0;
    const std::optional<char32_t> c = utf8::DecodeOne(utf8.substr(i), &length);
    if (!c) return Error{fmt::format("not valid UTF-8 at byte {}", i)};
    i += length;
    if (IsDirect(*c) || *c == '&') {
      if (!run.empty()) {
        AppendShift(run, &out);
        run.clear();
      }
      out += (*c == '&') ? std::string_view("&-") : std::string_view(&utf8[i - 1], 1);
      continue;
    }
    if (*c >= 0x10000) {
      const char32_t v = *c - 0x10000;
      run.push_back(static_cast<char16_t>(0xD800 + (v >> 10)));
      run.push_back(static_cast<char16_t>(0xDC00 + (v & 0x3FF)));
    } else {
      run.push_back(static_cast<char16_t>(*c));
    }
  }
  if (!run.empty()) AppendShift(run, &out);
  return out;
}

Result<std::string> DecodeModifiedUtf7(std::string_view mutf7) {
  std::string out;
  size_t i = 0;
  bool after_shift = false;  // the previous item was a BASE64 shift
  while (i < mutf7.size()) {
    const auto c = static_cast<unsigned char>(mutf7[i]);
    if (c != '&') {
      if (c < 0x20 || c > 0x7E) {
        return Error{fmt::format("byte 0x{:02X} at {} must be encoded", c, i)};
      }
      out += static_cast<char>(c);
      after_shift = false;
      ++i;
      continue;
    }
    const size_t start = i++;
    if (i < mutf7.size() && mutf7[i] == '-') {
      out += '&';
      after_shift = false;
      ++i;
      continue;
    }
    if (after_shift) {
      return Error{fmt::format("two adjacent shifts at {} (one would do)", start)};
    }
    uint32_t bits = 0;
    int count = 0;
    std::vector<char16_t> units;
    while (i < mutf7.size() && mutf7[i] != '-') {
      const int v = AlphabetIndex(mutf7[i]);
      if (v < 0) {
        return Error{fmt::format("'{}' at {} is not modified BASE64", mutf7[i], i)};
      }
      bits = (bits << 6) | static_cast<uint32_t>(v);
      count += 6;
      if (count >= 16) {
        count -= 16;
        units.push_back(static_cast<char16_t>((bits >> count) & 0xFFFF));
        bits &= (1u << count) - 1;
      }
      ++i;
    }
    if (i >= mutf7.size()) return Error{fmt::format("the shift at {} does not end with '-'", start)};
    ++i;  // the '-'
    if (count >= 6 || bits != 0) {
      return Error{fmt::format("the shift at {} has stray bits at its end", start)};
    }
    for (size_t k = 0; k < units.size(); ++k) {
      char32_t cp = units[k];
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (k + 1 >= units.size() || units[k + 1] < 0xDC00 || units[k + 1] > 0xDFFF) {
          return Error{fmt::format("the shift at {} has a broken surrogate pair", start)};
        }
        cp = 0x10000 + ((cp - 0xD800) << 10) + (units[k + 1] - 0xDC00u);
        ++k;
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return Error{fmt::format("the shift at {} has a broken surrogate pair", start)};
      }
      if (IsDirect(cp) || cp == '&') {
        return Error{fmt::format("the shift at {} encodes a character that stands for itself",
                                 start)};
      }
      utf8::Encode(cp, &out);
    }
    after_shift = true;
  }
  return out;
}

}  // namespace sievekit::editor
