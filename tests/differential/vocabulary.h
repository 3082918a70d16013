// The small shared vocabulary of the differential test's generators: the
// message generator builds header values and envelopes from it, and the
// script generator draws its keys from it, so that tests match often (about
// half of them should hold) and the interesting cases — case differences,
// encoded words, subaddresses, wildcards met literally, numbers with
// trailing junk — come up in every batch.
//
// Plain data only; changing an entry changes every generated case (the
// generators' seeds then name different cases), which is fine as long as
// the tests that pin generator properties still pass. Test-only code.
#pragma once

#include <array>
#include <string_view>

namespace sievekit::differential::vocab {

// Subject values as written in the message (raw, may hold RFC 2047 encoded
// words or a fold marked "\n", which the renderer turns into a line break).
inline constexpr std::array<std::string_view, 19> kSubjects = {
    "hello",
    "Hello World",
    "HELLO world",
    "Re: hello",
    "meeting at 10",
    "Sale: 50% off *today*",
    "a*b?c",
    "back\\slash",
    "",
    "   padded   ",
    "=?UTF-8?Q?caf=C3=A9_hello?=",
    "=?ISO-8859-1?Q?Gr=FC=DFe?=",
    "=?UTF-8?B?aGVsbG8=?=",
    "=?UTF-8?Q?HELLO?= World",
    "Hello\n World",
    "re: Meeting",
    // "_" and "[" sort differently after folding to upper case (as RFC 4790
    // §9.2.1 says) than after folding to lower case.
    "under_score",
    "[list] hello",
    // Repetitive text, where substring searches must back up.
    "abababac aab",
};

// One item of an address list: a mailbox in its various forms, a group, or
// something that is not an address at all.
inline constexpr std::array<std::string_view, 18> kAddressItems = {
    "alice@example.com",
    "Alice <ALICE@Example.COM>",
    "Bob <bob+lists@example.org>",
    "\"Carol D\" <carol@example.net>",
    "ken+sieve@example.com",
    "ken@example.com",
    "ken+@example.com",
    "dave+a+b@example.org",
    "=?UTF-8?Q?J=C3=BCrgen?= <juergen@example.de>",
    "\"john doe\"@example.com",
    "invalid-address",
    "friends: alice@example.com, ken+x@example.org;",
    "undisclosed-recipients:;",
    "postmaster@EXAMPLE.com",
    "Ken <ken+Work@Example.COM>",
    "<bob@example.org>",
    "bad@@example.com",
    "alice@example.com (Alice in comment)",
};

// Values of numeric headers (X-Number) for i;ascii-numeric and :value.
inline constexpr std::array<std::string_view, 13> kNumbers = {
    "5", "10",  "007", "42abc", "abc", "", "4294967298", "99999999999999999999",
    "0", " 7 ", "3",   "0010",  "2",
};

inline constexpr std::array<std::string_view, 4> kSpamLevels = {"***", "*****", "", "*"};

// Envelope paths as a host passes them.
inline constexpr std::array<std::string_view, 7> kMailFrom = {
    "",
    "<>",
    "alice@example.com",
    "<ken+sieve@example.com>",
    "Bob+lists@Example.org",
    "MAILER-DAEMON@example.com",
    "<carol@example.net>",
};
inline constexpr std::array<std::string_view, 6> kRcptTo = {
    "ken+sieve@example.com", "<ken@example.com>",      "dave+a+b@example.org",
    "Ken+Work@Example.COM",  "postmaster@example.com", "<ken+@example.com>",
};

// ---- Script side -----------------------------------------------------------

// Header names, grouped by what their values are like; "X-Missing" is in
// no message.
inline constexpr std::array<std::string_view, 3> kSubjectNames = {"Subject", "subject", "SUBJECT"};
inline constexpr std::array<std::string_view, 4> kNumberNames = {"X-Number", "x-number",
                                                                 "X-Spam-Level", "Received"};
inline constexpr std::array<std::string_view, 11> kHeaderNames = {
    "Subject",      "subject",  "From",      "To",       "Cc",       "X-Number",
    "X-Spam-Level", "Received", "X-Missing", "x-number", "Reply-To",
};
// Headers the address test accepts (and that messages carry).
inline constexpr std::array<std::string_view, 6> kAddressHeaders = {
    "From", "To", "Cc", "from", "TO", "Reply-To",
};

// Whole values for :is and :value on Subject, as the message model decodes
// them (and near misses).
inline constexpr std::array<std::string_view, 18> kSubjectKeys = {
    "hello",
    "Hello World",
    "HELLO WORLD",
    "Re: hello",
    "meeting at 10",
    "a*b?c",
    "back\\slash",
    "",
    "padded",
    "café hello",
    "Grüße",
    "re: meeting",
    "Sale: 50% off *today*",
    "world",
    "underScore",
    "[LIST] Hello",
    "list",
    "abababac aab",
};
// Short pieces for :contains on header values and on addresses.
inline constexpr std::array<std::string_view, 16> kTextSubstrings = {
    "hello", "ello", "world", "e", "",      "re:", "*", "?",
    "10",    "ß",    "HELLO", "o", "relay", "\\",  "l", "1",
};
inline constexpr std::array<std::string_view, 14> kAddressSubstrings = {
    "example", "e", "@", "+", ".org", "ken", "", "a", "EXAMPLE", "alice", ".com", "k", "o", "sieve",
};
// Patterns for :matches on header values ("\\" in the decoded key escapes).
inline constexpr std::array<std::string_view, 22> kTextPatterns = {
    "*hello*",
    "hello",
    "?ello*",
    "*world",
    "re:*",
    "*",
    "?*",
    "",
    "a\\*b\\?c",
    "*\\**",
    "Gr??e",
    "Gr????e",
    "*@example.com*",
    "*e*",
    "back\\\\slash",
    "*o*",
    "*10",
    "caf?*",
    "c?f?*",
    "H*W*",
    "*l*",
    "??*",
};
// Keys for the address parts.
inline constexpr std::array<std::string_view, 10> kAllKeys = {
    "alice@example.com",    "ALICE@example.com", "ken+sieve@example.com",
    "ken@example.com",      "carol@example.net", "\"john doe\"@example.com",
    "invalid-address",      "bob@example.org",   "postmaster@example.com",
    "ken+work@example.com",
};
inline constexpr std::array<std::string_view, 9> kLocalPartKeys = {
    "alice",      "ken+sieve", "ken",      "john doe",        "bob+lists",
    "postmaster", "dave+a+b",  "KEN+WORK", "invalid-address",
};
inline constexpr std::array<std::string_view, 6> kDomainKeys = {
    "example.com", "EXAMPLE.COM", "example.org", "example.net", "example.de", "",
};
inline constexpr std::array<std::string_view, 7> kUserKeys = {
    "ken", "bob", "dave", "alice", "postmaster", "Ken", "john doe",
};
inline constexpr std::array<std::string_view, 8> kDetailKeys = {
    "sieve", "", "lists", "a+b", "work", "x", "a", "SIEVE",
};
inline constexpr std::array<std::string_view, 12> kAddressPatterns = {
    "*example*",     "ken*", "*+*", "?*", "*",    "*.org",
    "*@example.com", "k?n*", "",    "?",  "a*e*", "*\\+*",
};
// Keys for :count and for numbers.
inline constexpr std::array<std::string_view, 14> kNumberKeys = {
    "0", "1", "2", "3", "5", "10", "007", "42", "abc", "", "4294967298", "6", "7", "010",
};
inline constexpr std::array<std::string_view, 6> kCountKeys = {"0", "1", "2", "3", "1", "2"};
inline constexpr std::array<std::string_view, 4> kSpamKeys = {"***", "*****", "", "**"};

inline constexpr std::array<std::string_view, 6> kMailboxes = {
    "INBOX", "inbox", "Work", "work", "Lists", "Junk",
};
// Forms of five distinct addresses (more than the default redirect limit
// of four, so that the limit is met now and then).
inline constexpr std::array<std::string_view, 9> kRedirectAddresses = {
    "alice@example.com",     "Alice <alice@example.com>", "\"Alice A\" <alice@example.com>",
    "bob@example.org",       "<bob@example.org>",         "ken+fwd@example.com",
    "\"ken.x\"@example.com", "ken.x@example.com",         "carol@example.net",
};

}  // namespace sievekit::differential::vocab
