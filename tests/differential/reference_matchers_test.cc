// Tests for the reference evaluator's matchers on known cases: the examples
// of RFC 4790 §9, RFC 5228 §2.7, RFC 5231 and RFC 5233, and the corners the
// differential test leans on (escapes, empty keys, octet-wise "?").
#include "tests/differential/reference_matchers.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::differential {
namespace {

constexpr Comparator kOctet = Comparator::kOctet;
constexpr Comparator kCasemap = Comparator::kAsciiCasemap;
constexpr Comparator kNumeric = Comparator::kAsciiNumeric;

TEST(ReferenceMatchersTest, ComparatorNames) {
  EXPECT_EQ(ComparatorNamed("i;octet"), kOctet);
  EXPECT_EQ(ComparatorNamed("I;ASCII-CASEMAP"), kCasemap);
  EXPECT_EQ(ComparatorNamed("i;ascii-numeric"), kNumeric);
  EXPECT_EQ(ComparatorNamed("i;unicode-casemap"), std::nullopt);
}

TEST(ReferenceMatchersTest, OrderingOfRfc4790) {
  const struct {
    Comparator comparator;
    std::string a;
    std::string b;
    Order order;
  } cases[] = {
      // §9.1.1 examples.
      {kNumeric, "0", "1", Order::kLess},
      {kNumeric, "1", "4294967298", Order::kLess},
      {kNumeric, "4294967298", "04294967298", Order::kEqual},
      {kNumeric, "04294967298", "4294967298b", Order::kEqual},
      {kNumeric, "04294967298", "", Order::kLess},
      {kNumeric, "", "x", Order::kEqual},
      {kNumeric, "x", "y", Order::kEqual},
      // Numbers of any size, by value and not by text.
      {kNumeric, "99999999999999999999", "4294967298", Order::kGreater},
      {kNumeric, "007", "10", Order::kLess},
      {kNumeric, "0", "000", Order::kEqual},
      {kNumeric, "42abc", "42", Order::kEqual},
      {kNumeric, " 7", "7", Order::kGreater},  // a space is not a digit: infinity
      {kNumeric, " 7", "abc", Order::kEqual},
      // §9.3.1: octets, unsigned; a prefix sorts first.
      {kOctet, "", "", Order::kEqual},
      {kOctet, "", "a", Order::kLess},
      {kOctet, "ab", "a", Order::kGreater},
      {kOctet, "A", "a", Order::kLess},
      {kOctet, "\xc3\xa9", "z", Order::kGreater},
      // §9.2.1: a-z become A-Z first, so "_" (0x5F) sorts after letters.
      {kCasemap, "hello", "HELLO", Order::kEqual},
      {kCasemap, "a", "B", Order::kLess},
      {kCasemap, "_", "a", Order::kGreater},
      {kCasemap, "[", "z", Order::kGreater},
      {kCasemap, "\xc3\xa9", "\xc3\x89", Order::kGreater},  // non-ASCII is not folded
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Compare(c.comparator, c.a, c.b), c.order) << c.a << " vs " << c.b;
  }
}

TEST(ReferenceMatchersTest, ContainsOfRfc5228) {
  const struct {
    Comparator comparator;
    std::string value;
    std::string key;
    bool contains;
  } cases[] = {
      // §2.7.1: "frobnitzm" contains "frob" and "nit", but not "fbm".
      {kOctet, "frobnitzm", "frob", true},
      {kOctet, "frobnitzm", "nit", true},
      {kOctet, "frobnitzm", "fbm", false},
      {kOctet, "frobnitzm", "", true},
      {kOctet, "", "", true},
      {kOctet, "", "a", false},
      // §2.7.3 example: i;octet is case-sensitive.
      {kOctet, "You can Make Money Fast", "MAKE MONEY FAST", false},
      {kCasemap, "You can Make Money Fast", "MAKE MONEY FAST", true},
      {kOctet, "You can MAKE MONEY FAST", "MAKE MONEY FAST", true},
      {kCasemap, "ab", "abc", false},
      {kCasemap, "a*b", "*", true},  // no wildcards in :contains
      {kCasemap, "ab", "*", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ContainsSubstring(c.comparator, c.value, c.key), c.contains)
        << c.value << " / " << c.key;
  }
}

TEST(ReferenceMatchersTest, GlobOfRfc5228) {
  const struct {
    Comparator comparator;
    std::string value;
    std::string pattern;  // decoded: "\\*" here is the two characters \ and *
    bool matches;
  } cases[] = {
      {kCasemap, "frobnitzm", "frob*", true},
      {kCasemap, "frobnitzm", "*nit*", true},
      {kCasemap, "frobnitzm", "f?obnitzm", true},
      {kCasemap, "frobnitzm", "frob", false},  // the entire value must match
      {kCasemap, "FROBNITZM", "frob*", true},
      {kOctet, "FROBNITZM", "frob*", false},
      {kCasemap, "", "*", true},
      {kCasemap, "", "?", false},
      {kCasemap, "", "", true},
      {kCasemap, "a", "", false},
      {kCasemap, "x", "?*", true},  // RFC 5228 §5.7: "?*" is "not empty"
      {kCasemap, "abc", "***", true},
      {kCasemap, "abc", "a*c*", true},
      {kCasemap, "abcbc", "*bc", true},
      {kCasemap, "abcbd", "*bc", false},
      // Escapes: "\\*" in a script string is \* in the key, a literal "*".
      {kCasemap, "a*b?c", "a\\*b\\?c", true},
      {kCasemap, "axbyc", "a\\*b\\?c", false},
      {kCasemap, "axbyc", "a*b?c", true},
      {kCasemap, "a*b", "*\\**", true},
      {kCasemap, "ab", "*\\**", false},
      {kCasemap, "back\\slash", "back\\\\slash", true},  // \\ is one backslash
      {kCasemap, "ab", "\\a\\b", true},                  // an escaped letter is itself
      {kCasemap, "a\\", "a\\", true},                    // a trailing \ stands for itself
      // §2.7.1: "?" is one octet with i;octet and i;ascii-casemap, so the two
      // octets of "é" (C3 A9) need two of them.
      {kCasemap, "caf\xc3\xa9", "caf?", false},
      {kCasemap, "caf\xc3\xa9", "caf??", true},
      {kOctet,
       "Gr\xc3\xbc\xc3\x9f"
       "e",
       "Gr????e", true},
      {kOctet,
       "Gr\xc3\xbc\xc3\x9f"
       "e",
       "Gr??e", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(MatchesGlob(c.comparator, c.value, c.pattern), c.matches)
        << c.value << " / " << c.pattern;
  }
}

TEST(ReferenceMatchersTest, RelationsOfRfc5231) {
  const struct {
    Comparator comparator;
    std::string op;
    std::string value;
    std::string key;
    bool holds;
  } cases[] = {
      {kNumeric, "gt", "10", "9", true},
      {kCasemap, "gt", "10", "9", false},  // as strings, "1" < "9"
      {kNumeric, "ge", "9", "9", true},
      {kNumeric, "lt", "abc", "5", false},  // infinity is above every number
      {kNumeric, "gt", "abc", "5", true},
      {kNumeric, "eq", "abc", "", true},
      {kNumeric, "ne", "007", "7", false},
      {kNumeric, "le", "007", "7", true},
      {kCasemap, "eq", "Hello", "hELLO", true},
      {kOctet, "eq", "Hello", "hELLO", false},
      {kOctet, "lt", "Hello", "hELLO", true},
      {kCasemap, "ne", "a", "b", true},
      {kCasemap, "xx", "a", "a", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Relation(c.comparator, c.op, c.value, c.key), c.holds)
        << c.value << " " << c.op << " " << c.key;
  }
}

TEST(ReferenceMatchersTest, MatchValueAndMatchCount) {
  EXPECT_TRUE(MatchValue({kCasemap, MatchType::kIs, ""}, "Hello", "hello"));
  EXPECT_FALSE(MatchValue({kCasemap, MatchType::kIs, ""}, "Hello", "hell"));
  EXPECT_TRUE(MatchValue({kCasemap, MatchType::kContains, ""}, "Hello", "ELL"));
  EXPECT_TRUE(MatchValue({kCasemap, MatchType::kMatches, ""}, "Hello", "h*O"));
  EXPECT_TRUE(MatchValue({kNumeric, MatchType::kValue, "ge"}, "12", "012"));
  EXPECT_FALSE(MatchValue({kNumeric, MatchType::kCount, "eq"}, "1", "1"));
  // RFC 5231 §6: three addresses, "ge" "3" holds; with ascii-casemap the
  // count "10" is below "9".
  EXPECT_TRUE(MatchCount({kNumeric, MatchType::kCount, "ge"}, 3, "3"));
  EXPECT_FALSE(MatchCount({kNumeric, MatchType::kCount, "ge"}, 2, "3"));
  EXPECT_TRUE(MatchCount({kCasemap, MatchType::kCount, "lt"}, 10, "9"));
  EXPECT_TRUE(MatchCount({kNumeric, MatchType::kCount, "lt"}, 0, "abc"));
}

TEST(ReferenceMatchersTest, MatchTypeAndAddressPartNames) {
  EXPECT_EQ(MatchTypeNamed("IS"), MatchType::kIs);
  EXPECT_EQ(MatchTypeNamed("count"), MatchType::kCount);
  EXPECT_EQ(MatchTypeNamed("regex"), std::nullopt);
  EXPECT_EQ(AddressPartNamed("LocalPart"), AddressPart::kLocalPart);
  EXPECT_EQ(AddressPartNamed("detail"), AddressPart::kDetail);
  EXPECT_EQ(AddressPartNamed("name"), std::nullopt);
}

TEST(ReferenceMatchersTest, AddressPartsOfRfc5228AndRfc5233) {
  auto address = [](std::string_view local, std::string_view domain, std::string_view all,
                    bool valid) {
    mail::Address a;
    a.local_part = local;
    a.domain = domain;
    a.all = all;
    a.valid = valid;
    return a;
  };
  const mail::Address ken =
      address("ken+mta-filters", "example.com", "ken+mta-filters@example.com", true);
  const mail::Address plain = address("ken", "example.com", "ken@example.com", true);
  const mail::Address empty_detail = address("ken+", "example.com", "ken+@example.com", true);
  const mail::Address twice = address("dave+a+b", "example.org", "dave+a+b@example.org", true);
  const mail::Address invalid = address("", "", "invalid-address", false);
  const struct {
    AddressPart part;
    const mail::Address* address;
    std::optional<std::string> expected;
  } cases[] = {
      {AddressPart::kAll, &ken, "ken+mta-filters@example.com"},
      {AddressPart::kLocalPart, &ken, "ken+mta-filters"},
      {AddressPart::kDomain, &ken, "example.com"},
      {AddressPart::kUser, &ken, "ken"},
      {AddressPart::kDetail, &ken, "mta-filters"},
      // RFC 5233 §4: no detail — :user is the local part, :detail nothing.
      {AddressPart::kUser, &plain, "ken"},
      {AddressPart::kDetail, &plain, std::nullopt},
      // A zero-length detail is the empty value.
      {AddressPart::kDetail, &empty_detail, ""},
      {AddressPart::kUser, &empty_detail, "ken"},
      // The separator occurring twice: split at the first.
      {AddressPart::kUser, &twice, "dave"},
      {AddressPart::kDetail, &twice, "a+b"},
      // RFC 5228 §2.7.4: an invalid address has no local part or domain,
      // and RFC 5233 §4 extends that to :user and :detail.
      {AddressPart::kAll, &invalid, "invalid-address"},
      {AddressPart::kLocalPart, &invalid, std::nullopt},
      {AddressPart::kDomain, &invalid, std::nullopt},
      {AddressPart::kUser, &invalid, std::nullopt},
      {AddressPart::kDetail, &invalid, std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ExtractAddressPart(c.part, *c.address, "+"), c.expected) << c.address->all;
  }
  // Another separator sequence (the site's choice, RFC 5233 §4).
  EXPECT_EQ(ExtractAddressPart(AddressPart::kUser, ken, "--"), "ken+mta-filters");
  EXPECT_EQ(ExtractAddressPart(AddressPart::kDetail, ken, "--"), std::nullopt);
  const mail::Address dashes = address("sieve--ken", "example.com", "sieve--ken@example.com", true);
  EXPECT_EQ(ExtractAddressPart(AddressPart::kUser, dashes, "--"), "sieve");
  EXPECT_EQ(ExtractAddressPart(AddressPart::kDetail, dashes, "--"), "ken");
}

}  // namespace
}  // namespace sievekit::differential
