// Registration and run time of the copy extension (RFC 3894 §3): with
// ":copy", fileinto and redirect file or send a copy and do not cancel the
// implicit keep.
//
// The tag is added to the other extensions' commands; the effect is an
// action decorator, so fileinto and redirect stay unaware of copy. It must
// not change anything but the two fields below: duplicate merging in
// EvalContext::CommitAction then does the rest (a :copy action and a plain
// one to the same place are one action that cancels the implicit keep).
#include "extensions/copy/copy.h"

#include "ir/ir.h"
#include "vm/action.h"
#include "vm/call_runtime.h"

namespace sievekit::extensions {
namespace {

bool HasCopyTag(const ir::Call& call) {
  for (const ir::TagArgument& tag : call.tags) {
    if (tag.spec->name == "copy" && tag.spec->extension != nullptr &&
        tag.spec->extension->name == "copy") {
      return true;
    }
  }
  return false;
}

void DecorateCopy(vm::EvalContext& /*ctx*/, const ir::Call& call, vm::Action& action) {
  if (action.type != "fileinto" && action.type != "redirect") return;
  if (!HasCopyTag(call)) return;
  action.copy = true;
  action.cancels_implicit_keep = false;
}

const vm::ActionDecorator kCopyDecorator{DecorateCopy};

}  // namespace

void RegisterCopy(ir::Registry& registry) {
  registry.Register({"copy", false, false}, [](ir::ExtensionBuilder& b) {
    b.Tag("fileinto", "copy");
    b.Tag("redirect", "copy");
    b.DecorateActions(&kCopyDecorator);
  });
}

}  // namespace sievekit::extensions
