// Corpus runner for corpus/hostile/: scripts, messages and damaged binaries
// made to hurt a Sieve implementation, each with the one answer it must
// get (corpus/hostile/expected.txt): a named diagnostic, a named runtime
// error with the message kept, a defined set of actions, or a named load
// error — never a crash, and never more than kMaxSeconds of work.
//
// Large inputs are not committed: a ".gen" file describes them and is
// expanded here (format in corpus/hostile/README.md). With
// SIEVEKIT_HOSTILE_OUT=DIR set, every expanded input is also written to DIR
// (without the ".gen"), to feed them to `sievec` by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sievekit/sievekit.h"

namespace sievekit {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = fs::path(SIEVEKIT_SOURCE_ROOT) / "corpus/hostile";
// A hang guard, far above what any case takes even under the sanitizers.
constexpr double kMaxSeconds = 60;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// ---- .gen files ------------------------------------------------------------

// Decodes a quoted string starting at text[*pos] == '"'; false when malformed.
bool ParseQuoted(std::string_view text, size_t* pos, std::string* out) {
  if (*pos >= text.size() || text[*pos] != '"') return false;
  for (size_t i = *pos + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      *pos = i + 1;
      return true;
    }
    if (c != '\\') {
      *out += c;
      continue;
    }
    if (++i >= text.size()) return false;
    switch (text[i]) {
      case 'r': *out += '\r'; break;
      case 'n': *out += '\n'; break;
      case 't': *out += '\t'; break;
      case '"': *out += '"'; break;
      case '\\': *out += '\\'; break;
      case 'x': {
        if (i + 2 >= text.size()) return false;
        const std::string hex(text.substr(i + 1, 2));
        char* end = nullptr;
        const unsigned long value = std::strtoul(hex.c_str(), &end, 16);
        if (end != hex.c_str() + 2) return false;
        *out += static_cast<char>(value);
        i += 2;
        break;
      }
      default:
        return false;
    }
  }
  return false;
}

// Expands a .gen description; an empty optional-like flag reports errors.
std::string Expand(const fs::path& path, std::string* error) {
  std::istringstream lines(ReadFile(path));
  std::string out;
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    size_t pos = 0;
    uint64_t count = 1;
    bool counter = false;
    for (std::string_view verb : {"repeat ", "counter "}) {
      if (line.starts_with(verb)) {
        counter = verb == "counter ";
        pos = verb.size();
        const size_t space = line.find(' ', pos);
        count = std::strtoull(line.substr(pos, space - pos).c_str(), nullptr, 10);
        pos = space == std::string::npos ? line.size() : space + 1;
      }
    }
    std::string piece;
    if (!ParseQuoted(line, &pos, &piece) || pos != line.size()) {
      *error = path.string() + ":" + std::to_string(number) + ": malformed line";
      return {};
    }
    for (uint64_t i = 1; i <= count; ++i) {
      if (!counter) {
        out += piece;
        continue;
      }
      for (char c : piece) {
        if (c == '#') {
          out += std::to_string(i);
        } else {
          out += c;
        }
      }
    }
  }
  return out;
}

// The bytes of a corpus input: a .gen file expanded, any other file as is.
std::string Input(const std::string& name) {
  const fs::path path = kRoot / name;
  EXPECT_TRUE(fs::exists(path)) << name;
  if (path.extension() != ".gen") return ReadFile(path);
  std::string error;
  std::string bytes = Expand(path, &error);
  EXPECT_EQ(error, "");
  if (const char* dir = std::getenv("SIEVEKIT_HOSTILE_OUT"); dir != nullptr) {
    const fs::path out = fs::path(dir) / fs::path(name).replace_extension();
    fs::create_directories(out.parent_path());
    std::ofstream(out, std::ios::binary) << bytes;
  }
  return bytes;
}

// ---- expected.txt ----------------------------------------------------------

struct Case {
  std::string kind;  // compile, run, load
  std::vector<std::string> inputs;
  std::string expected;
  int line = 0;
};

std::vector<Case> ReadCases() {
  std::istringstream lines(ReadFile(kRoot / "expected.txt"));
  std::vector<Case> cases;
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    Case c;
    c.line = number;
    words >> c.kind;
    const int inputs = c.kind == "compile" ? 1 : c.kind == "run" ? 2 : 3;
    for (int i = 0; i < inputs; ++i) words >> c.inputs.emplace_back();
    std::getline(words >> std::ws, c.expected);
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string CaseName(const Case& c) {
  std::string name = c.kind;
  for (const std::string& input : c.inputs) name += "_" + input;
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

// ---- outcomes --------------------------------------------------------------

// "error ID" (the first error), "warning ID" (compiles; the first warning),
// or "ok" (no diagnostics).
std::string CompileOutcome(const CompileResult& result) {
  const Diagnostic* first_warning = nullptr;
  for (const Diagnostic& d : result.diagnostics.all()) {
    if (d.severity() == Severity::kError) return "error " + std::string(d.id());
    if (first_warning == nullptr) first_warning = &d;
  }
  if (first_warning != nullptr) return "warning " + std::string(first_warning->id());
  return "ok";
}

// Runtime errors, then actions, then "keep*" for the implicit keep.
std::string Describe(const EvalResult& result) {
  std::string out;
  auto add = [&](const std::string& s) { out += (out.empty() ? "" : " ") + s; };
  for (const RuntimeError& e : result.errors) add("error:" + std::string(e.id));
  for (const Action& a : result.actions) {
    std::string s(a.type);
    if (!a.mailbox.empty()) s += ":" + a.mailbox;
    if (!a.address.empty()) s += ":" + a.address;
    add(s);
  }
  if (result.implicit_keep) add("keep*");
  return out;
}

// A deterministic byte sequence (a linear congruential generator).
std::string Garbage(size_t size) {
  std::string out(size, '\0');
  uint32_t state = 12345;
  for (char& c : out) {
    state = state * 1103515245u + 12345u;
    c = static_cast<char>(state >> 24);
  }
  return out;
}

std::string Damage(std::string bytes, const std::string& mutation) {
  const size_t space = mutation.find('=');
  const std::string verb = mutation.substr(0, space);
  const size_t n = space == std::string::npos ? 0 : std::stoul(mutation.substr(space + 1));
  if (verb == "truncate") return bytes.substr(0, n);
  if (verb == "flip") {
    if (n < bytes.size()) bytes[n] = static_cast<char>(~bytes[n]);
    return bytes;
  }
  if (verb == "version") {
    for (size_t i = 0; i < 4; ++i) bytes[8 + i] = static_cast<char>((n >> (8 * i)) & 0xff);
    return bytes;
  }
  if (verb == "garbage") return Garbage(n);
  if (verb == "append") return bytes + Garbage(n);
  ADD_FAILURE() << "unknown mutation " << mutation;
  return bytes;
}

std::string Outcome(const Case& c) {
  const CompileResult compiled = Compile(Input(c.inputs[0]), c.inputs[0]);
  if (c.kind == "compile") return CompileOutcome(compiled);
  if (!compiled.ok()) return "does not compile: " + CompileOutcome(compiled);
  if (c.kind == "run") {
    const std::string message = Input(c.inputs[1]);
    Evaluator evaluator;
    return Describe(evaluator.Evaluate(*compiled.program, message, {}, {}));
  }
  // load: the error message, or "ok" followed by the program's result on a
  // plain message.
  const std::string bytes = Damage(SaveBinary(*compiled.program), c.inputs[1] + "=" + c.inputs[2]);
  auto loaded = LoadBinary(bytes);
  if (!loaded.ok()) return "error " + loaded.error().message;
  Evaluator evaluator;
  return "ok " + Describe(evaluator.Evaluate(**loaded, Input("messages/plain.eml"), {}, {}));
}

class HostileCorpus : public testing::TestWithParam<Case> {};

TEST_P(HostileCorpus, GetsItsDefinedAnswer) {
  const Case& c = GetParam();
  SCOPED_TRACE("corpus/hostile/expected.txt:" + std::to_string(c.line));
  const auto start = std::chrono::steady_clock::now();
  const std::string outcome = Outcome(c);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  if (c.kind == "load") {
    // Load errors quote offsets and checksums: the expected text is a prefix.
    EXPECT_TRUE(outcome.starts_with(c.expected)) << outcome;
  } else {
    EXPECT_EQ(outcome, c.expected);
  }
  EXPECT_LT(took.count(), kMaxSeconds);
}

INSTANTIATE_TEST_SUITE_P(Cases, HostileCorpus, testing::ValuesIn(ReadCases()),
                         [](const testing::TestParamInfo<Case>& param_info) {
                           return CaseName(param_info.param);
                         });

TEST(HostileCorpusFiles, EveryInputHasACase) {
  std::vector<std::string> used;
  for (const Case& c : ReadCases()) {
    used.push_back(c.inputs[0]);
    if (c.kind == "run") used.push_back(c.inputs[1]);
  }
  for (const char* dir : {"scripts", "messages"}) {
    for (const auto& entry : fs::directory_iterator(kRoot / dir)) {
      const std::string name = std::string(dir) + "/" + entry.path().filename().string();
      EXPECT_NE(std::find(used.begin(), used.end(), name), used.end()) << name << " is unused";
    }
  }
}

}  // namespace
}  // namespace sievekit
