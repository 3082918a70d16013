// The "do not reply" rules of vacation (see vacation_rules.h).
#include "delivery/vacation_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace sievekit::delivery {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A structured value without its comments (RFC 5322 §3.2.2), trimmed and
// lower-cased: "No (human)" gives "no".
std::string WithoutComments(std::string_view value) {
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\\' && depth > 0) {
      ++i;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  const size_t begin = out.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return {};
  const size_t end = out.find_last_not_of(" \t\r\n");
  return Lower(std::string_view(out).substr(begin, end - begin + 1));
}

std::string LocalPartOf(std::string_view address) {
  const size_t at = address.rfind('@');
  return std::string(at == std::string_view::npos ? address : address.substr(0, at));
}

bool IsOwn(const RuleInput& in, std::string_view canonical) {
  return !canonical.empty() && std::find(in.own.begin(), in.own.end(), canonical) != in.own.end();
}

}  // namespace

std::string CanonicalAddress(mail::Message& message, std::string_view text) {
  const mail::EnvelopePath path = message.ParseEnvelopePath(text);
  if (path.is_null || !path.address.valid || path.address.domain.empty()) return {};
  return Lower(path.address.local_part) + "@" + Lower(path.address.domain);
}

bool IsAutomatedLocalPart(std::string_view local_part) {
  std::string lp = Lower(local_part);
  // A detail ("bounces+1234=x") says nothing about who sends.
  if (const size_t plus = lp.find('+'); plus != std::string::npos && plus > 0) lp.resize(plus);
  static constexpr std::array<std::string_view, 7> kNames = {
      "mailer-daemon", "postmaster", "listserv", "majordomo", "mailman", "bounce", "bounces"};
  if (std::find(kNames.begin(), kNames.end(), lp) != kNames.end()) return true;
  // RFC 5230 §4.6: "addresses ending in "-request" or beginning in "owner-"";
  // -owner and -bounces are what list managers use for the same roles.
  if (StartsWith(lp, "owner-") || EndsWith(lp, "-request") || EndsWith(lp, "-owner") ||
      EndsWith(lp, "-bounces") || EndsWith(lp, "-bounce")) {
    return true;
  }
  // no-reply, noreply, no_reply, do-not-reply, donotreply, and the same
  // inside longer names ("notifications-noreply").
  std::string squeezed;
  for (char c : lp) {
    if (c != '-' && c != '_' && c != '.') squeezed += c;
  }
  return squeezed.find("noreply") != std::string::npos ||
         squeezed.find("donotreply") != std::string::npos;
}

std::optional<RuleVerdict> CheckNullSender(const RuleInput& in) {
  if (in.sender_is_null) {
    return RuleVerdict{suppressed::kNullSender,
                       "the envelope sender is empty (<>): no reply to automatic mail"};
  }
  if (in.sender_is_invalid || in.sender.empty()) {
    return RuleVerdict{suppressed::kInvalidSender, "the envelope sender is no valid address"};
  }
  return std::nullopt;
}

std::optional<RuleVerdict> CheckAutomatedSender(const RuleInput& in) {
  const std::string local_part = LocalPartOf(in.sender);
  if (IsAutomatedLocalPart(local_part)) {
    return RuleVerdict{suppressed::kAutomatedSender,
                       fmt::format("the sender {} is a system or list address", in.sender)};
  }
  for (const std::string& entry : in.never_reply_to) {
    const std::string e = Lower(entry);
    const bool matches = e.find('@') != std::string::npos ? e == in.sender : e == local_part;
    if (matches) {
      return RuleVerdict{suppressed::kAutomatedSender,
                         fmt::format("the sender {} is on the list of addresses never "
                                     "replied to",
                                     in.sender)};
    }
  }
  return std::nullopt;
}

std::optional<RuleVerdict> CheckSenderIsRecipient(const RuleInput& in) {
  if (IsOwn(in, in.sender) || (!in.reply_from.empty() && in.reply_from == in.sender)) {
    return RuleVerdict{
        suppressed::kSenderIsRecipient,
        fmt::format("the sender {} is the recipient: no reply to oneself", in.sender)};
  }
  return std::nullopt;
}

std::optional<RuleVerdict> CheckAutoSubmitted(mail::Message& message) {
  for (const mail::HeaderField& field : message.FieldsNamed("auto-submitted")) {
    const std::string value = WithoutComments(message.Unfolded(field));
    // The keyword ends at the first parameter (RFC 3834 §5: "auto-replied;
    // owner-email=...").
    const std::string keyword = value.substr(0, value.find_first_of("; \t"));
    if (keyword != "no") {
      return RuleVerdict{suppressed::kAutoSubmitted,
                         fmt::format("the message is Auto-Submitted: {}", keyword)};
    }
  }
  return std::nullopt;
}

std::optional<RuleVerdict> CheckPrecedence(mail::Message& message) {
  for (const mail::HeaderField& field : message.FieldsNamed("precedence")) {
    const std::string value = WithoutComments(message.Unfolded(field));
    if (value == "bulk" || value == "list" || value == "junk") {
      return RuleVerdict{suppressed::kPrecedence,
                         fmt::format("the message has Precedence: {}", value)};
    }
  }
  return std::nullopt;
}

std::optional<RuleVerdict> CheckMailingList(mail::Message& message) {
  for (const mail::HeaderField& field : message.fields()) {
    if (StartsWith(Lower(field.name()), "list-")) {
      return RuleVerdict{suppressed::kMailingList,
                         fmt::format("the message comes from a mailing list ({})", field.name())};
    }
  }
  return std::nullopt;
}

std::optional<RuleVerdict> CheckPersonal(mail::Message& message, const RuleInput& in,
                                         std::string* matched) {
  static constexpr std::array<std::string_view, 6> kFields = {
      "to", "cc", "bcc", "resent-to", "resent-cc", "resent-bcc"};
  for (std::string_view name : kFields) {
    for (const mail::HeaderField& field : message.FieldsNamed(name)) {
      for (const mail::Address& address : message.Addresses(field)) {
        if (!address.valid || address.domain.empty()) continue;
        const std::string canonical = Lower(address.local_part) + "@" + Lower(address.domain);
        if (IsOwn(in, canonical)) {
          if (matched != nullptr) *matched = std::string(address.all);
          return std::nullopt;
        }
      }
    }
  }
  if (!in.check_recipient) return std::nullopt;
  return RuleVerdict{suppressed::kNotPersonal,
                     "none of the recipient's addresses is in To, Cc, Bcc or Resent-To/Cc/Bcc"};
}

std::optional<RuleVerdict> CheckDoNotReply(mail::Message& message, const RuleInput& in,
                                           std::string* matched) {
  if (auto v = CheckNullSender(in)) return v;
  if (auto v = CheckAutomatedSender(in)) return v;
  if (auto v = CheckSenderIsRecipient(in)) return v;
  if (auto v = CheckAutoSubmitted(message)) return v;
  if (auto v = CheckPrecedence(message)) return v;
  if (auto v = CheckMailingList(message)) return v;
  return CheckPersonal(message, in, matched);
}

}  // namespace sievekit::delivery
