// ParseOutgoingAddress: checks an address a script sends mail to (redirect,
// vacation :from and :addresses, notification recipients) and returns its
// normalised addr-spec.
//
// Accepted: one RFC 5322 mailbox — `local@domain` or `Display Name
// <local@domain>` — with comments and folding whitespace between tokens.
// Local parts may use the obsolete forms with leading, trailing or repeated
// dots that some mobile operators still hand out. Rejected: anything else,
// including several addresses, an empty local part or domain, unbalanced
// brackets and non-ASCII bytes (which would need SMTPUTF8). This is stricter
// than the parser for incoming headers on purpose: mail we send must be
// deliverable.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sievekit::extensions {

struct OutgoingAddress {
  std::string local_part;  // without quotes when quoting was not needed
  std::string domain;
  std::string AddrSpec() const { return local_part + "@" + domain; }
};

// On failure returns nullopt and, when `error` is given, a short reason.
std::optional<OutgoingAddress> ParseOutgoingAddress(std::string_view text,
                                                    std::string* error = nullptr);

}  // namespace sievekit::extensions
