// mailto URI parsing and checks (see mailto_uri.h).
#include "delivery/mailto_uri.h"

#include <fmt/format.h>

#include "common/utf8.h"
#include "mail/address.h"
#include "mail/message.h"

namespace sievekit::delivery {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// RFC 6068 §2: qchar = unreserved / pct-encoded / some-delims.
bool IsQchar(char c) {
  if (IsAlpha(c) || IsDigit(c)) return true;
  switch (c) {
    case '-': case '.': case '_': case '~':                        // unreserved
    case '!': case '$': case '\'': case '(': case ')': case '*':  // some-delims
    case '+': case ',': case ';': case ':': case '@':
    case '%':  // checked as an escape when decoding
      return true;
    default:
      return false;
  }
}

bool IsQuotedString(std::string_view s) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '\\') {
      if (++i + 1 >= s.size()) return false;
    } else if (s[i] == '"' || s[i] == '\r' || s[i] == '\n') {
      return false;
    }
  }
  return true;
}

// RFC 5322 §3.6.8: field-name = 1*ftext, printable ASCII but ':'.
bool IsFieldName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < 33 || c > 126 || c == ':') return false;
  }
  return true;
}

// "in-reply-to" → "In-Reply-To" (RFC 5436 §2.7 suggests capitalising).
std::string Capitalise(std::string_view name) {
  std::string out(name);
  bool start = true;
  for (char& c : out) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    start = c == '-';
  }
  return out;
}

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// URI headers a notification carries over as they are: informational only,
// none of them routes mail, claims an origin or forges a trace.
bool IsSafeHeader(std::string_view lower_name) {
  for (std::string_view safe : {"keywords", "comments", "in-reply-to", "references"}) {
    if (lower_name == safe) return true;
  }
  return false;
}

// The mailboxes of an address-list header value (RFC 5322 §3.4), as the
// message parser reads them.
Result<std::vector<MailtoRecipient>> ParseAddressList(std::string_view value) {
  std::vector<MailtoRecipient> out;
  if (value.find_first_of("\r\n") != std::string_view::npos) {
    return Error{"the address list holds a line break"};
  }
  const std::string bytes = fmt::format("To: {}\r\n\r\n", value);
  mail::Message message;
  message.Parse(bytes);
  for (const mail::HeaderField& field : message.FieldsNamed("to")) {
    for (const mail::Address& a : message.Addresses(field)) {
      if (!a.valid || a.domain.empty() || !IsAddrSpec(a.all)) {
        return Error{fmt::format("'{}' is not a valid address", a.source)};
      }
      bool ascii = true;
      for (char c : a.source) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
      MailtoRecipient r{std::string(a.all), std::string(a.source), {}};
      if (!ascii && !a.display_name.empty()) r.utf8_name = std::string(a.display_name);
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace

bool PercentDecode(std::string_view text, std::string* out) {
  out->clear();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out->push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size() || !IsHex(text[i + 1]) || !IsHex(text[i + 2])) return false;
    auto nibble = [](char c) {
      return IsDigit(c) ? c - '0' : Lower(c) - 'a' + 10;
    };
    out->push_back(static_cast<char>(nibble(text[i + 1]) * 16 + nibble(text[i + 2])));
    i += 2;
  }
  return true;
}

bool IsAddrSpec(std::string_view text) {
  const size_t at = text.rfind('@');
  if (at == std::string_view::npos) return false;
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (!mail::IsDotAtom(local) && !IsQuotedString(local)) return false;
  if (domain.size() >= 2 && domain.front() == '[' && domain.back() == ']') {
    for (char c : domain.substr(1, domain.size() - 2)) {
      if (c < 33 || c > 126 || c == '[' || c == ']' || c == '\\') return false;
    }
    return true;
  }
  return mail::IsDotAtom(domain);
}

std::string UriScheme(std::string_view uri) {
  const size_t colon = uri.find(':');
  if (colon == std::string_view::npos || colon == 0 || !IsAlpha(uri[0])) return {};
  for (char c : uri.substr(0, colon)) {
    if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') return {};
  }
  return LowerCopy(uri.substr(0, colon));
}

Result<MailtoUri> ParseMailtoUri(std::string_view uri) {
  if (UriScheme(uri) != "mailto") return Error{"not a mailto URI"};
  std::string_view rest = uri.substr(7);
  MailtoUri out;
  const size_t question = rest.find('?');
  const std::string_view to_part = rest.substr(0, question);
  for (char c : to_part) {
    if (!IsQchar(c) && c != '[' && c != ']') {
      return Error{fmt::format("invalid character '{}' in the recipients of the URI", c)};
    }
  }
  std::string decoded;
  if (!PercentDecode(to_part, &decoded)) return Error{"invalid %-escape in the URI's recipients"};
  if (!utf8::IsValid(decoded)) return Error{"the URI's recipients are not valid UTF-8"};
  if (!decoded.empty()) {
    size_t begin = 0;
    while (begin <= decoded.size()) {
      size_t comma = decoded.find(',', begin);
      if (comma == std::string::npos) comma = decoded.size();
      const std::string_view address = std::string_view(decoded).substr(begin, comma - begin);
      if (!IsAddrSpec(address)) {
        return Error{fmt::format("invalid recipient '{}' in the URI", address)};
      }
      out.to.push_back({std::string(address), std::string(address), {}});
      begin = comma + 1;
    }
  }
  if (question == std::string_view::npos) return out;
  std::string_view query = rest.substr(question + 1);
  while (true) {
    const size_t amp = query.find('&');
    const std::string_view hfield = query.substr(0, amp);
    const size_t eq = hfield.find('=');
    if (eq == std::string_view::npos) {
      return Error{fmt::format("URI header '{}' has no '='", hfield)};
    }
    const std::string_view raw_name = hfield.substr(0, eq);
    const std::string_view raw_value = hfield.substr(eq + 1);
    for (char c : raw_name) {
      if (!IsQchar(c)) return Error{fmt::format("invalid character '{}' in a URI header name", c)};
    }
    for (char c : raw_value) {
      if (!IsQchar(c) && c != '/' && c != '?' && c != '=') {
        return Error{fmt::format("invalid character '{}' in a URI header value", c)};
      }
    }
    std::string name, value;
    if (!PercentDecode(raw_name, &name) || !PercentDecode(raw_value, &value)) {
      return Error{"invalid %-escape in a URI header"};
    }
    if (!IsFieldName(name)) return Error{fmt::format("invalid URI header name '{}'", name)};
    if (!utf8::IsValid(value)) return Error{fmt::format("URI header '{}' is not UTF-8", name)};
    const std::string lower = LowerCopy(name);
    if (lower == "to" || lower == "cc") {
      auto list = ParseAddressList(value);
      if (!list.ok()) {
        return Error{fmt::format("invalid '{}' URI header: {}", lower, list.error().message)};
      }
      auto& target = lower == "to" ? out.to : out.cc;
      for (MailtoRecipient& r : *list) target.push_back(std::move(r));
    } else if (lower == "subject") {
      if (!out.has_subject) out.subject = value;
      out.has_subject = true;
    } else if (lower == "body") {
      if (!out.has_body) out.body = value;
      out.has_body = true;
    } else if (IsSafeHeader(lower)) {
      if (value.find_first_of("\r\n") != std::string::npos) {
        return Error{fmt::format("URI header '{}' holds a line break", name)};
      }
      out.headers.emplace_back(Capitalise(lower), value);
    }
    if (amp == std::string_view::npos) break;
    query = query.substr(amp + 1);
  }
  return out;
}

}  // namespace sievekit::delivery
