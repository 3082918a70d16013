// Tests for vm/string_template: RFC 5229 §3 parsing and expansion, with the
// RFC's own examples.
#include "vm/string_template.h"

#include <gtest/gtest.h>

#include <map>

namespace sievekit::vm {
namespace {

class FakeVariables : public VariableSource {
 public:
  std::map<std::string, std::string, std::less<>> vars;
  std::vector<std::string> matches;
  std::string_view Variable(std::string_view ns, std::string_view name) const override {
    auto it = vars.find(ns.empty() ? std::string(name) : std::string(ns) + "." + std::string(name));
    return it == vars.end() ? std::string_view() : std::string_view(it->second);
  }
  std::string_view MatchVariable(uint32_t index) const override {
    return index < matches.size() ? std::string_view(matches[index]) : std::string_view();
  }
};

TEST(StringTemplateTest, Rfc5229Examples) {
  FakeVariables v;
  v.vars["company"] = "ACME";
  const struct {
    std::string_view in;
    std::string_view out;
  } cases[] = {
      {"&%${}!", "&%${}!"},
      {"${doh!}", "${doh!}"},
      {"${full}", ""},
      {"${company}", "ACME"},
      {"${COMPANY}", "ACME"},  // names are case-insensitive
      {"${BAD${Company}", "${BADACME"},
      {"${President, ${Company} Inc.}", "${President, ACME Inc.}"},
      {"no references", "no references"},
      {"${company}${company}", "ACMEACME"},
      {"$${company}", "$ACME"},
      {"${", "${"},
      {"${company", "${company"},
  };
  std::string scratch;
  for (const auto& c : cases) {
    const RuntimeString s = RuntimeString::Template(c.in);
    EXPECT_EQ(s.Expand(v, &scratch), c.out) << c.in;
  }
}

TEST(StringTemplateTest, ConstantsStayConstant) {
  EXPECT_TRUE(RuntimeString::Template("plain").is_constant());
  EXPECT_TRUE(RuntimeString::Template("${}").is_constant());
  EXPECT_TRUE(RuntimeString::Template("${1a}").is_constant());
  EXPECT_FALSE(RuntimeString::Template("${a}").is_constant());
  EXPECT_EQ(RuntimeString::Constant("${a}").constant(), "${a}");
}

TEST(StringTemplateTest, MatchVariablesAndLeadingZeros) {
  FakeVariables v;
  v.matches = {"whole", "one", "two"};
  std::string scratch;
  EXPECT_EQ(RuntimeString::Template("${0}-${1}-${2}-${3}").Expand(v, &scratch), "whole-one-two-");
  EXPECT_EQ(RuntimeString::Template("${001}").Expand(v, &scratch), "one");
  EXPECT_EQ(RuntimeString::Template("${99999999999999999999}").Expand(v, &scratch), "");
}

TEST(StringTemplateTest, Namespaces) {
  FakeVariables v;
  v.vars["env.name"] = "x";
  const RuntimeString s = RuntimeString::Template("${env.name}${a.b.c}");
  std::string scratch;
  EXPECT_EQ(s.Expand(v, &scratch), "x");
  EXPECT_EQ(s.Namespaces(), (std::vector<std::string>{"env", "a.b"}));
  // A namespace must start with an identifier; ".x" and "x." are not references.
  EXPECT_TRUE(RuntimeString::Template("${.x}").is_constant());
  EXPECT_TRUE(RuntimeString::Template("${x.}").is_constant());
  EXPECT_TRUE(RuntimeString::Template("${1.x}").is_constant());
}

TEST(StringTemplateTest, Identifiers) {
  EXPECT_TRUE(IsIdentifier("a"));
  EXPECT_TRUE(IsIdentifier("_a9"));
  EXPECT_FALSE(IsIdentifier(""));
  EXPECT_FALSE(IsIdentifier("9a"));
  EXPECT_FALSE(IsIdentifier("a-b"));
}

}  // namespace
}  // namespace sievekit::vm
