// Tests for vm/codegen: the instructions emitted for control flow, and a
// truth-table check that jump lists evaluate not/anyof/allof exactly like
// the boolean formulas they stand for; a program generated without
// preparation saves to the same binary as a prepared one.
#include "vm/codegen.h"

#include <functional>

#include <gtest/gtest.h>

#include <random>

#include "tests/vm/vm_test_util.h"
#include "vm/binary.h"

namespace sievekit::vm {
namespace {

using vmtest::CompileText;

std::string Listing(const Program& program) {
  std::string out;
  for (const Instruction& ins : program.code()) {
    out += std::string(OpcodeName(ins.op));
    if (ins.op == Opcode::kExecute || ins.op == Opcode::kTestJumpIfTrue ||
        ins.op == Opcode::kTestJumpIfFalse) {
      out += " " + program.calls()[ins.a].call.spec->name;
    }
    if (ins.op == Opcode::kJump || ins.op == Opcode::kTestJumpIfTrue ||
        ins.op == Opcode::kTestJumpIfFalse) {
      out += " ->" + std::to_string(ins.b);
    }
    out += "; ";
  }
  return out;
}

TEST(CodegenTest, EmitsCoarseInstructionsAndForwardJumps) {
  const struct {
    std::string script;
    std::string listing;
  } cases[] = {
      {"keep;", "execute keep; halt; "},
      {"stop;", "stop; halt; "},
      {"if exists \"a\" { discard; }", "test-jump-if-false exists ->2; execute discard; halt; "},
      // not costs nothing: the jump's sense flips.
      {"if not exists \"a\" { discard; }",
       "test-jump-if-true exists ->2; execute discard; halt; "},
      {"if anyof(exists \"a\", exists \"b\") { discard; }",
       "test-jump-if-true exists ->2; test-jump-if-false exists ->3; execute discard; halt; "},
      {"if allof(exists \"a\", exists \"b\") { discard; }",
       "test-jump-if-false exists ->3; test-jump-if-false exists ->3; execute discard; halt; "},
      {"if exists \"a\" { keep; } elsif exists \"b\" { discard; } else { stop; }",
       "test-jump-if-false exists ->3; execute keep; jump ->7; test-jump-if-false exists ->6; "
       "execute discard; jump ->7; stop; halt; "},
      {"if true { keep; }", "execute keep; halt; "},
      {"if false { keep; }", "jump ->2; execute keep; halt; "},
  };
  for (const auto& c : cases) {
    auto program = CompileText(c.script);
    ASSERT_NE(program, nullptr);
    EXPECT_EQ(Listing(*program), c.listing) << c.script;
  }
}

// A random formula over not/anyof/allof/true/false and "exists X-Vn" leaves.
struct Formula {
  std::string sieve;
  std::function<bool(unsigned)> value;  // given the set of present headers
};

Formula RandomFormula(std::mt19937& rng, int depth) {
  const int kind = depth == 0 ? static_cast<int>(rng() % 3) : static_cast<int>(rng() % 6);
  switch (kind) {
    case 0: {
      const unsigned v = rng() % 4;
      return {"exists \"X-V" + std::to_string(v) + "\"",
              [v](unsigned present) { return (present >> v) & 1u; }};
    }
    case 1:
      return {"true", [](unsigned) { return true; }};
    case 2:
      return {"false", [](unsigned) { return false; }};
    case 3: {
      Formula inner = RandomFormula(rng, depth - 1);
      return {"not " + inner.sieve, [f = inner.value](unsigned p) { return !f(p); }};
    }
    default: {
      const bool any = kind == 4;
      const int n = 1 + static_cast<int>(rng() % 3);
      std::vector<Formula> children;
      std::string sieve = any ? "anyof(" : "allof(";
      for (int i = 0; i < n; ++i) {
        children.push_back(RandomFormula(rng, depth - 1));
        sieve += (i ? ", " : "") + children.back().sieve;
      }
      sieve += ")";
      return {sieve, [children, any](unsigned p) {
                for (const Formula& c : children) {
                  if (c.value(p) == any) return any;
                }
                return !any;
              }};
    }
  }
}

TEST(CodegenTest, JumpListsAgreeWithBooleanSemantics) {
  std::mt19937 rng(20261128);
  for (int round = 0; round < 300; ++round) {
    const Formula f = RandomFormula(rng, 4);
    auto program = CompileText("if " + f.sieve + " { discard; }");
    ASSERT_NE(program, nullptr) << f.sieve;
    for (unsigned present = 0; present < 16; ++present) {
      std::string message;
      for (unsigned v = 0; v < 4; ++v) {
        if ((present >> v) & 1u) message += "X-V" + std::to_string(v) + ": 1\r\n";
      }
      message += "\r\nbody\r\n";
      const std::string expected = f.value(present) ? "discard" : "keep*";
      EXPECT_EQ(vmtest::RunScript(*program, message), expected) << f.sieve << " with " << present;
    }
  }
}

// `sievec compile` only saves: GenerateUnpreparedProgram leaves the calls
// unprepared, and the binary is the one the prepared program gives, which a
// loader prepares and runs.
TEST(CodegenTest, UnpreparedProgramSavesTheSameBinary) {
  const std::string script =
      "require [\"fileinto\", \"variables\"];\n"
      "if header :matches \"subject\" \"*[${x}]*\" { fileinto \"a\"; stop; }\n"
      "if address :domain :is \"from\" [\"example.com\", \"b.org\"] { discard; }\n";
  auto source = std::make_shared<SourceFile>("test.sieve", script);
  const ir::FrontendResult front = ir::RunFrontend(source, extensions::DefaultRegistry());
  ASSERT_TRUE(front.ok()) << RenderText(*source, front.diagnostics);
  auto prepared = GenerateProgram(front.script, extensions::DefaultRegistry());
  auto unprepared = GenerateUnpreparedProgram(front.script, extensions::DefaultRegistry());
  ASSERT_TRUE(prepared.ok());
  ASSERT_TRUE(unprepared.ok());
  ASSERT_EQ((*unprepared)->calls().size(), (*prepared)->calls().size());
  for (const ProgramCall& call : (*unprepared)->calls()) EXPECT_EQ(call.prepared, nullptr);
  EXPECT_EQ(Listing(**unprepared), Listing(**prepared));
  const std::string bytes = SaveProgram(**unprepared);
  EXPECT_EQ(bytes, SaveProgram(**prepared));
  auto loaded = LoadProgram(bytes, extensions::DefaultRegistry());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  for (const ProgramCall& call : (*loaded)->calls()) EXPECT_NE(call.prepared, nullptr);
}

// The overloads taking the script's IR by rvalue move the calls' operands
// instead of copying them: the program (and its binary) is the same, and
// the script keeps its shape (the block of a call that takes one included:
// the testsuite's `test`).
TEST(CodegenTest, ConsumingTheScriptGivesTheSameProgram) {
  const std::string script =
      "require [\"vnd.dovecot.testsuite\", \"fileinto\"];\n"
      "test \"one\" {\n"
      "  if anyof (header :contains [\"subject\", \"x\"] \"money\", not exists \"date\") {\n"
      "    fileinto \"Junk\"; stop;\n"
      "  } elsif address :domain :is \"from\" [\"a.example\", \"b.example\"] { discard; }\n"
      "}\n"
      "keep;\n";
  auto source = std::make_shared<SourceFile>("test.sieve", script);
  ir::CompileOptions options;
  options.allow_testsuite = true;
  const ir::Registry& registry = extensions::DefaultRegistry();
  ir::FrontendResult front = ir::RunFrontend(source, registry, options);
  ASSERT_TRUE(front.ok()) << RenderText(*source, front.diagnostics);
  auto copied = GenerateUnpreparedProgram(front.script, registry);
  ASSERT_TRUE(copied.ok());
  auto moved = GenerateUnpreparedProgram(std::move(front.script), registry);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(Listing(**moved), Listing(**copied));
  EXPECT_EQ(SaveProgram(**moved), SaveProgram(**copied));
  for (const ProgramCall& call : (*moved)->calls()) EXPECT_TRUE(call.call.block.empty());
  // NOLINTNEXTLINE(bugprone-use-after-move): only the operands were taken.
  ASSERT_EQ(front.script.body.size(), 2u);
  EXPECT_EQ(front.script.body[0].call.block.size(), 1u);  // the if chain inside `test`

  ir::FrontendResult again = ir::RunFrontend(source, registry, options);
  auto prepared = GenerateProgram(std::move(again.script), registry);
  ASSERT_TRUE(prepared.ok()) << prepared.error().message;
  EXPECT_EQ(SaveProgram(**prepared), SaveProgram(**copied));
}

}  // namespace
}  // namespace sievekit::vm
