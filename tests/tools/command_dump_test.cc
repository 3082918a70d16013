// Tests for `sievec dump --syntax` and `sievec dump --ir`
// (tools/command_dump), run as the built binary: the generic syntax tree
// and the validated IR on stdout; for a script that does not compile, the
// diagnostics on stderr and exit status 1 (the syntax tree of what parsed is
// still shown); usage and I/O errors exit 2.
#include <gtest/gtest.h>

#include <string>

#include "tests/tools/run_sievec.h"

namespace sievekit::testutil {
namespace {

constexpr std::string_view kScript =
    "require \"fileinto\";\n"
    "if header :contains \"subject\" \"x\" {fileinto \"a\";}\n"
    "else { keep; }\n";

TEST(DumpCommandTest, SyntaxTree) {
  ScratchDir dir;
  const RunResult run = RunSievec({"dump", "--syntax", dir.Write("a.sieve", kScript)});
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out,
            "(require \"fileinto\")\n"
            "(if (header :contains \"subject\" \"x\") {(fileinto \"a\")})\n"
            "(else {(keep)})\n");
  EXPECT_EQ(run.err, "");
}

TEST(DumpCommandTest, Ir) {
  ScratchDir dir;
  const RunResult run = RunSievec({"dump", "--ir", dir.Write("a.sieve", kScript)});
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out,
            "require [\"fileinto\"]\n"
            "(if (header :comparator \"i;ascii-casemap\" :contains [\"subject\"] [\"x\"]) "
            "{(fileinto \"a\")} else {(keep)})\n");
  EXPECT_EQ(run.err, "");
}

TEST(DumpCommandTest, InvalidScript) {
  ScratchDir dir;
  const std::string path = dir.Write("bad.sieve", "fileinto \"x\";\n");
  RunResult run = RunSievec({"dump", "--ir", path});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find(path + ":1:1: error: command 'fileinto' needs the extension"),
            std::string::npos)
      << run.err;
  // The syntax tree exists even though the script does not validate.
  run = RunSievec({"dump", "--syntax", path});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out, "(fileinto \"x\")\n");
  EXPECT_NE(run.err.find("[missing-require]"), std::string::npos) << run.err;
}

TEST(DumpCommandTest, UsageAndIoErrors) {
  ScratchDir dir;
  const std::string a = dir.Write("a.sieve", kScript);
  EXPECT_EQ(RunSievec({"dump"}).exit_status, 2);
  EXPECT_EQ(RunSievec({"dump", "--ir"}).exit_status, 2);
  EXPECT_EQ(RunSievec({"dump", "--ir", a, a}).exit_status, 2);
  EXPECT_EQ(RunSievec({"dump", "--bogus", a}).exit_status, 2);
  const std::string missing = (dir.path() / "missing.sieve").string();
  const RunResult run = RunSievec({"dump", "--ir", missing});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_EQ(run.err, "sievec: " + missing + ": no such file\n");
}

}  // namespace
}  // namespace sievekit::testutil
