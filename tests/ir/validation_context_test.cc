// Tests for ir/validation_context: which extensions a validate hook sees as
// enabled (the base language and always-enabled comparators without
// require, others once required) and which the host offers at all
// (testsuite-only extensions only to test runs; disabled extensions never).
#include "ir/validation_context.h"

#include <gtest/gtest.h>

#include <memory>

#include "common/diagnostic_catalogue.h"
#include "ir/ir.h"

namespace sievekit::ir {
namespace {

class ValidationContextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    registry_.Register({"fileinto", false, false}, [](ExtensionBuilder&) {});
    registry_.Register({"comparator-i;octet", /*always_enabled=*/true, false},
                       [](ExtensionBuilder&) {});
    registry_.Register({"vnd.dovecot.testsuite", false, /*testsuite_only=*/true},
                       [](ExtensionBuilder&) {});
    registry_.Finalize();
  }

  const ExtensionSpec& Extension(std::string_view name) { return *registry_.FindExtension(name); }

  Registry registry_;
  SourceFile source_{"t.sieve", "keep;"};
  Diagnostics diagnostics_;
};

TEST_F(ValidationContextTest, EnabledExtensions) {
  CompileOptions options;
  ValidationContext context(registry_, options, source_, diagnostics_);
  EXPECT_TRUE(context.IsEnabled(nullptr));  // the base language
  EXPECT_TRUE(context.IsEnabled(&Extension("comparator-i;octet")));
  EXPECT_TRUE(context.IsEnabled("comparator-i;octet"));
  EXPECT_FALSE(context.IsEnabled(&Extension("fileinto")));
  EXPECT_FALSE(context.IsEnabled("fileinto"));
  EXPECT_FALSE(context.IsEnabled("no-such-extension"));

  context.Enable(&Extension("fileinto"));
  EXPECT_TRUE(context.IsEnabled(&Extension("fileinto")));
  EXPECT_TRUE(context.IsEnabled("fileinto"));
  EXPECT_FALSE(context.IsEnabled("FileInto"));  // capability names are case-sensitive
}

// The transforms of enabled extensions, kept up to date as extensions are
// enabled and disabled (ihave enables some for a block only).
TEST(ValidationContextTransformsTest, FollowEnableAndDisable) {
  Registry registry;
  registry.Register({}, [](ExtensionBuilder& b) {
    b.TransformStrings([](ValidationContext&, StringValue& s) { s.text += "+base"; });
  });
  const ExtensionSpec* upper = nullptr;
  registry.Register({"x-upper", false, false}, [&](ExtensionBuilder& b) {
    upper = b.extension();
    b.TransformStrings([](ValidationContext&, StringValue& s) { s.text += "+upper"; });
  });
  registry.Register({"x-always", /*always_enabled=*/true, false}, [](ExtensionBuilder& b) {
    b.TransformStrings([](ValidationContext&, StringValue& s) { s.text += "+always"; });
  });
  registry.Finalize();
  SourceFile source("t.sieve", "keep;");
  Diagnostics diagnostics;
  CompileOptions options;
  ValidationContext context(registry, options, source, diagnostics);
  auto apply = [&] {
    StringValue value{"x", {}};
    for (const Registry::ExtensionTransform* t : context.enabled_string_transforms()) {
      t->transform(context, value);
    }
    return value.text;
  };
  EXPECT_EQ(apply(), "x+base+always");
  context.Enable(upper);
  EXPECT_EQ(apply(), "x+base+upper+always");  // registry order
  context.Enable(upper);                      // twice is once
  EXPECT_EQ(apply(), "x+base+upper+always");
  context.Disable(upper);
  EXPECT_EQ(apply(), "x+base+always");
}

TEST_F(ValidationContextTest, AvailableExtensions) {
  CompileOptions options;
  {
    ValidationContext context(registry_, options, source_, diagnostics_);
    EXPECT_TRUE(context.IsAvailable(Extension("fileinto")));
    EXPECT_FALSE(context.IsAvailable(Extension("vnd.dovecot.testsuite")));
  }
  options.allow_testsuite = true;
  options.disabled_extensions = {"fileinto"};
  {
    ValidationContext context(registry_, options, source_, diagnostics_);
    EXPECT_FALSE(context.IsAvailable(Extension("fileinto")));
    EXPECT_TRUE(context.IsAvailable(Extension("vnd.dovecot.testsuite")));
    EXPECT_TRUE(context.IsAvailable(Extension("comparator-i;octet")));
  }
}

TEST_F(ValidationContextTest, ReportsIntoTheDiagnostics) {
  CompileOptions options;
  ValidationContext context(registry_, options, source_, diagnostics_);
  context.Report(diag::kUnknownCommand, {0, 4}, "keep").Note("a note");
  ASSERT_EQ(diagnostics_.all().size(), 1u);
  EXPECT_EQ(diagnostics_.all()[0].message, "unknown command 'keep'");
  EXPECT_EQ(diagnostics_.all()[0].notes[0].message, "a note");
  EXPECT_EQ(&context.diagnostics(), &diagnostics_);
  EXPECT_EQ(&context.registry(), &registry_);
  EXPECT_EQ(&context.source(), &source_);
  EXPECT_EQ(&context.options(), &options);
}

}  // namespace
}  // namespace sievekit::ir
