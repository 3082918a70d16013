// Registration of ihave (RFC 5463): the ihave test (§4) and the error
// command (§5).
//
// ihave is decided at compile time: the capabilities a host offers do not
// change between compiling and running a script. Its guard hook tells the
// validator the outcome, and the validator folds the test into true or
// false, makes the capabilities usable in the code the test guards, and
// leaves that code unvalidated when the test is false (it may use
// extensions this host lacks, and it never runs). So no ihave reaches the
// VM, and this extension has no run time for it.
#include "extensions/ihave/ihave.h"

#include <fmt/format.h>

#include <algorithm>

#include "ir/ir.h"
#include "ir/validation_context.h"
#include "vm/call_runtime.h"
#include "vm/eval_context.h"
#include "vm/string_template.h"

namespace sievekit::extensions {
namespace {

constexpr DiagnosticKind kNonConstantCapability{
    "ihave-non-constant", Severity::kError,
    "the capabilities of ihave must be constant strings, but '{}' refers to a variable"};

// §4: "Implementations MUST NOT allow it to be used with extensions that
// change the underlying Sieve grammar, or extensions like encoded-character
// [...] or variables [...] that change how the content of Sieve scripts are
// interpreted." An extension that rewrites strings (TransformStrings) is of
// that kind whatever its name.
bool ChangesInterpretation(const ir::Registry& registry, const ir::ExtensionSpec& extension) {
  if (extension.name == "variables" || extension.name == "encoded-character") return true;
  const auto& transforms = registry.string_transforms();
  return std::any_of(transforms.begin(), transforms.end(),
                     [&](const auto& t) { return t.extension == &extension; });
}

// §4: "The strings in the capabilities list are constant strings in the
// context of Sieve variables [...] It is an error to pass a non-constant
// string as an argument to ihave."
void ValidateIhave(ir::ValidationContext& context, ir::Call& call) {
  if (!context.IsEnabled("variables")) return;
  for (const ir::StringValue& capability : call.positional[0].strings) {
    if (!vm::RuntimeString::Template(capability.text).is_constant()) {
      context.Report(kNonConstantCapability, capability.span, capability.text);
      return;
    }
  }
}

// §4: true when every capability is available to the script; item 4: "If
// any of the specified capabilities are unavailable, the test fails and
// none of the capabilities are enabled." Names are matched as `require`
// matches them.
bool GuardIhave(ir::ValidationContext& context, const ir::Call& call,
                std::vector<const ir::ExtensionSpec*>* enables) {
  enables->clear();
  for (const ir::StringValue& capability : call.positional[0].strings) {
    const ir::ExtensionSpec* extension = context.registry().FindExtension(capability.text);
    if (extension == nullptr || !context.IsAvailable(*extension) ||
        ChangesInterpretation(context.registry(), *extension)) {
      enables->clear();
      return false;
    }
    if (std::find(enables->begin(), enables->end(), extension) == enables->end()) {
      enables->push_back(extension);
    }
  }
  return true;
}

// error <message> (§5): ends the script with a runtime error carrying the
// message; the message is then kept (RFC 5228 §2.10.6).
class ErrorCommand final : public vm::PreparedCall {
 public:
  explicit ErrorCommand(vm::RuntimeString message) : message_(std::move(message)) {}

  bool Run(vm::EvalContext& ctx) const override {
    ctx.Fail("error-command", std::string(ctx.Expand(message_, &ctx.scratch(4))));
    return true;
  }

 private:
  vm::RuntimeString message_;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareError(const ir::Call& call,
                                                       vm::PrepareContext& context) {
  return std::unique_ptr<vm::PreparedCall>(
      new ErrorCommand(context.String(call.positional[0].strings[0])));
}

const vm::CallRuntime kErrorRuntime{PrepareError};

}  // namespace

void RegisterIhave(ir::Registry& registry) {
  registry.Register({"ihave", false, false}, [](ir::ExtensionBuilder& b) {
    ir::CallSpec& ihave = b.Test("ihave");
    ihave.positional = {{"capabilities", ir::ArgType::kStringList}};
    ihave.validate = ValidateIhave;
    ihave.guard = GuardIhave;  // folded by the validator: no run time
    ir::CallSpec& error = b.Command("error");
    error.positional = {{"message", ir::ArgType::kString}};
    error.runtime = &kErrorRuntime;
  });
}

}  // namespace sievekit::extensions
