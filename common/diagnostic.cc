// Diagnostics bookkeeping: the error cap, counting and ordering.
#include "common/diagnostic.h"

#include <algorithm>

#include "common/diagnostic_catalogue.h"

namespace sievekit {

std::string_view SeverityName(Severity severity) {
  return severity == Severity::kError ? "error" : "warning";
}

Diagnostic& Diagnostic::Note(std::string note_message, std::optional<Span> note_span) {
  notes.push_back({std::move(note_message), note_span});
  return *this;
}

Diagnostic& Diagnostics::Add(const DiagnosticKind& kind, Span span, std::string message) {
  if (kind.severity == Severity::kError) {
    ++error_count_;
    if (error_count_ > max_errors_) {
      scratch_ = Diagnostic{&kind, span, std::move(message), {}};
      return scratch_;
    }
  } else {
    ++warning_count_;
  }
  diagnostics_.push_back(Diagnostic{&kind, span, std::move(message), {}});
  return diagnostics_.back();
}

void Diagnostics::MarkTruncated() {
  if (truncated_) return;
  truncated_ = true;
  Span at{};
  for (const Diagnostic& d : diagnostics_) at = d.span.begin >= at.begin ? d.span : at;
  diagnostics_.push_back(
      Diagnostic{&diag::kTooManyErrors, at,
                 fmt::format("too many errors; stopping after {} (max_errors)", max_errors_),
                 {}});
}

void Diagnostics::SortByPosition() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return a.span.begin < b.span.begin;
                   });
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const Diagnostic& d : other.all()) {
    Add(*d.kind, d.span, d.message).notes = d.notes;
  }
}

}  // namespace sievekit
