// Decoding and encoding of quoted and multi-line string tokens.
#include "parser/string_literal.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace sievekit::syntax {
namespace {

// The bytes of `word` equal to `byte`, as their high bits (the classic test
// for a zero byte, applied to word ^ byte repeated). Bits above the lowest
// may be false alarms; the lowest set bit is always exact.
constexpr uint64_t BytesEqual(uint64_t word, char byte) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  const uint64_t x = word ^ (kOnes * static_cast<unsigned char>(byte));
  return (x - kOnes) & ~x & (kOnes * 0x80);
}

uint64_t Load8(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// The first byte of [p, end) that is `a` or `b`, or end.
inline const char* FindEither(const char* p, const char* end, char a, char b) {
  while (end - p >= 8) {
    const uint64_t word = Load8(p);
    const uint64_t found = BytesEqual(word, a) | BytesEqual(word, b);
    if (found != 0) {
      // On a little-endian host the first byte in memory is the lowest.
      if constexpr (std::endian::native == std::endian::little) {
        return p + std::countr_zero(found) / 8;
      }
      break;
    }
    p += 8;
  }
  while (p < end && *p != a && *p != b) ++p;
  return p;
}

}  // namespace

size_t QuotedTextLength(std::string_view text) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* p = begin;
  for (;;) {
    p = FindEither(p, end, '"', '\\');
    // Stop at the quote, at the end, or at a final "\" (it escapes nothing).
    if (end - p < 2 || *p == '"') return static_cast<size_t>(p - begin);
    p += 2;
  }
}

std::string DecodeQuotedString(std::string_view token) {
  if (token.size() < 2) return {};
  const size_t last = token.size() - 1;  // the closing quote
  // The next backslash or line break at or after `from`, or `last`; found
  // eight bytes at a time.
  auto next = [&](size_t from) {
    return static_cast<size_t>(FindEither(token.data() + from, token.data() + last, '\\', '\n') -
                               token.data());
  };
  size_t i = next(1);
  // Most strings have neither: the value is the text between the quotes.
  if (i == last) return std::string(token.substr(1, last - 1));
  std::string value;
  value.reserve(last - 1);
  // Runs between backslashes and line breaks are copied whole.
  size_t run = 1;
  for (; i < last; i = next(i + 1)) {
    value.append(token.substr(run, i - run));
    if (token[i] == '\\' && i + 1 < last) ++i;
    // A line break in a quoted string is a CRLF (RFC 5228 §8.1,
    // quoted-safe); a bare LF of the file stands for one.
    if (token[i] == '\n' && token[i - 1] != '\r') value += '\r';
    value += token[i];
    run = i + 1;
  }
  value.append(token.substr(run, last - run));
  return value;
}

std::string DecodeMultiLineString(std::string_view token) {
  std::string value;
  size_t i = token.find('\n');  // the "text:" line ends the first line
  i = (i == std::string_view::npos) ? token.size() : i + 1;
  while (i < token.size()) {
    size_t end = token.find('\n', i);
    end = (end == std::string_view::npos) ? token.size() : end + 1;
    std::string_view line = token.substr(i, end - i);
    std::string_view bare = line;
    while (!bare.empty() && (bare.back() == '\n' || bare.back() == '\r')) bare.remove_suffix(1);
    if (bare == ".") break;
    // RFC 5228 §8.1: a leading "." is removed when another "." follows.
    if (line.size() >= 2 && line[0] == '.' && line[1] == '.') line.remove_prefix(1);
    // The grammar ends every line with CRLF; a script stored with bare LF
    // line endings means the same lines, so the value gets CRLF either way.
    if (!line.empty() && line.back() == '\n' &&
        (line.size() < 2 || line[line.size() - 2] != '\r')) {
      line.remove_suffix(1);
      value += line;
      value += "\r\n";
    } else {
      value += line;
    }
    i = end;
  }
  return value;
}

std::string EncodeQuotedString(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 2);
  out += '"';
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

bool CanEncodeMultiLine(std::string_view value) {
  // Every line break must be a CRLF (a bare LF or CR would come back as
  // CRLF), and the value must end with one.
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\r' && (i + 1 == value.size() || value[i + 1] != '\n')) return false;
    if (value[i] == '\n' && (i == 0 || value[i - 1] != '\r')) return false;
  }
  return value.empty() || value.back() == '\n';
}

std::string EncodeMultiLineString(std::string_view value, std::string_view newline) {
  std::string out = "text:";
  out += newline;
  size_t i = 0;
  while (i < value.size()) {
    size_t end = value.find('\n', i);
    end = (end == std::string_view::npos) ? value.size() : end + 1;
    std::string_view line = value.substr(i, end - i);
    if (!line.empty() && line[0] == '.') out += '.';  // dot-stuffing
    // A CRLF in the value is the line break of the file, whichever it uses.
    if (line.size() >= 2 && line.substr(line.size() - 2) == "\r\n") {
      line.remove_suffix(2);
      out += line;
      out += newline;
    } else {
      out += line;
    }
    i = end;
  }
  if (!value.empty() && value.back() != '\n') out += newline;
  out += '.';
  out += newline;
  return out;
}

std::string EncodeCommentText(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\n') {
      out += "\\n";
    } else if (u < 0x20 || u == 0x7F) {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

std::string DecodeCommentText(std::string_view text) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 >= text.size()) {
      out += text[i];
      continue;
    }
    const char e = text[i + 1];
    if (e == '\\') {
      out += '\\';
      ++i;
    } else if (e == 'r') {
      out += '\r';
      ++i;
    } else if (e == 'n') {
      out += '\n';
      ++i;
    } else if (e == 'x' && i + 3 < text.size() && hex(text[i + 2]) >= 0 && hex(text[i + 3]) >= 0 &&
               (hex(text[i + 2]) * 16 + hex(text[i + 3]) < 0x20 ||
                hex(text[i + 2]) * 16 + hex(text[i + 3]) == 0x7F)) {
      // Only the characters EncodeCommentText writes as \xHH read back as one.
      out += static_cast<char>(hex(text[i + 2]) * 16 + hex(text[i + 3]));
      i += 3;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace sievekit::syntax
