// The compiler front end in one call: parse a script, then (when the syntax
// allows it) validate it into IR. Tools, the test runner and the library API
// all start here, so they report the same diagnostics in the same order.
#pragma once

#include <memory>

#include "common/diagnostic.h"
#include "common/source_file.h"
#include "ir/ir.h"
#include "ir/registry.h"
#include "ir/validation_context.h"
#include "parser/syntax_tree.h"

namespace sievekit::ir {

struct FrontendResult {
  syntax::SyntaxTree tree;
  Script script;  // meaningful only when !diagnostics.has_errors()
  Diagnostics diagnostics;
  bool ok() const { return !diagnostics.has_errors(); }
};

FrontendResult RunFrontend(std::shared_ptr<const SourceFile> source, const Registry& registry,
                           const CompileOptions& options = {});

}  // namespace sievekit::ir
