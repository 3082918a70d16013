// Header name syntax and the list of address-carrying headers.
#include "extensions/core/header_names.h"

#include "mail/address.h"

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
  // One list for the validator and the message dump: mail/address.cc's.
  return mail::IsAddressHeader(name);
}

}  // namespace sievekit::extensions
