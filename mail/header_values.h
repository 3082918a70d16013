// HeaderValues: the per-field caches of computed values — unfolded, decoded
// (RFC 2047 and 8-bit text to UTF-8) and parsed addresses — filled on first
// request and stored in the field itself.
//
// Shared by the message header and MIME part headers so both decode the same
// way. Results live in the Workspace arena until the next Parse. Fields nobody
// asks about cost nothing. Not thread-safe (it fills caches).
#pragma once

#include <span>
#include <string_view>

#include "mail/address.h"
#include "mail/header_fields.h"
#include "mail/workspace.h"

namespace sievekit::mail {

class HeaderValues {
 public:
  // Unfold(raw_value): line breaks removed, surrounding whitespace trimmed.
  static std::string_view Unfolded(const HeaderField& field, Workspace* workspace) {
    if ((field.cached_ & HeaderField::kUnfolded) != 0) return field.unfolded_;
    return ComputeUnfolded(field, workspace);
  }
  // The unfolded value with RFC 2047 words decoded and other 8-bit bytes read
  // per AppendUtf8WithFallback: always valid UTF-8.
  static std::string_view Decoded(const HeaderField& field, Workspace* workspace) {
    if ((field.cached_ & HeaderField::kDecoded) != 0) return field.decoded_;
    return ComputeDecoded(field, workspace);
  }
  // The mailboxes of the unfolded value read as an address-list.
  static std::span<const Address> Addresses(const HeaderField& field, Workspace* workspace) {
    if ((field.cached_ & HeaderField::kAddresses) != 0) {
      return {field.addresses_, field.address_count_};
    }
    return ComputeAddresses(field, workspace);
  }

 private:
  // The first request for a field's value (the accessors above are the
  // cache hits, inline because tests ask for the same field many times).
  static std::string_view ComputeUnfolded(const HeaderField& field, Workspace* workspace);
  static std::string_view ComputeDecoded(const HeaderField& field, Workspace* workspace);
  static std::span<const Address> ComputeAddresses(const HeaderField& field, Workspace* workspace);
};

}  // namespace sievekit::mail
