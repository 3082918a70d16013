// Header section scanning and unfolding; see header_fields.h for the rules
// applied to malformed input.
#include "mail/header_fields.h"

#include <array>
#include <cstring>

#include "mail/ascii.h"

namespace sievekit::mail {
namespace {

// A field in progress: where its text starts, where its value starts, and
// the end of its last line (without the line break).
struct OpenField {
  size_t begin = 0;
  size_t value_begin = 0;
  size_t end = 0;
  std::string_view name;
};

// Offset of the first LF at or after pos, or npos. memchr makes this the fast
// part of the only pass every message pays for.
size_t FindLineFeed(std::string_view bytes, size_t pos) {
  const void* found = std::memchr(bytes.data() + pos, '\n', bytes.size() - pos);
  if (found == nullptr) return std::string_view::npos;
  return static_cast<size_t>(static_cast<const char*>(found) - bytes.data());
}

// RFC 5322 ftext: printable US-ASCII other than ":". A table, because the
// scan of every field name of every message runs through it.
constexpr auto kFieldNameBytes = [] {
  std::array<bool, 256> table{};
  for (int c = 0x21; c < 0x7F; ++c) table[static_cast<size_t>(c)] = c != ':';
  return table;
}();

bool IsFieldNameByte(char c) { return kFieldNameBytes[static_cast<unsigned char>(c)]; }

}  // namespace

bool IsValidFieldName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!IsFieldNameByte(c)) return false;
  }
  return true;
}

HeaderScanResult ScanHeaderSection(std::string_view bytes, const HeaderScanOptions& options,
                                   std::vector<HeaderField>* out) {
  HeaderScanResult result;
  result.header_end = bytes.size();
  result.body_begin = bytes.size();
  const size_t first_field = out->size();
  enum class State { kNone, kField, kMalformed } state = State::kNone;
  OpenField open;

  const auto close_field = [&] {
    if (state != State::kField) return;
    if (out->size() - first_field >= options.max_fields) {
      ++result.dropped_fields;
      return;
    }
    std::string_view raw = bytes.substr(open.value_begin, open.end - open.value_begin);
    const bool truncated = raw.size() > options.max_field_size;
    if (truncated) {
      raw = raw.substr(0, options.max_field_size);
      ++result.truncated_fields;
    }
    out->emplace_back(open.name, raw, bytes.substr(open.begin, open.end - open.begin), truncated);
  };

  // A MIME part whose first line is no field: all of it is body.
  const auto headerless = [&] {
    out->resize(first_field);
    HeaderScanResult empty;
    empty.has_body = true;
    return empty;
  };

  size_t pos = 0;
  if (options.allow_mbox_from && bytes.starts_with("From ")) {
    result.mbox_from_line = true;
    const size_t newline = FindLineFeed(bytes, 0);
    pos = newline == std::string_view::npos ? bytes.size() : newline + 1;
  }
  bool first_line = true;
  while (pos < bytes.size()) {
    const size_t newline = FindLineFeed(bytes, pos);
    const size_t line_end = newline == std::string_view::npos ? bytes.size() : newline;
    const size_t next = newline == std::string_view::npos ? bytes.size() : newline + 1;
    size_t content_end = line_end;
    if (content_end > pos && bytes[content_end - 1] == '\r') --content_end;
    const std::string_view line = bytes.substr(pos, content_end - pos);

    if (line.empty()) {  // the empty line: the header ends here
      close_field();
      result.header_end = pos;
      result.body_begin = next;
      result.has_body = true;
      return result;
    }
    if (ascii::IsWsp(line.front())) {
      if (state == State::kField) {
        open.end = content_end;
      } else if (state == State::kNone) {
        if (first_line && options.headerless_if_first_line_malformed) return headerless();
        ++result.malformed_lines;  // continuation of nothing
        state = State::kMalformed;
      }
    } else {
      close_field();
      // One pass over the name: its bytes up to the colon must be ftext,
      // optionally followed by WSP (obsolete syntax) — what IsValidFieldName
      // checks of the text before the first colon.
      size_t name_end = 0;
      while (name_end < line.size() && IsFieldNameByte(line[name_end])) ++name_end;
      size_t colon = name_end;
      while (colon < line.size() && ascii::IsWsp(line[colon])) ++colon;
      if (name_end > 0 && colon < line.size() && line[colon] == ':') {
        state = State::kField;
        open = {pos, pos + colon + 1, content_end, line.substr(0, name_end)};
      } else {
        if (first_line && options.headerless_if_first_line_malformed) return headerless();
        ++result.malformed_lines;
        state = State::kMalformed;
      }
    }
    first_line = false;
    pos = next;
  }
  close_field();
  return result;
}

std::string_view Unfold(std::string_view raw_value, std::string* scratch) {
  const std::string_view trimmed = ascii::Trim(raw_value);
  if (trimmed.find('\n') == std::string_view::npos) return trimmed;
  scratch->clear();
  size_t begin = 0;
  for (;;) {
    const size_t newline = trimmed.find('\n', begin);
    if (newline == std::string_view::npos) {
      scratch->append(trimmed.substr(begin));
      break;
    }
    size_t end = newline;
    if (end > begin && trimmed[end - 1] == '\r') --end;
    scratch->append(trimmed.substr(begin, end - begin));
    begin = newline + 1;
  }
  return *scratch;
}

const HeaderField* FindField(std::span<const HeaderField> fields, std::string_view name) {
  for (const HeaderField& field : fields) {
    if (ascii::EqualsIgnoreCase(field.name(), name)) return &field;
  }
  return nullptr;
}

}  // namespace sievekit::mail
