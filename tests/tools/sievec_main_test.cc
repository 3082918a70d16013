// Tests for sievec's subcommand dispatch (tools/sievec_main), run as the
// built binary: help with no arguments (exit 2, on stderr) or when asked
// (exit 0, on stdout), --version, and an unknown subcommand answered with
// "did you mean" and exit status 2.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "tests/tools/run_sievec.h"

namespace sievekit::testutil {
namespace {

TEST(SievecMainTest, NoArgumentsPrintsHelpToStderr) {
  const RunResult run = RunSievec({});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err.rfind("usage: sievec COMMAND [ARGS]\n", 0), 0u) << run.err;
}

TEST(SievecMainTest, HelpListsTheSubcommands) {
  for (const std::string flag : {"help", "--help", "-h"}) {
    const RunResult run = RunSievec({flag});
    EXPECT_EQ(run.exit_status, 0) << flag;
    EXPECT_EQ(run.err, "") << flag;
    EXPECT_EQ(run.out.rfind("usage: sievec COMMAND [ARGS]\n", 0), 0u) << run.out;
    for (const char* command : {"  check ", "  fmt ", "  dump "}) {
      EXPECT_NE(run.out.find(command), std::string::npos) << command << "\n" << run.out;
    }
    EXPECT_NE(run.out.find("Exit status: 0 success, 1 invalid input, 2 usage or I/O error."),
              std::string::npos);
  }
}

TEST(SievecMainTest, Version) {
  const RunResult run = RunSievec({"--version"});
  EXPECT_EQ(run.exit_status, 0);
  EXPECT_TRUE(
      std::regex_match(run.out, std::regex("sievec \\(sievekit\\) [0-9]+\\.[0-9]+\\.[0-9]+\n")))
      << run.out;
}

TEST(SievecMainTest, UnknownSubcommandGetsASuggestion) {
  const struct {
    std::string name;
    std::string err;
  } cases[] = {
      {"chek",
       "sievec: unknown command 'chek'; did you mean 'check'?\n"
       "(run 'sievec help' for the list of commands)\n"},
      {"dmup",
       "sievec: unknown command 'dmup'; did you mean 'dump'?\n"
       "(run 'sievec help' for the list of commands)\n"},
      {"frobnicate",
       "sievec: unknown command 'frobnicate'\n"
       "(run 'sievec help' for the list of commands)\n"},
      {"--bogus",
       "sievec: unknown command '--bogus'\n"
       "(run 'sievec help' for the list of commands)\n"},
  };
  for (const auto& c : cases) {
    const RunResult run = RunSievec({c.name, "x.sieve"});
    EXPECT_EQ(run.exit_status, 2) << c.name;
    EXPECT_EQ(run.out, "") << c.name;
    EXPECT_EQ(run.err, c.err) << c.name;
  }
}

}  // namespace
}  // namespace sievekit::testutil
