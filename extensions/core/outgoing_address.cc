// A small recursive-descent parser for one RFC 5322 mailbox, used to vet
// addresses that a script sends mail to.
#include "extensions/core/outgoing_address.h"

namespace sievekit::extensions {
namespace {

bool IsAtext(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-':
    case '/': case '=': case '?': case '^': case '_': case '`': case '{': case '|': case '}':
    case '~':
      return true;
    default:
      return false;
  }
}

class MailboxParser {
 public:
  explicit MailboxParser(std::string_view text) : text_(text) {}

  std::optional<OutgoingAddress> Run(std::string* error) {
    for (char c : text_) {
      if (static_cast<unsigned char>(c) >= 0x80) return Fail("non-ASCII characters", error);
    }
    SkipCfws();
    if (AtEnd()) return Fail("empty address", error);
    // Either an addr-spec, or a phrase followed by <addr-spec>. Try the
    // angle form first when a '<' appears at the top level.
    const size_t start = pos_;
    OutgoingAddress address;
    if (!HasTopLevelAngle()) {
      if (!ParseAddrSpec(&address, error)) return std::nullopt;
    } else {
      pos_ = start;
      ParsePhrase();
      SkipCfws();
      if (!Consume('<')) return Fail("expected '<'", error);
      SkipCfws();
      if (!ParseAddrSpec(&address, error)) return std::nullopt;
      SkipCfws();
      if (!Consume('>')) return Fail("missing '>'", error);
    }
    SkipCfws();
    if (!AtEnd()) {
      return Fail(Peek() == ',' ? "only one address is allowed" : "unexpected text after the address",
                  error);
    }
    if (unterminated_comment_) return Fail("unterminated comment", error);
    return address;
  }

 private:
  static std::optional<OutgoingAddress> Fail(std::string_view why, std::string* error) {
    if (error != nullptr) *error = std::string(why);
    return std::nullopt;
  }

  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  bool Consume(char c) {
    if (Peek() != c || AtEnd()) return false;
    ++pos_;
    return true;
  }

  bool HasTopLevelAngle() const {
    bool quoted = false;
    int comment = 0;
    for (size_t i = pos_; i < text_.size(); ++i) {
      const char c = text_[i];
      if (quoted) {
        if (c == '\\') ++i;
        else if (c == '"') quoted = false;
      } else if (comment > 0) {
        if (c == '\\') ++i;
        else if (c == '(') ++comment;
        else if (c == ')') --comment;
      } else if (c == '"') {
        quoted = true;
      } else if (c == '(') {
        comment = 1;
      } else if (c == '<') {
        return true;
      }
    }
    return false;
  }

  // Skips folding whitespace and (nested) comments. An unterminated comment
  // runs to the end and marks the address invalid.
  void SkipCfws() {
    for (;;) {
      while (!AtEnd() && (Peek() == ' ' || Peek() == '\t' || Peek() == '\r' || Peek() == '\n')) {
        ++pos_;
      }
      if (AtEnd() || Peek() != '(') return;
      int depth = 0;
      while (!AtEnd()) {
        const char c = text_[pos_++];
        if (c == '\\') {
          if (!AtEnd()) ++pos_;
        } else if (c == '(') {
          ++depth;
        } else if (c == ')' && --depth == 0) {
          break;
        }
      }
      if (depth != 0) unterminated_comment_ = true;
    }
  }

  bool ParseAtom(std::string* out) {
    const size_t start = pos_;
    while (!AtEnd() && IsAtext(Peek())) ++pos_;
    out->append(text_.substr(start, pos_ - start));
    return pos_ > start;
  }

  bool ParseQuotedString(std::string* out) {
    if (!Consume('"')) return false;
    while (!AtEnd() && Peek() != '"') {
      if (Peek() == '\\') ++pos_;
      if (!AtEnd()) out->push_back(text_[pos_++]);
    }
    return Consume('"');
  }

  // dot-atom-text (RFC 5322 §3.2.3): atext runs joined by single dots.
  static bool IsDotAtom(std::string_view s) {
    if (s.empty() || s.front() == '.' || s.back() == '.') return false;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '.' ? s[i + 1] == '.' : !IsAtext(s[i])) return false;
    }
    return true;
  }

  // display-name = phrase; obsolete phrases may contain dots.
  void ParsePhrase() {
    std::string ignored;
    for (;;) {
      SkipCfws();
      if (Peek() == '"') {
        if (!ParseQuotedString(&ignored)) return;
      } else if (Peek() == '.' || IsAtext(Peek())) {
        while (!AtEnd() && (Peek() == '.' || IsAtext(Peek()))) ++pos_;
      } else {
        return;
      }
    }
  }

  bool ParseAddrSpec(OutgoingAddress* address, std::string* error) {
    // local-part: words separated by dots; empty words (leading, trailing or
    // doubled dots) are tolerated, two words without a dot are not.
    std::string local;
    bool any_word = false;
    bool any_quoted = false;
    for (;;) {
      SkipCfws();
      std::string word;
      if (Peek() == '"') {
        if (!ParseQuotedString(&word)) {
          Fail("unterminated quoted local part", error);
          return false;
        }
        any_word = true;
        any_quoted = true;
      } else if (ParseAtom(&word)) {
        any_word = true;
      }
      local += word;
      SkipCfws();
      if (!Consume('.')) break;
      local += '.';
    }
    if (!any_word) {
      Fail(Peek() == '@' ? "missing local part" : "not an address", error);
      return false;
    }
    if (!Consume('@')) {
      Fail(AtEnd() ? "missing '@domain'" : "invalid local part", error);
      return false;
    }
    SkipCfws();
    std::string domain;
    if (Peek() == '[') {
      const size_t start = pos_;
      while (!AtEnd() && Peek() != ']') ++pos_;
      if (!Consume(']')) {
        Fail("unterminated domain literal", error);
        return false;
      }
      domain = std::string(text_.substr(start, pos_ - start));
    } else {
      for (;;) {
        SkipCfws();
        std::string label;
        if (!ParseAtom(&label)) {
          Fail(domain.empty() ? "missing domain" : "invalid domain", error);
          return false;
        }
        domain += label;
        SkipCfws();
        if (!Consume('.')) break;
        domain += '.';
      }
    }
    // Quotes go away only where they were not needed ("a.b"@x is a.b@x);
    // "john doe"@x must stay quoted to remain an address.
    if (any_quoted && !IsDotAtom(local)) {
      std::string quoted = "\"";
      for (char c : local) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
      }
      local = quoted + "\"";
    }
    address->local_part = std::move(local);
    address->domain = std::move(domain);
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  bool unterminated_comment_ = false;
};

}  // namespace

std::optional<OutgoingAddress> ParseOutgoingAddress(std::string_view text, std::string* error) {
  return MailboxParser(text).Run(error);
}

}  // namespace sievekit::extensions
