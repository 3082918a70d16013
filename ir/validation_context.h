// ValidationContext: what an extension's validate hook may see and do while
// the validator checks one call — report diagnostics, ask which extensions
// the script has enabled, and read the registry and options.
//
// Hooks must not keep references to the context beyond the call.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <typeindex>
#include <utility>
#include <vector>

#include "common/diagnostic.h"
#include "common/extension_config.h"
#include "common/limits.h"
#include "common/source_file.h"
#include "ir/registry.h"

namespace sievekit::ir {

struct CompileOptions {
  Limits limits;
  // Makes testsuite-only extensions (vnd.dovecot.testsuite) available; only
  // test runners set it.
  bool allow_testsuite = false;
  // Extensions the host does not offer, by name (a disabled extension is an
  // unknown one to the script).
  std::set<std::string, std::less<>> disabled_extensions;
  // The host's configuration of extensions (e.g. a notification policy that
  // refuses notify at compile time); see common/extension_config.h.
  ExtensionConfig extension_config;
};

class ValidationContext {
 public:
  ValidationContext(const Registry& registry, const CompileOptions& options,
                    const SourceFile& source, Diagnostics& diagnostics)
      : registry_(registry), options_(options), source_(source), diagnostics_(diagnostics) {
    UpdateStringTransforms();
  }

  const Registry& registry() const { return registry_; }
  const CompileOptions& options() const { return options_; }
  const SourceFile& source() const { return source_; }
  Diagnostics& diagnostics() { return diagnostics_; }

  template <typename... Args>
  Diagnostic& Report(const DiagnosticKind& kind, Span span, const Args&... args) {
    return diagnostics_.Report(kind, span, args...);
  }

  // Whether the script may use items of this extension here (required, or
  // always enabled; the RFC 5228 base is passed as nullptr and always is).
  bool IsEnabled(const ExtensionSpec* extension) const;
  bool IsEnabled(std::string_view extension_name) const;
  // Whether the host offers the extension at all.
  bool IsAvailable(const ExtensionSpec& extension) const;

  // True the first time an unknown tag is met on a call of this kind in
  // the script: only that use is reported.
  bool FirstUnknownTag(const CallSpec& spec, std::string_view tag) {
    return unknown_tags_.emplace(&spec, std::string(tag)).second;
  }

  // Per-script state an extension's validate hooks share (counts, names
  // seen), created on first use.
  template <typename T>
  T& State() {
    auto it = states_.find(std::type_index(typeid(T)));
    if (it == states_.end()) {
      it = states_.emplace(std::type_index(typeid(T)), std::make_shared<T>()).first;
    }
    return *static_cast<T*>(it->second.get());
  }

  // The string transforms (Registry::string_transforms) of the extensions
  // enabled now, in registry order: kept up to date by Enable and Disable,
  // since every string of a script goes through them.
  const std::vector<const Registry::ExtensionTransform*>& enabled_string_transforms() const {
    return enabled_transforms_;
  }

  void Enable(const ExtensionSpec* extension);
  // Undoes Enable, for extensions enabled only within a guarded block
  // (ihave, RFC 5463).
  void Disable(const ExtensionSpec* extension);

 private:
  const Registry& registry_;
  const CompileOptions& options_;
  const SourceFile& source_;
  Diagnostics& diagnostics_;
  // A script enables a handful of extensions and IsEnabled runs for every
  // string it holds: a short vector searched front to back beats a set.
  std::vector<const ExtensionSpec*> enabled_;
  std::vector<const Registry::ExtensionTransform*> enabled_transforms_;
  void UpdateStringTransforms();
  std::set<std::pair<const CallSpec*, std::string>> unknown_tags_;
  std::map<std::type_index, std::shared_ptr<void>> states_;
};

}  // namespace sievekit::ir
