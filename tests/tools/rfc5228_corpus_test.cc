// Corpus runner for corpus/rfc5228/: every example script of RFC 5228, one
// file each (fragments wrapped in an if command, see the folder's
// README.md). Each is its own named test (Rfc5228Corpus/Example.*/<name>):
// an example meant to be valid must compile without any diagnostic and dump
// to the IR in NAME.ir; the few that are errors by design (or that require
// an extension sievekit does not offer yet) must give exactly the
// diagnostics listed in expected.txt ("FILE LINE ID").
//
// SIEVEKIT_UPDATE_GOLDEN=1 makes Rfc5228CorpusGolden.Regenerate rewrite
// expected.txt and the .ir files from what the compiler does now; review
// the diff before committing it.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "ir/ir_dump.h"
#include "tests/tools/corpus_golden.h"

namespace sievekit::testutil {
namespace {

std::string ScriptTestName(const ::testing::TestParamInfo<std::string>& param) {
  return TestNameFor(param.param);
}

fs::path Dir() { return CorpusDir("rfc5228"); }
fs::path GoldenPath() { return Dir() / "expected.txt"; }
fs::path IrPath(const std::string& script) {
  return Dir() / (script.substr(0, script.size() - 6) + ".ir");
}

constexpr std::string_view kHeader =
    "# Diagnostics expected for the RFC 5228 examples that are not valid as they\n"
    "# stand (see README.md): FILE LINE ID, in reporting order. Every script not\n"
    "# listed here must compile without any diagnostic. Regenerate with\n"
    "# SIEVEKIT_UPDATE_GOLDEN=1 and review the diff.\n";

// Every example the RFC gives, by section; the folder must hold exactly these.
const std::set<std::string>& Examples() {
  static const std::set<std::string>* const names = new std::set<std::string>{
      "2.3-hash-comment.sieve",
      "2.3-bracket-comment.sieve",
      "2.4.2.1-string-lists.sieve",
      "2.4.2.4-encoded-character.sieve",
      "2.4.2.4-encodings.sieve",
      "2.4.2.4-encoding-errors.sieve",
      "2.5.1-test-list.sieve",
      "2.7.3-comparator.sieve",
      "2.10.2-implicit-keep.sieve",
      "3.1-if-fileinto.sieve",
      "3.1-if-redirect.sieve",
      "3.2-require-list.sieve",
      "3.2-require-twice.sieve",
      "4.1-fileinto.sieve",
      "4.2-redirect.sieve",
      "4.3-keep.sieve",
      "4.3-keep-not.sieve",
      "4.4-discard.sieve",
      "5.1-address.sieve",
      "5.2-allof.sieve",
      "5.3-anyof.sieve",
      "5.4-envelope.sieve",
      "5.5-exists.sieve",
      "5.7-header.sieve",
      "9-extended-example.sieve",
  };
  return *names;
}

const Golden& TheGolden() {
  static const Golden* const golden = new Golden(ReadGolden(GoldenPath()));
  return *golden;
}

class Example : public ::testing::TestWithParam<std::string> {};

TEST_P(Example, CompilesAsTheRfcSays) {
  if (UpdateGoldenRequested()) GTEST_SKIP() << "regenerating the golden files";
  const std::string& file = GetParam();
  const ir::FrontendResult result = CompileCorpusFile(Dir() / file);
  const auto it = TheGolden().find(file);
  if (it == TheGolden().end()) {
    EXPECT_TRUE(result.diagnostics.all().empty())
        << file << " should be valid, but: " << ::testing::PrintToString(DiagnosticLines(result));
    ASSERT_TRUE(fs::exists(IrPath(file))) << IrPath(file) << " is missing";
    EXPECT_EQ(ir::DumpIr(result.script), ReadBytes(IrPath(file))) << file;
  } else {
    EXPECT_EQ(DiagnosticLines(result), it->second) << file;
    EXPECT_TRUE(result.diagnostics.has_errors()) << file;
  }
}

INSTANTIATE_TEST_SUITE_P(Rfc5228Corpus, Example, ::testing::ValuesIn(ScriptsIn(Dir())),
                         ScriptTestName);

TEST(Rfc5228CorpusGolden, Regenerate) {
  if (!UpdateGoldenRequested()) GTEST_SKIP() << "set SIEVEKIT_UPDATE_GOLDEN=1 to regenerate";
  Golden golden;
  for (const std::string& file : ScriptsIn(Dir())) {
    const ir::FrontendResult result = CompileCorpusFile(Dir() / file);
    if (result.diagnostics.all().empty()) {
      WriteBytes(IrPath(file), ir::DumpIr(result.script));
    } else {
      golden[file] = DiagnosticLines(result);
      std::error_code ec;
      fs::remove(IrPath(file), ec);
    }
  }
  WriteBytes(GoldenPath(), FormatGolden(kHeader, golden));
}

TEST(Rfc5228CorpusGolden, EveryExampleIsThere) {
  const std::vector<std::string> scripts = ScriptsIn(Dir());
  EXPECT_EQ(std::set<std::string>(scripts.begin(), scripts.end()), Examples());
}

TEST(Rfc5228CorpusGolden, GoldenFilesMatchTheFolder) {
  const Golden& golden = TheGolden();
  EXPECT_EQ(golden.count(""), 0u) << "malformed lines in expected.txt";
  for (const auto& [file, lines] : golden) {
    if (file.empty()) continue;
    EXPECT_EQ(Examples().count(file), 1u) << "expected.txt names unknown " << file;
    EXPECT_FALSE(fs::exists(IrPath(file))) << file << " has errors but also an .ir file";
  }
  for (const auto& entry : fs::directory_iterator(Dir())) {
    if (entry.path().extension() != ".ir") continue;
    const std::string script = entry.path().stem().string() + ".sieve";
    EXPECT_EQ(Examples().count(script), 1u) << entry.path() << " belongs to no example";
  }
  EXPECT_EQ(ReadBytes(GoldenPath()).substr(0, kHeader.size()), kHeader);
}

}  // namespace
}  // namespace sievekit::testutil
