// Tests for tools/command_compile: `sievec compile`, the Pigeonhole form
// `sievec FILE [OUT]`, and running and dumping the binaries it writes.
#include <gtest/gtest.h>

#include "tests/tools/run_sievec.h"

namespace sievekit::testutil {
namespace {

const char kScript[] =
    "require \"fileinto\";\n"
    "if header :contains \"subject\" \"report\" { fileinto \"Reports\"; }\n";
const char kMessage[] = "Subject: The report\r\n\r\nbody\r\n";

TEST(CompileCommandTest, WritesABinaryThatRunsLikeTheScript) {
  ScratchDir dir;
  const std::string script = dir.Write("rules.sieve", kScript);
  const std::string message = dir.Write("m.eml", kMessage);
  const RunResult compiled = RunSievec({"compile", script});
  ASSERT_EQ(compiled.exit_status, 0) << compiled.err;
  const std::string binary = (dir.path() / "rules.svbin").string();
  ASSERT_TRUE(std::filesystem::exists(binary));
  const RunResult from_script = RunSievec({"run", script, message, "--json"});
  const RunResult from_binary = RunSievec({"run", binary, message, "--json"});
  EXPECT_EQ(from_binary.exit_status, 0) << from_binary.err;
  EXPECT_EQ(from_binary.out, from_script.out);
  EXPECT_NE(from_binary.out.find("\"mailbox\":\"Reports\""), std::string::npos);
}

TEST(CompileCommandTest, OutputOptionAndPigeonholeForm) {
  ScratchDir dir;
  const std::string script = dir.Write("rules.sieve", kScript);
  const std::string out = (dir.path() / "other.bin").string();
  EXPECT_EQ(RunSievec({"compile", script, "-o", out}).exit_status, 0);
  EXPECT_TRUE(std::filesystem::exists(out));
  const std::string out2 = (dir.path() / "third.bin").string();
  EXPECT_EQ(RunSievec({script, out2}).exit_status, 0);
  EXPECT_EQ(ReadWholeFile(out2), ReadWholeFile(out));
}

TEST(CompileCommandTest, InvalidScriptsAndBadInput) {
  ScratchDir dir;
  const RunResult invalid = RunSievec({"compile", dir.Write("bad.sieve", "filein \"x\";")});
  EXPECT_EQ(invalid.exit_status, 1);
  EXPECT_NE(invalid.err.find("unknown command 'filein'"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "bad.svbin"));
  EXPECT_EQ(RunSievec({"compile", (dir.path() / "missing.sieve").string()}).exit_status, 2);
  EXPECT_EQ(RunSievec({"compile"}).exit_status, 2);
}

TEST(CompileCommandTest, CorruptBinaryIsRefused) {
  ScratchDir dir;
  const std::string script = dir.Write("rules.sieve", kScript);
  ASSERT_EQ(RunSievec({"compile", script}).exit_status, 0);
  std::string bytes = ReadWholeFile(dir.path() / "rules.svbin");
  bytes[bytes.size() - 3] ^= 0x11;
  const std::string corrupt = dir.Write("corrupt.svbin", bytes);
  const RunResult run = RunSievec({"run", corrupt, dir.Write("m.eml", kMessage)});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_NE(run.err.find("corrupt.svbin"), std::string::npos) << run.err;
  const RunResult dump = RunSievec({"dump", corrupt});
  EXPECT_NE(dump.exit_status, 0);
}

TEST(CompileCommandTest, DumpDisassemblesScriptsAndBinariesAlike) {
  ScratchDir dir;
  const std::string script = dir.Write("rules.sieve", kScript);
  ASSERT_EQ(RunSievec({"compile", script}).exit_status, 0);
  const RunResult from_script = RunSievec({"dump", script});
  const RunResult from_binary = RunSievec({"dump", (dir.path() / "rules.svbin").string()});
  EXPECT_EQ(from_script.exit_status, 0);
  EXPECT_EQ(from_binary.exit_status, 0);
  EXPECT_NE(from_script.out.find("fileinto"), std::string::npos) << from_script.out;
  EXPECT_EQ(from_binary.out, from_script.out);
}

}  // namespace
}  // namespace sievekit::testutil
