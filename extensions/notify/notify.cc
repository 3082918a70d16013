// Registration of "enotify" and "notify", the shared `notify` command's
// dispatch (see notify.h), :encodeurl (RFC 5435 §6) and the notification
// limit (RFC 5435 §8).
#include "extensions/notify/notify.h"

#include <fmt/format.h>

#include "common/diagnostic.h"
#include "extensions/notify/notify_internal.h"
#include "extensions/variables/set_modifier.h"

namespace sievekit::extensions {
namespace {

using namespace notify_internal;  // NOLINT: this folder's own helpers

constexpr DiagnosticKind kNotifyRequire{
    "missing-require", Severity::kError,
    "command 'notify' needs the extension 'enotify' (RFC 5435) or 'notify' (the legacy "
    "draft), which is not required"};
constexpr DiagnosticKind kNotifyAmbiguous{
    "ambiguous-notify", Severity::kError,
    "command 'notify' is ambiguous: the script requires both 'enotify' and the legacy "
    "'notify', whose notify commands differ"};
constexpr DiagnosticKind kNotifyProhibited{
    "notify-prohibited", Severity::kError,
    "local policy prohibits the use of a notify action (max_notifications is 0)"};

// The shared hook: which capability the call belongs to, then its checks.
void ValidateNotify(ir::ValidationContext& context, ir::Call& call) {
  const bool enotify = context.IsEnabled("enotify");
  const bool legacy = context.IsEnabled("notify");
  if (!enotify && !legacy) {
    context.Report(kNotifyRequire, call.name_span)
        .Note("add require \"enotify\" (or \"notify\" for the legacy syntax)");
    return;
  }
  if (enotify && legacy) {
    context.Report(kNotifyAmbiguous, call.name_span)
        .Note("require only one of \"enotify\" and \"notify\"");
    return;
  }
  if (context.options().extension_config.Get<NotifyConfig>().max_notifications == 0) {
    context.Report(kNotifyProhibited, call.name_span);
    return;
  }
  if (enotify) {
    ValidateEnotify(context, call);
  } else {
    ValidateLegacyNotify(context, call);
  }
}

Result<std::unique_ptr<vm::PreparedCall>> PrepareNotify(const ir::Call& call,
                                                       vm::PrepareContext& context) {
  const bool enotify = context.Requires("enotify");
  const bool legacy = context.Requires("notify");
  // Only a crafted binary gets here with neither or both (the validator
  // refuses such scripts).
  if (enotify == legacy) return Error{"'notify' needs exactly one of 'enotify' and 'notify'"};
  return enotify ? PrepareEnotify(call, context) : PrepareLegacyNotify(call, context);
}

const vm::CallRuntime kNotifyRuntime{PrepareNotify};
const vm::CallRuntime kDenotifyRuntime{PrepareDenotify};
const vm::CallRuntime kValidNotifyMethodRuntime{PrepareValidNotifyMethod};
const vm::CallRuntime kNotifyMethodCapabilityRuntime{PrepareNotifyMethodCapability};

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '.' || c == '_' || c == '~';
}

constexpr SetModifier kEncodeUrl{"encodeurl", 15, EncodeUrl, EncodeUrlCut};

bool IsLetterOrDigit(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

}  // namespace

void EncodeUrl(std::string_view in, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->clear();
  for (char ch : in) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c)) {
      out->push_back(ch);
    } else {
      out->push_back('%');
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
    }
  }
}

size_t EncodeUrlCut(std::string_view encoded, size_t limit) {
  if (encoded.size() <= limit) return encoded.size();
  auto byte_at = [&](size_t i) -> int {  // the octet an escape at i stands for
    auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    return nibble(encoded[i + 1]) * 16 + nibble(encoded[i + 2]);
  };
  size_t cut = 0;  // the end of the last whole character that fits
  size_t i = 0;
  while (i < encoded.size()) {
    size_t next = i + 1;
    if (encoded[i] == '%' && i + 2 < encoded.size()) {
      // An escaped character: its lead octet's escape, then one escape per
      // continuation octet (10xxxxxx).
      next = i + 3;
      while (next + 2 < encoded.size() && encoded[next] == '%' &&
             (byte_at(next) & 0xC0) == 0x80 && (byte_at(i) & 0xC0) == 0xC0) {
        next += 3;
      }
    }
    if (next > limit) break;
    cut = next;
    i = next;
  }
  return cut;
}

bool IsValidNotifyOption(std::string_view option) {
  const size_t eq = option.find('=');
  if (eq == std::string_view::npos || eq == 0) return false;
  if (!IsLetterOrDigit(option[0])) return false;
  for (char c : option.substr(1, eq - 1)) {
    if (!IsLetterOrDigit(c) && c != '.' && c != '-' && c != '_') return false;
  }
  for (char c : option.substr(eq + 1)) {
    if (c == '\0' || c == '\r' || c == '\n') return false;
  }
  return true;
}

namespace notify_internal {

bool NotifyAllowed(vm::EvalContext& ctx) {
  if (ctx.options().extension_config.Get<NotifyConfig>().max_notifications == 0) {
    ctx.Fail("notify-prohibited",
             "local policy prohibits the use of a notify action (max_notifications is 0)");
    return false;
  }
  return true;
}

void CommitNotify(vm::EvalContext& ctx) {
  ctx.CommitAction();
  if (ctx.failed()) return;
  const uint32_t limit = ctx.options().extension_config.Get<NotifyConfig>().max_notifications;
  uint64_t count = 0;
  for (const vm::Action& a : ctx.actions().all()) count += a.type == "notify" ? 1u : 0u;
  if (count > limit) {
    ctx.mutable_actions().PopBack();
    ctx.Fail("max-notifications",
             fmt::format("number of notify actions exceeds policy limit of {} "
                         "(max_notifications)",
                         limit));
  }
}

}  // namespace notify_internal

void RegisterNotify(ir::Registry& registry) {
  using ir::ArgType;
  registry.Register({"enotify", false, false}, [](ir::ExtensionBuilder& b) {
    b.Tag("notify", "from", ArgType::kString, "an address");
    b.Tag("notify", "importance", ArgType::kString, "\"1\", \"2\" or \"3\"");
    ir::CallSpec& valid = b.Test("valid_notify_method");
    valid.positional = {{"notification-uris", ArgType::kStringList}};
    valid.runtime = &kValidNotifyMethodRuntime;
    ir::CallSpec& capability = b.Test("notify_method_capability");
    capability.positional = {{"notification-uri", ArgType::kString},
                             {"notification-capability", ArgType::kString},
                             {"key-list", ArgType::kStringList}};
    capability.groups = {std::string(ir::kComparatorGroup), std::string(ir::kMatchTypeGroup)};
    capability.runtime = &kNotifyMethodCapabilityRuntime;
    DeclareSetModifier(b, kEncodeUrl);
  });
  registry.Register({"notify", false, false}, [](ir::ExtensionBuilder& b) {
    b.Tag("notify", "method", ArgType::kString, "a method name");
    b.Tag("notify", "id", ArgType::kString, "an identifier");
    ir::CallSpec& denotify = b.Command("denotify");
    denotify.runtime = &kDenotifyRuntime;
    // The draft's MATCH-TYPE carries the identifier (legacy_notify.cc).
    for (const char* match : {"is", "contains", "matches"}) {
      b.Tag("denotify", match, ArgType::kString, "an identifier", "denotify-match");
    }
    for (const char* call : {"notify", "denotify"}) {
      for (const char* priority : {"low", "normal", "high"}) {
        b.Tag(call, priority, std::nullopt, {}, "notify-priority");
      }
    }
  });
  // Owned by neither capability (see notify.h); ValidateNotify checks the
  // require. :options and :message belong to both syntaxes.
  registry.Register({}, [](ir::ExtensionBuilder& b) {
    ir::CallSpec& notify = b.Command("notify");
    notify.positional = {{"method", ArgType::kString, /*optional=*/true}};
    notify.validate = ValidateNotify;
    notify.runtime = &kNotifyRuntime;
    b.Tag("notify", "options", ArgType::kStringList, "a list of options");
    b.Tag("notify", "message", ArgType::kString, "the message text");
  });
}

}  // namespace sievekit::extensions
