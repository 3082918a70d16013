// Message: header scan and index at Parse, everything else on demand. Parse
// must stay cheap (one pass over the header bytes) and must forget every
// cache of the previous message while keeping every buffer.
#include "mail/message.h"

#include "mail/header_values.h"

namespace sievekit::mail {

Message::Message(const MessageLimits& limits) : limits_(limits) {}

void Message::Parse(std::string_view bytes) {
  bytes_ = bytes;
  wire_size_ = SIZE_MAX;
  fields_.clear();
  mime_.Clear();
  workspace_.Reset();
  HeaderScanOptions options;
  options.allow_mbox_from = true;
  options.max_fields = limits_.max_header_fields;
  options.max_field_size = limits_.max_header_field_size;
  scan_ = ScanHeaderSection(bytes, options, &fields_);
  index_.Build(fields_);
}

std::string_view Message::Unfolded(const HeaderField& field) {
  return HeaderValues::Unfolded(field, &workspace_);
}

std::string_view Message::Decoded(const HeaderField& field) {
  return HeaderValues::Decoded(field, &workspace_);
}

std::span<const Address> Message::Addresses(const HeaderField& field) {
  return HeaderValues::Addresses(field, &workspace_);
}

const MimeTree& Message::Mime() {
  if (!mime_.built()) {
    mime_.Build(fields_, header_bytes(), body(), limits_, &workspace_);
  }
  return mime_;
}

std::span<const HeaderField> Message::PartFields(uint32_t part) { return Mime().fields(part); }

std::string_view Message::PartContent(uint32_t part) {
  Mime();
  return mime_.Content(part, &workspace_);
}

std::string_view Message::PartText(uint32_t part) {
  Mime();
  return mime_.Text(part, &workspace_);
}

EnvelopePath Message::ParseEnvelopePath(std::string_view path) {
  return workspace_.addresses.ParseEnvelopePath(path, &workspace_.arena);
}

size_t Message::wire_size() {
  if (wire_size_ == SIZE_MAX) {
    size_t bare_lf = 0;
    for (size_t at = bytes_.find('\n'); at != std::string_view::npos;
         at = bytes_.find('\n', at + 1)) {
      if (at == 0 || bytes_[at - 1] != '\r') ++bare_lf;
    }
    wire_size_ = bytes_.size() + bare_lf;
  }
  return wire_size_;
}

}  // namespace sievekit::mail
