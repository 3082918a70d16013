// Text and JSON rendering of diagnostics: locating spans, drawing the caret
// and tilde underline under the offending characters.
#include "common/diagnostic_render.h"

#include <algorithm>

#include <fmt/format.h>

#include "common/utf8.h"

namespace sievekit {
namespace {

constexpr std::string_view kBold = "\033[1m";
constexpr std::string_view kRed = "\033[1;31m";
constexpr std::string_view kMagenta = "\033[1;35m";
constexpr std::string_view kGreen = "\033[1;32m";
constexpr std::string_view kCyan = "\033[1;36m";
constexpr std::string_view kReset = "\033[0m";

// A line longer than this (a generated or hostile script can hold a
// megabyte on one line) is shown as a window of about this many bytes
// around the caret, from kSnippetContext bytes before it, with "..." where
// it is cut: one diagnostic stays one screen line.
constexpr size_t kMaxSnippetBytes = 160;
constexpr size_t kSnippetContext = 60;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The source line with control characters made visible, and the underline
// aligned beneath it (tabs are copied so the caret lines up).
void AppendSnippet(const SourceFile& source, Span span, const TextRenderOptions& options,
                   std::string* out) {
  const LineColumn start = source.Locate(span.begin);
  const std::string_view line = source.LineText(start.line);
  const uint32_t line_start = source.LineStart(start.line);
  const uint32_t caret_offset = std::min<uint32_t>(span.begin - line_start,
                                                   static_cast<uint32_t>(line.size()));
  const uint32_t span_end_on_line =
      std::min<uint32_t>(span.end - line_start, static_cast<uint32_t>(line.size()));

  size_t begin = 0;
  size_t end = line.size();
  if (line.size() > kMaxSnippetBytes) {
    begin = caret_offset > kSnippetContext ? caret_offset - kSnippetContext : 0;
    while (begin > 0 && IsContinuationByte(line[begin])) --begin;
    end = std::min(line.size(), begin + kMaxSnippetBytes);
    while (end < line.size() && IsContinuationByte(line[end])) ++end;
  }
  std::string shown = begin > 0 ? "..." : "";
  std::string underline = begin > 0 ? "   " : "";
  size_t i = begin;
  while (i <= end) {
    const bool in_span = i >= caret_offset && (i < span_end_on_line || i == caret_offset);
    if (i == end) {
      if (caret_offset == line.size()) underline += '^';  // points past the end
      break;
    }
    size_t length = utf8::SequenceLength(line.substr(i));
    const auto c = static_cast<unsigned char>(line[i]);
    std::string glyph;
    if (length == 0) {
      glyph = "?";
      length = 1;
    } else if (c == '\t') {
      glyph = "\t";
    } else if (c < 0x20 || c == 0x7F) {
      glyph = "?";
    } else {
      glyph = std::string(line.substr(i, length));
    }
    shown += glyph;
    if (i == caret_offset) {
      underline += '^';
    } else if (in_span) {
      underline += '~';
    } else {
      underline += glyph == "\t" ? '\t' : ' ';
    }
    i += length;
  }
  while (!underline.empty() && (underline.back() == ' ' || underline.back() == '\t')) {
    underline.pop_back();
  }
  if (end < line.size()) shown += "...";
  *out += shown;
  *out += '\n';
  if (options.color) *out += kGreen;
  *out += underline;
  if (options.color) *out += kReset;
  *out += '\n';
}

void AppendHeader(const SourceFile& source, uint32_t offset, std::string_view severity,
                  std::string_view colour, std::string_view message,
                  const TextRenderOptions& options, std::string* out) {
  const LineColumn at = source.Locate(offset);
  if (options.color) *out += kBold;
  *out += fmt::format("{}:{}:{}: ", source.name(), at.line, at.column);
  if (options.color) *out += colour;
  *out += severity;
  *out += ": ";
  if (options.color) *out += kReset;
  if (options.color) *out += kBold;
  *out += message;
  if (options.color) *out += kReset;
}

}  // namespace

std::string RenderText(const SourceFile& source, const Diagnostic& diagnostic,
                       const TextRenderOptions& options) {
  std::string out;
  const bool error = diagnostic.severity() == Severity::kError;
  AppendHeader(source, diagnostic.span.begin, SeverityName(diagnostic.severity()),
               error ? kRed : kMagenta, diagnostic.message, options, &out);
  out += fmt::format(" [{}]\n", diagnostic.id());
  AppendSnippet(source, diagnostic.span, options, &out);
  for (const DiagnosticNote& note : diagnostic.notes) {
    if (note.span) {
      AppendHeader(source, note.span->begin, "note", kCyan, note.message, options, &out);
      out += '\n';
      AppendSnippet(source, *note.span, options, &out);
    } else {
      if (options.color) out += kCyan;
      out += "note: ";
      if (options.color) out += kReset;
      out += note.message;
      out += '\n';
    }
  }
  return out;
}

std::string RenderText(const SourceFile& source, const Diagnostics& diagnostics,
                       const TextRenderOptions& options) {
  std::string out;
  for (const Diagnostic& d : diagnostics.all()) out += RenderText(source, d, options);
  return out;
}

void RenderJson(const SourceFile& source, const Diagnostics& diagnostics, JsonWriter& out) {
  for (const Diagnostic& d : diagnostics.all()) {
    const LineColumn begin = source.Locate(d.span.begin);
    const LineColumn end = source.Locate(d.span.end);
    out.BeginObject()
        .Key("file").String(source.name())
        .Key("line").Uint(begin.line)
        .Key("column").Uint(begin.column)
        .Key("end_line").Uint(end.line)
        .Key("end_column").Uint(end.column)
        .Key("severity").String(SeverityName(d.severity()))
        .Key("id").String(d.id())
        .Key("message").String(d.message);
    out.Key("notes").BeginArray();
    for (const DiagnosticNote& note : d.notes) {
      out.BeginObject().Key("message").String(note.message);
      if (note.span) {
        const LineColumn at = source.Locate(note.span->begin);
        out.Key("line").Uint(at.line).Key("column").Uint(at.column);
      }
      out.EndObject();
    }
    out.EndArray();
    out.EndObject();
  }
}

}  // namespace sievekit
