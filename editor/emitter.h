// Emission: a RuleSet → Sieve source for one server profile.
//
// A rule read from a script and not edited since (its original chunk reads
// back as the same rule) is written as its exact original bytes. A rule
// whose content is unchanged but whose name or id changed keeps its
// statement bytes under a new marker; an opaque rule switched on or off is
// unwrapped or wrapped (statements.h). Anything else is written in the
// canonical layout with a canonical marker (markers.h), keeping the comments
// that stood before it. `require` is re-emitted as it was while the rules
// need exactly what they needed when the script was read, and otherwise
// rebuilt as the union of their needs (requirements.h). An unedited model
// thus comes out byte for byte.
//
// Every difference a reader could care about becomes a Loss: comments
// inside a rewritten rule, a condition now tested another way, a foreign
// marker replaced, `require` rebuilt, autoreplies suspended by the Out of
// office rule, macros enotify cannot expand, a contact list not supplied.
// Rules that must be written are validated first (validation.h); with
// errors nothing is written. The result is checked with the compiler front
// end, whose diagnostics are returned.
#pragma once

#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "common/result.h"
#include "editor/profile.h"
#include "editor/rule_model.h"
#include "editor/validation.h"
#include "ir/registry.h"

namespace sievekit::editor {

struct EmitOptions {
  // Default: the profile the model names, else DefaultProfile().
  const ServerProfile* profile = nullptr;
  // The user's contact addresses for the Spam rule's "also trust senders
  // from my Contacts"; null when the host does not supply them (then an
  // untouched Spam rule keeps the list it was written with).
  const std::vector<std::string>* contacts = nullptr;
  const ir::Registry* registry = nullptr;  // default: extensions::DefaultRegistry()
};

struct EmitResult {
  std::string script;
  std::vector<Loss> losses;
  std::vector<Issue> errors;  // why the model could not be written; script is then empty
  Diagnostics diagnostics;    // the front end's verdict on `script`
  bool ok() const { return errors.empty(); }
};

EmitResult EmitScript(const RuleSet& model, const EmitOptions& options = {});

// The profile EmitScript uses for `model` with `options`.
const ServerProfile& ProfileFor(const RuleSet& model, const EmitOptions& options);

// One rule's statement in its enabled form, without a marker: what the
// dialog's "edit source" shows.
Result<std::string> RuleSource(const Rule& rule, const ServerProfile& profile);

}  // namespace sievekit::editor
