// Corpus runner: every script under corpus/ and, when present, every .sieve
// and .svtest file of the upstream Pigeonhole suite parses without crashing;
// every one that parses without errors re-prints byte for byte and passes the
// tree verifier. Each file is its own named test.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "parser/parser.h"
#include "parser/printer.h"
#include "parser/tree_verifier.h"

namespace sievekit::syntax {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> ScriptsUnder(const fs::path& root) {
  std::vector<fs::path> out;
  if (!fs::exists(root)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".sieve" || ext == ".svtest")) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<fs::path> AllScripts() {
  auto scripts = ScriptsUnder(fs::path(SIEVEKIT_SOURCE_ROOT) / "corpus");
  auto upstream = ScriptsUnder(fs::path(SIEVEKIT_SHARED_ROOT) / "conformance/pigeonhole/tests");
  scripts.insert(scripts.end(), upstream.begin(), upstream.end());
  return scripts;
}

class RoundTripTest : public testing::TestWithParam<fs::path> {};

TEST_P(RoundTripTest, ReprintsByteForByte) {
  const std::string text = ReadFile(GetParam());
  auto source = std::make_shared<SourceFile>(GetParam().string(), text);
  ParseResult result = Parse(source);
  if (!result.complete || result.diagnostics.has_errors()) {
    // Invalid scripts must get a diagnostic, which they did; nothing to print.
    EXPECT_FALSE(result.diagnostics.all().empty());
    return;
  }
  EXPECT_EQ(PrintLossless(result.tree), text);
  EXPECT_EQ(VerifyTree(result.tree), std::nullopt);
}

std::string TestName(const testing::TestParamInfo<fs::path>& info) {
  std::string name = fs::relative(info.param, info.param.parent_path().parent_path()).string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name + "_" + std::to_string(info.index);
}

INSTANTIATE_TEST_SUITE_P(Corpus, RoundTripTest, testing::ValuesIn(AllScripts()), TestName);

}  // namespace
}  // namespace sievekit::syntax
