// Action records and their reusable list.
#include "vm/action.h"

namespace sievekit::vm {

const ActionParam* Action::Param(std::string_view param_name) const {
  for (const ActionParam& p : params) {
    if (p.name == param_name) return &p;
  }
  return nullptr;
}

void Action::SetParam(std::string param_name, decltype(ActionParam::value) value) {
  for (ActionParam& p : params) {
    if (p.name == param_name) {
      p.value = std::move(value);
      return;
    }
  }
  params.push_back({std::move(param_name), std::move(value)});
}

Action& ActionList::Append() {
  if (size_ == actions_.size()) actions_.emplace_back();
  Action& a = actions_[size_++];
  a.type = {};
  a.disposition = Disposition::kNone;
  a.cancels_implicit_keep = false;
  a.mailbox.clear();
  a.flags.clear();
  a.copy = false;
  a.address.clear();
  a.reason.clear();
  a.params.clear();
  a.span = {};
  a.line = 0;
  a.column = 0;
  return a;
}

}  // namespace sievekit::vm
