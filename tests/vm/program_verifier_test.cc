// Tests for vm/program_verifier: programs from codegen pass; the required
// extensions (twice, testsuite-only, disabled) and each rule of the code
// (opcodes, call kinds and indexes, forward jumps, unused operands, the
// final halt, unreferenced calls) are checked with exact messages; call
// errors are prefixed with the call they concern.
#include "vm/program_verifier.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "tests/vm/binary_test_util.h"

namespace sievekit::vm {
namespace {

using bintest::ProgramParts;

std::string Verify(const ProgramParts& parts, const ir::CompileOptions& options = {}) {
  auto result = VerifyProgram(*bintest::Assemble(parts), options);
  return result.ok() ? "" : result.error().message;
}

// A registry with every extension plus a testsuite-only one.
const ir::Registry& SuiteRegistry() {
  static const ir::Registry* const registry = [] {
    auto* r = new ir::Registry();
    extensions::RegisterAllExtensions(*r);
    r->Register({"x-suite", false, /*testsuite_only=*/true},
                [](ir::ExtensionBuilder& b) { b.Command("suite-only"); });
    r->Finalize();
    return r;
  }();
  return *registry;
}

TEST(ProgramVerifierTest, CompiledProgramsPass) {
  const char* const scripts[] = {
      "",
      "keep;",
      "stop;",
      "if false { keep; }",
      "if true {} elsif exists \"a\" {} else { discard; }",
      "require \"fileinto\";\n"
      "if anyof (not allof (exists \"a\", size :over 1), header :is \"b\" \"c\") {\n"
      "  fileinto \"x\"; stop;\n"
      "} elsif not address :domain \"from\" \"example.com\" { redirect \"a@example.com\"; }\n",
  };
  for (const char* script : scripts) {
    auto program = bintest::Compile(script);
    ASSERT_NE(program, nullptr) << script;
    EXPECT_EQ(Verify(bintest::Decompose(*program)), "") << script;
  }
}

TEST(ProgramVerifierTest, RequiredExtensions) {
  auto program = bintest::Compile("require [\"fileinto\", \"envelope\"]; fileinto \"a\";");
  ASSERT_NE(program, nullptr);
  ProgramParts twice = bintest::Decompose(*program);
  twice.required.push_back(twice.required.back());
  EXPECT_EQ(Verify(twice), "the extension 'envelope' is required twice");

  ir::CompileOptions disabled;
  disabled.disabled_extensions.insert("fileinto");
  EXPECT_EQ(Verify(bintest::Decompose(*program), disabled),
            "the program requires the extension 'fileinto', which is not available");

  // A testsuite-only extension is available to test runs only.
  ProgramParts suite;
  suite.registry = &SuiteRegistry();
  suite.required = {SuiteRegistry().FindExtension("x-suite")};
  suite.calls.push_back({});
  suite.calls[0].call.spec = SuiteRegistry().FindCommand("suite-only");
  suite.code = {{Opcode::kExecute, 0, 0}, {Opcode::kHalt, 0, 0}};
  EXPECT_EQ(Verify(suite), "the program requires the extension 'x-suite', which is not available");
  ir::CompileOptions testing;
  testing.allow_testsuite = true;
  EXPECT_EQ(Verify(suite, testing), "");
}

TEST(ProgramVerifierTest, CallErrorsNameTheCall) {
  auto program = bintest::Compile("keep;\nif header \"a\" \"b\" { discard; }");
  ASSERT_NE(program, nullptr);
  ProgramParts parts = bintest::Decompose(*program);
  parts.calls[1].call.positional.pop_back();
  EXPECT_EQ(Verify(parts), "call 1 ('header'): 1 positional argument, 'header' takes 2");
  parts.calls[1].call.spec = nullptr;
  EXPECT_EQ(Verify(parts), "call 1 has no spec");
}

TEST(ProgramVerifierTest, Code) {
  // Calls: 0 keep (command), 1 exists (test), 2 discard (command).
  // Code:  0 execute #0, 1 test-jump-if-false #1 -> 3, 2 execute #2, 3 halt.
  auto program = bintest::Compile("keep;\nif exists \"a\" { discard; }");
  ASSERT_NE(program, nullptr);
  ASSERT_EQ(program->code().size(), 4u);
  const struct {
    std::string_view name;
    std::function<void(ProgramParts&)> damage;
    std::string error;
  } cases[] = {
      {"untouched", [](ProgramParts&) {}, ""},
      {"empty code", [](ProgramParts& p) { p.code.clear(); },
       "the code is empty (it must end with halt)"},
      {"no final halt", [](ProgramParts& p) { p.code.pop_back(); },
       "instruction 1 (test-jump-if-false): jump target 3 is not after it and inside the code "
       "(0..2)"},
      {"ends with stop", [](ProgramParts& p) { p.code.back().op = Opcode::kStop; },
       "the last instruction (3) is stop, not halt"},
      {"ends with execute",
       [](ProgramParts& p) {
         p.code.push_back({Opcode::kExecute, 0, 0});
       },
       "the last instruction (4) is execute, not halt"},
      {"unknown opcode", [](ProgramParts& p) { p.code[0].op = static_cast<Opcode>(kOpcodeCount); },
       "instruction 0: unknown opcode 8"},
      {"a block opcode on a command without a block",
       [](ProgramParts& p) { p.code[0].op = Opcode::kEnterBlock; },
       "instruction 0 (enter-block): the command 'keep' does not take a block"},
      {"opcode 255", [](ProgramParts& p) { p.code[2].op = static_cast<Opcode>(255); },
       "instruction 2: unknown opcode 255"},
      {"execute on a test", [](ProgramParts& p) { p.code[0].a = 1; },
       "instruction 0 (execute): call 1 is the test 'exists', not a command"},
      {"test jump on a command", [](ProgramParts& p) { p.code[1].a = 2; },
       "instruction 1 (test-jump-if-false): call 2 is the command 'discard', not a test"},
      {"test-jump-if-true on a command",
       [](ProgramParts& p) {
         p.code[1] = {Opcode::kTestJumpIfTrue, 0, 3};
       },
       "instruction 1 (test-jump-if-true): call 0 is the command 'keep', not a test"},
      {"call index out of range", [](ProgramParts& p) { p.code[2].a = 3; },
       "instruction 2 (execute): call 3 out of range (the program has 3)"},
      {"call index 2^32-1", [](ProgramParts& p) { p.code[2].a = 0xffffffffu; },
       "instruction 2 (execute): call 4294967295 out of range (the program has 3)"},
      {"backward jump", [](ProgramParts& p) { p.code[1].b = 0; },
       "instruction 1 (test-jump-if-false): jump target 0 is not after it and inside the code "
       "(0..3)"},
      {"jump to itself", [](ProgramParts& p) { p.code[1].b = 1; },
       "instruction 1 (test-jump-if-false): jump target 1 is not after it and inside the code "
       "(0..3)"},
      {"jump past the end", [](ProgramParts& p) { p.code[1].b = 4; },
       "instruction 1 (test-jump-if-false): jump target 4 is not after it and inside the code "
       "(0..3)"},
      {"plain jump backward",
       [](ProgramParts& p) {
         p.code[2] = {Opcode::kJump, 0, 2};
       },
       "instruction 2 (jump): jump target 2 is not after it and inside the code (0..3)"},
      {"jump forward to the halt is fine",
       [](ProgramParts& p) {
         p.code.insert(p.code.begin(), {Opcode::kJump, 0, 4});
         p.code[2].b = 4;
       },
       ""},
      {"unreferenced call",
       [](ProgramParts& p) {
         p.code[2] = {Opcode::kStop, 0, 0};
       },
       "call 2 ('discard') is not run by any instruction"},
      {"halt with operands", [](ProgramParts& p) { p.code[3].b = 1; },
       "instruction 3 (halt): unused operand b is 1, not 0"},
      {"stop with a call",
       [](ProgramParts& p) {
         p.code.insert(p.code.begin() + 3, {Opcode::kStop, 1, 0});
       },
       "instruction 3 (stop): unused operand a is 1, not 0"},
      {"execute with a target", [](ProgramParts& p) { p.code[0].b = 2; },
       "instruction 0 (execute): unused operand b is 2, not 0"},
  };
  for (const auto& c : cases) {
    ProgramParts parts = bintest::Decompose(*program);
    c.damage(parts);
    EXPECT_EQ(Verify(parts), c.error) << c.name;
  }
}

}  // namespace
}  // namespace sievekit::vm
