// Address parsing (RFC 5322 §3.4 with the obsolete syntax of §4.4) for the
// Sieve address and envelope tests (RFC 5228 §2.4.2.3, §5.1, §5.4).
//
// The parser is tolerant: it never fails, it yields one Address per mailbox
// it can make out and says whether each is syntactically valid. Group names,
// comments and display names never take part in matching; the display name is
// kept (decoded) for dumps and for hosts. Strings point into the parsed value
// when they can be used as written, else into the caller's TextArena. Values
// are parsed as given: pass the unfolded value, never the decoded one (decoding
// first could turn an encoded "," or "@" into syntax).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mail/arena.h"
#include "mail/charset.h"
#include "mail/encoded_words.h"

namespace sievekit::mail {

struct Address {
  // The local part with quoting removed ("john doe" for "\"john doe\"@x") and
  // obsolete CFWS around dots dropped.
  std::string_view local_part;
  // The domain as written (a domain literal keeps its brackets); empty when
  // the address has none.
  std::string_view domain;
  // What ":all" matches: local_part "@" domain, the local part quoted again
  // when it is not a dot-atom ("\"john doe\"@x"); just local_part when there
  // is no domain; empty for "<>" (the null path); the source text when neither
  // part could be made out.
  std::string_view all;
  // The phrase before "<...>", unquoted and RFC 2047-decoded; may be empty.
  std::string_view display_name;
  // The decoded name of the group holding this mailbox, empty outside groups.
  std::string_view group;
  // The mailbox as written, trimmed, without comments removed.
  std::string_view source;
  // RFC 5228 §2.4.2.3: a mailbox that is not syntactically valid (no domain,
  // an empty local part, stray characters, unbalanced brackets) is not matched
  // by ":localpart" or ":domain".
  bool valid = false;
};

// The SMTP path of an envelope (RFC 5321 §4.1.2): the null reverse-path, or an
// address.
struct EnvelopePath {
  // True for "" and "<>": RFC 5228 §5.4 matches it as the empty string for
  // every address part.
  bool is_null = false;
  Address address;
};

// Parses address-list values; reusable (keeps its buffers), not thread-safe.
class AddressParser {
 public:
  // Appends the mailboxes of value (an unfolded address-list: mailboxes,
  // "Name <addr>", groups, with comments, quoting, routes and obsolete
  // syntax) to out. An empty value or an empty group appends nothing. A
  // missing comma is tolerated where an address follows ("a@b c@d", "a@b
  // <c@d>", "foo bar@baz" gives "foo" and "bar@baz"); words with no "@" after
  // them ("Display Only") are one invalid mailbox. Tokens that start no
  // mailbox (a stray ">" or ";") are skipped.
  void ParseList(std::string_view value, TextArena* arena, WordDecoder* words,
                 CharsetConverter* charsets, std::vector<Address>* out);

  // Parses one envelope path: "<user@host>", "<@route:user@host>",
  // "user@host", "<postmaster>", "<>" or "" (RFC 5321 §4.1.2). A path that
  // breaks its syntax is invalid (valid is false) and names no address.
  EnvelopePath ParseEnvelopePath(std::string_view path, TextArena* arena);

  struct Token {
    enum Kind : unsigned char {
      kAtom,           // atext run (8-bit bytes included, RFC 6532)
      kQuoted,         // quoted-string; text is the content, escapes intact
      kDomainLiteral,  // "[...]" including the brackets
      kSpecial,        // one of < > @ , ; : .
      kJunk,           // a byte that fits nowhere (stray ")" or "\", control)
    };
    Kind kind = kAtom;
    bool space_before = false;  // whitespace or a comment precedes it
    std::string_view text;
    size_t begin = 0;  // offsets in the value (quotes included for kQuoted)
    size_t end = 0;
  };

 private:
  void Tokenize(std::string_view value);
  // Fills the next_* tables for tokens_.
  void BuildLookahead();
  // The next "," or ";" at or after i (outside angle brackets), or end.
  size_t ItemEnd(size_t i, size_t end) const;
  // Parses one mailbox from tokens [i, item_end) (one comma-separated item,
  // which may hold several mailboxes when a comma is missing) and appends
  // it; returns the token after it.
  size_t ParseMailbox(std::string_view value, size_t i, size_t item_end, std::string_view group,
                      TextArena* arena, WordDecoder* words, CharsetConverter* charsets,
                      std::vector<Address>* out);
  // Parses the mailboxes of tokens [i, end), items separated by commas.
  void ParseMailboxes(std::string_view value, size_t i, size_t end, std::string_view group,
                      TextArena* arena, WordDecoder* words, CharsetConverter* charsets,
                      std::vector<Address>* out);
  // Parses local-part ["@" domain] from tokens [i, end) into address; returns
  // the token after it.
  size_t ParseAddrSpec(std::string_view value, size_t i, size_t end, TextArena* arena,
                       Address* address);
  std::string_view Phrase(size_t begin, size_t end, TextArena* arena, WordDecoder* words,
                          CharsetConverter* charsets);
  // Sets address->all when ParseAddrSpec could not take it from the value.
  void FinishAll(TextArena* arena, Address* address);

  std::vector<Token> tokens_;
  // For each token index j: the first "<", the first "@", and the first token
  // that cannot be part of a phrase, at or after j (tokens_.size() if none).
  // They keep parsing linear on lists that are missing their commas.
  std::vector<size_t> next_angle_;
  std::vector<size_t> next_at_;
  std::vector<size_t> next_structure_;
  std::string scratch_;
  std::string decoded_;
};

// True for the header fields that RFC 5228 §5.1 requires or that carry an
// address-list (From, To, Cc, Bcc, Sender, Reply-To, the Resent-* fields,
// Return-Path, Delivered-To, ...), case-insensitive.
bool IsAddressHeader(std::string_view name);

// RFC 5322 §3.2.3 atext, plus every byte above 0x7F (RFC 6532 allows UTF-8
// in addresses).
bool IsAtext(char c);
// RFC 5322 dot-atom-text: atext runs joined by single dots, no dot at either
// end; false for the empty string.
bool IsDotAtom(std::string_view text);

}  // namespace sievekit::mail
