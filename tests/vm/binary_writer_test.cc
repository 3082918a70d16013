// Tests for vm/binary_writer (SaveProgram, LooksLikeBinary): the exact bytes
// of a small program, the header fields, the string table (deduplicated, in
// first-use order) and determinism.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extensions/all_extensions.h"
#include "tests/vm/binary_test_util.h"
#include "vm/binary.h"
#include "vm/binary_format.h"

namespace sievekit::vm {
namespace {

using bintest::Compile;
using bintest::Str;
using bintest::U32;

std::string U8(uint8_t v) { return std::string(1, static_cast<char>(v)); }
std::string SpanBytes(Span s) { return U32(s.begin) + U32(s.end); }
std::string Section(binary::Section id, const std::string& body) {
  return U8(static_cast<uint8_t>(id)) + U32(static_cast<uint32_t>(body.size())) + body;
}

TEST(BinaryWriterTest, ExactBytesOfASmallProgram) {
  auto program = Compile("require \"fileinto\";\nfileinto \"A\";\n", "k.sieve");
  ASSERT_NE(program, nullptr);
  const ir::Call& call = program->calls()[0].call;
  const ir::Value& mailbox = call.positional[0];

  const std::string calls =
      U32(1) +                            // one call
      U8(0) + U32(0) + U32(2) + U32(1) +  // command, "fileinto", line 2, column 1
      SpanBytes(call.span) + SpanBytes(call.name_span) + U8(1) +  // one positional argument
      U8(0) + SpanBytes(mailbox.span) +                           // a string
      U32(1) + U32(1) + SpanBytes(mailbox.strings[0].span) +      // "A"
      U8(0) +                                                     // no tags
      U32(binary::kNoName) + U32(binary::kNoName) +               // no comparator, no match type
      U32(binary::kNoName) + U32(binary::kNoName);  // no relational op, no address part
  const std::string payload =
      Section(binary::Section::kName, Str("k.sieve")) +
      Section(binary::Section::kRequired, U32(1) + Str("fileinto")) +
      Section(binary::Section::kStrings, U32(2) + Str("fileinto") + Str("A")) +
      Section(binary::Section::kCalls, calls) +
      Section(binary::Section::kCode, U32(2) + U8(2) + U32(0) + U32(0) +  // execute #0
                                          U8(0) + U32(0) + U32(0));       // halt
  const std::string expected = std::string(binary::kMagic) + U32(1) +
                               U32(static_cast<uint32_t>(payload.size())) +
                               U32(binary::Crc32(payload)) + payload;
  EXPECT_EQ(SaveProgram(*program), expected);
}

TEST(BinaryWriterTest, HeaderFields) {
  auto program = Compile("keep;");
  ASSERT_NE(program, nullptr);
  const std::string bytes = SaveProgram(*program);
  ASSERT_GE(bytes.size(), binary::kHeaderSize);
  EXPECT_EQ(bytes.substr(0, 8), binary::kMagic);
  EXPECT_EQ(bintest::GetU32(bytes, 8), binary::kFormatVersion);
  EXPECT_EQ(bintest::GetU32(bytes, 12), bytes.size() - binary::kHeaderSize);
  EXPECT_EQ(bintest::GetU32(bytes, 16), binary::Crc32(bytes.substr(binary::kHeaderSize)));
}

TEST(BinaryWriterTest, SectionsInOrder) {
  auto program = Compile("keep;");
  ASSERT_NE(program, nullptr);
  const bintest::Sections sections = bintest::Split(SaveProgram(*program));
  ASSERT_EQ(sections.list.size(), 5u);
  for (uint8_t i = 0; i < 5; ++i) EXPECT_EQ(sections.list[i].first, i + 1);
}

TEST(BinaryWriterTest, StringTableIsDeduplicatedInFirstUseOrder) {
  auto program = Compile(
      "require [\"fileinto\", \"envelope\"];\n"
      "if header :contains [\"Subject\", \"X-Subject\"] \"Subject\" { fileinto \"Subject\"; }\n"
      "if address :domain :comparator \"i;octet\" \"from\" \"a.example\" { keep; }\n"
      "if size :over 10 { stop; }\n");
  ASSERT_NE(program, nullptr);
  bintest::Sections sections = bintest::Split(SaveProgram(*program));
  // Spec names, tag names and string values share one table, in the order
  // of the call layout (name, positional values, tags, shared arguments).
  // Extension names are not in it.
  EXPECT_EQ(
      bintest::DecodeStrings(sections.body(binary::Section::kStrings)),
      (std::vector<std::string>{"header", "Subject", "X-Subject", "contains", "i;ascii-casemap",
                                "fileinto", "address", "from", "a.example", "domain", "comparator",
                                "i;octet", "is", "keep", "size", "over"}));
}

// Enough distinct and repeated strings to grow the writer's string table
// several times and to cross its output buffer many times over: the table
// still lists each string once, in first-use order, and the file loads.
TEST(BinaryWriterTest, LargeStringTable) {
  std::string script = "require \"fileinto\";\n";
  std::vector<std::string> expected_values;
  for (size_t i = 0; i < 3000; ++i) {
    const std::string value = "value-" + std::to_string(i % 1200) + std::string(i % 40, 'x');
    script += "if header :is \"h" + std::to_string(i % 7) + "\" \"" + value + "\" { fileinto \"" +
              value + "\"; }\n";
  }
  auto program = Compile(script);
  ASSERT_NE(program, nullptr);
  const std::string bytes = SaveProgram(*program);
  const std::vector<std::string> strings =
      bintest::DecodeStrings(bintest::Split(bytes).body(binary::Section::kStrings));
  std::vector<std::string> sorted = strings;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());  // no duplicates
  ASSERT_GE(strings.size(), 5u);
  EXPECT_EQ(strings[0], "header");
  EXPECT_EQ(strings[1], "h0");
  EXPECT_EQ(strings[2], "value-0");
  EXPECT_EQ(strings[3], "is");
  EXPECT_EQ(strings[4], "i;ascii-casemap");
  auto loaded = LoadProgram(bytes, extensions::DefaultRegistry());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(SaveProgram(**loaded), bytes);
}

TEST(BinaryWriterTest, Deterministic) {
  const std::string script =
      "require \"fileinto\";\n"
      "if anyof (header :matches \"subject\" \"*money*\", not exists \"date\") {\n"
      "  fileinto \"Junk\"; stop;\n"
      "} elsif address :localpart :is \"from\" [\"a\", \"b\", \"a\"] { redirect \"x@y.example\"; "
      "}\n";
  auto first = Compile(script);
  auto second = Compile(script);
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(SaveProgram(*first), SaveProgram(*first));
  EXPECT_EQ(SaveProgram(*first), SaveProgram(*second));
}

TEST(BinaryWriterTest, ScriptNameIsKeptAsBytes) {
  auto program = Compile("keep;", "dir/Caf\xC3\xA9 script.sieve");
  ASSERT_NE(program, nullptr);
  bintest::Sections sections = bintest::Split(SaveProgram(*program));
  EXPECT_EQ(sections.body(binary::Section::kName), Str("dir/Caf\xC3\xA9 script.sieve"));
}

TEST(BinaryWriterTest, LooksLikeBinary) {
  auto program = Compile("keep;");
  ASSERT_NE(program, nullptr);
  EXPECT_TRUE(LooksLikeBinary(SaveProgram(*program)));
  EXPECT_TRUE(LooksLikeBinary(binary::kMagic));
  EXPECT_FALSE(LooksLikeBinary(""));
  EXPECT_FALSE(LooksLikeBinary(binary::kMagic.substr(0, 7)));
  EXPECT_FALSE(LooksLikeBinary("require \"fileinto\";"));
  EXPECT_FALSE(LooksLikeBinary("\x89SVBIN\n\n"));  // line endings converted
}

}  // namespace
}  // namespace sievekit::vm
