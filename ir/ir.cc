// Small lookups on IR nodes.
#include "ir/ir.h"

namespace sievekit::ir {

const TagArgument* Call::FindTag(std::string_view name) const {
  for (const TagArgument& tag : tags) {
    if (tag.spec->name == name) return &tag;
  }
  return nullptr;
}

bool Script::Requires(std::string_view extension) const {
  for (const ExtensionSpec* e : required) {
    if (e->name == extension) return true;
  }
  return false;
}

}  // namespace sievekit::ir
