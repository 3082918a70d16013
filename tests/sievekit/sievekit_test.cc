// Tests for sievekit/sievekit.h: the library API as a host uses it,
// including the example in the header comment and the README.
#include "sievekit/sievekit.h"

#include <gtest/gtest.h>

namespace sievekit {
namespace {

const char kMessage[] =
    "Return-Path: <alice@example.com>\r\n"
    "From: Alice <alice@example.com>\r\n"
    "To: bob@example.org\r\n"
    "Subject: [list] weekly digest\r\n"
    "\r\n"
    "Body.\r\n";

TEST(ApiTest, CompileAndEvaluate) {
  CompileResult compiled = Compile(
      "require \"fileinto\";\n"
      "if header :contains \"subject\" \"[list]\" { fileinto \"Lists\"; }\n");
  ASSERT_TRUE(compiled.ok()) << compiled.ErrorsText();
  Evaluator evaluator;
  const Envelope envelope{"<alice@example.com>", "<bob@example.org>", "", ""};
  const EvalResult& r = evaluator.Evaluate(*compiled.program, kMessage, envelope);
  ASSERT_EQ(r.actions.size(), 1u);
  EXPECT_EQ(r.actions[0].type, "fileinto");
  EXPECT_EQ(r.actions[0].mailbox, "Lists");
  EXPECT_EQ(r.actions[0].line, 2u);
  EXPECT_FALSE(r.implicit_keep);
  EXPECT_TRUE(r.errors.empty());
}

TEST(ApiTest, CompileErrorsComeAsDiagnostics) {
  CompileResult compiled = Compile("filein \"x\";\n", "user.sieve");
  EXPECT_FALSE(compiled.ok());
  ASSERT_TRUE(compiled.diagnostics.has_errors());
  EXPECT_EQ(compiled.diagnostics.all()[0].id(), "unknown-command");
  EXPECT_NE(compiled.ErrorsText().find("user.sieve:1:1: error: unknown command 'filein'"),
            std::string::npos);
}

TEST(ApiTest, DisabledExtensionsAreUnknown) {
  CompileOptions options;
  options.disabled_extensions.insert("fileinto");
  CompileResult compiled = Compile("require \"fileinto\";", "s", options);
  EXPECT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.diagnostics.all()[0].id(), "unknown-extension");
}

TEST(ApiTest, CompileFileReportsUnreadableFiles) {
  FileCompileResult compiled = CompileFile("/nonexistent/dir/user.sieve");
  EXPECT_FALSE(compiled.ok());
  EXPECT_NE(compiled.io_error.find("/nonexistent/dir/user.sieve"), std::string::npos);
  EXPECT_TRUE(compiled.diagnostics.all().empty());
}

TEST(ApiTest, BinariesRoundTripAndHostileOnesAreRefused) {
  CompileResult compiled = Compile("if size :over 1K { discard; }");
  ASSERT_TRUE(compiled.ok());
  const std::string binary = SaveBinary(*compiled.program);
  auto loaded = LoadBinary(binary);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(SaveBinary(**loaded), binary);
  std::string damaged = binary;
  damaged[damaged.size() / 2] ^= 0x5a;
  auto refused = LoadBinary(damaged);
  ASSERT_FALSE(refused.ok());
  EXPECT_FALSE(refused.error().message.empty());
  EXPECT_FALSE(LoadBinary("not a binary").ok());
}

}  // namespace
}  // namespace sievekit
