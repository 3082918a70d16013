// Tests for `sievec fmt` (tools/command_fmt), run as the built binary:
// printing the canonical layout, --check (exit 1 when the file is not in
// it), refusing to format a script with syntax errors (exit 1), formatting
// scripts that parse but do not validate, and usage and I/O errors (exit 2).
#include <gtest/gtest.h>

#include <string>

#include "tests/tools/run_sievec.h"

namespace sievekit::testutil {
namespace {

constexpr std::string_view kMessy =
    "require \"fileinto\";\n"
    "IF header :contains \"subject\" \"x\" {fileinto \"a\";}\n"
    "else { keep; }\n";
constexpr std::string_view kCanonical =
    "require \"fileinto\";\n"
    "if header :contains \"subject\" \"x\" {\n"
    "    fileinto \"a\";\n"
    "} else {\n"
    "    keep;\n"
    "}\n";

TEST(FmtCommandTest, PrintsTheCanonicalLayout) {
  ScratchDir dir;
  const RunResult run = RunSievec({"fmt", dir.Write("a.sieve", kMessy)});
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, kCanonical);
  EXPECT_EQ(run.err, "");
}

TEST(FmtCommandTest, FormattingIsIdempotent) {
  ScratchDir dir;
  const RunResult once = RunSievec({"fmt", dir.Write("a.sieve", kMessy)});
  const RunResult twice = RunSievec({"fmt", dir.Write("b.sieve", once.out)});
  EXPECT_EQ(twice.exit_status, 0);
  EXPECT_EQ(twice.out, once.out);
}

TEST(FmtCommandTest, CheckMode) {
  ScratchDir dir;
  const std::string canonical = dir.Write("good.sieve", kCanonical);
  RunResult run = RunSievec({"fmt", "--check", canonical});
  EXPECT_EQ(run.exit_status, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "");

  const std::string messy = dir.Write("messy.sieve", kMessy);
  run = RunSievec({"fmt", "--check", messy});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, messy + ": not in canonical layout\n");
  // The flag may come after the file.
  EXPECT_EQ(RunSievec({"fmt", messy, "--check"}).exit_status, 1);
}

TEST(FmtCommandTest, KeepsComments) {
  ScratchDir dir;
  const RunResult run =
      RunSievec({"fmt", dir.Write("c.sieve", "# rules\nkeep;   # always\n/* end */\n")});
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_NE(run.out.find("# rules"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("# always"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("/* end */"), std::string::npos) << run.out;
}

TEST(FmtCommandTest, SyntaxErrorsAreNotFormatted) {
  ScratchDir dir;
  const std::string path = dir.Write("bad.sieve", "keep\n");
  const RunResult run = RunSievec({"fmt", path});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("[expected]"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(path + ": not formatted because of syntax errors\n"), std::string::npos)
      << run.err;
}

TEST(FmtCommandTest, ValidationErrorsDoNotStopFormatting) {
  // fmt works on the syntax tree; whether fileinto was required is not its
  // business.
  ScratchDir dir;
  const RunResult run = RunSievec({"fmt", dir.Write("v.sieve", "fileinto   \"x\";")});
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, "fileinto \"x\";\n");
}

TEST(FmtCommandTest, ReadsStandardInput) {
  const RunResult run = RunSievec({"fmt", "-"}, "KEEP ;");
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, "keep;\n");
}

TEST(FmtCommandTest, UsageAndIoErrors) {
  ScratchDir dir;
  const std::string a = dir.Write("a.sieve", kCanonical);
  RunResult run = RunSievec({"fmt"});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_EQ(run.err, "usage: sievec fmt [--check] FILE\n");
  run = RunSievec({"fmt", a, a});
  EXPECT_EQ(run.exit_status, 2);
  run = RunSievec({"fmt", "--bogus", a});
  EXPECT_EQ(run.exit_status, 2);
  const std::string missing = (dir.path() / "missing.sieve").string();
  run = RunSievec({"fmt", missing});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_EQ(run.err, "sievec: " + missing + ": no such file\n");
  run = RunSievec({"fmt", dir.path().string()});
  EXPECT_EQ(run.exit_status, 2);
}

}  // namespace
}  // namespace sievekit::testutil
