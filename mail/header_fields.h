// Header sections (RFC 5322 §2.2): splitting one into fields, finding where
// the body starts, and unfolding field values.
//
// The scanner is the one pass over header bytes that every evaluation pays
// for, so it copies nothing: a HeaderField holds views into the message. It
// is shared by the message header and the headers of MIME parts. Its
// decisions on malformed input (see ScanHeaderSection) are part of the
// contract. Values are decoded elsewhere (Message caches them per field).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mail/message_limits.h"

namespace sievekit::mail {

struct Address;

// One header field. Views point into the message bytes; the cached values
// are filled by Message on first request and live until the next Parse.
class HeaderField {
 public:
  HeaderField() = default;
  HeaderField(std::string_view name, std::string_view raw_value, std::string_view text,
              bool truncated)
      : name_(name), raw_value_(raw_value), text_(text), truncated_(truncated) {}

  // The field name as written, without whitespace before the colon.
  std::string_view name() const { return name_; }
  // Everything after the colon up to the field's final line break, folding
  // line breaks included; cut at MessageLimits::max_header_field_size.
  std::string_view raw_value() const { return raw_value_; }
  // The whole field as written (name, colon, value), without its final line
  // break and never cut.
  std::string_view text() const { return text_; }
  // True when raw_value was cut at the size limit.
  bool truncated() const { return truncated_; }

 private:
  friend class HeaderValues;

  std::string_view name_;
  std::string_view raw_value_;
  std::string_view text_;
  bool truncated_ = false;

  // Filled lazily by HeaderValues; "mutable" because they are a cache of
  // values computed from the immutable views above.
  enum : uint8_t { kUnfolded = 1, kDecoded = 2, kAddresses = 4 };
  mutable uint8_t cached_ = 0;
  mutable uint32_t address_count_ = 0;
  mutable std::string_view unfolded_;
  mutable std::string_view decoded_;
  mutable const Address* addresses_ = nullptr;
};

struct HeaderScanOptions {
  // Skip a first line starting with "From " (an mbox separator left by the
  // host). Only the top-level message has one.
  bool allow_mbox_from = false;
  // When the first line is not a field, the section has no header at all and
  // the body starts at the first byte. Used for MIME parts, whose writers
  // often omit the empty line of a header-less part.
  bool headerless_if_first_line_malformed = false;
  uint32_t max_fields = MessageLimits{}.max_header_fields;
  uint32_t max_field_size = MessageLimits{}.max_header_field_size;
};

struct HeaderScanResult {
  size_t header_end = 0;  // end of the header bytes (before the empty line)
  size_t body_begin = 0;  // first body byte; the size when there is no body
  bool has_body = false;  // an empty line was found
  bool mbox_from_line = false;
  uint32_t malformed_lines = 0;   // lines skipped as not being fields
  uint32_t dropped_fields = 0;    // fields past max_fields
  uint32_t truncated_fields = 0;  // fields cut at max_field_size
};

// Splits the header section at the start of bytes, appending fields to out.
//
// Lines end in LF, optionally preceded by CR (mixed endings are fine; a lone
// CR is an ordinary byte). The header ends at the first empty line; without
// one, everything is header and there is no body. A line starting with SP or
// HTAB continues the previous field (also when it holds only whitespace). A
// field line is a name of printable ASCII other than ":" (whitespace before
// the colon allowed, obsolete syntax), then ":". Any other line (no colon, an
// empty or 8-bit name, a continuation with nothing before it) is malformed:
// it is skipped with its continuation lines and counted, and scanning goes on,
// so a stray line does not hide the fields after it.
HeaderScanResult ScanHeaderSection(std::string_view bytes, const HeaderScanOptions& options,
                                   std::vector<HeaderField>* out);

// RFC 5322 §2.2.3 unfolding with surrounding whitespace removed: line breaks
// inside raw_value are deleted (the WSP after them stays), then leading and
// trailing SP, HTAB, CR and LF are removed. Returns a view into raw_value when
// no line break remains after trimming, else a view into *scratch.
std::string_view Unfold(std::string_view raw_value, std::string* scratch);

// The first field named name (case-insensitive), or nullptr. Linear: meant for
// the few fields of a MIME part; the message uses HeaderIndex.
const HeaderField* FindField(std::span<const HeaderField> fields, std::string_view name);

// True when name is a valid field name (RFC 5322 ftext: printable ASCII other
// than ":"), which is also what a Sieve header name may match.
bool IsValidFieldName(std::string_view name);

}  // namespace sievekit::mail
