// Parse, then validate what parsed.
#include "ir/frontend.h"

#include "ir/validator.h"
#include "parser/parser.h"

namespace sievekit::ir {

FrontendResult RunFrontend(std::shared_ptr<const SourceFile> source, const Registry& registry,
                           const CompileOptions& options) {
  syntax::ParseResult parsed = syntax::Parse(source, options.limits);
  FrontendResult result{std::move(parsed.tree), Script{}, std::move(parsed.diagnostics)};
  // Validating a tree the parser gave up on would blame commands for what is
  // really the syntax error; validating the commands that did parse (after
  // recovery) finds more real errors per run.
  if (parsed.complete && !result.diagnostics.AtErrorCap()) {
    result.script = Validate(result.tree, registry, options, result.diagnostics);
  }
  result.script.source = source;
  result.diagnostics.SortByPosition();
  return result;
}

}  // namespace sievekit::ir
