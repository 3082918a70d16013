// Expansion of the legacy notify's message macros (see notify_macros.h).
#include "extensions/notify/notify_macros.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "common/utf8.h"

namespace sievekit::extensions {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' ||
                        s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                        s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// The first mailbox of From (address and display name), if any.
const mail::Address* FirstFrom(mail::Message& message) {
  for (const mail::HeaderField& field : message.FieldsNamed("from")) {
    for (const mail::Address& a : message.Addresses(field)) return &a;
  }
  return nullptr;
}

std::string_view Subject(mail::Message& message) {
  for (const mail::HeaderField& field : message.FieldsNamed("subject")) {
    return message.Decoded(field);
  }
  return {};
}

// The value of the macro called `name` (lower case, without the dollars),
// or false when no macro has that name.
bool MacroValue(std::string_view name, mail::Message& message, const mail::Envelope& envelope,
                std::string* value) {
  value->clear();
  if (name == "from") {
    if (const mail::Address* a = FirstFrom(message)) value->assign(a->all);
    return true;
  }
  if (name == "from-name") {
    if (const mail::Address* a = FirstFrom(message)) {
      value->assign(a->display_name.empty() ? a->all : a->display_name);
    }
    return true;
  }
  if (name == "env-from") {
    std::string_view path = Trim(envelope.mail_from);
    if (path.size() >= 2 && path.front() == '<' && path.back() == '>') {
      path = path.substr(1, path.size() - 2);
    }
    value->assign(path);
    return true;
  }
  if (name == "subject") {
    value->assign(Subject(message));
    return true;
  }
  if (name == "text") {
    *value = FirstTextPart(message, kDefaultTextCharacters);
    return true;
  }
  // text[N]
  if (name.size() > 6 && name.substr(0, 5) == "text[" && name.back() == ']') {
    const std::string_view digits = name.substr(5, name.size() - 6);
    size_t n = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec == std::errc::result_out_of_range) {
      n = kMaxTextCharacters;
    } else if (ec != std::errc() || end != digits.data() + digits.size()) {
      return false;
    }
    *value = FirstTextPart(message, std::min(n, kMaxTextCharacters));
    return true;
  }
  return false;
}

}  // namespace

std::string FirstTextPart(mail::Message& message, size_t max_characters) {
  const auto& parts = message.Mime().parts();
  std::optional<uint32_t> chosen;
  for (uint32_t i = 0; i < parts.size(); ++i) {
    if (!parts[i].is_text() || parts[i].is_attachment()) continue;
    if (parts[i].subtype == "plain") {
      chosen = i;
      break;
    }
    if (!chosen) chosen = i;
  }
  if (!chosen) return {};
  const std::string_view text = Trim(message.PartText(*chosen));
  return std::string(utf8::TruncateCharacters(text, max_characters));
}

void ExpandNotifyMacros(std::string_view text, mail::Message& message,
                        const mail::Envelope& envelope, std::string* out) {
  std::string name, value;
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('$', i);
    if (open == std::string_view::npos) break;
    const size_t close = text.find('$', open + 1);
    if (close == std::string_view::npos) break;
    name.assign(text.substr(open + 1, close - open - 1));
    for (char& c : name) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    if (!name.empty() && MacroValue(name, message, envelope, &value)) {
      out->append(text.substr(i, open - i));
      out->append(value);
      i = close + 1;
    } else {
      // Not a macro: keep the first '$' and look again from the second,
      // which may open one ("cost $5 $subject$").
      out->append(text.substr(i, close - i));
      i = close;
    }
  }
  out->append(text.substr(i));
}

}  // namespace sievekit::extensions
