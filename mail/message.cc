// Message: header scan and index at Parse, everything else on demand. Parse
// must stay cheap (one pass over the header bytes) and must forget every
// cache of the previous message while keeping every buffer.
#include "mail/message.h"

#include <atomic>

#include "mail/header_values.h"

namespace sievekit::mail {
namespace {

// Shared by all Messages so that a generation is never seen twice, even by a
// Message built where a destroyed one lived.
std::atomic<uint64_t> g_generations{0};

}  // namespace

Message::Message(const MessageLimits& limits) : limits_(limits) {}

void Message::Parse(std::string_view bytes) {
  bytes_ = bytes;
  generation_ = g_generations.fetch_add(1, std::memory_order_relaxed) + 1;
  wire_size_ = SIZE_MAX;
  fields_.clear();
  parsed_paths_.clear();
  mime_.Clear();
  workspace_.Reset();
  HeaderScanOptions options;
  options.allow_mbox_from = true;
  options.max_fields = limits_.max_header_fields;
  options.max_field_size = limits_.max_header_field_size;
  scan_ = ScanHeaderSection(bytes, options, &fields_);
  index_.Build(fields_);
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
  for (const ParsedPath& parsed : parsed_paths_) {
    if (parsed.text == path) return parsed.path;
  }
  if (parsed_paths_.size() >= kMaxParsedPaths) {
    return workspace_.addresses.ParseEnvelopePath(path, &workspace_.arena);
  }
  // Parsed from the arena copy, so that the result's views (which may point
  // into the text) outlive the caller's string.
  const std::string_view text = workspace_.arena.Store(path);
  const EnvelopePath result = workspace_.addresses.ParseEnvelopePath(text, &workspace_.arena);
  parsed_paths_.push_back({text, result});
  return result;
}

bool Message::Owns(std::string_view text) const {
  if (text.empty()) return false;
  const auto begin = reinterpret_cast<uintptr_t>(text.data());
  const auto base = reinterpret_cast<uintptr_t>(bytes_.data());
  if (begin >= base && begin - base <= bytes_.size() &&
      text.size() <= bytes_.size() - (begin - base)) {
    return true;
  }
  return workspace_.arena.Contains(text.data(), text.size());
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
