// Rendering diagnostics for people (clang-style text) and for programs (JSON).
//
// Text form, one block per diagnostic:
//   FILE:LINE:COL: error: MESSAGE [id]
//     the source line
//     ^~~~~
//   FILE:LINE:COL: note: NOTE        (a note with a place)
//   note: NOTE                       (a note without one)
// JSON form: one object per diagnostic with file, line, column, end_line,
// end_column (the position just past the span), severity, id, message and
// notes. Columns count characters. Rendering never changes the diagnostics.
#pragma once

#include <string>

#include "common/diagnostic.h"
#include "common/json_writer.h"
#include "common/source_file.h"

namespace sievekit {

struct TextRenderOptions {
  bool color = false;  // ANSI colours, for terminals
};

std::string RenderText(const SourceFile& source, const Diagnostics& diagnostics,
                       const TextRenderOptions& options = {});
std::string RenderText(const SourceFile& source, const Diagnostic& diagnostic,
                       const TextRenderOptions& options = {});

// Appends one JSON object per diagnostic to an open JSON array.
void RenderJson(const SourceFile& source, const Diagnostics& diagnostics, JsonWriter& out);

}  // namespace sievekit
