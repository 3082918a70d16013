// Header name syntax and the list of address-carrying headers.
#include "extensions/core/header_names.h"

#include <array>

#include "ir/registry.h"

namespace sievekit::extensions {

bool IsValidHeaderName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 33 || b > 126 || b == ':') return false;
  }
  return true;
}

bool IsAddressHeader(std::string_view name) {
  static constexpr std::array<std::string_view, 20> kAddressHeaders = {
      "from",          "sender",         "reply-to",        "to",
      "cc",            "bcc",            "resent-from",     "resent-sender",
      "resent-to",     "resent-cc",      "resent-bcc",      "resent-reply-to",
      "return-path",   "delivered-to",   "envelope-to",     "x-original-to",
      "errors-to",     "mail-followup-to", "mail-reply-to", "disposition-notification-to",
  };
  const std::string lower = ir::AsciiLower(name);
  for (std::string_view h : kAddressHeaders) {
    if (h == lower) return true;
  }
  return false;
}

}  // namespace sievekit::extensions
