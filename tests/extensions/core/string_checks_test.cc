// Tests for extensions/core/string_checks: a string is only "known at run
// time" (and so exempt from compile-time checks) when the script uses the
// variables extension and the string contains "${".
#include "extensions/core/string_checks.h"

#include <gtest/gtest.h>

#include "common/diagnostic.h"
#include "ir/registry.h"

namespace sievekit::extensions {
namespace {

TEST(StringChecksTest, RuntimeStringsNeedVariablesRequired) {
  ir::Registry registry;
  registry.Register({"variables", false, false}, [](ir::ExtensionBuilder&) {});
  registry.Finalize();
  SourceFile source("t.sieve", "");
  Diagnostics diagnostics;
  ir::CompileOptions options;
  ir::ValidationContext context(registry, options, source, diagnostics);

  EXPECT_FALSE(IsRuntimeString(context, "${user}@example.com"));  // not required
  context.Enable(registry.FindExtension("variables"));
  EXPECT_TRUE(IsRuntimeString(context, "${user}@example.com"));
  EXPECT_TRUE(IsRuntimeString(context, "${1}"));
  EXPECT_TRUE(IsRuntimeString(context, "x${"));
  EXPECT_FALSE(IsRuntimeString(context, "plain@example.com"));
  EXPECT_FALSE(IsRuntimeString(context, "$ {x}"));
  EXPECT_FALSE(IsRuntimeString(context, "{x}$"));
}

TEST(StringChecksTest, NoVariablesExtensionMeansNoRuntimeStrings) {
  ir::Registry registry;
  registry.Finalize();
  SourceFile source("t.sieve", "");
  Diagnostics diagnostics;
  ir::CompileOptions options;
  ir::ValidationContext context(registry, options, source, diagnostics);
  EXPECT_FALSE(IsRuntimeString(context, "${user}"));
}

}  // namespace
}  // namespace sievekit::extensions
