// The tolerant address-list parser: a tokenizer that drops comments and
// folding whitespace, then a recursive descent over the tokens that always
// makes progress and records what it found instead of failing.
#include "mail/address.h"

#include <algorithm>
#include <array>

#include "mail/ascii.h"

namespace sievekit::mail {
namespace {

using Token = AddressParser::Token;

// RFC 5322 atext, plus 8-bit bytes (RFC 6532 allows UTF-8 in addresses).
// Here rather than only behind IsAtext: the tokenizer asks for every byte.
constexpr bool IsAtextByte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x80) return true;
  if (ascii::IsAlpha(c) || ascii::IsDigit(c)) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '/':
    case '=':
    case '?':
    case '^':
    case '_':
    case '`':
    case '{':
    case '|':
    case '}':
    case '~':
      return true;
    default:
      return false;
  }
}

constexpr bool IsSpecialChar(char c) {
  return c == '<' || c == '>' || c == '@' || c == ',' || c == ';' || c == ':' || c == '.';
}

bool IsSpecial(const Token& token, char c) {
  return token.kind == Token::kSpecial && token.text.front() == c;
}

bool IsWord(const Token& token) {
  return token.kind == Token::kAtom || token.kind == Token::kQuoted;
}

// Appends quoted-string content with its backslash escapes removed.
void AppendUnquoted(std::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    out->push_back(text[i]);
  }
}

// Skips the comment starting at value[i] == '(' (nested, with escapes; an
// unterminated one runs to the end); returns the index after it.
size_t SkipComment(std::string_view value, size_t i) {
  int depth = 0;
  for (; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\\') {
      ++i;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return value.size();
}

// Index after the closing delimiter of a quoted string or domain literal
// opened at value[i]; the end of value when it is never closed.
size_t SkipDelimited(std::string_view value, size_t i, char close) {
  for (++i; i < value.size(); ++i) {
    if (value[i] == '\\') {
      ++i;
    } else if (value[i] == close) {
      return i + 1;
    }
  }
  return value.size();
}

// True when local (unquoted) is not a dot-atom and needs quotes in an address.
bool NeedsQuoting(std::string_view local) { return !local.empty() && !IsDotAtom(local); }

// The view value[begin, end) when it can serve as is, else the arena copy
// of built; "plain" says which.
std::string_view Settle(std::string_view value, size_t begin, size_t end, bool plain,
                        const std::string& built, TextArena* arena) {
  if (plain) return value.substr(begin, end - begin);
  return arena->Store(built);
}

// Header fields whose body is an address-list (RFC 5228 §5.1: the address
// test "SHOULD include any other header that utilizes an address-list
// structured header body"): RFC 5322's, the delivery headers, and the ones
// mailing lists and mail clients use (RFC 2076 lists most of them).
constexpr std::array<std::string_view, 37> kAddressHeaders = {
    "from",
    "sender",
    "reply-to",
    "to",
    "cc",
    "bcc",
    "resent-from",
    "resent-sender",
    "resent-to",
    "resent-cc",
    "resent-bcc",
    "resent-reply-to",
    "return-path",
    "delivered-to",
    "envelope-to",
    "x-original-to",
    "x-original-from",
    "errors-to",
    "mail-followup-to",
    "mail-reply-to",
    "disposition-notification-to",
    "return-receipt-to",
    "read-receipt-to",
    "x-confirm-reading-to",
    "return-receipt-requested",
    "registered-mail-reply-requested-by",
    "for-approval",
    "for-handling",
    "for-comment",
    "apparently-to",
    "x-admin",
    "abuse-reports-to",
    "x-complaints-to",
    "x-report-abuse-to",
    "x-beenthere",
    "x-envelope-to",
    "x-envelope-from"};

}  // namespace

bool IsAtext(char c) { return IsAtextByte(c); }

bool IsDotAtom(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.') {
      if (text[i + 1] == '.') return false;
    } else if (!IsAtextByte(text[i])) {
      return false;
    }
  }
  return true;
}

bool IsAddressHeader(std::string_view name) {
  for (std::string_view known : kAddressHeaders) {
    if (ascii::EqualsIgnoreCase(known, name)) return true;
  }
  return false;
}

void AddressParser::Tokenize(std::string_view value) {
  tokens_.clear();
  bool space = false;
  size_t i = 0;
  while (i < value.size()) {
    const char c = value[i];
    if (ascii::IsSpace(c)) {
      space = true;
      ++i;
      continue;
    }
    if (c == '(') {
      i = SkipComment(value, i);
      space = true;
      continue;
    }
    Token token;
    token.space_before = space;
    token.begin = i;
    if (c == '"') {
      token.kind = Token::kQuoted;
      token.end = SkipDelimited(value, i, '"');
      const bool closed = token.end - i >= 2 && value[token.end - 1] == '"';
      token.text = value.substr(i + 1, token.end - i - (closed ? 2 : 1));
    } else if (c == '[') {
      token.kind = Token::kDomainLiteral;
      token.end = SkipDelimited(value, i, ']');
      token.text = value.substr(i, token.end - i);
    } else if (IsSpecialChar(c)) {
      token.kind = Token::kSpecial;
      token.end = i + 1;
      token.text = value.substr(i, 1);
    } else if (IsAtextByte(c)) {
      token.kind = Token::kAtom;
      size_t end = i + 1;
      while (end < value.size() && IsAtextByte(value[end])) ++end;
      token.end = end;
      token.text = value.substr(i, end - i);
    } else {
      token.kind = Token::kJunk;
      token.end = i + 1;
      token.text = value.substr(i, 1);
    }
    i = token.end;
    space = false;
    tokens_.push_back(token);
  }
}

std::string_view AddressParser::Phrase(size_t begin, size_t end, TextArena* arena,
                                       WordDecoder* words, CharsetConverter* charsets) {
  if (begin >= end) return {};
  scratch_.clear();
  for (size_t i = begin; i < end; ++i) {
    const Token& token = tokens_[i];
    if (i > begin && token.space_before) scratch_.push_back(' ');
    if (token.kind == Token::kQuoted) {
      AppendUnquoted(token.text, &scratch_);
    } else {
      scratch_.append(token.text);
    }
  }
  if (words != nullptr && charsets != nullptr && WordDecoder::NeedsDecoding(scratch_)) {
    decoded_.clear();
    words->Decode(scratch_, charsets, &decoded_);
    return arena->Store(decoded_);
  }
  return arena->Store(scratch_);
}

size_t AddressParser::ParseAddrSpec(std::string_view value, size_t i, size_t end, TextArena* arena,
                                    Address* address) {
  // local-part: words separated by dots (obs-local-part allows CFWS around
  // the dots, which the tokenizer already dropped).
  scratch_.clear();
  bool ok = true;
  bool expect_word = true;
  bool plain = true;  // atoms and dots written without space: a view of value
  const size_t local_begin = i;
  for (; i < end; ++i) {
    const Token& token = tokens_[i];
    if (IsWord(token)) {
      if (!expect_word) break;  // "a b@c": a second mailbox, comma missing
      if (token.kind == Token::kQuoted) {
        plain = false;
        AppendUnquoted(token.text, &scratch_);
      } else {
        scratch_.append(token.text);
      }
      expect_word = false;
    } else if (IsSpecial(token, '.')) {
      if (expect_word) ok = false;  // leading or doubled dot
      scratch_.push_back('.');
      expect_word = true;
    } else {
      break;
    }
    if (i > local_begin && token.space_before) plain = false;
  }
  const size_t local_end = i;
  if (local_end == local_begin || expect_word) ok = false;  // empty, or a trailing dot
  if (local_end == local_begin + 1 && tokens_[local_begin].kind == Token::kQuoted &&
      tokens_[local_begin].text.find('\\') == std::string_view::npos) {
    address->local_part = tokens_[local_begin].text;  // "john doe": the content as is
  } else if (local_end > local_begin) {
    address->local_part = Settle(value, tokens_[local_begin].begin, tokens_[local_end - 1].end,
                                 plain, scratch_, arena);
  }
  if (address->local_part.empty()) ok = false;

  const bool local_plain = plain;
  if (i >= end || !IsSpecial(tokens_[i], '@')) {
    address->valid = false;  // no domain ("undisclosed", "root")
    return i;
  }
  ++i;
  // domain: atoms separated by dots, or one domain literal.
  scratch_.clear();
  plain = true;
  expect_word = true;
  bool domain_ok = true;
  const size_t domain_begin = i;
  for (; i < end; ++i) {
    const Token& token = tokens_[i];
    if (token.kind == Token::kAtom || token.kind == Token::kDomainLiteral) {
      if (!expect_word) break;
      if (token.kind == Token::kDomainLiteral && (i != domain_begin || token.text.back() != ']')) {
        domain_ok = false;
      }
      scratch_.append(token.text);
      expect_word = false;
    } else if (IsSpecial(token, '.')) {
      if (expect_word) domain_ok = false;
      scratch_.push_back('.');
      expect_word = true;
    } else {
      break;
    }
    if (i > domain_begin && token.space_before) plain = false;
  }
  if (i == domain_begin || expect_word) domain_ok = false;
  if (i > domain_begin) {
    address->domain =
        Settle(value, tokens_[domain_begin].begin, tokens_[i - 1].end, plain, scratch_, arena);
    // "local@domain" written without quotes, comments or spaces: ":all" is a
    // view of the value too.
    if (plain && local_plain && local_end > local_begin && !tokens_[local_end].space_before &&
        !tokens_[domain_begin].space_before) {
      address->all =
          value.substr(tokens_[local_begin].begin, tokens_[i - 1].end - tokens_[local_begin].begin);
    }
  }
  address->valid = ok && domain_ok;
  return i;
}

void AddressParser::FinishAll(TextArena* arena, Address* address) {
  if (!address->all.empty()) return;  // a view of the value, set by ParseAddrSpec
  if (address->domain.empty()) {
    address->all = address->local_part.empty() ? address->source : address->local_part;
    return;
  }
  scratch_.clear();
  if (address->valid && NeedsQuoting(address->local_part)) {
    // "john doe"@x: the unquoted local part is no address, so quote it again.
    scratch_.push_back('"');
    for (char c : address->local_part) {
      if (c == '"' || c == '\\') scratch_.push_back('\\');
      scratch_.push_back(c);
    }
    scratch_.push_back('"');
  } else {
    scratch_.append(address->local_part);
  }
  scratch_.push_back('@');
  scratch_.append(address->domain);
  address->all = arena->Store(scratch_);
}

void AddressParser::BuildLookahead() {
  const size_t n = tokens_.size();
  next_angle_.resize(n + 1);
  next_at_.resize(n + 1);
  next_structure_.resize(n + 1);
  next_angle_[n] = next_at_[n] = next_structure_[n] = n;
  for (size_t j = n; j-- > 0;) {
    const Token& token = tokens_[j];
    next_angle_[j] = IsSpecial(token, '<') ? j : next_angle_[j + 1];
    next_at_[j] = IsSpecial(token, '@') ? j : next_at_[j + 1];
    const bool phrase_like = IsWord(token) || IsSpecial(token, '.') || token.kind == Token::kJunk;
    next_structure_[j] = phrase_like ? next_structure_[j + 1] : j;
  }
}

size_t AddressParser::ItemEnd(size_t i, size_t end) const {
  // The next "," or ";" outside angle brackets (a route inside them holds
  // commas).
  bool in_angle = false;
  for (; i < end; ++i) {
    const Token& token = tokens_[i];
    if (IsSpecial(token, '<')) {
      in_angle = true;
    } else if (IsSpecial(token, '>')) {
      in_angle = false;
    } else if (!in_angle && (IsSpecial(token, ',') || IsSpecial(token, ';'))) {
      break;
    }
  }
  return i;
}

size_t AddressParser::ParseMailbox(std::string_view value, size_t i, size_t item_end,
                                   std::string_view group, TextArena* arena, WordDecoder* words,
                                   CharsetConverter* charsets, std::vector<Address>* out) {
  // Every lookup below uses the precomputed tables or consumes the tokens it
  // walks, so a long list without commas stays linear.
  size_t angle = std::min(next_angle_[i], item_end);
  // "a@b <c@d>" (comma missing) is two mailboxes, not a phrase "a@b".
  if (next_at_[i] < angle) angle = item_end;

  Address address;
  address.group = group;
  size_t next;
  size_t last;  // last token of this mailbox
  bool empty_angle = false;
  if (angle < item_end) {
    address.display_name = Phrase(i, angle, arena, words, charsets);
    size_t close = angle + 1;
    while (close < item_end && !IsSpecial(tokens_[close], '>')) ++close;
    size_t spec = angle + 1;
    bool route_ok = true;
    if (spec < close && IsSpecial(tokens_[spec], '@')) {
      // obs-route "@a,@b:" before the address: skipped, never matched.
      size_t colon = spec;
      while (colon < close && !IsSpecial(tokens_[colon], ':')) ++colon;
      if (colon < close) {
        spec = colon + 1;
      } else {
        route_ok = false;
      }
    }
    empty_angle = spec == close && close < item_end;  // "<>"
    const size_t after = ParseAddrSpec(value, spec, close, arena, &address);
    if (after != close || close == item_end || !route_ok) address.valid = false;
    last = close < item_end ? close : item_end - 1;
    next = close < item_end ? close + 1 : item_end;
  } else {
    next = ParseAddrSpec(value, i, item_end, arena, &address);
    if (next == i) return i + 1;  // a stray token that starts no mailbox: skipped
    if (address.domain.empty() && next < item_end && IsWord(tokens_[next]) &&
        next_at_[next] >= item_end) {
      // Words and no "@" after them ("Display Only"): one invalid mailbox.
      // With an address after them ("foo bar@baz") "foo" stands alone.
      next = item_end;
      address.local_part =
          value.substr(tokens_[i].begin, tokens_[item_end - 1].end - tokens_[i].begin);
    }
    last = next - 1;
  }
  address.source = value.substr(tokens_[i].begin, tokens_[last].end - tokens_[i].begin);
  FinishAll(arena, &address);
  if (empty_angle) address.all = {};  // "<>", the null path, matches as ""
  out->push_back(address);
  return next;
}

void AddressParser::ParseMailboxes(std::string_view value, size_t i, size_t end,
                                   std::string_view group, TextArena* arena, WordDecoder* words,
                                   CharsetConverter* charsets, std::vector<Address>* out) {
  while (i < end) {
    if (IsSpecial(tokens_[i], ',') || IsSpecial(tokens_[i], ';')) {
      ++i;
      continue;
    }
    const size_t item_end = ItemEnd(i, end);
    while (i < item_end) i = ParseMailbox(value, i, item_end, group, arena, words, charsets, out);
  }
}

void AddressParser::ParseList(std::string_view value, TextArena* arena, WordDecoder* words,
                              CharsetConverter* charsets, std::vector<Address>* out) {
  Tokenize(value);
  BuildLookahead();
  const size_t n = tokens_.size();
  size_t i = 0;
  while (i < n) {
    if (IsSpecial(tokens_[i], ',') || IsSpecial(tokens_[i], ';')) {
      ++i;
      continue;
    }
    // A group is a phrase followed by ":" before any "<", "@", "," or ";".
    const size_t colon = next_structure_[i];
    if (colon < n && IsSpecial(tokens_[colon], ':')) {
      const std::string_view group = Phrase(i, colon, arena, words, charsets);
      size_t group_end = colon + 1;
      while (group_end < n && !IsSpecial(tokens_[group_end], ';')) ++group_end;
      ParseMailboxes(value, colon + 1, group_end, group, arena, words, charsets, out);
      i = group_end < n ? group_end + 1 : n;
      continue;
    }
    const size_t item_end = ItemEnd(i, n);
    while (i < item_end) i = ParseMailbox(value, i, item_end, {}, arena, words, charsets, out);
  }
}

namespace {

// A domain label character: letters, digits and '-' as RFC 5321 has them,
// plus '_' (common in real host names) and 8-bit bytes (RFC 6531).
bool IsLabelChar(char c) {
  return ascii::IsAlpha(c) || ascii::IsDigit(c) || c == '-' || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The end of the Domain or address literal starting at s[i] (RFC 5321
// §4.1.2), or npos when there is none: no label may be empty.
size_t ScanDomain(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '[') {
    const size_t close = s.find(']', i);
    return close == std::string_view::npos ? close : close + 1;
  }
  for (;;) {
    const size_t label = i;
    while (i < s.size() && IsLabelChar(s[i])) ++i;
    if (i == label) return std::string_view::npos;
    if (i < s.size() && s[i] == '.') {
      ++i;
      continue;
    }
    return i;
  }
}

}  // namespace

// RFC 5321 §4.1.2: Path = "<" [ A-d-l ":" ] Mailbox ">", where the source
// route A-d-l is ignored. Tolerated as mail systems do: a path without its
// angle brackets, dots anywhere in a dot-string local part (".japanese."),
// and a local part with no domain ("<postmaster>", RFC 5321 §4.1.1.3).
// Anything else, such as stray brackets, an empty domain label or a second
// "@", makes the path invalid: it is no address at all.
EnvelopePath AddressParser::ParseEnvelopePath(std::string_view path, TextArena* arena) {
  EnvelopePath result;
  const std::string_view value = ascii::Trim(path);
  result.address.source = value;
  if (value.empty() ||
      (value.size() >= 2 && value.front() == '<' && value.back() == '>' &&
       ascii::Trim(value.substr(1, value.size() - 2)).empty())) {
    result.is_null = true;
    result.address.valid = true;
    result.address.source = {};
    return result;
  }
  std::string_view inner = value;
  if (inner.front() == '<') {
    if (inner.size() < 2 || inner.back() != '>') return result;
    inner = inner.substr(1, inner.size() - 2);
  } else if (inner.back() == '>') {
    return result;
  }
  size_t i = 0;
  if (i < inner.size() && inner[i] == '@') {  // the source route
    for (;;) {
      if (i >= inner.size() || inner[i] != '@') return result;
      i = ScanDomain(inner, i + 1);
      if (i == std::string_view::npos || i >= inner.size()) return result;
      if (inner[i] == ':') {
        ++i;
        break;
      }
      if (inner[i] != ',') return result;
      ++i;
    }
  }
  Address address;  // result.address only when the path is valid
  address.source = value;
  const size_t local_begin = i;
  if (i < inner.size() && inner[i] == '"') {
    const size_t end = SkipDelimited(inner, i, '"');
    if (end > inner.size() || inner[end - 1] != '"' || end - i < 2) return result;
    const std::string_view content = inner.substr(i + 1, end - i - 2);
    if (content.find('\\') == std::string_view::npos) {
      address.local_part = content;
    } else {
      scratch_.clear();
      AppendUnquoted(content, &scratch_);
      address.local_part = arena->Store(scratch_);
    }
    i = end;
  } else {
    while (i < inner.size() && (IsAtextByte(inner[i]) || inner[i] == '.')) ++i;
    address.local_part = inner.substr(local_begin, i - local_begin);
  }
  if (address.local_part.empty() && i == local_begin) return result;
  if (i < inner.size()) {
    if (inner[i] != '@') return result;
    const size_t domain_begin = i + 1;
    if (ScanDomain(inner, domain_begin) != inner.size()) return result;
    address.domain = inner.substr(domain_begin);
  }  // else a local part only
  address.all = inner.substr(local_begin);  // a path is written canonically already
  address.valid = true;
  result.address = address;
  return result;
}

}  // namespace sievekit::mail
