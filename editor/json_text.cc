// Base64 and JSON indentation for the model's JSON form.
#include "editor/json_text.h"

#include <cstdint>

#include <fmt/format.h>

namespace sievekit::editor {
namespace {

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

std::string Base64Encode(std::string_view bytes) {
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t v = (static_cast<uint32_t>(static_cast<uint8_t>(bytes[i])) << 16) |
                       (static_cast<uint32_t>(static_cast<uint8_t>(bytes[i + 1])) << 8) |
                       static_cast<uint8_t>(bytes[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += kBase64[(v >> s) & 0x3F];
  }
  if (i < bytes.size()) {
    uint32_t v = static_cast<uint32_t>(static_cast<uint8_t>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<uint32_t>(static_cast<uint8_t>(bytes[i + 1])) << 8;
    out += kBase64[(v >> 18) & 0x3F];
    out += kBase64[(v >> 12) & 0x3F];
    out += i + 1 < bytes.size() ? kBase64[(v >> 6) & 0x3F] : '=';
    out += '=';
  }
  return out;
}

Result<std::string> Base64Decode(std::string_view text) {
  if (text.size() % 4 != 0) return Error{"base64 text must be a multiple of 4 characters long"};
  std::string out;
  for (size_t i = 0; i < text.size(); i += 4) {
    uint32_t v = 0;
    int pad = 0;
    for (size_t k = 0; k < 4; ++k) {
      const char c = text[i + k];
      if (c == '=' && i + 4 == text.size() && k >= 2) {
        ++pad;
        v <<= 6;
        continue;
      }
      const size_t d = kBase64.find(c);
      if (d == std::string_view::npos || pad > 0) {
        return Error{fmt::format("invalid base64 character at {}", i + k)};
      }
      v = (v << 6) | static_cast<uint32_t>(d);
    }
    out += static_cast<char>((v >> 16) & 0xFF);
    if (pad < 2) out += static_cast<char>((v >> 8) & 0xFF);
    if (pad < 1) out += static_cast<char>(v & 0xFF);
  }
  if (Base64Encode(out) != text) return Error{"base64 text is not in canonical form"};
  return out;
}

std::string PrettyJson(std::string_view s) {
  // The end of the value (object, array or string) starting at i, or
  // npos when it is longer than fits on one line (the scan stops there, so
  // printing stays linear in the size of the document).
  constexpr size_t kLine = 72;
  const auto value_end = [&](size_t i) -> size_t {
    int depth = 0;
    bool in_string = false;
    for (size_t k = i; k < s.size() && k - i < kLine; ++k) {
      const char c = s[k];
      if (in_string) {
        if (c == '\\') {
          ++k;
        } else if (c == '"') {
          in_string = false;
          if (depth == 0) return k + 1;
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return k + 1;
      }
    }
    return std::string_view::npos;
  };
  std::string out;
  int indent = 0;
  const auto newline = [&] {
    out += '\n';
    out.append(static_cast<size_t>(indent) * 2, ' ');
  };
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      out += c;
      if (c == '\\') {
        out += s[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        out += c;
        break;
      case '{':
      case '[': {
        const size_t end = value_end(i);
        if (end != std::string_view::npos) {
          const std::string_view inner = s.substr(i, end - i);
          // Short: one line, with ", " and ": " for readability.
          bool str = false;
          for (size_t k = 0; k < inner.size(); ++k) {
            const char d = inner[k];
            out += d;
            if (str) {
              if (d == '\\') {
                out += inner[++k];
              } else if (d == '"') {
                str = false;
              }
            } else if (d == '"') {
              str = true;
            } else if (d == ',' || d == ':') {
              out += ' ';
            }
          }
          i = end - 1;
          break;
        }
        out += c;
        ++indent;
        newline();
        break;
      }
      case '}':
      case ']':
        --indent;
        newline();
        out += c;
        break;
      case ',':
        out += c;
        newline();
        break;
      case ':':
        out += ": ";
        break;
      default:
        out += c;
    }
  }
  out += '\n';
  return out;
}

}  // namespace sievekit::editor
