// Notifications: RFC 5435's "enotify" (with the mailto method of RFC 5436)
// and the legacy "notify" of draft-martin-sieve-notify-01, as Cyrus and
// Kerio MailServer used it.
//
// Both capabilities define a command called `notify`, with different
// arguments and meanings. The registry keys commands by name and gives a
// command one owning extension, so `notify` is declared once, owned by
// neither, with the union of both signatures; its validate hook accepts a
// call only when exactly one of the two capabilities is required and then
// holds it to that capability's syntax (tags of the other capability are
// refused by the validator, which sees they belong to an extension that is
// not required). A script that requires both may use every other item of
// either (denotify, valid_notify_method, :encodeurl, ...), but a `notify`
// in it is an error: nothing in the command says which one it means. The
// VM side picks the behaviour from the program's requires, and both record
// one kind of action, "notify", which delivery/notify.h composes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ir/registry.h"

namespace sievekit::extensions {

// The host's notification policy (stored in ExtensionConfig, read at
// compile time and at run time).
struct NotifyConfig {
  // max_notifications: notify actions one evaluation may take (RFC 5435 §8:
  // "it MUST be possible to limit the number of notify actions"); more is
  // a runtime error. 0 prohibits notify: scripts using it do not compile,
  // and already compiled ones fail when they reach it.
  uint32_t max_notifications = 10;
};

// Declares the "enotify" and "notify" capabilities.
void RegisterNotify(ir::Registry& registry);

// RFC 5435 §6: percent-encodes every octet outside RFC 3986's unreserved
// set (ALPHA DIGIT "-" "." "_" "~"), upper-case hex.
void EncodeUrl(std::string_view in, std::string* out);
// Where an :encodeurl result may be cut to fit `limit` bytes: after a whole
// character's escapes (never inside "%C3%A9", nor between its two
// escapes).
size_t EncodeUrlCut(std::string_view encoded, size_t limit);

// RFC 5435 §3.5: "optionname=value", optionname = l-d *(l-d / "." / "-" /
// "_"), the value without CR, LF or NUL.
bool IsValidNotifyOption(std::string_view option);

}  // namespace sievekit::extensions
