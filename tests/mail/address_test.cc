// Tests for mail/address: address-list shapes from RFC 5322 §3.4 and §4.4 and
// A.1, groups, comments, quoting, routes, the tolerated damage, validity per
// RFC 5228 §2.4.2.3, and envelope paths.
#include "mail/address.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::mail {
namespace {

// One expected mailbox: local part, domain, ":all" form, display name, group,
// validity.
struct Expected {
  std::string local;
  std::string domain;
  std::string all;
  std::string name;
  std::string group;
  bool valid;
  friend bool operator==(const Expected&, const Expected&) = default;
};

std::ostream& operator<<(std::ostream& os, const Expected& e) {
  return os << "{local=[" << e.local << "] domain=[" << e.domain << "] all=[" << e.all << "] name=["
            << e.name << "] group=[" << e.group << "] valid=" << e.valid << "}";
}

std::vector<Expected> Parse(std::string_view value) {
  AddressParser parser;
  TextArena arena;
  WordDecoder words;
  CharsetConverter charsets;
  std::vector<Address> addresses;
  parser.ParseList(value, &arena, &words, &charsets, &addresses);
  std::vector<Expected> out;
  for (const Address& a : addresses) {
    out.push_back({std::string(a.local_part), std::string(a.domain), std::string(a.all),
                   std::string(a.display_name), std::string(a.group), a.valid});
  }
  return out;
}

struct Case {
  std::string_view name;
  std::string_view value;
  std::vector<Expected> expected;
};

TEST(AddressParserTest, ValidShapes) {
  const Case cases[] = {
      {"bare", "john@example.com", {{"john", "example.com", "john@example.com", "", "", true}}},
      {"name-addr",
       "John Doe <john@example.com>",
       {{"john", "example.com", "john@example.com", "John Doe", "", true}}},
      {"angle only",
       "<john@example.com>",
       {{"john", "example.com", "john@example.com", "", "", true}}},
      {"quoted name with comma",
       "\"Doe, John\" <john@example.com>",
       {{"john", "example.com", "john@example.com", "Doe, John", "", true}}},
      {"list",
       "a@b.example, C <c@d.example>,e@f.example",
       {{"a", "b.example", "a@b.example", "", "", true},
        {"c", "d.example", "c@d.example", "C", "", true},
        {"e", "f.example", "e@f.example", "", "", true}}},
      {"dot-atom",
       "first.last+tag@sub.example.co.uk",
       {{"first.last+tag", "sub.example.co.uk", "first.last+tag@sub.example.co.uk", "", "", true}}},
      {"quoted local part",
       "\"john doe\"@example.com",
       {{"john doe", "example.com", "\"john doe\"@example.com", "", "", true}}},
      {"quoted local part escapes",
       "\"a\\\"b\\\\c\"@example.com",
       {{"a\"b\\c", "example.com", "\"a\\\"b\\\\c\"@example.com", "", "", true}}},
      {"quoted words and atoms",
       "\"a\".b.\"c d\"@example.com",
       {{"a.b.c d", "example.com", "\"a.b.c d\"@example.com", "", "", true}}},
      {"domain literal",
       "user@[192.0.2.1]",
       {{"user", "[192.0.2.1]", "user@[192.0.2.1]", "", "", true}}},
      {"obs phrase with dot",
       "Joe Q. Public <jqp@example.com>",
       {{"jqp", "example.com", "jqp@example.com", "Joe Q. Public", "", true}}},
      {"comments",
       "Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>",
       {{"pete", "silly.test", "pete@silly.test", "Pete", "", true}}},
      {"nested comment",
       "(a (b) c) x@y.example (d (e (f)))",
       {{"x", "y.example", "x@y.example", "", "", true}}},
      {"obs local part cfws",
       "john . doe @ example . com",
       {{"john.doe", "example.com", "john.doe@example.com", "", "", true}}},
      {"obs local with comments",
       "john(c1).(c2)doe@example.com",
       {{"john.doe", "example.com", "john.doe@example.com", "", "", true}}},
      {"route",
       "<@a.example,@b.example:user@c.example>",
       {{"user", "c.example", "user@c.example", "", "", true}}},
      {"route with name",
       "Name <@relay.example:u@h.example>",
       {{"u", "h.example", "u@h.example", "Name", "", true}}},
      {"encoded display name",
       "=?utf-8?q?J=C3=B6rg?= <j@example.de>",
       {{"j", "example.de", "j@example.de", "J\xC3\xB6rg", "", true}}},
      {"encoded words in quotes",
       "\"=?utf-8?q?J=C3=B6rg?=\" <j@example.de>",
       {{"j", "example.de", "j@example.de", "J\xC3\xB6rg", "", true}}},
      {"utf-8 address",
       "J\xC3\xB6rg <j\xC3\xB6rg@b\xC3\xBC"
       "cher.example>",
       {{"j\xC3\xB6rg",
         "b\xC3\xBC"
         "cher.example",
         "j\xC3\xB6rg@b\xC3\xBC"
         "cher.example",
         "J\xC3\xB6rg", "", true}}},
      {"folded whitespace kept out",
       "a@b.example,\t\tc@d.example",
       {{"a", "b.example", "a@b.example", "", "", true},
        {"c", "d.example", "c@d.example", "", "", true}}},
      {"encoded word stays in local part",
       "=?utf-8?q?x?=@example.com",
       {{"=?utf-8?q?x?=", "example.com", "=?utf-8?q?x?=@example.com", "", "", true}}},
  };
  for (const auto& c : cases) EXPECT_EQ(Parse(c.value), c.expected) << c.name;
}

TEST(AddressParserTest, Groups) {
  const Case cases[] = {
      {"empty group", "undisclosed-recipients:;", {}},
      {"empty group with spaces", "undisclosed-recipients: ;", {}},
      {"group members",
       "team: a@b.example, c@d.example;",
       {{"a", "b.example", "a@b.example", "", "team", true},
        {"c", "d.example", "c@d.example", "", "team", true}}},
      {"group then mailbox",
       "A Group:Ed Jones <c@a.test>,joe@where.test;, x@y.test",
       {{"c", "a.test", "c@a.test", "Ed Jones", "A Group", true},
        {"joe", "where.test", "joe@where.test", "", "A Group", true},
        {"x", "y.test", "x@y.test", "", "", true}}},
      {"quoted group name",
       "\"The Team\": a@b.example;",
       {{"a", "b.example", "a@b.example", "", "The Team", true}}},
      {"encoded group name",
       "=?utf-8?q?Gr=C3=BCppe?=: a@b.example;",
       {{"a", "b.example", "a@b.example", "", "Gr\xC3\xBCppe", true}}},
      {"unterminated group",
       "g: a@b.example, c@d.example",
       {{"a", "b.example", "a@b.example", "", "g", true},
        {"c", "d.example", "c@d.example", "", "g", true}}},
      {"two groups",
       "g1: a@b.example;g2: c@d.example;",
       {{"a", "b.example", "a@b.example", "", "g1", true},
        {"c", "d.example", "c@d.example", "", "g2", true}}},
  };
  for (const auto& c : cases) EXPECT_EQ(Parse(c.value), c.expected) << c.name;
}

TEST(AddressParserTest, InvalidAndDamaged) {
  const Case cases[] = {
      {"empty", "", {}},
      {"whitespace", "  \t ", {}},
      {"comment only", "(nothing here)", {}},
      {"no domain", "undisclosed", {{"undisclosed", "", "undisclosed", "", "", false}}},
      {"no domain list",
       "root, user",
       {{"root", "", "root", "", "", false}, {"user", "", "user", "", "", false}}},
      {"empty angle", "<>", {{"", "", "", "", "", false}}},
      {"no local part", "@example.com", {{"", "example.com", "@example.com", "", "", false}}},
      {"empty domain", "user@", {{"user", "", "user", "", "", false}}},
      {"trailing dot domain",
       "user@example.",
       {{"user", "example.", "user@example.", "", "", false}}},
      {"leading dot local",
       ".user@example.com",
       {{".user", "example.com", ".user@example.com", "", "", false}}},
      {"double dot",
       "a..b@example.com",
       {{"a..b", "example.com", "a..b@example.com", "", "", false}}},
      {"unclosed angle",
       "Name <a@b.example",
       {{"a", "b.example", "a@b.example", "Name", "", false}}},
      {"garbage in angle", "<a b@c.example>", {{"a", "", "a", "", "", false}}},
      {"unclosed domain literal", "a@[1.2.3", {{"a", "[1.2.3", "a@[1.2.3", "", "", false}}},
      {"words only", "Display Only", {{"Display Only", "", "Display Only", "", "", false}}},
      {"stray tokens", ">>> ,,, ;;;", {}},
      {"missing comma bare",
       "a@b.example c@d.example",
       {{"a", "b.example", "a@b.example", "", "", true},
        {"c", "d.example", "c@d.example", "", "", true}}},
      {"missing comma angles",
       "<a@b.example> <c@d.example>",
       {{"a", "b.example", "a@b.example", "", "", true},
        {"c", "d.example", "c@d.example", "", "", true}}},
      {"missing comma mixed",
       "a@b.example <c@d.example>",
       {{"a", "b.example", "a@b.example", "", "", true},
        {"c", "d.example", "c@d.example", "", "", true}}},
      {"word before address",
       "foo bar@baz.example",
       {{"foo", "", "foo", "", "", false},
        {"bar", "baz.example", "bar@baz.example", "", "", true}}},
      {"unterminated quote",
       "\"open <a@b.example>",
       {{"open <a@b.example>", "", "open <a@b.example>", "", "", false}}},
  };
  for (const auto& c : cases) EXPECT_EQ(Parse(c.value), c.expected) << c.name;
}

TEST(AddressParserTest, LongListsWithoutCommas) {
  // Hostile shapes that a naive parser handles in quadratic time.
  std::string bare;
  for (int i = 0; i < 5000; ++i) bare += "a@b.example ";
  EXPECT_EQ(Parse(bare).size(), 5000u);
  std::string words;
  for (int i = 0; i < 20000; ++i) words += "w ";
  EXPECT_EQ(Parse(words).size(), 1u);  // one invalid mailbox
  std::string words_then_address = words + "x@y.example";
  EXPECT_EQ(Parse(words_then_address).size(), 20001u);
  std::string angles;
  for (int i = 0; i < 5000; ++i) angles += "n <a@b.example> ";
  EXPECT_EQ(Parse(angles).size(), 5000u);
  std::string groups;
  for (int i = 0; i < 5000; ++i) groups += "g: ";
  // The first "g:" opens a group that never closes; every later "g" in it is
  // an invalid mailbox (groups do not nest).
  const std::vector<Expected> in_group = Parse(groups);
  ASSERT_EQ(in_group.size(), 4999u);
  EXPECT_EQ(in_group.back(), (Expected{"g", "", "g", "", "g", false}));
}

TEST(AddressParserTest, SourceKeepsTheWrittenForm) {
  AddressParser parser;
  TextArena arena;
  WordDecoder words;
  CharsetConverter charsets;
  std::vector<Address> addresses;
  parser.ParseList("  Name <a@b.example> (c), x@y.example ", &arena, &words, &charsets, &addresses);
  ASSERT_EQ(addresses.size(), 2u);
  EXPECT_EQ(addresses[0].source, "Name <a@b.example>");
  EXPECT_EQ(addresses[1].source, "x@y.example");
}

TEST(AddressParserTest, EnvelopePaths) {
  const struct {
    std::string_view path;
    bool is_null;
    std::string_view local;
    std::string_view domain;
    bool valid;
  } cases[] = {
      {"", true, "", "", true},
      {"<>", true, "", "", true},
      {" < > ", true, "", "", true},
      {"<user@example.com>", false, "user", "example.com", true},
      {"user@example.com", false, "user", "example.com", true},
      {"<@relay.example:user@example.com>", false, "user", "example.com", true},
      {"<\"john doe\"@example.com>", false, "john doe", "example.com", true},
      // RFC 5321 §4.1.1.3: "<Postmaster>" needs no domain.
      {"<postmaster>", false, "postmaster", "", true},
      {"<@a.example,@b.example:user@example.com>", false, "user", "example.com", true},
      // Dots anywhere in a local part are tolerated, as mail systems do.
      {"..japanese...localpart..@example.com", false, "..japanese...localpart..", "example.com",
       true},
      {"user@_example-.com", false, "user", "_example-.com", true},
      {"<user@[192.0.2.1]>", false, "user", "[192.0.2.1]", true},
      // Anything else breaks RFC 5321's path syntax: no address at all.
      {"Name <user@example.com>", false, "", "", false},
      {"a@b.example c@d.example", false, "", "", false},
      {"<a@b.example", false, "", "", false},
      {"a@b.example>", false, "", "", false},
      {"<<a@b.example>", false, "", "", false},
      {"user@", false, "", "", false},
      {"<a@@b.example>", false, "", "", false},
      {"<a b.example>", false, "", "", false},
      {"<@.example:a@b.example>", false, "", "", false},
      {"<@x..nl:a@b.example>", false, "", "", false},
      {"<@x.example a@b.example>", false, "", "", false},
      {"<relay.example:a@b.example>", false, "", "", false},
      {"<@x.example,y.example:a@b.example>", false, "", "", false},
      {"<@x.example,@y.example,a@b.example>", false, "", "", false},
  };
  AddressParser parser;
  TextArena arena;
  for (const auto& c : cases) {
    const EnvelopePath path = parser.ParseEnvelopePath(c.path, &arena);
    EXPECT_EQ(path.is_null, c.is_null) << c.path;
    EXPECT_EQ(path.address.local_part, c.local) << c.path;
    EXPECT_EQ(path.address.domain, c.domain) << c.path;
    EXPECT_EQ(path.address.valid, c.valid) << c.path;
  }
}

TEST(IsAddressHeaderTest, KnownNames) {
  for (std::string_view name : {"From", "to", "CC", "bcc", "Sender", "Resent-From", "Resent-To",
                                "Reply-To", "Return-Path", "Delivered-To"}) {
    EXPECT_TRUE(IsAddressHeader(name)) << name;
  }
  for (std::string_view name : {"Subject", "Received", "Message-ID", ""}) {
    EXPECT_FALSE(IsAddressHeader(name)) << name;
  }
}

TEST(DotAtomTest, Table) {
  struct DotAtomCase {
    std::string_view text;
    bool dot_atom;
  };
  const DotAtomCase cases[] = {
      {"user", true},          {"first.last", true},   {"a.b.c", true},
      {"o'neil+tag", true},    {"!#$%&'*+-/=?^_`{|}~", true},
      {"J\xc3\xb6rg", true},    // UTF-8 (RFC 6532)
      {"", false},             {".user", false},       {"user.", false},
      {"a..b", false},         {"a b", false},         {"\"quoted\"", false},
      {"a@b", false},          {"a,b", false},         {"(c)", false},
      {"[x]", false},          {"a\\b", false},       {"tab\there", false},
  };
  for (const DotAtomCase& c : cases) EXPECT_EQ(IsDotAtom(c.text), c.dot_atom) << c.text;
  EXPECT_TRUE(IsAtext('~'));
  EXPECT_TRUE(IsAtext('\x80'));
  EXPECT_FALSE(IsAtext('.'));
  EXPECT_FALSE(IsAtext('@'));
  EXPECT_FALSE(IsAtext(' '));
}

}  // namespace
}  // namespace sievekit::mail
