// A deterministic mutation loop over valid binaries (a poor man's fuzzer
// that runs in every ctest; the libFuzzer target reuses corpus/binaries/ as
// seeds). Each iteration damages a binary — bit flips, byte and word
// overwrites with interesting values, cuts, deletions, insertions,
// duplications — and usually reseals it (payload size and CRC-32
// recomputed) so that the parser and the verifiers, not the checksum, meet
// the damage. LoadProgram must then either refuse it with a message or
// return a program that evaluates, disassembles and saves back to bytes
// that load again to the same bytes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "tests/vm/binary_test_util.h"
#include "vm/binary.h"
#include "vm/disassembler.h"

namespace sievekit::vm {
namespace {

// SplitMix64: tiny, and the same sequence on every platform (the standard
// distributions are not).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform enough in [0, n) for n > 0.
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }

 private:
  uint64_t state_;
};

const char* const kSeedScripts[] = {
    "keep;",
    "require [\"fileinto\", \"envelope\"];\n"
    "if anyof (header :contains \"Subject\" [\"money\", \"offer\"], not exists \"Date\") {\n"
    "  fileinto \"Junk\"; stop;\n"
    "} elsif address :domain :is [\"from\", \"sender\"] \"example.com\" {\n"
    "  redirect \"boss@example.org\";\n"
    "} elsif envelope :localpart :matches \"to\" \"a*b\" { keep; } else { discard; }\n"
    "if size :over 100K { discard; }\n",
    "if allof (header :is :comparator \"i;octet\" \"X-Spam\" \"yes\", size :under 1M) {\n"
    "  discard;\n"
    "}\n"
    "if address :all :contains [\"to\", \"cc\"] [\"list@example.org\", \"team@example.org\"] {\n"
    "  redirect \"team@example.net\";\n"
    "}\n",
    ("require [\"encoded-character\", \"fileinto\"];\n"
     "if header :matches \"subject\" \"*${hex:41}?\" { fileinto \"Caf\xC3\xA9\"; }\n"),
};

const std::string kMessage =
    "From: Alice <alice@example.com>\r\n"
    "To: bob@example.org, list@example.org\r\n"
    "Subject: a money offer\r\n"
    "X-Spam: yes\r\n"
    "\r\n"
    "Body.\r\n";

const uint32_t kInterestingWords[] = {0,          1,          2,          7,         0x7f,
                                      0x80,       0xff,       0x100,      0xffff,    0x10000,
                                      0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff};

std::string Mutate(std::string bytes, Random& random) {
  const int steps = 1 + static_cast<int>(random.Below(3));
  for (int step = 0; step < steps && !bytes.empty(); ++step) {
    const size_t at = random.Below(bytes.size());
    switch (random.Below(8)) {
      case 0:  // flip a bit
        bytes[at] = static_cast<char>(bytes[at] ^ (1 << random.Below(8)));
        break;
      case 1:  // overwrite a byte
        bytes[at] = static_cast<char>(random.Below(256));
        break;
      case 2:  // overwrite a 32-bit word with an interesting value
        if (at + 4 <= bytes.size()) {
          bintest::PutU32(bytes, at, kInterestingWords[random.Below(std::size(kInterestingWords))]);
        }
        break;
      case 3:  // cut
        bytes.resize(at);
        break;
      case 4:  // delete a few bytes
        bytes.erase(at, 1 + random.Below(16));
        break;
      case 5: {  // insert a few random bytes
        std::string insert(1 + random.Below(16), '\0');
        for (char& c : insert) c = static_cast<char>(random.Below(256));
        bytes.insert(at, insert);
        break;
      }
      case 6: {  // duplicate a range
        const size_t length = std::min<size_t>(1 + random.Below(32), bytes.size() - at);
        bytes.insert(at, bytes.substr(at, length));
        break;
      }
      case 7:  // swap two bytes
        std::swap(bytes[at], bytes[random.Below(bytes.size())]);
        break;
    }
  }
  return bytes;
}

// Which part of the loader refused a binary, from its message.
std::string Stage(std::string_view message) {
  if (message.starts_with("not a sievekit") || message.starts_with("unsupported format") ||
      message.starts_with("checksum") || message.starts_with("truncated header") ||
      message.starts_with("truncated file") || message.starts_with("trailing data")) {
    return "header";
  }
  if (message.starts_with("section id") || message.starts_with("missing the") ||
      message.find("unread byte") != std::string_view::npos ||
      message.find("after the last section") != std::string_view::npos ||
      message.starts_with("truncated: the")) {
    return "framing";
  }
  if (message.starts_with("truncated") || message.find(" exceeds the limit") != std::string::npos ||
      message.find("cannot fit") != std::string::npos ||
      message.find("bytes long, more than") != std::string::npos) {
    return "counts";
  }
  if (message.find("unknown ") != std::string::npos ||
      message.find("refers to string") != std::string::npos) {
    return "names";
  }
  if (message.starts_with("call ")) return "calls";
  if (message.starts_with("instruction ") || message.starts_with("the last instruction") ||
      message.starts_with("the code")) {
    return "code";
  }
  return "other";
}

TEST(BinaryMutationTest, DamagedBinariesAreRefusedOrRunnable) {
  std::vector<std::string> seeds;
  for (const char* script : kSeedScripts) {
    auto program = bintest::Compile(script);
    ASSERT_NE(program, nullptr) << script;
    seeds.push_back(SaveProgram(*program));
  }
  const ir::Registry& registry = extensions::DefaultRegistry();
  Random random(20240611);
  constexpr int kIterations = 20000;
  int refused = 0, accepted = 0, checksum_refusals = 0;
  std::map<std::string, int> stages;  // refusals by the stage that refused
  for (int i = 0; i < kIterations; ++i) {
    std::string bytes = Mutate(seeds[random.Below(seeds.size())], random);
    // Mostly resealed: an unsealed damage only ever meets the checksum.
    if (random.Below(8) != 0 && bytes.size() >= binary::kHeaderSize && LooksLikeBinary(bytes)) {
      bytes = bintest::Reseal(bytes);
    }
    auto loaded = LoadProgram(bytes, registry);
    if (!loaded.ok()) {
      ++refused;
      EXPECT_FALSE(loaded.error().message.empty()) << i;
      const std::string& message = loaded.error().message;
      if (message.starts_with("checksum mismatch")) ++checksum_refusals;
      ++stages[Stage(message)];
      continue;
    }
    ++accepted;
    const Program& program = **loaded;
    bintest::EvaluateFully(program, kMessage);
    EXPECT_FALSE(Disassemble(program).empty());
    // Whatever was accepted is a program like any other: it round-trips.
    const std::string saved = SaveProgram(program);
    auto again = LoadProgram(saved, registry);
    ASSERT_TRUE(again.ok()) << i << ": " << again.error().message;
    EXPECT_EQ(SaveProgram(**again), saved) << i;
  }
  // Both outcomes happen, and most refusals come from past the checksum.
  EXPECT_GT(accepted, 0);
  EXPECT_GT(refused, kIterations / 2);
  EXPECT_LT(checksum_refusals, refused / 4);
  // Every stage of the loader meets damage.
  for (const char* stage : {"header", "framing", "counts", "names", "calls", "code"}) {
    EXPECT_GT(stages[stage], 0) << stage;
  }
  std::cout << "mutations: " << accepted << " accepted, " << refused << " refused (";
  for (const auto& [stage, n] : stages) std::cout << " " << stage << "=" << n;
  std::cout << " )\n";
}

}  // namespace
}  // namespace sievekit::vm
