// Runs the upstream Pigeonhole test suite (../shared/conformance/pigeonhole,
// LGPL, read in place and never copied) through the testsuite runner. One
// named test per .svtest file. A file listed in skip.txt is not run; a test
// listed in baseline.txt must pass. Tests that pass but are not in the
// baseline are reported, and SIEVEKIT_UPDATE_BASELINE=1 adds them: the
// baseline only grows.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "tools/testsuite_runner.h"

namespace sievekit {
namespace {

namespace fs = std::filesystem;

const fs::path kSuite = fs::path(SIEVEKIT_SHARED_ROOT) / "conformance/pigeonhole/tests";
const fs::path kHere = fs::path(SIEVEKIT_SOURCE_ROOT) / "tests/conformance";

// "FILE: reason" lines (FILE relative to the suite's tests/ folder).
std::map<std::string, std::string> ReadSkipList() {
  std::map<std::string, std::string> skip;
  std::ifstream in(kHere / "skip.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t colon = line.find(": ");
    skip[line.substr(0, colon)] = colon == std::string::npos ? "" : line.substr(colon + 2);
  }
  return skip;
}

// "FILE: TEST NAME" lines.
std::set<std::string> ReadBaseline() {
  std::set<std::string> baseline;
  std::ifstream in(kHere / "baseline.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') baseline.insert(line);
  }
  return baseline;
}

std::vector<std::string> TestFiles() {
  std::vector<std::string> out;
  if (!fs::exists(kSuite)) return out;
  const auto skip = ReadSkipList();
  for (const auto& entry : fs::recursive_directory_iterator(kSuite)) {
    if (entry.path().extension() != ".svtest") continue;
    const std::string relative = fs::relative(entry.path(), kSuite).string();
    if (skip.count(relative) == 0) out.push_back(relative);
  }
  std::sort(out.begin(), out.end());
  return out;
}

class ConformanceTest : public testing::TestWithParam<std::string> {};

TEST_P(ConformanceTest, BaselineStillPasses) {
  const std::string& file = GetParam();
  const tools::TestFileReport report = tools::RunTestFile((kSuite / file).string());
  const std::set<std::string> baseline = ReadBaseline();
  std::set<std::string> passing;
  for (const auto& outcome : report.outcomes) {
    if (outcome.passed) passing.insert(file + ": " + outcome.name);
  }
  for (const std::string& entry : baseline) {
    if (entry.rfind(file + ": ", 0) != 0) continue;
    EXPECT_TRUE(passing.count(entry) > 0)
        << "regression: " << entry << " passed before\n"
        << report.compile_errors << report.runtime_error;
  }
  std::vector<std::string> new_passes;
  for (const std::string& entry : passing) {
    if (baseline.count(entry) == 0) new_passes.push_back(entry);
  }
  if (!new_passes.empty() && std::getenv("SIEVEKIT_UPDATE_BASELINE") != nullptr) {
    std::ofstream out(kHere / "baseline.txt", std::ios::app);
    for (const std::string& entry : new_passes) out << entry << "\n";
  }
  for (const std::string& entry : new_passes) {
    std::cout << "new pass (not yet in the baseline): " << entry << "\n";
  }
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Pigeonhole, ConformanceTest, testing::ValuesIn(TestFiles()), TestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ConformanceTest);

TEST(ConformanceListsTest, SkipListNamesExistingFilesWithReasons) {
  if (!fs::exists(kSuite)) GTEST_SKIP() << "the upstream suite is not there";
  for (const auto& [file, reason] : ReadSkipList()) {
    EXPECT_TRUE(fs::exists(kSuite / file)) << file;
    EXPECT_FALSE(reason.empty()) << file << " has no reason";
  }
}

}  // namespace
}  // namespace sievekit
