// Diagnostics: what the compiler tells a script's author.
//
// A DiagnosticKind is one entry of the catalogue: a stable id (kebab-case,
// never renamed once released), a severity and an fmt-style message template.
// The core catalogue is in diagnostic_catalogue.h; an extension declares its
// own kinds in its folder. Diagnostics collects reports for one source file,
// keeps at most a configurable number of errors (the rest are counted, not
// stored), and never throws for a user error. Rendering lives elsewhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "common/span.h"

namespace sievekit {

enum class Severity : uint8_t { kError, kWarning };

std::string_view SeverityName(Severity severity);

struct DiagnosticKind {
  std::string_view id;
  Severity severity;
  std::string_view format;  // fmt replacement fields, filled by Report's arguments
};

struct DiagnosticNote {
  std::string message;
  std::optional<Span> span;  // where the note points, if anywhere
};

struct Diagnostic {
  const DiagnosticKind* kind = nullptr;
  Span span;
  std::string message;
  std::vector<DiagnosticNote> notes;

  Severity severity() const { return kind->severity; }
  std::string_view id() const { return kind->id; }
  // Adds a note; returns *this so notes chain.
  Diagnostic& Note(std::string message, std::optional<Span> span = std::nullopt);
};

class Diagnostics {
 public:
  static constexpr uint32_t kDefaultMaxErrors = 20;
  explicit Diagnostics(uint32_t max_errors = kDefaultMaxErrors) : max_errors_(max_errors) {}

  // Records a diagnostic whose message is kind.format with args substituted.
  // Past the error cap the report is counted and a scratch object returned.
  template <typename... Args>
  Diagnostic& Report(const DiagnosticKind& kind, Span span, const Args&... args) {
    return Add(kind, span, fmt::format(fmt::runtime(kind.format), args...));
  }
  Diagnostic& Add(const DiagnosticKind& kind, Span span, std::string message);

  const std::vector<Diagnostic>& all() const { return diagnostics_; }
  uint32_t error_count() const { return error_count_; }
  uint32_t warning_count() const { return warning_count_; }
  bool has_errors() const { return error_count_ > 0; }
  // True once errors were dropped, or work stopped, because of the cap.
  bool capped() const { return truncated_ || error_count_ > max_errors_; }
  // Called by a compiler stage that stops at the cap: records that more
  // errors may have followed, with a final too-many-errors diagnostic (not
  // counted as an error of its own). Idempotent.
  void MarkTruncated();
  bool AtErrorCap() const { return error_count_ >= max_errors_; }
  uint32_t max_errors() const { return max_errors_; }

  // Orders diagnostics by position (stable for equal positions).
  void SortByPosition();
  void Append(const Diagnostics& other);

 private:
  uint32_t max_errors_;
  uint32_t error_count_ = 0;
  uint32_t warning_count_ = 0;
  bool truncated_ = false;
  std::vector<Diagnostic> diagnostics_;
  Diagnostic scratch_;
};

}  // namespace sievekit
