// Runs the upstream Pigeonhole test suite (../shared/conformance/pigeonhole,
// LGPL, read in place and never copied) through the testsuite runner. One
// named test per .svtest file. A file listed in skip.txt is not run; a test
// listed in baseline.txt must pass. Tests that pass but are not in the
// baseline are reported, and SIEVEKIT_UPDATE_BASELINE=1 adds them: the
// baseline only grows.
//
// Two kinds of file need more than a run:
// - test-address.svtest.in is a template. Its lines marked "#UTF8#" assert
//   that an address with a UTF-8 local part is invalid; upstream activates
//   them (removes the marker) on builds without UTF-8 address support and
//   leaves them as the comments they are otherwise. sievekit's address
//   parser accepts UTF-8 in addresses (RFC 6532), so the generated
//   test-address.svtest, written into the build directory, drops them.
// - failures/ holds crash regressions that upstream expects to fail: each
//   must end without a crash in the state failures.txt names for it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string_view>

#include "tools/testsuite_runner.h"

namespace sievekit {
namespace {

namespace fs = std::filesystem;

const fs::path kSuite = fs::path(SIEVEKIT_SHARED_ROOT) / "conformance/pigeonhole/tests";
const fs::path kHere = fs::path(SIEVEKIT_SOURCE_ROOT) / "tests/conformance";
constexpr std::string_view kTemplate = "test-address.svtest.in";
constexpr std::string_view kGenerated = "test-address.svtest";

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
    if (relative.rfind("failures/", 0) == 0) continue;  // FailuresTest
    if (skip.count(relative) == 0) out.push_back(relative);
  }
  if (fs::exists(kSuite / kTemplate)) out.emplace_back(kGenerated);
  std::sort(out.begin(), out.end());
  return out;
}

// The template's lines as sievekit supports them (see the top of the file):
// "#UTF8#" lines are dropped. Returns the generated file's path.
fs::path GenerateFromTemplate() {
  const fs::path out_path = fs::path(SIEVEKIT_BINARY_DIR) / "conformance" / kGenerated;
  fs::create_directories(out_path.parent_path());
  std::ifstream in(kSuite / kTemplate, std::ios::binary);
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("#UTF8#", 0) == 0) continue;
    out << line << "\n";
  }
  return out_path;
}

// Where a file runs from: the suite, or the build directory for the file
// generated from the template.
fs::path PathOf(const std::string& file) {
  return file == kGenerated ? GenerateFromTemplate() : kSuite / file;
}

class ConformanceTest : public testing::TestWithParam<std::string> {};

TEST_P(ConformanceTest, BaselineStillPasses) {
  const std::string& file = GetParam();
  const tools::TestFileReport report = tools::RunTestFile(PathOf(file).string());
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

// failures/: "FILE: STATE: why" lines, STATE being how the file must end:
// "compile-error" (it does not compile, e.g. for want of an extension) or
// "test-failure" (it compiles, runs to its end, and a test fails).
std::map<std::string, std::string> ReadExpectedFailures() {
  std::map<std::string, std::string> expected;
  std::ifstream in(kHere / "failures.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t colon = line.find(": ");
    const size_t second = line.find(": ", colon + 2);
    expected[line.substr(0, colon)] = line.substr(colon + 2, second - colon - 2);
  }
  return expected;
}

// Every crash regression runs in this process: a crash fails the whole
// test program, so reaching the checks is the "no crash" half.
TEST(FailuresTest, EndInTheExpectedFailingState) {
  if (!fs::exists(kSuite / "failures")) GTEST_SKIP() << "the upstream suite is not there";
  const auto expected = ReadExpectedFailures();
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(kSuite / "failures")) {
    if (entry.path().extension() != ".svtest") continue;
    ++files;
    const std::string file = fs::relative(entry.path(), kSuite).string();
    auto it = expected.find(file);
    ASSERT_NE(it, expected.end()) << file << " is not in failures.txt";
    const tools::TestFileReport report = tools::RunTestFile(entry.path().string());
    if (it->second == "compile-error") {
      EXPECT_FALSE(report.compiled) << file;
      continue;
    }
    ASSERT_EQ(it->second, "test-failure") << file;
    ASSERT_TRUE(report.compiled) << file << "\n" << report.compile_errors;
    EXPECT_TRUE(report.runtime_error.empty()) << file << ": " << report.runtime_error;
    bool any_failed = false;
    for (const auto& outcome : report.outcomes) any_failed = any_failed || !outcome.passed;
    EXPECT_TRUE(any_failed) << file << " passes now: update failures.txt";
  }
  EXPECT_EQ(files, expected.size()) << "failures.txt names files that are not there";
}

TEST(ConformanceListsTest, SkipListNamesExistingFilesWithReasons) {
  if (!fs::exists(kSuite)) GTEST_SKIP() << "the upstream suite is not there";
  for (const auto& [file, reason] : ReadSkipList()) {
    EXPECT_TRUE(fs::exists(kSuite / file)) << file;
    EXPECT_FALSE(reason.empty()) << file << " has no reason";
  }
}

}  // namespace
}  // namespace sievekit
