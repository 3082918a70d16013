// Registration of the envelope extension.
#include "extensions/envelope/envelope.h"

#include "common/diagnostic_catalogue.h"
#include "extensions/core/string_checks.h"
#include "ir/ir.h"
#include "ir/validation_context.h"

namespace sievekit::extensions {
namespace {

// RFC 5228 §5.4: "implementations SHOULD consider unknown envelope parts an
// error". Parts are case-insensitive; extensions may register more.
void ValidateEnvelopeParts(ir::ValidationContext& context, ir::Call& call) {
  for (const ir::StringValue& part : call.positional[0].strings) {
    if (IsRuntimeString(context, part.text)) continue;
    if (!context.registry().IsEnvelopePart(part.text)) {
      context.Report(diag::kInvalidEnvelopePart, part.span, part.text);
      return;  // one error per test
    }
  }
}

}  // namespace

void RegisterEnvelope(ir::Registry& registry) {
  registry.Register({"envelope", false, false}, [](ir::ExtensionBuilder& b) {
    ir::CallSpec& envelope = b.Test("envelope");
    envelope.groups = {std::string(ir::kComparatorGroup), std::string(ir::kAddressPartGroup),
                       std::string(ir::kMatchTypeGroup)};
    envelope.positional = {{"envelope part", ir::ArgType::kStringList},
                           {"key list", ir::ArgType::kStringList}};
    envelope.validate = ValidateEnvelopeParts;
  });
}

}  // namespace sievekit::extensions
