// Corpus runner for evaluation: every script under corpus/evaluation/ is
// compiled and run on its message, and the result must equal its golden
// file. One named test per script.
//
// For NAME.sieve the runner reads NAME.eml (else default.eml of the same
// folder, else of corpus/evaluation/), NAME.envelope (optional lines
// "from ADDR" and "to ADDR"), and compares with NAME.expected — the text
// `sievec run` prints. SIEVEKIT_UPDATE_GOLDEN=1 rewrites the golden files;
// review the diff before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/diagnostic_render.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "tools/action_output.h"
#include "vm/codegen.h"
#include "vm/evaluator.h"

namespace sievekit {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = fs::path(SIEVEKIT_SOURCE_ROOT) / "corpus/evaluation";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> Scripts() {
  std::vector<fs::path> out;
  if (!fs::exists(kRoot)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(kRoot)) {
    if (entry.is_regular_file() && entry.path().extension() == ".sieve") {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

fs::path MessageFor(const fs::path& script) {
  fs::path own = script;
  own.replace_extension(".eml");
  if (fs::exists(own)) return own;
  if (fs::exists(script.parent_path() / "default.eml")) return script.parent_path() / "default.eml";
  return kRoot / "default.eml";
}

mail::Envelope EnvelopeFor(const fs::path& script) {
  mail::Envelope envelope{"<sender@example.com>", "<recipient@example.org>", "", ""};
  fs::path path = script;
  path.replace_extension(".envelope");
  std::istringstream in(fs::exists(path) ? ReadFile(path) : "");
  std::string key, value;
  while (in >> key) {
    std::getline(in >> std::ws, value);
    if (key == "from") envelope.mail_from = value;
    if (key == "to") envelope.rcpt_to = value;
    if (key == "auth") envelope.auth_user = value;
    if (key == "orig_to") envelope.original_recipient = value;
  }
  return envelope;
}

class EvaluationCorpusTest : public testing::TestWithParam<fs::path> {};

TEST_P(EvaluationCorpusTest, MatchesGolden) {
  const fs::path& script = GetParam();
  auto source = std::make_shared<SourceFile>(fs::relative(script, kRoot).string(),
                                             ReadFile(script));
  const ir::Registry& registry = extensions::DefaultRegistry();
  ir::FrontendResult front = ir::RunFrontend(source, registry);
  std::string actual;
  if (!front.ok()) {
    actual = "compile errors:\n" + RenderText(*source, front.diagnostics);
  } else {
    auto program = vm::GenerateProgram(front.script, registry);
    ASSERT_TRUE(program.ok()) << program.error().message;
    const std::string message = ReadFile(MessageFor(script));
    vm::Evaluator evaluator;
    actual = tools::FormatResultText(evaluator.Evaluate(**program, message, EnvelopeFor(script)));
  }
  fs::path golden = script;
  golden.replace_extension(".expected");
  if (std::getenv("SIEVEKIT_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << "missing " << golden << "; run with SIEVEKIT_UPDATE_GOLDEN=1";
  EXPECT_EQ(actual, ReadFile(golden)) << script;
}

std::string TestName(const testing::TestParamInfo<fs::path>& info) {
  std::string name = fs::relative(info.param, kRoot).replace_extension("").string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, EvaluationCorpusTest, testing::ValuesIn(Scripts()), TestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(EvaluationCorpusTest);

}  // namespace
}  // namespace sievekit
