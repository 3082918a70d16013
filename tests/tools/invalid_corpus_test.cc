// Corpus runner for corpus/invalid/: every script there is a realistic
// mistake, and corpus/invalid/expected.txt lists, per file, every diagnostic
// the compiler must report for it ("FILE LINE ID", in order). Each script is
// its own named test (InvalidCorpus/Script.Diagnostics/<name>); further
// tests check that the golden file and the folder agree, and that
// `sievec check --json` reports exactly what the library does.
//
// SIEVEKIT_UPDATE_GOLDEN=1 makes InvalidCorpusGolden.Regenerate rewrite
// expected.txt from what the compiler reports now (the per-file comparisons
// are skipped in that run); review the diff before committing it — the
// golden is a specification, not a recording.
#include <gtest/gtest.h>

#include <exception>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/tools/corpus_golden.h"
#include "tests/tools/run_sievec.h"

namespace sievekit::testutil {
namespace {

std::string ScriptTestName(const ::testing::TestParamInfo<std::string>& param) {
  return TestNameFor(param.param);
}

fs::path Dir() { return CorpusDir("invalid"); }
fs::path GoldenPath() { return Dir() / "expected.txt"; }

constexpr std::string_view kHeader =
    "# Expected diagnostics for the scripts in corpus/invalid/ (see README.md).\n"
    "# One line per diagnostic: FILE LINE ID, in the order the compiler reports\n"
    "# them. Every script must have at least one error. Regenerate with\n"
    "# SIEVEKIT_UPDATE_GOLDEN=1 and review the diff: this file is a reviewed\n"
    "# specification, not a recording.\n";

const Golden& TheGolden() {
  static const Golden* const golden = new Golden(ReadGolden(GoldenPath()));
  return *golden;
}

class Script : public ::testing::TestWithParam<std::string> {};

TEST_P(Script, Diagnostics) {
  if (UpdateGoldenRequested()) GTEST_SKIP() << "regenerating the golden file";
  const ir::FrontendResult result = CompileCorpusFile(Dir() / GetParam());
  EXPECT_TRUE(result.diagnostics.has_errors()) << GetParam() << " compiles without errors";
  const auto it = TheGolden().find(GetParam());
  const std::vector<std::string> expected =
      it == TheGolden().end() ? std::vector<std::string>{} : it->second;
  EXPECT_EQ(DiagnosticLines(result), expected)
      << GetParam() << ": diagnostics differ from expected.txt";
}

INSTANTIATE_TEST_SUITE_P(InvalidCorpus, Script, ::testing::ValuesIn(ScriptsIn(Dir())),
                         ScriptTestName);

TEST(InvalidCorpusGolden, Regenerate) {
  if (!UpdateGoldenRequested()) GTEST_SKIP() << "set SIEVEKIT_UPDATE_GOLDEN=1 to regenerate";
  Golden golden;
  for (const std::string& file : ScriptsIn(Dir())) {
    try {
      golden[file] = DiagnosticLines(CompileCorpusFile(Dir() / file));
    } catch (const std::exception& e) {
      // A compiler bug must not erase the reviewed expectation.
      ADD_FAILURE() << file << ": the compiler threw: " << e.what();
      if (auto it = TheGolden().find(file); it != TheGolden().end()) golden[file] = it->second;
    }
  }
  WriteBytes(GoldenPath(), FormatGolden(kHeader, golden));
}

TEST(InvalidCorpusGolden, MatchesTheFolder) {
  const std::vector<std::string> scripts = ScriptsIn(Dir());
  EXPECT_GE(scripts.size(), 60u);
  const std::set<std::string> files(scripts.begin(), scripts.end());
  const Golden& golden = TheGolden();
  EXPECT_EQ(golden.count(""), 0u) << "malformed lines in expected.txt: "
                                  << ::testing::PrintToString(golden.count("")
                                                                  ? golden.at("")
                                                                  : std::vector<std::string>{});
  for (const auto& [file, lines] : golden) {
    if (file.empty()) continue;
    EXPECT_EQ(files.count(file), 1u) << "expected.txt names " << file << ", which does not exist";
  }
  for (const std::string& file : scripts) {
    EXPECT_EQ(golden.count(file), 1u) << file << " has no entry in expected.txt";
  }
}

TEST(InvalidCorpusGolden, HeaderIsCurrent) {
  EXPECT_EQ(ReadBytes(GoldenPath()).substr(0, kHeader.size()), kHeader);
}

// sievec check --json over the whole folder reports, per file, the same
// lines and ids as the library, and fails with status 1.
// (A script on which the library itself throws is left out: its own test
// reports that, and one crash would hide every other file's result here.)
TEST(InvalidCorpusTool, SievecAgreesWithTheLibrary) {
  std::vector<std::string> args = {"check", "--json"};
  std::vector<std::string> scripts;
  std::map<std::string, std::vector<std::string>> library;
  for (const std::string& file : ScriptsIn(Dir())) {
    try {
      library[file] = DiagnosticLines(CompileCorpusFile(Dir() / file));
    } catch (const std::exception&) {
      continue;
    }
    scripts.push_back(file);
    args.push_back((Dir() / file).string());
  }
  const RunResult run = RunSievec(args);
  EXPECT_EQ(run.exit_status, 1) << run.err;
  const std::optional<Json> json = ParseJson(run.out);
  ASSERT_TRUE(json.has_value()) << run.out;
  ASSERT_TRUE(json->IsArray());
  Golden reported;
  for (const Json& d : json->array()) {
    const std::string file = fs::path(d["file"].str()).filename().string();
    reported[file].push_back(
        fmt::format("{} {}", static_cast<long>(d["line"].number()), d["id"].str()));
  }
  for (const std::string& file : scripts) EXPECT_EQ(reported[file], library[file]) << file;
}

}  // namespace
}  // namespace sievekit::testutil
