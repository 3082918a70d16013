// Actions: what a script decided to do with a message (RFC 5228 §4 and the
// extensions), the VM's only output. The VM never performs them; the host
// does, with the execution helpers.
//
// Every action is one Action record: a type name ("keep", "fileinto",
// "redirect", ...) plus the fields its kind uses; extension-specific fields
// go in `params`. ActionList keeps the records of one evaluation and reuses
// their storage across evaluations, so a warm evaluation does not allocate.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/span.h"

namespace sievekit::vm {

// What an action does to the message itself, for the conflict rules of
// RFC 5228 §4 and RFC 5429 §2.4.
enum class Disposition : uint8_t {
  kNone,      // vacation, notify, flag changes: the message is untouched
  kDelivers,  // keep, fileinto, redirect
  kRefuses,   // reject, ereject
  kDiscards,  // discard
};

struct ActionParam {
  std::string name;
  std::variant<std::string, int64_t, bool, std::vector<std::string>> value;
};

struct Action {
  std::string_view type;  // static storage: "keep", "fileinto", ...
  Disposition disposition = Disposition::kNone;
  // Whether this action replaces the implicit keep (RFC 5228 §2.10.2):
  // fileinto, redirect and discard do; :copy variants and keep itself do not.
  bool cancels_implicit_keep = false;
  std::string mailbox;             // fileinto; keep stores into the default mailbox
  std::vector<std::string> flags;  // imap4flags :flags on keep and fileinto
  bool copy = false;               // :copy (RFC 3894)
  std::string address;             // redirect
  std::string reason;              // reject, ereject, vacation
  std::vector<ActionParam> params;  // everything else, in a stable order
  Span span;                        // the command that took the action
  uint32_t line = 0;                // and where it is, for hosts without the source
  uint32_t column = 0;

  const ActionParam* Param(std::string_view name) const;
  void SetParam(std::string name, decltype(ActionParam::value) value);
};

class ActionList {
 public:
  // Forgets every action but keeps the storage.
  void Clear() { size_ = 0; }
  // A cleared record at the end of the list, reusing old storage.
  Action& Append();
  void PopBack() { --size_; }
  std::span<const Action> all() const { return {actions_.data(), size_}; }
  std::span<Action> all() { return {actions_.data(), size_}; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  std::vector<Action> actions_;
  size_t size_ = 0;
};

}  // namespace sievekit::vm
