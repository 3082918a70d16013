// CallVerifier: re-checks one call of a Program that did not come from the
// validator (a loaded binary) against everything the validator guarantees,
// so that the run-time hooks, which trust validated calls, never see one
// that a script could not have produced.
//
// It checks the call's signature (positional count and types, tags that
// belong to the call with a parameter exactly when the tag takes one, at
// most one tag per group, required groups present), the resolved
// comparator / match type / relational operator / address part (present
// exactly when the call accepts the group, agreeing with the tags, the
// comparator able to serve the match type), that every item's extension is
// required, the shape of values (string counts, lengths, spans), and
// finally runs the match type's and the call's own validate hooks with a
// throwaway ValidationContext. It never modifies the call and never reads
// the source, which a binary does not have.
#pragma once

#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "common/result.h"
#include "common/source_file.h"
#include "ir/ir.h"
#include "ir/registry.h"
#include "ir/validation_context.h"

namespace sievekit::vm {

class CallVerifier {
 public:
  // `required` are the program's extensions (assumed available: the program
  // verifier checks that first). The registry must outlive the verifier.
  CallVerifier(const ir::Registry& registry, const ir::CompileOptions& options,
               const std::vector<const ir::ExtensionSpec*>& required);

  // Ok, or an Error whose message says what is wrong with the call (without
  // naming the call: the caller knows which one it is).
  Result<void> Verify(const ir::Call& call);

 private:
  Result<void> VerifyValue(const ir::Value& value, ir::ArgType want, std::string_view what) const;
  Result<void> VerifyTags(const ir::Call& call) const;
  Result<void> VerifySharedArguments(const ir::Call& call) const;
  Result<void> RunHooks(const ir::Call& call);

  const ir::Registry& registry_;
  const ir::CompileOptions options_;
  SourceFile no_source_;  // hooks may ask for the source; a binary has none
  Diagnostics diagnostics_;
  ir::ValidationContext context_;
};

}  // namespace sievekit::vm
