// Merging the results of a script sequence (see multiscript.h).
#include "delivery/multiscript.h"

#include <algorithm>

namespace sievekit::delivery {
namespace {

bool SameMailboxName(std::string_view a, std::string_view b) {
  // INBOX is case-insensitive (RFC 3501 §5.1); other names are compared
  // as they are.
  auto is_inbox = [](std::string_view n) {
    return n.size() == 5 && std::equal(n.begin(), n.end(), "inbox", [](char x, char y) {
             return (x | 0x20) == y;
           });
  };
  return a == b || (is_inbox(a) && is_inbox(b));
}

std::string_view StoreTarget(const vm::Action& a, std::string_view default_mailbox) {
  if (a.type == "keep") return default_mailbox;
  if (a.type == "fileinto") return a.mailbox;
  return {};
}

}  // namespace

void AppendScriptResult(vm::ActionList& result, std::span<const vm::Action> next,
                        std::string_view default_mailbox) {
  for (const vm::Action& added : next) {
    bool merged = false;
    const std::string_view target = StoreTarget(added, default_mailbox);
    for (vm::Action& earlier : result.all()) {
      const std::string_view earlier_target = StoreTarget(earlier, default_mailbox);
      if (!target.empty() && !earlier_target.empty() && SameMailboxName(target, earlier_target)) {
        earlier.flags = added.flags;
        earlier.cancels_implicit_keep =
            earlier.cancels_implicit_keep || added.cancels_implicit_keep;
        earlier.copy = earlier.copy && added.copy;
        if (added.type == "keep") {
          earlier.type = added.type;
          earlier.mailbox.clear();
        }
        merged = true;
        break;
      }
      const bool same_redirect = added.type == "redirect" && earlier.type == "redirect" &&
                                 added.address == earlier.address;
      const bool discard_twice = added.type == "discard" && earlier.type == "discard";
      const bool refuse_twice = added.disposition == vm::Disposition::kRefuses &&
                                earlier.disposition == vm::Disposition::kRefuses;
      if (same_redirect || discard_twice || refuse_twice) {
        merged = true;
        break;
      }
    }
    if (!merged) result.Append() = added;
  }
}

bool KeepsMessage(std::span<const vm::Action> actions) {
  bool cancelled = false;
  for (const vm::Action& a : actions) {
    if (a.type == "keep") return true;
    cancelled = cancelled || a.cancels_implicit_keep;
  }
  return !cancelled;
}

}  // namespace sievekit::delivery
