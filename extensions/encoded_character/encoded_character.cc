// The encoded-character string transform.
#include "extensions/encoded_character/encoded_character.h"

#include "common/diagnostic_catalogue.h"
#include "common/utf8.h"
#include "ir/ir.h"
#include "ir/validation_context.h"

namespace sievekit::extensions {
namespace {

constexpr DiagnosticKind kInvalidUnicodeCharacter{
    "invalid-unicode-character", Severity::kError,
    "'${{unicode:{}}}' is not a Unicode character (use 0-D7FF or E000-10FFFF)"};

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// Parses `*blank item *(1*blank item) *blank "}"` starting at `pos`; items
// are runs of hex digits of at most `max_digits` (0: unlimited). On success
// sets *end just past the '}' and fills `items` with the digit runs.
bool ParseHexSequence(std::string_view text, size_t pos, size_t max_digits,
                      std::vector<std::string_view>* items, size_t* end) {
  items->clear();
  while (pos < text.size()) {
    while (pos < text.size() && IsBlank(text[pos])) ++pos;
    if (pos < text.size() && text[pos] == '}') {
      if (items->empty()) return false;
      *end = pos + 1;
      return true;
    }
    const size_t start = pos;
    while (pos < text.size() && HexValue(text[pos]) >= 0) ++pos;
    const size_t digits = pos - start;
    if (digits == 0 || (max_digits != 0 && digits > max_digits)) return false;
    // Two items need blanks between them.
    if (pos < text.size() && !IsBlank(text[pos]) && text[pos] != '}') return false;
    items->push_back(text.substr(start, digits));
  }
  return false;
}

void ReportBadUnicode(ir::ValidationContext& context, ir::StringValue& value) {
  std::string bad;
  if (!DecodeEncodedCharacters(&value.text, &bad)) {
    context.Report(kInvalidUnicodeCharacter, value.span, bad);
  }
}

}  // namespace

bool DecodeEncodedCharacters(std::string* text, std::string* bad_value) {
  if (text->find("${") == std::string::npos) return true;
  const std::string in = std::move(*text);
  std::string out;
  out.reserve(in.size());
  std::vector<std::string_view> items;
  bool ok = true;
  size_t i = 0;
  while (i < in.size()) {
    const size_t open = in.find("${", i);
    if (open == std::string::npos) break;
    out.append(in, i, open - i);
    const std::string_view rest = std::string_view(in).substr(open + 2);
    size_t end = 0;
    if (StartsWithNoCase(rest, "hex:") &&
        ParseHexSequence(in, open + 6, 2, &items, &end)) {
      for (std::string_view pair : items) {
        int value = 0;
        for (char c : pair) value = value * 16 + HexValue(c);
        out.push_back(static_cast<char>(value));
      }
      i = end;
      continue;
    }
    if (StartsWithNoCase(rest, "unicode:") &&
        ParseHexSequence(in, open + 10, 0, &items, &end)) {
      std::string decoded;
      for (std::string_view digits : items) {
        uint64_t value = 0;
        for (char c : digits) {
          value = value * 16 + static_cast<uint64_t>(HexValue(c));
          if (value > 0x10FFFF) break;  // stays out of range; no overflow
        }
        if (!utf8::Encode(static_cast<char32_t>(value > 0x10FFFF ? 0x110000 : value),
                          &decoded)) {
          if (ok && bad_value != nullptr) *bad_value = std::string(digits);
          ok = false;
        }
      }
      out += decoded;
      i = end;
      continue;
    }
    out.append("${");
    i = open + 2;
  }
  out.append(in, std::min(i, in.size()), std::string::npos);
  *text = std::move(out);
  return ok;
}

void RegisterEncodedCharacter(ir::Registry& registry) {
  registry.Register({"encoded-character", false, false}, [](ir::ExtensionBuilder& b) {
    b.TransformStrings(ReportBadUnicode);
  });
}

}  // namespace sievekit::extensions
