// Corpus runner for evaluation: every script under corpus/evaluation/ is
// compiled and run on its message, and the result must equal its golden
// file. One named test per case.
//
// For NAME.sieve the runner reads NAME.eml (else default.eml of the same
// folder, else of corpus/evaluation/), NAME.envelope (optional lines
// "from ADDR", "to ADDR", "auth USER", "orig_to ADDR"), and compares with
// NAME.expected — the text `sievec run` prints.
//
// Probe folders: scripts named probe*.sieve are not cases of their own.
// Instead every other NAME.eml of their folder (except default.eml and the
// messages of ordinary scripts) is a case: each probe runs on it, in name
// order, and NAME.expected holds "== PROBE.sieve" followed by that probe's
// result, for every probe. This runs a few scripts over a whole message
// corpus without a copy of the scripts per message.
//
// SIEVEKIT_UPDATE_GOLDEN=1 rewrites the golden files; review the diff
// before committing it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
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

bool IsProbe(const fs::path& script) {
  return script.extension() == ".sieve" && script.filename().string().starts_with("probe");
}

// One test: the scripts to run (one, or a folder's probes), the message,
// the envelope file and the golden file.
struct Case {
  std::vector<fs::path> scripts;
  fs::path message;
  fs::path envelope;
  fs::path golden;
  bool probes = false;
};

// gtest prints the parameter of a failing test: the golden file names it.
void PrintTo(const Case& c, std::ostream* os) { *os << c.golden; }

fs::path WithExtension(fs::path path, const char* extension) {
  path.replace_extension(extension);
  return path;
}

fs::path MessageFor(const fs::path& script) {
  fs::path own = WithExtension(script, ".eml");
  if (fs::exists(own)) return own;
  if (fs::exists(script.parent_path() / "default.eml")) return script.parent_path() / "default.eml";
  return kRoot / "default.eml";
}

std::vector<Case> Cases() {
  std::vector<Case> out;
  if (!fs::exists(kRoot)) return out;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(kRoot)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::map<fs::path, std::vector<fs::path>> probes;  // folder -> its probes
  std::set<fs::path> script_messages;                // NAME.eml of ordinary scripts
  for (const fs::path& file : files) {
    if (IsProbe(file)) {
      probes[file.parent_path()].push_back(file);
    } else if (file.extension() == ".sieve") {
      out.push_back({{file}, MessageFor(file), WithExtension(file, ".envelope"),
                     WithExtension(file, ".expected")});
      script_messages.insert(WithExtension(file, ".eml"));
    }
  }
  for (const fs::path& file : files) {
    auto folder = probes.find(file.parent_path());
    if (folder == probes.end() || file.extension() != ".eml" ||
        file.filename() == "default.eml" || script_messages.contains(file)) {
      continue;
    }
    out.push_back({folder->second, file, WithExtension(file, ".envelope"),
                   WithExtension(file, ".expected"), /*probes=*/true});
  }
  std::sort(out.begin(), out.end(),
            [](const Case& a, const Case& b) { return a.golden < b.golden; });
  return out;
}

mail::Envelope EnvelopeFor(const fs::path& path) {
  mail::Envelope envelope{"<sender@example.com>", "<recipient@example.org>", "", ""};
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

// What `sievec run` prints for one script on one message.
std::string RunScript(const fs::path& script, const std::string& message, const mail::Envelope& envelope) {
  auto source = std::make_shared<SourceFile>(fs::relative(script, kRoot).string(),
                                             ReadFile(script));
  const ir::Registry& registry = extensions::DefaultRegistry();
  ir::FrontendResult front = ir::RunFrontend(source, registry);
  if (!front.ok()) return "compile errors:\n" + RenderText(*source, front.diagnostics);
  auto program = vm::GenerateProgram(front.script, registry);
  if (!program.ok()) {
    ADD_FAILURE() << script << ": " << program.error().message;
    return "codegen error: " + program.error().message + "\n";
  }
  vm::Evaluator evaluator;
  return tools::FormatResultText(evaluator.Evaluate(**program, message, envelope));
}

class EvaluationCorpusTest : public testing::TestWithParam<Case> {};

TEST_P(EvaluationCorpusTest, MatchesGolden) {
  const Case& c = GetParam();
  const std::string message = ReadFile(c.message);
  const mail::Envelope envelope = EnvelopeFor(c.envelope);
  std::string actual;
  for (const fs::path& script : c.scripts) {
    if (c.probes) actual += "== " + script.filename().string() + "\n";
    actual += RunScript(script, message, envelope);
  }
  if (std::getenv("SIEVEKIT_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(c.golden, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(c.golden))
      << "missing " << c.golden << "; run with SIEVEKIT_UPDATE_GOLDEN=1";
  EXPECT_EQ(actual, ReadFile(c.golden)) << c.golden;
}

std::string TestName(const testing::TestParamInfo<Case>& info) {
  std::string name = fs::relative(info.param.golden, kRoot).replace_extension("").string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, EvaluationCorpusTest, testing::ValuesIn(Cases()), TestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(EvaluationCorpusTest);

}  // namespace
}  // namespace sievekit
