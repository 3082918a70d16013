// Base64 and quoted-printable decoding, tolerant of the damage found in real
// mail; the base64 encoder used by the RFC 2047 encoder.
#include "mail/transfer_decoding.h"

#include <array>
#include <cstdint>

#include "mail/ascii.h"

namespace sievekit::mail {
namespace {

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Sextet value of each byte, or -1 outside the alphabet.
constexpr std::array<int8_t, 256> MakeBase64Table() {
  std::array<int8_t, 256> table{};
  for (auto& entry : table) entry = -1;
  for (int i = 0; i < 64; ++i) {
    table[static_cast<unsigned char>(kBase64Alphabet[i])] = static_cast<int8_t>(i);
  }
  return table;
}
constexpr std::array<int8_t, 256> kBase64Table = MakeBase64Table();

// Emits the bytes of a (possibly partial) quantum of `count` sextets.
void FlushQuantum(uint32_t bits, int count, std::string* out) {
  if (count >= 2) out->push_back(static_cast<char>((bits >> 16) & 0xFF));
  if (count >= 3) out->push_back(static_cast<char>((bits >> 8) & 0xFF));
  if (count >= 4) out->push_back(static_cast<char>(bits & 0xFF));
}

// Appends one quoted-printable line (without its line break) and reports
// whether it ended in a soft line break. Trailing whitespace is removed first.
bool DecodeQpLine(std::string_view line, std::string* out, size_t* bad) {
  while (!line.empty() && ascii::IsSpace(line.back())) line.remove_suffix(1);
  bool soft_break = false;
  if (!line.empty() && line.back() == '=') {
    soft_break = true;
    line.remove_suffix(1);
  }
  size_t i = 0;
  while (i < line.size()) {
    const size_t equals = line.find('=', i);
    if (equals == std::string_view::npos) {
      out->append(line.substr(i));
      break;
    }
    out->append(line.substr(i, equals - i));
    const int high = equals + 1 < line.size() ? ascii::HexValue(line[equals + 1]) : -1;
    const int low = equals + 2 < line.size() ? ascii::HexValue(line[equals + 2]) : -1;
    if (high >= 0 && low >= 0) {
      out->push_back(static_cast<char>(high * 16 + low));
      i = equals + 3;
    } else {
      out->push_back('=');  // a bad escape is data, not an error to stop at
      ++*bad;
      i = equals + 1;
    }
  }
  return soft_break;
}

}  // namespace

TransferEncoding ParseTransferEncoding(std::string_view value) {
  const size_t comment = value.find('(');
  if (comment != std::string_view::npos) value = value.substr(0, comment);
  value = ascii::Trim(value);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = ascii::Trim(value.substr(1, value.size() - 2));
  }
  if (value.empty() || ascii::EqualsIgnoreCase(value, "7bit")) return TransferEncoding::k7Bit;
  if (ascii::EqualsIgnoreCase(value, "8bit")) return TransferEncoding::k8Bit;
  if (ascii::EqualsIgnoreCase(value, "binary")) return TransferEncoding::kBinary;
  if (ascii::EqualsIgnoreCase(value, "quoted-printable")) {
    return TransferEncoding::kQuotedPrintable;
  }
  if (ascii::EqualsIgnoreCase(value, "base64")) return TransferEncoding::kBase64;
  return TransferEncoding::kUnknown;
}

std::string_view TransferEncodingName(TransferEncoding encoding) {
  switch (encoding) {
    case TransferEncoding::k7Bit:
      return "7bit";
    case TransferEncoding::k8Bit:
      return "8bit";
    case TransferEncoding::kBinary:
      return "binary";
    case TransferEncoding::kQuotedPrintable:
      return "quoted-printable";
    case TransferEncoding::kBase64:
      return "base64";
    case TransferEncoding::kUnknown:
      break;
  }
  return "unknown";
}

size_t DecodeBase64(std::string_view text, std::string* out) {
  out->reserve(out->size() + text.size() / 4 * 3 + 3);
  size_t skipped = 0;
  uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    const int8_t value = kBase64Table[static_cast<unsigned char>(c)];
    if (value >= 0) {
      bits = (bits << 6) | static_cast<uint32_t>(value);
      if (++count == 4) {
        FlushQuantum(bits, 4, out);
        bits = 0;
        count = 0;
      }
      continue;
    }
    if (c == '=') {
      if (count == 1) ++skipped;
      if (count > 1) FlushQuantum(bits << (6 * (4 - count)), count, out);
      bits = 0;
      count = 0;
      continue;
    }
    if (!ascii::IsSpace(c)) ++skipped;
  }
  if (count == 1) ++skipped;
  if (count > 1) FlushQuantum(bits << (6 * (4 - count)), count, out);
  return skipped;
}

size_t DecodeQuotedPrintable(std::string_view text, std::string* out) {
  out->reserve(out->size() + text.size());
  size_t bad = 0;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    const bool has_break = end != std::string_view::npos;
    if (!has_break) end = text.size();
    size_t content_end = end;
    if (has_break && content_end > begin && text[content_end - 1] == '\r') --content_end;
    const bool soft = DecodeQpLine(text.substr(begin, content_end - begin), out, &bad);
    if (has_break && !soft) out->append(text.substr(content_end, end + 1 - content_end));
    begin = has_break ? end + 1 : text.size();
  }
  return bad;
}

void EncodeBase64(std::string_view bytes, std::string* out) {
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t bits = (uint32_t{static_cast<unsigned char>(bytes[i])} << 16) |
                          (uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8) |
                          uint32_t{static_cast<unsigned char>(bytes[i + 2])};
    out->push_back(kBase64Alphabet[(bits >> 18) & 63]);
    out->push_back(kBase64Alphabet[(bits >> 12) & 63]);
    out->push_back(kBase64Alphabet[(bits >> 6) & 63]);
    out->push_back(kBase64Alphabet[bits & 63]);
  }
  const size_t rest = bytes.size() - i;
  if (rest == 0) return;
  uint32_t bits = uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
  if (rest == 2) bits |= uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
  out->push_back(kBase64Alphabet[(bits >> 18) & 63]);
  out->push_back(kBase64Alphabet[(bits >> 12) & 63]);
  out->push_back(rest == 2 ? kBase64Alphabet[(bits >> 6) & 63] : '=');
  out->push_back('=');
}

}  // namespace sievekit::mail
