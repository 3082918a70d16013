// Tests for vm/disassembler: golden listings of representative scripts —
// the empty script, control flow with jump lists, every kind of operand
// (tags with parameters, resolved defaults, relational operators, escapes,
// bytes that are not UTF-8) — and the same listing for a program loaded
// from its binary.
#include "vm/disassembler.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/vm/binary_test_util.h"
#include "vm/binary.h"

namespace sievekit::vm {
namespace {

struct Golden {
  std::string_view name;
  std::string script;
  std::string listing;
};

const Golden kGoldens[] = {
    {"empty script", "", "program \"t.sieve\" (0 calls, 1 instruction)\n   0  halt\n"},
    {"one action", "keep;",
     "program \"t.sieve\" (1 call, 2 instructions)\n"
     "   0  execute                   #0 @1:1 keep\n"
     "   1  halt\n"},
    {"control flow",
     "require [\"fileinto\", \"envelope\"];\n"
     "if anyof (header :contains \"Subject\" [\"spam\", \"viagra\"], not exists \"From\") {\n"
     "  fileinto \"Junk\";\n"
     "  stop;\n"
     "} elsif allof (address :domain :is [\"from\", \"sender\"] \"example.com\", true) {\n"
     "  redirect \"boss@example.org\";\n"
     "} elsif envelope :localpart :matches \"to\" \"a*b\" {\n"
     "  keep;\n"
     "} else {\n"
     "  discard;\n"
     "}\n",
     "program \"t.sieve\" (8 calls, 13 instructions)\n"
     "require [\"fileinto\", \"envelope\"]\n"
     "   0  test-jump-if-true   -> 2   #0 @2:11 header :comparator \"i;ascii-casemap\" :contains "
     "[\"Subject\"] [\"spam\", \"viagra\"]\n"
     "   1  test-jump-if-true   -> 5   #1 @2:62 exists [\"From\"]\n"
     "   2  execute                    #2 @3:3 fileinto \"Junk\"\n"
     "   3  stop\n"
     "   4  jump                -> 12\n"
     "   5  test-jump-if-false  -> 8   #3 @5:16 address :comparator \"i;ascii-casemap\" :domain "
     ":is [\"from\", \"sender\"] [\"example.com\"]\n"
     "   6  execute                    #4 @6:3 redirect \"boss@example.org\"\n"
     "   7  jump                -> 12\n"
     "   8  test-jump-if-false  -> 11  #5 @7:9 envelope :comparator \"i;ascii-casemap\" "
     ":localpart :matches [\"to\"] [\"a*b\"]\n"
     "   9  execute                    #6 @8:3 keep\n"
     "  10  jump                -> 12\n"
     "  11  execute                    #7 @10:3 discard\n"
     "  12  halt\n"},
    {"operands",
     "require [\"fileinto\", \"encoded-character\", \"copy\", \"imap4flags\", \"relational\",\n"
     "         \"comparator-i;ascii-numeric\"];\n"
     "fileinto :copy :flags [\"\\\\Seen\", \"$Label1\"] \"a\\\"b\\\\c${hex:09}\";\n"
     "if header :count \"GE\" :comparator \"i;ascii-numeric\" \"received\" \"3\" "
     "{ addflag \"\\\\Flagged\"; }\n"
     "if header :is \"x\" \"${hex:ff 7f}\xC3\xA9\" { keep; }\n"
     "if size :under 1K { keep; }\n",
     "program \"t.sieve\" (7 calls, 8 instructions)\n"
     "require [\"fileinto\", \"encoded-character\", \"copy\", \"imap4flags\", \"relational\", "
     "\"comparator-i;ascii-numeric\"]\n"
     "   0  execute                   #0 @3:1 fileinto :copy :flags [\"\\\\Seen\", \"$Label1\"] "
     "\"a\\\"b\\\\c\\x09\"\n"
     "   1  test-jump-if-false  -> 3  #1 @4:4 header :comparator \"i;ascii-numeric\" :count "
     "\"ge\" [\"received\"] [\"3\"]\n"
     "   2  execute                   #2 @4:70 addflag [\"\\\\Flagged\"]\n"
     "   3  test-jump-if-false  -> 5  #3 @5:4 header :comparator \"i;ascii-casemap\" :is [\"x\"] "
     "[\"\\xff\\x7f\xC3\xA9\"]\n"
     "   4  execute                   #4 @5:37 keep\n"
     "   5  test-jump-if-false  -> 7  #5 @6:4 size :under 1024\n"
     "   6  execute                   #6 @6:21 keep\n"
     "   7  halt\n"},
};

TEST(DisassemblerTest, Goldens) {
  for (const Golden& g : kGoldens) {
    auto program = bintest::Compile(g.script, "t.sieve");
    ASSERT_NE(program, nullptr) << g.name;
    EXPECT_EQ(Disassemble(*program), g.listing) << g.name;
  }
}

TEST(DisassemblerTest, LoadedProgramListsTheSame) {
  for (const Golden& g : kGoldens) {
    auto program = bintest::Compile(g.script, "t.sieve");
    ASSERT_NE(program, nullptr) << g.name;
    auto loaded = LoadProgram(SaveProgram(*program), extensions::DefaultRegistry());
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(Disassemble(**loaded), g.listing) << g.name;
  }
}

TEST(DisassemblerTest, QuotesTheProgramName) {
  auto program = bintest::Compile("stop;", "dir/\"odd\"\tname.sieve");
  ASSERT_NE(program, nullptr);
  EXPECT_EQ(Disassemble(*program),
            "program \"dir/\\\"odd\\\"\\x09name.sieve\" (0 calls, 2 instructions)\n"
            "   0  stop\n"
            "   1  halt\n");
}

TEST(DisassemblerTest, UnverifiedProgramsDoNotCrashIt) {
  // The listing never trusts call indexes (dump may show a program the
  // verifier would refuse while debugging).
  auto program = bintest::Compile("keep;");
  ASSERT_NE(program, nullptr);
  bintest::ProgramParts parts = bintest::Decompose(*program);
  parts.code[0].a = 7;
  EXPECT_EQ(Disassemble(*bintest::Assemble(parts)),
            "program \"test.sieve\" (1 call, 2 instructions)\n"
            "   0  execute                   #7 (no such call)\n"
            "   1  halt\n");
}

}  // namespace
}  // namespace sievekit::vm
