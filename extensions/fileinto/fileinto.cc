// Registration of the fileinto extension.
#include "extensions/fileinto/fileinto.h"

#include "common/diagnostic_catalogue.h"
#include "common/utf8.h"
#include "ir/ir.h"
#include "ir/validation_context.h"

namespace sievekit::extensions {
namespace {

// Mailbox names are UTF-8 (RFC 5228 §4.1 leaves encoding to the store; an
// invalid name can only come from encoded-character's ${hex:...}).
void ValidateMailbox(ir::ValidationContext& context, ir::Call& call) {
  const ir::StringValue& mailbox = call.positional[0].strings[0];
  if (!utf8::IsValid(mailbox.text)) {
    context.Report(diag::kInvalidValue, mailbox.span,
                   "the mailbox name is not valid UTF-8");
  } else if (mailbox.text.empty()) {
    context.Report(diag::kInvalidValue, mailbox.span, "the mailbox name is empty");
  }
}

}  // namespace

void RegisterFileinto(ir::Registry& registry) {
  registry.Register({"fileinto", false, false}, [](ir::ExtensionBuilder& b) {
    ir::CallSpec& fileinto = b.Command("fileinto");
    fileinto.positional = {{"folder", ir::ArgType::kString}};
    fileinto.validate = ValidateMailbox;
  });
}

}  // namespace sievekit::extensions
