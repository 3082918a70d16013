// Tests for extensions/core/outgoing_address: which strings are accepted as
// an address a script sends mail to (RFC 5228 section 2.4.2.3:
// sieve-address = addr-spec / phrase "<" addr-spec ">", no groups, no
// routes, one address), what normalised addr-spec comes out, and the short
// reason given for each rejection. The parser must never throw, whatever
// bytes a script hands it.
#include "extensions/core/outgoing_address.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::extensions {
namespace {

struct Accepted {
  std::string input;
  std::string local_part;
  std::string domain;
};

TEST(OutgoingAddressTest, AcceptsMailboxes) {
  const Accepted cases[] = {
      // Plain addr-spec.
      {"user@example.com", "user", "example.com"},
      {"a@b", "a", "b"},
      {"First.Last+tag@mail.example.co.uk", "First.Last+tag", "mail.example.co.uk"},
      {"user@EXAMPLE.COM", "user", "EXAMPLE.COM"},
      {"!#$%&'*+-/=?^_`{|}~@example.com", "!#$%&'*+-/=?^_`{|}~", "example.com"},
      {"x@y-z.example", "x", "y-z.example"},
      // White space and comments around the tokens (CFWS).
      {"  user@example.com  ", "user", "example.com"},
      {"\tuser@example.com\r\n", "user", "example.com"},
      {"(comment) user@example.com (another)", "user", "example.com"},
      {"user(c)@(c)example.com", "user", "example.com"},
      {"(nested (comment)) user@example.com", "user", "example.com"},
      {"(escaped \\) paren) user@example.com", "user", "example.com"},
      {" more  @  example.com  ", "more", "example.com"},
      // Name and angle brackets.
      {"John Doe <john@example.com>", "john", "example.com"},
      {"\"Doe, John\" <john@example.com>", "john", "example.com"},
      {"\"John \\\"JD\\\" Doe\" <john@example.com>", "john", "example.com"},
      {"<john@example.com>", "john", "example.com"},
      {"Ok Good <stephan@example.org>", "stephan", "example.org"},
      {"J. R. Doe <jrd@example.com>", "jrd", "example.com"},  // obsolete phrase
      {"John <john@example.com> (work)", "john", "example.com"},
      {"John < john@example.com >", "john", "example.com"},
      {"\"<not@here>\" <real@example.com>", "real", "example.com"},
      {"(<not@here>) real@example.com", "real", "example.com"},
      // Quoted local parts whose quotes are not needed come out unquoted.
      {"\"john\"@example.com", "john", "example.com"},
      {"\"john\".doe@example.com", "john.doe", "example.com"},
      // Obsolete dots some mobile operators still hand out.
      {".japanese@example.com", ".japanese", "example.com"},
      {"japanese.@example.com", "japanese.", "example.com"},
      {"japanese...localpart@example.com", "japanese...localpart", "example.com"},
      {"..japanese...localpart..@example.com", "..japanese...localpart..", "example.com"},
      // Domain literals.
      {"user@[192.0.2.1]", "user", "[192.0.2.1]"},
      {"user@[IPv6:2001:db8::1]", "user", "[IPv6:2001:db8::1]"},
      {"Name <user@[192.0.2.1]>", "user", "[192.0.2.1]"},
  };
  for (const Accepted& c : cases) {
    std::string why;
    std::optional<OutgoingAddress> a;
    ASSERT_NO_THROW(a = ParseOutgoingAddress(c.input, &why)) << c.input;
    ASSERT_TRUE(a.has_value()) << c.input << ": " << why;
    EXPECT_EQ(a->local_part, c.local_part) << c.input;
    EXPECT_EQ(a->domain, c.domain) << c.input;
    EXPECT_EQ(a->AddrSpec(), c.local_part + "@" + c.domain) << c.input;
  }
}

struct Rejected {
  std::string input;
  std::string reason;
};

TEST(OutgoingAddressTest, RejectsEverythingElseWithAReason) {
  const Rejected cases[] = {
      // Nothing there.
      {"", "empty address"},
      {"   ", "empty address"},
      {"(just a comment)", "empty address"},
      // Missing parts.
      {"user", "missing '@domain'"},
      {"error", "missing '@domain'"},
      {"user@", "missing domain"},
      {"user@   ", "missing domain"},
      {"user@.example.com", "missing domain"},
      {"user@@example.com", "missing domain"},
      {"@example.com", "missing local part"},
      {"@wrong.example.com", "missing local part"},
      {"@", "missing local part"},
      {"<>", "not an address"},
      {"<<user@example.com>>", "not an address"},
      {"Error <", "not an address"},
      {"Error <stephan", "missing '@domain'"},
      {"Error <stephan@", "missing domain"},
      // Malformed local parts and domains.
      {"user name@example.com", "invalid local part"},
      {"Stephan Bosch error@example.org", "invalid local part"},
      {" more error @  example.com  ", "invalid local part"},
      {"user\\@example.com", "invalid local part"},
      {"us\x01"
       "er@example.com",
       "invalid local part"},
      {"\"unterminated@example.com", "unterminated quoted local part"},
      {"user@example..com", "invalid domain"},
      {"user@example.com.", "invalid domain"},
      {"user@[192.0.2.1", "unterminated domain literal"},
      // Brackets.
      {"Stephan Bosch <error@example.org", "missing '>'"},
      {"John <john@example.com", "missing '>'"},
      {"John john@example.com>", "invalid local part"},
      {"john@example.com>", "unexpected text after the address"},
      {"user@example.com)", "unexpected text after the address"},
      {"a@b <c@d>", "expected '<'"},
      {"John <john@example.com> Doe", "unexpected text after the address"},
      // More than one address, groups and routes (RFC 5228 section 2.4.2.3).
      {"stephan@example.org,tss@example.net", "only one address is allowed"},
      {"alice@example.com, bob@example.com", "only one address is allowed"},
      {"stephan@example.org,%&^&!!~", "only one address is allowed"},
      {"a@b@c", "unexpected text after the address"},
      {"user@exa mple.com", "unexpected text after the address"},
      {"user@[192.0.2.1]x", "unexpected text after the address"},
      {"undisclosed-recipients:;", "invalid local part"},
      {"Friends: alice@example.com, bob@example.com;", "invalid local part"},
      {"<@route.example:user@example.com>", "missing local part"},
      // Non-ASCII needs SMTPUTF8, which outgoing mail cannot count on.
      {"r\xC3\xBC"
       "diger@example.com",
       "non-ASCII characters"},
      {"user@ex\xC3\xA4mple.com", "non-ASCII characters"},
      {"J\xC3\xBCrgen <j@example.com>", "non-ASCII characters"},
      {"user\xFF@example.com", "non-ASCII characters"},
  };
  for (const Rejected& c : cases) {
    std::string why;
    std::optional<OutgoingAddress> a;
    ASSERT_NO_THROW(a = ParseOutgoingAddress(c.input, &why)) << c.input;
    EXPECT_FALSE(a.has_value()) << c.input << " -> " << (a ? a->AddrSpec() : "");
    EXPECT_EQ(why, c.reason) << c.input;
  }
}

TEST(OutgoingAddressTest, ReasonIsOptional) {
  EXPECT_FALSE(ParseOutgoingAddress("nope").has_value());
  EXPECT_TRUE(ParseOutgoingAddress("yes@example.com").has_value());
}

// A comment must be closed like any bracket; an unclosed one (here running
// to the end of the string) leaves the address malformed.
TEST(OutgoingAddressTest, RejectsUnterminatedComments) {
  for (const std::string input : {
           "user@example.com (my boss",
           "(my boss user@example.com",
           "Boss <boss@example.com> (unclosed",
           "user(@example.com",
       }) {
    std::optional<OutgoingAddress> a;
    ASSERT_NO_THROW(a = ParseOutgoingAddress(input)) << input;
    EXPECT_FALSE(a.has_value()) << input << " -> " << (a ? a->AddrSpec() : "");
  }
}

// A backslash at the very end of a comment must neither be read past the
// end of the string nor crash the compiler.
TEST(OutgoingAddressTest, BackslashAtTheEndOfACommentDoesNotThrow) {
  for (const std::string input : {
           "a.(\\",
           "a@(\\",
           "a@b.(\\",
           "user@example.com (x\\",
           "(\\",
       }) {
    std::optional<OutgoingAddress> a;
    EXPECT_NO_THROW(a = ParseOutgoingAddress(input)) << input;
    EXPECT_FALSE(a.has_value()) << input;
  }
}

// Every short string over the characters that matter to the grammar: the
// parser must return (accept or reject), never throw or read out of bounds.
TEST(OutgoingAddressTest, NeverThrowsOnShortStrings) {
  const std::string alphabet = "a@.()\\\"<>[], :";
  std::string input;
  size_t thrown = 0;
  std::string first_thrown;
  std::function<void(size_t)> each = [&](size_t length) {
    if (length == 0) {
      try {
        (void)ParseOutgoingAddress(input);
      } catch (...) {
        if (thrown++ == 0) first_thrown = input;
      }
      return;
    }
    for (char c : alphabet) {
      input.push_back(c);
      each(length - 1);
      input.pop_back();
    }
  };
  for (size_t length = 0; length <= 4; ++length) each(length);
  EXPECT_EQ(thrown, 0u) << "first input that threw: " << first_thrown;
}

// The normalised addr-spec is what a redirect is sent to, so it must still
// be a valid address: a quoted local part that needs its quotes (a space, a
// special character) keeps them.
TEST(OutgoingAddressTest, QuotedLocalPartKeepsNeededQuotes) {
  const Accepted cases[] = {
      {"\"john doe\"@example.com", "\"john doe\"", "example.com"},
      {"\"a@b\"@example.com", "\"a@b\"", "example.com"},
      {"Name <\"x y\"@example.com>", "\"x y\"", "example.com"},
  };
  for (const Accepted& c : cases) {
    std::optional<OutgoingAddress> a = ParseOutgoingAddress(c.input);
    ASSERT_TRUE(a.has_value()) << c.input;
    EXPECT_EQ(a->local_part, c.local_part) << c.input;
    EXPECT_EQ(a->AddrSpec(), c.local_part + "@" + c.domain) << c.input;
    // Feeding the normalised form back in gives the same address.
    std::optional<OutgoingAddress> again = ParseOutgoingAddress(a->AddrSpec());
    ASSERT_TRUE(again.has_value()) << a->AddrSpec();
    EXPECT_EQ(again->AddrSpec(), a->AddrSpec());
  }
}

}  // namespace
}  // namespace sievekit::extensions
