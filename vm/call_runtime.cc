// PrepareContext: string arguments become constants or templates.
#include "vm/call_runtime.h"

namespace sievekit::vm {

bool PrepareContext::Requires(std::string_view extension) const {
  for (const ir::ExtensionSpec* e : required_) {
    if (e->name == extension) return true;
  }
  return false;
}

RuntimeString PrepareContext::String(const ir::StringValue& value) {
  if (value.text.find("${") == std::string::npos || !Requires("variables")) {
    return RuntimeString::Constant(value.text);
  }
  RuntimeString s = RuntimeString::Template(value.text);
  for (const RuntimeString::Piece& p : s.pieces()) {
    if (p.kind == RuntimeString::Piece::Kind::kMatch) reads_match_variables_ = true;
  }
  return s;
}

std::vector<RuntimeString> PrepareContext::Strings(const ir::Value& value) {
  std::vector<RuntimeString> out;
  out.reserve(value.strings.size());
  for (const ir::StringValue& s : value.strings) out.push_back(String(s));
  return out;
}

uint32_t PrepareContext::OperandId(const std::string& description) {
  const auto next = static_cast<uint32_t>(operand_ids_.size());
  return operand_ids_.try_emplace(description, next).first->second;
}

}  // namespace sievekit::vm
