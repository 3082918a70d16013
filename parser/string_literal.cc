// Decoding and encoding of quoted and multi-line string tokens.
#include "parser/string_literal.h"

namespace sievekit::syntax {

std::string DecodeQuotedString(std::string_view token) {
  std::string value;
  value.reserve(token.size());
  for (size_t i = 1; i + 1 < token.size(); ++i) {
    if (token[i] == '\\' && i + 2 < token.size()) ++i;
    value += token[i];
  }
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
    value += line;
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
  return value.empty() || value.back() == '\n';
}

std::string EncodeMultiLineString(std::string_view value, std::string_view newline) {
  std::string out = "text:";
  out += newline;
  size_t i = 0;
  while (i < value.size()) {
    size_t end = value.find('\n', i);
    end = (end == std::string_view::npos) ? value.size() : end + 1;
    const std::string_view line = value.substr(i, end - i);
    if (!line.empty() && line[0] == '.') out += '.';  // dot-stuffing
    out += line;
    i = end;
  }
  if (!value.empty() && value.back() != '\n') out += newline;
  out += '.';
  out += newline;
  return out;
}

}  // namespace sievekit::syntax
