// Composition of notification messages (see notify.h).
#include "delivery/notify.h"

#include <functional>
#include <random>

#include <fmt/format.h>

#include "common/utf8.h"
#include "delivery/mailto_uri.h"
#include "delivery/redirect.h"
#include "delivery/rejection.h"
#include "mail/encoded_words.h"

namespace sievekit::delivery {
namespace {

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Text with CRLF line endings and a final CRLF (nothing for empty text).
std::string CrlfText(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  if (!out.empty() && !out.ends_with("\r\n")) out += "\r\n";
  return out;
}

std::string UniqueToken() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  return fmt::format("{:016x}", rng());
}

const std::string* StringParam(const vm::Action& a, std::string_view name) {
  const vm::ActionParam* p = a.Param(name);
  return p == nullptr ? nullptr : std::get_if<std::string>(&p->value);
}

std::vector<std::string> ListParam(const vm::Action& a, std::string_view name) {
  const vm::ActionParam* p = a.Param(name);
  if (p == nullptr) return {};
  if (const auto* list = std::get_if<std::vector<std::string>>(&p->value)) return *list;
  if (const auto* one = std::get_if<std::string>(&p->value)) return {*one};
  return {};
}

// "Subject: ..." text: cut to `max` characters, the last one an ellipsis.
std::string LimitSubject(std::string_view subject, size_t max) {
  std::string out;
  for (char c : subject) out += (c == '\r' || c == '\n') ? ' ' : c;
  if (max > 0 && utf8::CountCharacters(out) > max) {
    out = std::string(utf8::TruncateCharacters(out, max - 1)) + "\u2026";
  }
  return out;
}

// An address for a header: the mailbox as the URI wrote it, its UTF-8
// display name encoded.
std::string HeaderMailbox(const MailtoRecipient& r) {
  if (r.utf8_name.empty()) return r.display;
  std::string out;
  mail::EncodeHeaderText(r.utf8_name, {}, &out);
  return out + " <" + r.address + ">";
}

std::string WithDomain(const std::string& address, const std::string& host) {
  return address.find('@') == std::string::npos ? address + "@" + host : address;
}

}  // namespace

std::string_view NotificationLoopRule(mail::Message& trigger) {
  for (const mail::HeaderField& field : trigger.FieldsNamed("auto-submitted")) {
    std::string_view value = trigger.Unfolded(field);
    // The keyword, before parameters (";") and comments ("(", RFC 3834 §5).
    value = Trim(value);
    const std::string token = LowerCopy(value.substr(0, value.find_first_of(" \t;(")));
    if (token == "no") continue;
    return token == "auto-notified" ? notify_rule::kNotification : notify_rule::kAutoSubmitted;
  }
  return {};
}

NotificationComposer::NotificationComposer(mail::Message& trigger, const mail::Envelope& envelope,
                                           NotifyOptions options)
    : trigger_(trigger),
      envelope_(envelope),
      options_(std::move(options)),
      loop_rule_(NotificationLoopRule(trigger)) {}

Notification NotificationComposer::Compose(const vm::Action& action) {
  Notification n;
  const std::string* capability = StringParam(action, notify_param::kCapability);
  const bool legacy = capability != nullptr && *capability == "notify";
  const std::string* method = StringParam(action, notify_param::kMethod);
  const std::string* message = StringParam(action, notify_param::kMessage);
  const std::string* from_tag = StringParam(action, notify_param::kFrom);
  const std::string* importance = StringParam(action, notify_param::kImportance);
  n.method = method != nullptr ? *method : (legacy ? "mailto" : "");
  n.importance = importance != nullptr ? *importance : "2";

  const std::string recipient(StripAngles(envelope_.rcpt_to));
  const std::string owner = !options_.user_email.empty() ? options_.user_email : recipient;
  const std::string postmaster = WithDomain(options_.postmaster, options_.host_name);
  n.from = from_tag != nullptr && !from_tag->empty() && !legacy
               ? *from_tag
               : (!owner.empty() ? owner : postmaster);

  std::vector<MailtoRecipient> to, cc;
  std::string body;
  std::vector<std::pair<std::string, std::string>> extra_headers;
  if (legacy) {
    if (LowerCopy(n.method) != "mailto") {
      n.suppressed_by = notify_rule::kUnsupported;
      return n;
    }
    for (const std::string& address : ListParam(action, notify_param::kOptions)) {
      to.push_back({address, address, {}});
    }
    n.message = message != nullptr ? *message : "";
    n.subject = LimitSubject(options_.legacy_subject, options_.max_subject_characters);
    body = n.message;
  } else {
    if (UriScheme(n.method) != "mailto") {
      n.suppressed_by = notify_rule::kUnsupported;
      return n;
    }
    auto uri = ParseMailtoUri(n.method);
    if (!uri.ok()) {
      n.suppressed_by = notify_rule::kInvalid;
      return n;
    }
    to = std::move(uri->to);
    cc = std::move(uri->cc);
    extra_headers = std::move(uri->headers);
    // RFC 5436 §2.7: :message, else the URI's subject, else the trigger's.
    std::string subject;
    if (message != nullptr) {
      subject = *message;
    } else if (uri->has_subject) {
      subject = uri->subject;
    } else {
      for (const mail::HeaderField& f : trigger_.FieldsNamed("subject")) {
        subject = std::string(trigger_.Decoded(f));
        break;
      }
    }
    n.message = message != nullptr ? *message : subject;
    n.subject = LimitSubject(subject, options_.max_subject_characters);
    // The URI's body, else the whole :message (the subject may be cut).
    body = uri->has_body ? uri->body : (message != nullptr ? *message : std::string());
  }

  // One notification per address per run, also within one URI.
  bool any = false;
  auto keep_new = [&](std::vector<MailtoRecipient>& list) {
    std::vector<MailtoRecipient> kept;
    for (MailtoRecipient& r : list) {
      any = true;
      if (!notified_.insert(LowerCopy(r.address)).second) continue;
      n.to.push_back(r.address);
      kept.push_back(std::move(r));
    }
    list = std::move(kept);
  };
  if (!loop_rule_.empty()) {
    for (const auto* list : {&to, &cc}) {
      for (const MailtoRecipient& r : *list) n.to.push_back(r.address);
    }
    n.suppressed_by = loop_rule_;
    return n;
  }
  keep_new(to);
  keep_new(cc);
  if (n.to.empty()) {
    n.suppressed_by = any ? notify_rule::kDuplicate : notify_rule::kNoRecipients;
    return n;
  }

  // RFC 5436 §2.7: a null sender stays null, so bounces cannot loop.
  std::string mail_from;
  if (!StripAngles(envelope_.mail_from).empty()) {
    using From = NotifyOptions::EnvelopeFrom;
    switch (options_.envelope_from) {
      case From::kFromTag:
        mail_from = from_tag != nullptr && !from_tag->empty() && !legacy ? *from_tag : postmaster;
        break;
      case From::kSender:
        mail_from = std::string(StripAngles(envelope_.mail_from));
        break;
      case From::kRecipient:
        mail_from = recipient;
        break;
      case From::kOriginalRecipient:
        mail_from = envelope_.original_recipient.empty()
                        ? recipient
                        : std::string(StripAngles(envelope_.original_recipient));
        break;
      case From::kUserEmail:
        mail_from = options_.user_email.empty() ? recipient : options_.user_email;
        break;
      case From::kExplicit:
        mail_from = std::string(StripAngles(options_.explicit_from));
        break;
    }
  }

  std::string m;
  // RFC 5436 §2.7.1: first, with the owner (an address, else a token).
  if (IsAddrSpec(owner)) {
    m += fmt::format("Auto-Submitted: auto-notified; owner-email=\"{}\"\r\n", owner);
  } else {
    m += fmt::format("Auto-Submitted: auto-notified; owner-token={:x}\r\n",
                     std::hash<std::string>{}(owner));
  }
  m += fmt::format("X-Sieve: sievekit; notify {}\r\n", legacy ? "(draft-martin-sieve-notify)"
                                                             : "(RFC 5435, mailto)");
  m += fmt::format("Message-ID: <{}.notify@{}>\r\n", UniqueToken(), options_.host_name);
  m += fmt::format("Date: {}\r\n", options_.date.empty() ? Rfc5322Now() : options_.date);
  m += fmt::format("From: {}\r\n", n.from);
  auto address_header = [&m](std::string_view name, const std::vector<MailtoRecipient>& list) {
    if (list.empty()) return;
    m += name;
    m += ": ";
    for (size_t i = 0; i < list.size(); ++i) {
      if (i > 0) m += ",\r\n ";
      m += HeaderMailbox(list[i]);
    }
    m += "\r\n";
  };
  address_header("To", to);
  address_header("Cc", cc);
  m += "Subject: ";
  mail::EncodeOptions encode;
  encode.first_line_used = 9;
  mail::EncodeHeaderText(n.subject, encode, &m);
  m += "\r\n";
  // Not standard, but what mail clients show (RFC 5436 §2.4 allows it).
  if (n.importance == "1") {
    m += "X-Priority: 1 (Highest)\r\nImportance: high\r\n";
  } else if (n.importance == "3") {
    m += "X-Priority: 5 (Lowest)\r\nImportance: low\r\n";
  } else {
    m += "X-Priority: 3 (Normal)\r\nImportance: normal\r\n";
  }
  for (const auto& [name, value] : extra_headers) {
    m += name + ": ";
    mail::EncodeOptions header_encode;
    header_encode.first_line_used = name.size() + 2;
    mail::EncodeHeaderText(value, header_encode, &m);
    m += "\r\n";
  }
  m += "MIME-Version: 1.0\r\n";
  m += "Content-Type: text/plain; charset=utf-8\r\n";
  m += fmt::format("Content-Transfer-Encoding: {}\r\n", IsAscii(body) ? "7bit" : "8bit");
  m += "\r\n";
  m += CrlfText(body);

  for (const std::string& address : n.to) {
    n.messages.push_back(OutgoingMessage{mail_from, address, m});
  }
  n.sent = true;
  return n;
}

}  // namespace sievekit::delivery
