// Replays corpus/binaries/, the seeds of the binary-loader fuzzer: every
// .svbin file there is listed in expected.txt ("FILE<TAB>ok" or
// "FILE<TAB>error message") and LoadProgram must give exactly that. The
// hostile files are cases of hostile_binaries.h, the valid ones compiled
// scripts (a fuzzer needs both).
//
// With SIEVEKIT_UPDATE_GOLDEN=1 in the environment the folder is rewritten
// instead — the files, expected.txt and README.md — after a format change
// (review the diff!).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "tests/vm/binary_test_util.h"
#include "tests/vm/hostile_binaries.h"
#include "vm/binary.h"

namespace sievekit::vm {
namespace {

namespace fs = std::filesystem;

const fs::path kSeeds = fs::path(SIEVEKIT_SOURCE_ROOT) / "corpus" / "binaries";

// The hostile cases kept as seeds: one or two of each kind of damage.
const char* const kHostileSeeds[] = {
    "bad magic",
    "format version 2",
    "bad checksum",
    "truncated payload",
    "sections out of order",
    "missing code section",
    "unread bytes in a section",
    "extension count 2^32-1",
    "string count 2^32-1",
    "string length 2^32-1",
    "call count 2^32-1",
    "string list length 2^32-1",
    "string id out of range",
    "invalid value type",
    "unknown extension",
    "unknown command",
    "unknown tag",
    "unknown comparator",
    "wrong argument type",
    "tag lacks its parameter",
    "conflicting tags",
    "extension not required",
    "refused by the redirect hook",
    "backward jump",
    "jump past the end",
    "missing halt",
    "unknown opcode",
    "test jump on a command call",
    "execute on a test call",
    "call index out of range",
    "unreferenced call",
};

struct ValidSeed {
  const char* file;
  const char* what;
  const char* script;
};

const ValidSeed kValidSeeds[] = {
    {"valid-keep.svbin", "the smallest program: keep", "keep;"},
    {"valid-control-flow.svbin",
     "the program the hostile files are made from (if/elsif, every core test, fileinto, "
     "envelope)",
     nullptr},
    {"valid-extensions.svbin",
     "tags with parameters, relational, a numeric comparator, variables, flags, copy",
     "require [\"fileinto\", \"copy\", \"imap4flags\", \"relational\", \"variables\",\n"
     "         \"comparator-i;ascii-numeric\"];\n"
     "if header :matches \"subject\" \"*[*]*\" { set \"tag\" \"${2}\"; }\n"
     "if header :count \"ge\" :comparator \"i;ascii-numeric\" \"received\" \"5\" {\n"
     "  addflag \"\\\\Flagged\";\n"
     "}\n"
     "if not anyof (exists \"date\", size :over 1M) {\n"
     "  fileinto :copy :flags [\"\\\\Seen\"] \"Lists.${tag}\";\n"
     "}\n"},
};

std::string Slug(std::string_view name) {
  std::string out;
  for (char c : name) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (alnum) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

void RewriteSeeds() {
  fs::create_directories(kSeeds);
  for (const auto& entry : fs::directory_iterator(kSeeds)) {
    if (entry.path().extension() == ".svbin") fs::remove(entry.path());
  }
  std::string expected;
  std::string readme =
      "# corpus/binaries/: seeds for the binary-loader fuzzer\n\n"
      "Compiled programs (`.svbin`, the format of `vm/binary_format.h`), valid and hostile.\n"
      "The fuzzer starts from them; `tests/vm/binary_seed_corpus_test.cc` replays every one\n"
      "and checks the outcome listed in `expected.txt` (`ok`, or the exact error).\n\n"
      "Generated — do not edit by hand: run the test with `SIEVEKIT_UPDATE_GOLDEN=1` to\n"
      "rewrite the files, `expected.txt` and this README (after a format change, say), then\n"
      "review the diff. The hostile files are cases of `tests/vm/hostile_binaries.h`, made\n"
      "from the program in `valid-control-flow.svbin`; most are resealed (payload size and\n"
      "CRC-32 recomputed) so that the damage reaches the parser or the verifiers.\n\n"
      "| file | what it is | expected |\n|---|---|---|\n";
  for (const ValidSeed& seed : kValidSeeds) {
    auto program = bintest::Compile(seed.script ? seed.script : hostile::kScript,
                                    seed.script ? "seed.sieve" : "hostile.sieve");
    ASSERT_NE(program, nullptr) << seed.file;
    WriteFile(kSeeds / seed.file, SaveProgram(*program));
    expected += std::string(seed.file) + "\tok\n";
    readme += fmt::format("| `{}` | valid: {} | loads |\n", seed.file, seed.what);
  }
  const std::vector<hostile::HostileCase> cases = hostile::HostileCases();
  for (const char* name : kHostileSeeds) {
    auto it = std::find_if(cases.begin(), cases.end(),
                           [&](const hostile::HostileCase& c) { return c.name == name; });
    ASSERT_NE(it, cases.end()) << name;
    const std::string file = "hostile-" + Slug(name) + ".svbin";
    WriteFile(kSeeds / file, it->make());
    expected += file + "\t" + it->error + "\n";
    readme += fmt::format("| `{}` | {} | {} |\n", file, name, it->error);
  }
  WriteFile(kSeeds / "expected.txt", expected);
  WriteFile(kSeeds / "README.md", readme);
}

TEST(BinarySeedCorpusTest, EverySeedHasItsOutcome) {
  if (std::getenv("SIEVEKIT_UPDATE_GOLDEN") != nullptr) RewriteSeeds();
  std::map<std::string, std::string> expected;
  std::ifstream list(kSeeds / "expected.txt");
  ASSERT_TRUE(list) << "no " << (kSeeds / "expected.txt");
  for (std::string line; std::getline(list, line);) {
    const size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    expected[line.substr(0, tab)] = line.substr(tab + 1);
  }
  size_t seen = 0;
  for (const auto& entry : fs::directory_iterator(kSeeds)) {
    if (entry.path().extension() != ".svbin") continue;
    const std::string file = entry.path().filename().string();
    auto it = expected.find(file);
    ASSERT_NE(it, expected.end()) << file << " is not in expected.txt";
    ++seen;
    auto loaded = LoadProgram(ReadFile(entry.path()), extensions::DefaultRegistry());
    EXPECT_EQ(loaded.ok() ? "ok" : loaded.error().message, it->second) << file;
    if (loaded.ok()) {
      // A valid seed evaluates, and saves back to its own bytes.
      bintest::EvaluateFully(**loaded, "Subject: [x] y\r\n\r\nbody\r\n");
      EXPECT_EQ(SaveProgram(**loaded), ReadFile(entry.path())) << file;
    }
  }
  EXPECT_EQ(seen, expected.size()) << "expected.txt lists files that are missing";
}

TEST(BinarySeedCorpusTest, Slugs) {
  EXPECT_EQ(Slug("string count 2^32-1"), "string-count-2-32-1");
  EXPECT_EQ(Slug("Bad  magic!"), "bad-magic");
}

}  // namespace
}  // namespace sievekit::vm
