// ValidateCall: matches one command's or test's arguments against its
// registered signature (RFC 5228 §2.6) and resolves the shared comparator,
// match type and address part (§2.7), producing an ir::Call.
//
// It knows nothing of control flow; validator.cc decides which calls are
// commands and which are tests, and handles blocks and nested tests.
#pragma once

#include "ir/ir.h"
#include "ir/validation_context.h"
#include "parser/syntax_tree.h"

namespace sievekit::ir {

// Converts syntax arguments and checks them against `spec`. Reports problems
// through `context`; the returned Call holds whatever could be matched, and
// *ok (when given) says whether no error was reported.
Call ValidateCall(ValidationContext& context, const CallSpec& spec, std::string_view written_name,
                  Span span, Span name_span, const std::vector<syntax::Argument>& arguments,
                  bool* ok = nullptr);
// The same, building the Call in place: *call must be default-constructed
// (the validator fills in the IR node that holds it, instead of moving a
// finished Call there).
void ValidateCallInto(ValidationContext& context, const CallSpec& spec,
                      std::string_view written_name, Span span, Span name_span,
                      const std::vector<syntax::Argument>& arguments, Call* call,
                      bool* ok = nullptr);

// "command" or "test", for messages.
std::string_view KindName(CallKind kind);

// Reports `require` missing for an item of `extension`, with the note that
// fixes it. `what` is e.g. "command" or "tagged argument".
void ReportMissingRequire(ValidationContext& context, Span span, std::string_view what,
                          std::string_view name, const ExtensionSpec& extension);

}  // namespace sievekit::ir
