// SourceFile: a script's name and bytes, with a line table for turning byte
// offsets into 1-based line and column numbers.
//
// Columns count characters (UTF-8 code points; a byte that is not valid UTF-8
// counts as one character), because editors and GUIs point at characters.
// Lines end at LF (a CR before it belongs to the line ending). The class does
// no I/O; tools read the file and hand the bytes over.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/span.h"

namespace sievekit {

struct LineColumn {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in characters
  friend bool operator==(LineColumn, LineColumn) = default;
};

class SourceFile {
 public:
  SourceFile(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  std::string_view Slice(Span span) const;

  // Line and column of a byte offset; offsets past the end clamp to the end.
  LineColumn Locate(uint32_t offset) const;
  // The same, starting the line search at *line_hint (a 1-based line, or 0)
  // and leaving the offset's line there: offsets met in increasing order
  // (code generation walks the script front to back) cost a step or two
  // each instead of a binary search.
  LineColumn Locate(uint32_t offset, uint32_t* line_hint) const;
  // The text of a 1-based line without its line ending.
  std::string_view LineText(uint32_t line) const;
  uint32_t LineCount() const { return static_cast<uint32_t>(line_starts_.size()); }
  // Byte offset where a 1-based line starts.
  uint32_t LineStart(uint32_t line) const { return line_starts_[line - 1]; }

 private:
  std::string name_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

}  // namespace sievekit
