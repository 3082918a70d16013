// Tests for ir/ir: the small lookups on IR nodes — finding a call's tag by
// name and asking whether a script required an extension.
#include "ir/ir.h"

#include <gtest/gtest.h>

#include "tests/ir/compile_for_test.h"

namespace sievekit::ir {
namespace {

TEST(IrTest, CallFindTag) {
  FrontendResult r = testutil::CompileScript("if size :under 10 {}");
  ASSERT_TRUE(r.ok());
  const Call& size = r.script.body[0].branches[0].condition.call;
  ASSERT_NE(size.FindTag("under"), nullptr);
  EXPECT_EQ(size.FindTag("under")->spec->name, "under");
  EXPECT_EQ(size.FindTag("over"), nullptr);
  EXPECT_TRUE(size.HasTag("under"));
  EXPECT_FALSE(size.HasTag("over"));
  // Tag names are stored lower case; lookups take the stored form.
  EXPECT_FALSE(size.HasTag("UNDER"));
}

TEST(IrTest, ScriptRequires) {
  FrontendResult r = testutil::CompileScript("require [\"envelope\", \"comparator-i;octet\"];");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.script.Requires("envelope"));
  EXPECT_TRUE(r.script.Requires("comparator-i;octet"));
  EXPECT_FALSE(r.script.Requires("fileinto"));
  EXPECT_FALSE(r.script.Requires("Envelope"));
}

TEST(IrTest, ValueStr) {
  FrontendResult r = testutil::CompileScript("redirect \"a@example.com\";");
  ASSERT_TRUE(r.ok());
  const Value& v = r.script.body[0].call.positional[0];
  EXPECT_EQ(v.type, ArgType::kString);
  EXPECT_EQ(v.str(), "a@example.com");
  EXPECT_EQ(v.span, (Span{9, 24}));
  EXPECT_EQ(v.strings[0].span, (Span{9, 24}));
}

}  // namespace
}  // namespace sievekit::ir
