// Corpus runner for corpus/examples/, the scripts `make demo` shows: every
// example is a realistic filter that must compile without any diagnostic,
// except broken.sieve, whose three mistakes must each be reported with the
// note that helps fix it. `sievec check` must agree (exit 0 for each valid
// example, 1 for broken.sieve), since that is what the demo runs.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/ir/compile_for_test.h"
#include "tests/tools/corpus_golden.h"
#include "tests/tools/run_sievec.h"

namespace sievekit::testutil {
namespace {

std::string ScriptTestName(const ::testing::TestParamInfo<std::string>& param) {
  return TestNameFor(param.param);
}

fs::path Dir() { return CorpusDir("examples"); }

std::vector<std::string> ValidExamples() {
  std::vector<std::string> out;
  for (const std::string& file : ScriptsIn(Dir())) {
    if (file != "broken.sieve") out.push_back(file);
  }
  return out;
}

class ValidExample : public ::testing::TestWithParam<std::string> {};

TEST_P(ValidExample, CompilesCleanly) {
  const ir::FrontendResult result = CompileCorpusFile(Dir() / GetParam());
  EXPECT_EQ(Summarize(result), "") << GetParam();
}

TEST_P(ValidExample, SievecCheckAccepts) {
  const RunResult run = RunSievec({"check", (Dir() / GetParam()).string()});
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out, "");
}

INSTANTIATE_TEST_SUITE_P(Examples, ValidExample, ::testing::ValuesIn(ValidExamples()),
                         ScriptTestName);

TEST(ExamplesCorpus, HoldsFourToSixValidExamplesAndOneBrokenOne) {
  const std::vector<std::string> all = ScriptsIn(Dir());
  EXPECT_EQ(std::count(all.begin(), all.end(), "broken.sieve"), 1);
  EXPECT_GE(ValidExamples().size(), 4u);
  EXPECT_LE(ValidExamples().size(), 6u);
  EXPECT_TRUE(fs::exists(Dir() / "README.md"));
}

TEST(ExamplesCorpus, BrokenShowsEachKindOfMistake) {
  const ir::FrontendResult result = CompileCorpusFile(Dir() / "broken.sieve");
  EXPECT_EQ(Summarize(result),
            "5:4 unknown-test: unknown test 'hedaer'\n"
            "  note: did you mean 'header'?\n"
            "10:37 missing-semicolon: missing semicolon after the redirect command\n"
            "15:5 missing-require: command 'fileinto' needs the extension 'fileinto', which is "
            "not required\n"
            "  note: add 'require \"fileinto\";' at the top of the script\n");
}

TEST(ExamplesCorpus, SievecCheckRejectsBroken) {
  const RunResult run = RunSievec({"check", (Dir() / "broken.sieve").string()});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_NE(run.err.find("did you mean 'header'?"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("[missing-semicolon]"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("add 'require \"fileinto\";'"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace sievekit::testutil
