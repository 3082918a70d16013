// Vacation reply composition (see vacation_reply.h).
#include "delivery/vacation_reply.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "common/utf8.h"
#include "mail/encoded_words.h"
#include "mail/mime.h"

namespace sievekit::delivery {
namespace {

// RFC 5322 §2.1.1: lines of at most 998 characters without the CRLF.
constexpr size_t kMaxLine = 998;

// One header line's worth of text: control characters (CR and LF above
// all, which would start a new field) become spaces.
std::string OneLine(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = ' ';
  }
  return out;
}

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Text with CRLF line endings (lone CR or LF become CRLF), ending in CRLF.
std::string Crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32 + 2);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
  return out;
}

size_t LongestLine(std::string_view crlf_text) {
  size_t longest = 0;
  size_t start = 0;
  while (start < crlf_text.size()) {
    size_t end = crlf_text.find("\r\n", start);
    if (end == std::string_view::npos) end = crlf_text.size();
    longest = std::max(longest, end - start);
    start = end + 2;
  }
  return longest;
}

std::string Base64Lines(std::string_view data) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t line = 0;
  auto put = [&](char c) {
    out += c;
    if (++line == 76) {
      out += "\r\n";
      line = 0;
    }
  };
  for (size_t i = 0; i < data.size(); i += 3) {
    const size_t n = std::min<size_t>(3, data.size() - i);
    uint32_t group = 0;
    for (size_t j = 0; j < 3; ++j) {
      group = (group << 8) | (j < n ? static_cast<unsigned char>(data[i + j]) : 0u);
    }
    put(kAlphabet[(group >> 18) & 63]);
    put(kAlphabet[(group >> 12) & 63]);
    put(n > 1 ? kAlphabet[(group >> 6) & 63] : '=');
    put(n > 2 ? kAlphabet[group & 63] : '=');
  }
  if (line != 0) out += "\r\n";
  return out;
}

// The "<...>" message ids in a field value, in order.
std::vector<std::string_view> MessageIds(std::string_view value) {
  std::vector<std::string_view> ids;
  size_t i = 0;
  while ((i = value.find('<', i)) != std::string_view::npos) {
    const size_t end = value.find('>', i);
    if (end == std::string_view::npos) break;
    const std::string_view id = value.substr(i, end - i + 1);
    // An id holds no whitespace or brackets (RFC 5322 §3.6.4 msg-id).
    if (id.find_first_of(" \t\r\n<", 1) == std::string_view::npos && id.size() > 2) {
      ids.push_back(id);
    }
    i = end + 1;
  }
  return ids;
}

std::string_view FirstValue(mail::Message& message, std::string_view name) {
  for (const mail::HeaderField& field : message.FieldsNamed(name)) {
    return message.Unfolded(field);
  }
  return {};
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string MailboxField(std::string_view display_name, std::string_view address) {
  const std::string name = OneLine(display_name);
  if (name.find_first_not_of(' ') == std::string::npos) return fmt::format("<{}>", address);
  std::string out;
  if (IsAscii(name)) {
    out += '"';
    for (char c : name) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  } else {
    // Base64 words only: Q words in a phrase may hold fewer characters
    // (RFC 2047 §5 (3)), which kAuto does not promise.
    mail::EncodeOptions options;
    options.encoding = mail::WordEncoding::kBase64;
    options.first_line_used = 4;  // "To: "
    mail::EncodeHeaderText(name, options, &out);
  }
  out += fmt::format(" <{}>", address);
  return out;
}

std::string RenderReply(const ReplyParts& parts) {
  std::string m;
  m += fmt::format("From: {}\r\n", OneLine(parts.from));
  m += fmt::format("To: {}\r\n", parts.to);
  m += "Subject: ";
  mail::EncodeOptions encode;
  encode.first_line_used = 9;
  mail::EncodeHeaderText(OneLine(parts.subject), encode, &m);
  m += "\r\n";
  m += fmt::format("Date: {}\r\n", parts.date);
  m += fmt::format("Message-ID: {}\r\n", parts.message_id);
  if (!parts.in_reply_to.empty()) m += fmt::format("In-Reply-To: {}\r\n", parts.in_reply_to);
  if (!parts.references.empty()) {
    // One id per line keeps every line short however long the thread is.
    m += "References:";
    size_t i = 0;
    for (std::string_view id : MessageIds(parts.references)) {
      m += i++ == 0 ? " " : "\r\n ";
      m += id;
    }
    m += "\r\n";
  }
  m += "Auto-Submitted: auto-replied\r\n";  // RFC 3834 §5, RFC 5230 §5.6
  m += "MIME-Version: 1.0\r\n";
  if (parts.mime) {
    // The entity's own fields (CheckMimeEntity passed them), then its body.
    const std::string entity = Crlf(parts.body);
    size_t header_end = entity.find("\r\n\r\n");
    header_end = header_end == std::string::npos ? entity.size() : header_end + 2;
    size_t start = 0;
    bool skipping = false;
    while (start < header_end) {
      const size_t end = entity.find("\r\n", start) + 2;
      const std::string_view line(entity.data() + start, end - start);
      const bool continuation = line[0] == ' ' || line[0] == '\t';
      if (!continuation) skipping = LowerAscii(line.substr(0, 13)) == "mime-version:";
      if (!skipping) m += line;
      start = end;
    }
    m += "\r\n";
    if (header_end + 2 <= entity.size()) m += entity.substr(header_end + 2);
    return m;
  }
  const std::string body = Crlf(parts.body);
  const char* encoding = IsAscii(body) ? "7bit" : "8bit";
  const bool long_lines = LongestLine(body) > kMaxLine;
  if (long_lines) encoding = "base64";
  m += "Content-Type: text/plain; charset=utf-8\r\n";
  m += fmt::format("Content-Transfer-Encoding: {}\r\n\r\n", encoding);
  m += long_lines ? Base64Lines(body) : body;
  return m;
}

std::string CheckMimeEntity(std::string_view text) {
  mail::Message entity;
  entity.Parse(text);
  if (entity.fields().empty()) return "it has no MIME header fields";
  if (entity.header_scan().malformed_lines > 0) {
    return "its header has a line that is no header field";
  }
  if (!IsAscii(entity.header_bytes())) {
    return "its header has 8-bit characters (RFC 5230 section 5)";
  }
  for (const mail::HeaderField& field : entity.fields()) {
    const std::string name = LowerAscii(field.name());
    if (name.rfind("content-", 0) != 0 && name != "mime-version") {
      return fmt::format(
          "'{}' is no MIME header field (only Content-* fields belong to an "
          "entity)",
          field.name());
    }
  }
  if (!entity.has_body()) return "no empty line separates its header from its content";
  const mail::MimePart& top = entity.Mime().parts()[0];
  if ((top.flags & mail::MimePart::kInvalidContentType) != 0) {
    return "its Content-Type cannot be parsed";
  }
  if ((top.flags & mail::MimePart::kNoBoundary) != 0) return "its multipart type has no boundary";
  if ((top.flags & mail::MimePart::kMissingCloseBoundary) != 0) {
    return "its multipart content has no closing boundary";
  }
  if ((top.flags & mail::MimePart::kUnknownEncoding) != 0) {
    return "its Content-Transfer-Encoding is unknown";
  }
  return {};
}

std::string DefaultReplySubject(mail::Message& message, std::string_view subject_template,
                                std::string_view no_subject, size_t max_characters) {
  std::string original;
  for (const mail::HeaderField& field : message.FieldsNamed("subject")) {
    original = OneLine(message.Decoded(field));
    break;
  }
  const size_t first = original.find_first_not_of(' ');
  if (first == std::string::npos) return std::string(no_subject);
  original = original.substr(first, original.find_last_not_of(' ') - first + 1);
  static constexpr std::string_view kVariable = "%{subject}";
  const size_t at = subject_template.find(kVariable);
  if (at == std::string_view::npos) return std::string(subject_template);
  const std::string_view prefix = subject_template.substr(0, at);
  const std::string_view suffix = subject_template.substr(at + kVariable.size());
  const size_t fixed = utf8::CountCharacters(prefix) + utf8::CountCharacters(suffix);
  const size_t budget = max_characters > fixed ? max_characters - fixed : 1;
  if (utf8::CountCharacters(original) > budget) {
    original = std::string(utf8::TruncateCharacters(original, budget > 1 ? budget - 1 : 0));
    original += "\xe2\x80\xa6";  // U+2026 HORIZONTAL ELLIPSIS
  }
  return std::string(prefix) + original + std::string(suffix);
}

std::string ReplyToField(mail::Message& message, std::string_view sender,
                         std::string_view sender_as_given, bool ignore_envelope) {
  if (ignore_envelope) {
    for (std::string_view name : {"sender", "from"}) {
      for (const mail::HeaderField& field : message.FieldsNamed(name)) {
        for (const mail::Address& a : message.Addresses(field)) {
          if (a.valid && !a.domain.empty()) return MailboxField(a.display_name, a.all);
        }
      }
    }
  } else {
    for (std::string_view name : {"sender", "resent-from", "from", "reply-to"}) {
      for (const mail::HeaderField& field : message.FieldsNamed(name)) {
        for (const mail::Address& a : message.Addresses(field)) {
          if (!a.valid || a.domain.empty()) continue;
          if (LowerAscii(a.local_part) + "@" + LowerAscii(a.domain) == sender) {
            return MailboxField(a.display_name, a.all);
          }
        }
      }
    }
  }
  return fmt::format("<{}>", OneLine(sender_as_given));
}

void ThreadingFields(mail::Message& message, std::string* in_reply_to, std::string* references) {
  in_reply_to->clear();
  references->clear();
  const std::vector<std::string_view> own = MessageIds(FirstValue(message, "message-id"));
  if (own.empty()) return;  // RFC 5230 §5.8: nothing to refer to
  *in_reply_to = std::string(own.front());
  std::vector<std::string_view> chain = MessageIds(FirstValue(message, "references"));
  if (chain.empty()) {
    // Only an In-Reply-To with a single id says which message was the
    // parent's parent (RFC 5322 §3.6.4).
    chain = MessageIds(FirstValue(message, "in-reply-to"));
    if (chain.size() != 1) chain.clear();
  }
  for (std::string_view id : chain) {
    *references += id;
    *references += ' ';
  }
  *references += own.front();
}

}  // namespace sievekit::delivery
