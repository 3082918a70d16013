// Validate: syntax tree → typed IR, reporting every compile-time error that
// RFC 5228 (and the registered extensions) define: unknown commands, tests,
// tags, comparators and extensions; wrong argument types and counts; tags
// after positional arguments; missing `require`; `require` out of place;
// `elsif`/`else` without `if`; comparator / match type misuse; and whatever
// each extension's validate hook checks.
//
// It reports as many errors as it finds (up to the diagnostics' cap) and never
// throws for a user error. The Script it returns is complete only when no
// error was reported; callers must check the diagnostics before using it.
#pragma once

#include "common/diagnostic.h"
#include "ir/ir.h"
#include "ir/registry.h"
#include "ir/validation_context.h"
#include "parser/syntax_tree.h"

namespace sievekit::ir {

Script Validate(const syntax::SyntaxTree& tree, const Registry& registry,
                const CompileOptions& options, Diagnostics& diagnostics);

}  // namespace sievekit::ir
