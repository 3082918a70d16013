// Tests for vm/binary_reader (LoadProgram): a saved program loads back
// intact; a table of hand-made hostile binaries — damaged header, framing,
// counts, string ids, names, signatures, hooks and code — is each refused
// with its exact error; and a binary cut at every offset is refused, both
// as is and with its header resealed so that the parser itself is reached.
// The random mutation loop is in binary_mutation_test.cc.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "tests/vm/binary_test_util.h"
#include "tests/vm/hostile_binaries.h"
#include "vm/binary.h"
#include "vm/binary_format.h"
#include "vm/disassembler.h"

namespace sievekit::vm {
namespace {

using hostile::Good;
using hostile::GoodParts;
using hostile::HostileCase;
using hostile::ProgramParts;
using hostile::Registry;
using hostile::Save;

TEST(BinaryReaderTest, LoadsWhatWasSaved) {
  auto compiled = bintest::Compile(hostile::kScript, "hostile.sieve");
  ASSERT_NE(compiled, nullptr);
  auto loaded = LoadProgram(SaveProgram(*compiled), Registry());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const Program& p = **loaded;
  EXPECT_EQ(p.source_name(), "hostile.sieve");
  ASSERT_EQ(p.required().size(), 2u);
  EXPECT_EQ(p.required()[0], Registry().FindExtension("fileinto"));
  EXPECT_EQ(p.required()[1], Registry().FindExtension("envelope"));
  ASSERT_EQ(p.calls().size(), 8u);
  ASSERT_EQ(p.code().size(), 11u);
  for (size_t i = 0; i < p.calls().size(); ++i) {
    const ProgramCall& a = compiled->calls()[i];
    const ProgramCall& b = p.calls()[i];
    EXPECT_EQ(a.call.spec, b.call.spec) << i;
    EXPECT_EQ(a.call.span, b.call.span) << i;
    EXPECT_EQ(a.call.name_span, b.call.name_span) << i;
    EXPECT_EQ(a.line, b.line) << i;
    EXPECT_EQ(a.column, b.column) << i;
    EXPECT_EQ(a.call.comparator, b.call.comparator) << i;
    EXPECT_EQ(a.call.match_type, b.call.match_type) << i;
    EXPECT_EQ(a.call.address_part, b.call.address_part) << i;
    EXPECT_EQ(a.call.tags.size(), b.call.tags.size()) << i;
    EXPECT_NE(b.prepared, nullptr) << i;
  }
  EXPECT_EQ(Disassemble(p), Disassemble(*compiled));
  EXPECT_EQ(SaveProgram(p), SaveProgram(*compiled));
}

TEST(BinaryReaderTest, RefusesHostileBinaries) {
  ASSERT_FALSE(Good().empty());
  for (const HostileCase& c : hostile::HostileCases()) {
    const std::string bytes = c.make();
    auto loaded = LoadProgram(bytes, Registry(), c.options);
    ASSERT_FALSE(loaded.ok()) << c.name;
    EXPECT_EQ(loaded.error().message, c.error) << c.name;
  }
}

TEST(BinaryReaderTest, OneCallRunByTwoInstructionsIsFine) {
  // Only an unreferenced call is an error; codegen never shares a call, but
  // nothing would go wrong if a program did.
  ProgramParts parts = GoodParts();
  parts.code.insert(parts.code.begin(), {Opcode::kExecute, 5, 0});  // keep, twice
  for (Instruction& ins : parts.code) {
    if (ins.op == Opcode::kJump || ins.op == Opcode::kTestJumpIfFalse ||
        ins.op == Opcode::kTestJumpIfTrue) {
      ++ins.b;
    }
  }
  auto loaded = LoadProgram(Save(parts), Registry());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ((*loaded)->code().size(), 12u);
}

TEST(BinaryReaderTest, RefusesEveryTruncation) {
  const std::string good = Good();
  ASSERT_FALSE(good.empty());
  for (size_t n = 0; n < good.size(); ++n) {
    const std::string cut = good.substr(0, n);
    auto loaded = LoadProgram(cut, Registry());
    ASSERT_FALSE(loaded.ok()) << n;
    const std::string& message = loaded.error().message;
    if (n < binary::kMagic.size()) {
      EXPECT_EQ(message, "not a sievekit binary: bad magic number") << n;
    } else if (n < binary::kHeaderSize) {
      EXPECT_EQ(message, fmt::format("truncated header: {} bytes, a binary has at least 20", n));
    } else {
      EXPECT_TRUE(message.starts_with("truncated file: ")) << n << ": " << message;
      // Resealed, the cut reaches the section parser, which must find it.
      auto resealed = LoadProgram(bintest::Reseal(cut), Registry());
      ASSERT_FALSE(resealed.ok()) << n;
      const std::string& why = resealed.error().message;
      EXPECT_TRUE(why.starts_with("truncated: ") || why.starts_with("missing the ") ||
                  why.find("cannot fit") != std::string::npos)
          << n << ": " << why;
    }
  }
}

}  // namespace
}  // namespace sievekit::vm
