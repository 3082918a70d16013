// Tests for extensions/core/core: the RFC 5228 base language as registered
// — keep, discard and redirect; the header, address, exists and size tests
// with their signatures; i;octet and i;ascii-casemap usable without
// require; the :is/:contains/:matches match types and :all/:localpart/:domain
// address parts; redirect's address check (section 2.4.2.3); the address
// test's restriction to address headers (section 5.1); and the rule that a
// syntactically invalid header name is never an error (section 2.4.2.2).
#include "extensions/core/core.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ir/registry.h"
#include "tests/ir/compile_for_test.h"

namespace sievekit::extensions {
namespace {

using testutil::CheckScript;

const ir::Registry& CoreOnly() {
  static const ir::Registry* const registry = [] {
    auto* r = new ir::Registry();
    RegisterCore(*r);
    r->Finalize();
    return r;
  }();
  return *registry;
}

std::vector<std::string> Strings(const std::vector<std::string_view>& views) {
  return {views.begin(), views.end()};
}

TEST(CoreTest, RegistersTheBaseLanguage) {
  const ir::Registry& r = CoreOnly();
  EXPECT_EQ(Strings(r.CommandNames()), (std::vector<std::string>{"discard", "keep", "redirect"}));
  EXPECT_EQ(Strings(r.TestNames()),
            (std::vector<std::string>{"address", "exists", "header", "size"}));
  EXPECT_EQ(Strings(r.ExtensionNames()),
            (std::vector<std::string>{"comparator-i;ascii-casemap", "comparator-i;octet"}));
  for (const char* name : {"keep", "discard", "redirect"}) {
    EXPECT_EQ(r.FindCommand(name)->extension, nullptr) << name;
  }
  for (const char* name : {"address", "exists", "header", "size"}) {
    EXPECT_EQ(r.FindTest(name)->extension, nullptr) << name;
  }
}

TEST(CoreTest, Signatures) {
  const ir::Registry& r = CoreOnly();
  EXPECT_TRUE(r.FindCommand("keep")->positional.empty());
  EXPECT_TRUE(r.FindCommand("discard")->positional.empty());
  ASSERT_EQ(r.FindCommand("redirect")->positional.size(), 1u);
  EXPECT_EQ(r.FindCommand("redirect")->positional[0].type, ir::ArgType::kString);

  const ir::CallSpec& header = *r.FindTest("header");
  ASSERT_EQ(header.positional.size(), 2u);
  EXPECT_EQ(header.positional[0].type, ir::ArgType::kStringList);
  EXPECT_EQ(header.positional[1].type, ir::ArgType::kStringList);
  EXPECT_EQ(header.groups, (std::vector<std::string>{"comparator", "match-type"}));

  const ir::CallSpec& address = *r.FindTest("address");
  EXPECT_EQ(address.positional.size(), 2u);
  EXPECT_EQ(address.groups, (std::vector<std::string>{"comparator", "address-part", "match-type"}));

  const ir::CallSpec& exists = *r.FindTest("exists");
  ASSERT_EQ(exists.positional.size(), 1u);
  EXPECT_EQ(exists.positional[0].type, ir::ArgType::kStringList);
  EXPECT_TRUE(exists.groups.empty());

  const ir::CallSpec& size = *r.FindTest("size");
  ASSERT_EQ(size.positional.size(), 1u);
  EXPECT_EQ(size.positional[0].type, ir::ArgType::kNumber);
  EXPECT_EQ(size.required_groups, (std::vector<std::string>{"size-relation"}));
}

TEST(CoreTest, ComparatorsMatchTypesAndAddressParts) {
  const ir::Registry& r = CoreOnly();
  for (const char* name : {"i;octet", "i;ascii-casemap"}) {
    const ir::ComparatorSpec* c = r.FindComparator(name);
    ASSERT_NE(c, nullptr) << name;
    EXPECT_TRUE(c->equality && c->substring && c->ordering) << name;
    ASSERT_NE(c->extension, nullptr);
    EXPECT_TRUE(c->extension->always_enabled) << name;  // RFC 5228 section 2.7.3
  }
  std::vector<std::string> match_types;
  std::vector<std::string> address_parts;
  for (const ir::TagSpec* tag : r.TagsOf(*r.FindTest("address"))) {
    if (tag->group == ir::kMatchTypeGroup) match_types.push_back(tag->name);
    if (tag->group == ir::kAddressPartGroup) address_parts.push_back(tag->name);
  }
  EXPECT_EQ(match_types, (std::vector<std::string>{"is", "contains", "matches"}));
  EXPECT_EQ(address_parts, (std::vector<std::string>{"all", "localpart", "domain"}));
  // Envelope parts belong to the envelope extension.
  EXPECT_FALSE(r.IsEnvelopePart("from"));
}

TEST(CoreTest, RedirectChecksItsAddress) {
  const struct {
    std::string script;
    std::string expected;
  } cases[] = {
      {"redirect \"bart@example.com\";", ""},
      {"redirect \"Bart Simpson <bart@example.com>\";", ""},
      {"redirect \"bart\";",
       "1:10 invalid-address: 'bart' is not a valid mail address: missing '@domain'\n"},
      {"redirect \"\";", "1:10 invalid-address: '' is not a valid mail address: empty address\n"},
      {"redirect \"a@example.com, b@example.com\";",
       "1:10 invalid-address: 'a@example.com, b@example.com' is not a valid mail address: only "
       "one address is allowed\n"},
      {"if true {\n  redirect \"@example.com\";\n}",
       "2:12 invalid-address: '@example.com' is not a valid mail address: missing local "
       "part\n"},
      // Without the variables extension "${" is just text, and checked.
      {"redirect \"${user}\";",
       "1:10 invalid-address: '${user}' is not a valid mail address: missing '@domain'\n"},
  };
  for (const auto& c : cases) EXPECT_EQ(CheckScript(c.script, CoreOnly()), c.expected) << c.script;
}

TEST(CoreTest, AddressTestOnlyLooksAtAddressHeaders) {
  const struct {
    std::string script;
    std::string expected;
  } cases[] = {
      {"if address \"from\" \"a@b\" {}", ""},
      {"if address [\"To\", \"CC\", \"Resent-From\"] \"a@b\" {}", ""},
      {"if address \"subject\" \"a@b\" {}",
       "1:12 not-an-address-header: header 'subject' is not allowed in the address test: it "
       "does not contain addresses\n"},
      // One error per test: the first offending name.
      {"if address [\"to\", \"frop\", \"date\"] \"a@b\" {}",
       "1:19 not-an-address-header: header 'frop' is not allowed in the address test: it does "
       "not contain addresses\n"},
      // RFC 5228 §2.4.2.2: an invalid name is no error, in address too.
      {"if address \"From:\" \"a@b\" {}", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(CheckScript(c.script, CoreOnly()), c.expected) << c.script;
}

TEST(CoreTest, InvalidHeaderNamesAreNotErrors) {
  // RFC 5228 section 2.4.2.2: "An implementation MUST NOT cause an error for
  // syntactically invalid header names in tests."
  for (const std::string script :
       {"if header \"From:\" \"x\" {}", "if exists \"a b\" {}",
        "if header [\"\", \"X-\\\"\"] \"x\" {}", "if exists \"Subject\\n\" {}"}) {
    EXPECT_EQ(CheckScript(script, CoreOnly()), "") << script;
  }
}

TEST(CoreTest, BaseComparatorsNeedNoRequire) {
  EXPECT_EQ(CheckScript("if header :comparator \"i;octet\" :contains \"s\" \"X\" {}\n"
                        "if address :comparator \"i;ascii-casemap\" :matches \"to\" \"*\" {}",
                        CoreOnly()),
            "");
}

TEST(CoreTest, ExtensionsAreNotPartOfTheBase) {
  EXPECT_EQ(CheckScript("require \"fileinto\";", CoreOnly()),
            "1:9 unknown-extension: unsupported extension 'fileinto'\n");
}

}  // namespace
}  // namespace sievekit::extensions
