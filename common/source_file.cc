// Line table construction and offset → line/column lookup for SourceFile.
#include "common/source_file.h"

#include <algorithm>
#include <cstring>

#include "common/utf8.h"

namespace sievekit {

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  // Lines are rarely shorter than 16 bytes on average: room for them up
  // front spares copying the table as it grows.
  line_starts_.reserve(text_.size() / 16 + 1);
  line_starts_.push_back(0);
  // memchr finds line ends many bytes at a time; a 600 KB script costs a
  // byte-by-byte loop millions of instructions.
  const char* const begin = text_.data();
  const char* const end = begin + text_.size();
  for (const char* p = begin; p < end;) {
    const auto* newline =
        static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    if (newline == nullptr) break;
    line_starts_.push_back(static_cast<uint32_t>(newline - begin) + 1);
    p = newline + 1;
  }
}

std::string_view SourceFile::Slice(Span span) const {
  const uint32_t size = static_cast<uint32_t>(text_.size());
  const uint32_t begin = std::min(span.begin, size);
  const uint32_t end = std::clamp(span.end, begin, size);
  return std::string_view(text_).substr(begin, end - begin);
}

LineColumn SourceFile::Locate(uint32_t offset) const {
  uint32_t line = 0;
  return Locate(offset, &line);
}

LineColumn SourceFile::Locate(uint32_t offset, uint32_t* line_hint) const {
  offset = std::min(offset, static_cast<uint32_t>(text_.size()));
  // The line is the last one starting at or before the offset.
  uint32_t line = *line_hint;
  const auto count = static_cast<uint32_t>(line_starts_.size());
  if (line >= 1 && line <= count && line_starts_[line - 1] <= offset) {
    // A few lines forward at most, usually; far jumps fall back below.
    for (uint32_t steps = 0; line < count && line_starts_[line] <= offset; ++line) {
      if (++steps == 8) {
        line = 0;
        break;
      }
    }
  } else {
    line = 0;
  }
  if (line == 0) {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    line = static_cast<uint32_t>(it - line_starts_.begin());
  }
  *line_hint = line;
  const uint32_t start = line_starts_[line - 1];
  std::string_view prefix = std::string_view(text_).substr(start, offset - start);
  return {line, static_cast<uint32_t>(utf8::CountCharacters(prefix)) + 1};
}

std::string_view SourceFile::LineText(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const uint32_t start = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] - 1
                                            : static_cast<uint32_t>(text_.size());
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

}  // namespace sievekit
