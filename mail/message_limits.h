// MessageLimits: the bounds a Message applies to hostile input.
//
// Messages come from the internet. Every structure the parser builds is
// bounded here so that one message cannot make evaluation slow or exhaust
// memory; what happens past each bound is defined (and flagged on the parsed
// message), never a crash. This header holds data only.
#pragma once

#include <cstdint>

namespace sievekit::mail {

struct MessageLimits {
  // Header fields recorded per header section (the message's and each MIME
  // part's). Fields past the limit are ignored (flagged as dropped) but the
  // header section still ends at the first empty line. Real mail carries at
  // most a few hundred (long Received chains); spam sometimes thousands.
  uint32_t max_header_fields = 1000;
  // Bytes of one field's raw value that are considered. A longer value is cut
  // at this length (flagged as truncated), which bounds the cost of unfolding,
  // decoding and matching one field. RFC 5322 lines are at most 998 bytes, so
  // 64 KiB keeps every legitimate folded field intact.
  uint32_t max_header_field_size = 64 * 1024;
  // MIME nesting levels below the message (the message itself is depth 0). A
  // multipart or message/rfc822 part at this depth is kept as a leaf and its
  // contents are not split. The tree is built recursively, so this also bounds
  // stack use.
  uint32_t max_mime_depth = 32;
  // MIME parts recorded, the message itself included. Further parts are not
  // recorded (flagged on the tree); this bounds the tree for a message made of
  // thousands of tiny parts.
  uint32_t max_mime_parts = 1000;
};

}  // namespace sievekit::mail
