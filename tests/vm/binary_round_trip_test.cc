// The round-trip property of the binary format, on many scripts: every
// script under corpus/, every script of the Pigeonhole suite in
// ../shared/conformance (read in place, never copied) and a few hundred
// generated ones — those that compile with the current registry. For each:
// the compiled program passes the verifier; save → load → save gives
// identical bytes; the loaded program disassembles identically and
// evaluates identically (actions with every field, implicit keep, runtime
// errors, trace) on every message of corpus/messages/.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/vm/binary_test_util.h"
#include "vm/binary.h"
#include "vm/disassembler.h"
#include "vm/program_verifier.h"

namespace sievekit::vm {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Files under `root` whose extension is one of `extensions`, sorted.
std::vector<fs::path> FilesUnder(const fs::path& root, const std::vector<std::string>& extensions) {
  std::vector<fs::path> out;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(root, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (!it->is_regular_file()) continue;
    const std::string ext = it->path().extension().string();
    if (std::find(extensions.begin(), extensions.end(), ext) != extensions.end()) {
      out.push_back(it->path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

const std::vector<std::string>& Messages() {
  static const std::vector<std::string> messages = [] {
    std::vector<std::string> out;
    for (const fs::path& p :
         FilesUnder(fs::path(SIEVEKIT_SOURCE_ROOT) / "corpus" / "messages", {".eml"})) {
      out.push_back(ReadFile(p));
    }
    return out;
  }();
  return messages;
}

ir::CompileOptions Options() {
  ir::CompileOptions options;
  options.allow_testsuite = true;  // the Pigeonhole suite's scripts need it
  return options;
}

// Compiles `text`; null when it does not compile with this registry.
std::shared_ptr<const Program> TryCompile(const std::string& name, const std::string& text) {
  auto source = std::make_shared<SourceFile>(name, text);
  const ir::Registry& registry = extensions::DefaultRegistry();
  ir::FrontendResult front = ir::RunFrontend(source, registry, Options());
  if (!front.ok()) return nullptr;
  auto program = GenerateProgram(front.script, registry);
  return program.ok() ? *program : nullptr;
}

// Checks the round-trip property on one compiled program.
void CheckRoundTrip(const Program& compiled, const std::string& label) {
  SCOPED_TRACE(label);
  auto verified = VerifyProgram(compiled, Options());
  ASSERT_TRUE(verified.ok()) << verified.error().message;
  const std::string bytes = SaveProgram(compiled);
  auto loaded = LoadProgram(bytes, extensions::DefaultRegistry(), Options());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(SaveProgram(**loaded), bytes);
  EXPECT_EQ(Disassemble(**loaded), Disassemble(compiled));
  for (size_t i = 0; i < Messages().size(); ++i) {
    ASSERT_EQ(bintest::EvaluateFully(**loaded, Messages()[i]),
              bintest::EvaluateFully(compiled, Messages()[i]))
        << "message " << i;
  }
}

// Round-trips every file under `root` that compiles; returns how many did.
int RoundTripFiles(const fs::path& root, const std::vector<std::string>& extensions) {
  int compiled = 0;
  for (const fs::path& path : FilesUnder(root, extensions)) {
    auto program = TryCompile(path.string(), ReadFile(path));
    if (program == nullptr) continue;
    ++compiled;
    CheckRoundTrip(*program, path.string());
  }
  return compiled;
}

TEST(BinaryRoundTripTest, MessagesArePresent) { EXPECT_GE(Messages().size(), 40u); }

TEST(BinaryRoundTripTest, Corpus) {
  // Every folder but invalid/, whose scripts are there not to compile.
  int n = 0;
  const fs::path corpus = fs::path(SIEVEKIT_SOURCE_ROOT) / "corpus";
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(corpus, error)) {
    if (entry.is_directory() && entry.path().filename() != "invalid") {
      n += RoundTripFiles(entry.path(), {".sieve", ".svtest"});
    }
  }
  std::cout << "corpus: " << n << " scripts round-tripped\n";
  EXPECT_GT(n, 0);
}

TEST(BinaryRoundTripTest, PigeonholeSuite) {
  const fs::path root = fs::path(SIEVEKIT_SHARED_ROOT) / "conformance" / "pigeonhole" / "tests";
  if (!fs::exists(root)) GTEST_SKIP() << "no Pigeonhole suite at " << root;
  const int n = RoundTripFiles(root, {".sieve", ".svtest"});
  std::cout << "pigeonhole: " << n << " scripts round-tripped\n";
  EXPECT_GT(n, 0);
}

// ---- Generated scripts ----

// Writes random valid scripts from the RFC 5228 base plus fileinto,
// envelope and encoded-character, with every tag combination the
// signatures allow, nested control flow and keys that hit the messages.
class ScriptGenerator {
 public:
  explicit ScriptGenerator(uint64_t seed) : state_(seed) {}

  std::string Script() {
    std::string out = "require [\"fileinto\", \"envelope\", \"encoded-character\"];\n";
    const size_t n = 1 + Below(6);
    for (size_t i = 0; i < n; ++i) out += Statement(0);
    return out;
  }

 private:
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  template <size_t N>
  const char* Pick(const char* const (&items)[N]) {
    return items[Below(N)];
  }

  std::string Keys() {
    static const char* const kKeys[] = {"\"example.com\"", "\"*a*\"",   "\"yes\"",
                                        "\"alice\"",       "\"\"",      "\"?*@*\"",
                                        "\"${hex:41}*\"",  "\"Re: *\"", "[\"x\", \"example.org\"]",
                                        "\"\\\\*\"",       "\"bob\"",   "\"text/plain*\"",
                                        "[\"*\", \"zz\"]"};
    return Pick(kKeys);
  }
  std::string Headers() {
    static const char* const kHeaders[] = {"\"subject\"", "\"from\"",         "[\"to\", \"cc\"]",
                                           "\"x-spam\"",  "\"content-type\"", "\"date\"",
                                           "\"received\""};
    return Pick(kHeaders);
  }
  std::string AddressHeaders() {
    static const char* const kHeaders[] = {"\"from\"", "[\"to\", \"cc\"]", "\"sender\"",
                                           "\"reply-to\"", "[\"bcc\", \"resent-from\"]"};
    return Pick(kHeaders);
  }
  std::string MatchTags(bool address) {
    static const char* const kComparators[] = {"", " :comparator \"i;octet\"",
                                               " :comparator \"i;ascii-casemap\""};
    static const char* const kMatchTypes[] = {"", " :is", " :contains", " :matches"};
    static const char* const kParts[] = {"", " :all", " :localpart", " :domain"};
    std::string out = std::string(Pick(kMatchTypes)) + Pick(kComparators);
    if (address) out = std::string(Pick(kParts)) + out;
    return out;
  }

  std::string Test(int depth) {
    switch (Below(depth >= 3 ? 6 : 9)) {
      case 0:
        return "header" + MatchTags(false) + " " + Headers() + " " + Keys();
      case 1:
        return "address" + MatchTags(true) + " " + AddressHeaders() + " " + Keys();
      case 2:
        return "envelope" + MatchTags(true) + (Below(2) ? " \"from\" " : " [\"to\", \"from\"] ") +
               Keys();
      case 3:
        return "exists " + Headers();
      case 4:
        return fmt::format("size {} {}{}", Below(2) ? ":over" : ":under", Below(5000),
                           Pick({"", "K", "M"}));
      case 5:
        return Below(2) ? "true" : "false";
      case 6:
        return "not " + Test(depth + 1);
      default: {
        std::string out = Below(2) ? "anyof (" : "allof (";
        const size_t n = 1 + Below(3);
        for (size_t i = 0; i < n; ++i) out += (i ? ", " : "") + Test(depth + 1);
        return out + ")";
      }
    }
  }

  std::string Statement(int depth) {
    static const char* const kActions[] = {"keep;",
                                           "discard;",
                                           "stop;",
                                           "fileinto \"Junk\";",
                                           "fileinto \"INBOX.${hex:41}\";",
                                           "redirect \"list@example.org\";",
                                           "redirect \"other@example.net\";"};
    if (depth >= 3 || Below(3) == 0) return std::string(Pick(kActions)) + "\n";
    std::string out = "if " + Test(0) + " {\n" + Block(depth + 1) + "}";
    const size_t elsifs = Below(3);
    for (size_t i = 0; i < elsifs; ++i)
      out += " elsif " + Test(0) + " {\n" + Block(depth + 1) + "}";
    if (Below(2)) out += " else {\n" + Block(depth + 1) + "}";
    return out + "\n";
  }

  std::string Block(int depth) {
    std::string out;
    const size_t n = Below(3);
    for (size_t i = 0; i < n; ++i) out += Statement(depth);
    return out;
  }

  uint64_t state_;
};

TEST(BinaryRoundTripTest, GeneratedScripts) {
  ScriptGenerator generator(7);
  constexpr int kScripts = 300;
  for (int i = 0; i < kScripts; ++i) {
    const std::string script = generator.Script();
    auto program = bintest::Compile(script, fmt::format("generated-{}.sieve", i));
    ASSERT_NE(program, nullptr) << script;
    CheckRoundTrip(*program, script);
  }
}

}  // namespace
}  // namespace sievekit::vm
