// Tests for extensions/encoded_character: "${hex:...}" and "${unicode:...}"
// (RFC 5228 section 2.4.2.4). Every example of that section is here —
// including the two that are errors — plus the edges of the grammar
// (blanks, digit counts, ranges, overflow, adjacency, no recursion), and the
// transform as scripts see it: only when required, on every argument string,
// with an error for a well-formed sequence naming a value that is not a
// Unicode scalar value, and never an error for a malformed one.
#include "extensions/encoded_character/encoded_character.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "ir/ir.h"
#include "tests/ir/compile_for_test.h"

namespace sievekit::extensions {
namespace {

using testutil::CheckScript;
using testutil::CompileScript;

struct DecodeCase {
  // A sequence that decodes.
  DecodeCase(std::string in, std::string out) : input(std::move(in)), output(std::move(out)) {}
  // One that is an error (`out` is ignored).
  DecodeCase(std::string in, std::string out, bool success, std::string bad)
      : input(std::move(in)), output(std::move(out)), ok(success), bad_value(std::move(bad)) {}

  std::string input;
  std::string output;
  bool ok = true;
  std::string bad_value;  // when !ok
};

void RunDecodeCases(const std::vector<DecodeCase>& cases) {
  for (const DecodeCase& c : cases) {
    std::string text = c.input;
    std::string bad;
    const bool ok = DecodeEncodedCharacters(&text, &bad);
    EXPECT_EQ(ok, c.ok) << c.input;
    if (c.ok) {
      EXPECT_EQ(text, c.output) << c.input;
    } else {
      EXPECT_EQ(bad, c.bad_value) << c.input;
    }
  }
}

TEST(EncodedCharacterTest, Rfc5228Examples) {
  RunDecodeCases({
      {"$${hex:24 24}", "$$$"},
      {"$${hex:40}", "$@"},
      {"${hex: 40 }", "@"},
      {"${HEX: 40}", "@"},
      {"${hex:40", "${hex:40"},
      {"${hex:400}", "${hex:400}"},
      {"${hex:4${hex:30}}", "${hex:40}"},
      {"${unicode:40}", "@"},
      {"${ unicode:40}", "${ unicode:40}"},
      {"${UNICODE:40}", "@"},
      {"${UnICoDE:0000040}", "@"},
      {"${Unicode:40}", "@"},
      {"${Unicode:Cool}", "${Unicode:Cool}"},
      {"${unicode:200000}", "", false, "200000"},
      {"${Unicode:DF01}", "", false, "DF01"},
  });
}

TEST(EncodedCharacterTest, HexSequences) {
  RunDecodeCases({
      {"no sequences at all", "no sequences at all"},
      {"", ""},
      {"${hex:41 42 43}", "ABC"},
      {"${hex:4 1}", std::string("\x04\x01", 2)},  // a hex-pair is 1*2HEXDIG
      {"${hex:0}", std::string("\0", 1)},          // NUL can only be written this way
      {"${hex:ff}", "\xFF"},                       // octets need not be UTF-8
      {"${hex:C3 A9}", "\xC3\xA9"},
      {"${hex:\t41\r\n42 }", "AB"},  // blank = WSP / CRLF
      {"${hex:41}${hex:42}", "AB"},
      {"x${hex:41}y${hex:42}z", "xAyBz"},
      {"${hex:}", "${hex:}"},
      {"${hex: }", "${hex: }"},
      {"${hex:4142}", "${hex:4142}"},  // pairs need blanks between them
      {"${hex:4g}", "${hex:4g}"},
      {"${hex:41,42}", "${hex:41,42}"},
      {"${hex 41}", "${hex 41}"},
      {"${hex:41 }tail", "Atail"},
      {"$", "$"},
      {"${", "${"},
      {"${${hex:40}", "${@"},
      {"$${hex:24}{hex:40}", "$${hex:40}"},  // decoding happens once
  });
}

TEST(EncodedCharacterTest, UnicodeSequences) {
  RunDecodeCases({
      {"${unicode:263A}", "\xE2\x98\xBA"},
      {"${unicode:41 42}", "AB"},
      {"${unicode:0}", std::string("\0", 1)},
      {"${unicode:7F}", "\x7F"},
      {"${unicode:80}", "\xC2\x80"},
      {"${unicode:D7FF}", "\xED\x9F\xBF"},
      {"${unicode:E000}", "\xEE\x80\x80"},
      {"${unicode:10FFFF}", "\xF4\x8F\xBF\xBF"},
      {"${unicode:1F600}", "\xF0\x9F\x98\x80"},
      {"${unicode:00000000000000000041}", "A"},  // leading zeros are fine
      {"${unicode: 41\t}", "A"},
      {"${unicode:}", "${unicode:}"},
      {"${unicode:41 x}", "${unicode:41 x}"},
      {"${unicode:41", "${unicode:41"},
      // Out of range: surrogates and beyond U+10FFFF.
      {"${unicode:D800}", "", false, "D800"},
      {"${unicode:DFFF}", "", false, "DFFF"},
      {"${unicode:110000}", "", false, "110000"},
      {"${unicode:FFFFFFFFFFFFFFFFFFFFFFFF}", "", false, "FFFFFFFFFFFFFFFFFFFFFFFF"},
      {"${unicode:41 D800 42}", "", false, "D800"},
      {"${unicode:D800}${unicode:110000}", "", false, "D800"},  // the first is named
  });
}

TEST(EncodedCharacterTest, MalformedSequencesAreNeverErrors) {
  // RFC 5228 section 2.4.2.4: "Implementations MUST NOT raise an error for
  // an out-of-range Unicode value unless the sequence containing it is
  // well-formed according to the grammar."
  RunDecodeCases({
      {"${unicode:110000", "${unicode:110000"},
      {"${unicode:D800 zz}", "${unicode:D800 zz}"},
      {"${unicode:D800,}", "${unicode:D800,}"},
      {"${ unicode:D800}", "${ unicode:D800}"},
  });
}

TEST(EncodedCharacterTest, Rfc5228ExampleScript) {
  ir::FrontendResult r = CompileScript(
      "require \"encoded-character\";\n"
      "if header :contains \"Subject\" \"$${hex:24 24}\" {\n"
      "   discard;\n"
      "}\n");
  ASSERT_TRUE(r.ok()) << testutil::Summarize(r);
  const ir::Call& header = r.script.body[0].branches[0].condition.call;
  EXPECT_EQ(header.positional[1].strings[0].text, "$$$");
}

TEST(EncodedCharacterTest, ErrorsInScripts) {
  const struct {
    std::string_view name;
    std::string script;
    std::string expected;
  } cases[] = {
      {"RFC example: above U+10FFFF",
       "require \"encoded-character\";\nif header \"x\" \"${unicode:200000}\" {}",
       "2:15 invalid-unicode-character: '${unicode:200000}' is not a Unicode character (use "
       "0-D7FF or E000-10FFFF)\n"},
      {"RFC example: a surrogate",
       "require \"encoded-character\";\nif header \"x\" \"${Unicode:DF01}\" {}",
       "2:15 invalid-unicode-character: '${unicode:DF01}' is not a Unicode character (use "
       "0-D7FF or E000-10FFFF)\n"},
      {"in a header name", "require \"encoded-character\";\nif exists \"${unicode:D800}\" {}",
       "2:11 invalid-unicode-character: '${unicode:D800}' is not a Unicode character (use "
       "0-D7FF or E000-10FFFF)\n"},
      {"each bad string",
       "require \"encoded-character\";\n"
       "if header [\"${unicode:D800}\", \"ok\"] \"${unicode:110000}\" {}",
       "2:12 invalid-unicode-character: '${unicode:D800}' is not a Unicode character (use "
       "0-D7FF or E000-10FFFF)\n"
       "2:37 invalid-unicode-character: '${unicode:110000}' is not a Unicode character (use "
       "0-D7FF or E000-10FFFF)\n"},
      {"not an error without require", "if header \"x\" \"${unicode:200000}\" {}", ""},
      {"malformed is not an error",
       "require \"encoded-character\";\n"
       "if header \"x\" \"${unicode:200000\" {}",
       ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CheckScript(c.script), c.expected) << c.name;
  }
}

TEST(EncodedCharacterTest, AppliesToEveryArgumentStringOnceRequired) {
  ir::FrontendResult r = CompileScript(
      "require [\"encoded-character\", \"fileinto\"];\n"
      "if address :comparator \"i;${hex:6f 63 74 65 74}\" :is \"${hex:46}rom\" "
      "[\"${unicode:41}\", \"b${hex:40}example.com\"] {\n"
      "  fileinto \"Entw${unicode:FC}rfe\";\n"
      "}\n");
  ASSERT_TRUE(r.ok()) << testutil::Summarize(r);
  const ir::Call& address = r.script.body[0].branches[0].condition.call;
  EXPECT_EQ(address.comparator->name, "i;octet");  // tag parameters too
  EXPECT_EQ(address.positional[0].strings[0].text, "From");
  EXPECT_EQ(address.positional[1].strings[0].text, "A");
  EXPECT_EQ(address.positional[1].strings[1].text, "b@example.com");
  const ir::Call& fileinto = r.script.body[0].branches[0].body[0].call;
  EXPECT_EQ(fileinto.positional[0].str(), "Entw\xC3\xBCrfe");
}

TEST(EncodedCharacterTest, MultiLineStringsAreDecodedAfterDotUnstuffing) {
  // "This happens after escape sequences are interpreted and dot-unstuffing
  // has been done."
  ir::FrontendResult r = CompileScript(
      "require \"encoded-character\";\n"
      "if header \"x\" text:\n..${hex:2e}\n.\n {}\n"
      "if header \"x\" \"\\${hex:41}\" {}\n");
  ASSERT_TRUE(r.ok()) << testutil::Summarize(r);
  EXPECT_EQ(r.script.body[0].branches[0].condition.call.positional[1].str(), "..\r\n");
  EXPECT_EQ(r.script.body[1].branches[0].condition.call.positional[1].str(), "A");
}

TEST(EncodedCharacterTest, NotAppliedWithoutRequire) {
  ir::FrontendResult r = CompileScript("require \"fileinto\";\nfileinto \"${hex:41}\";");
  ASSERT_TRUE(r.ok()) << testutil::Summarize(r);
  EXPECT_EQ(r.script.body[0].call.positional[0].str(), "${hex:41}");
}

// A bad ${unicode:...} is one mistake: once it is reported, the command's
// own checks must not complain about the (meaningless) decoded value.
TEST(EncodedCharacterTest, OneErrorPerBadSequence) {
  EXPECT_EQ(CheckScript("require [\"encoded-character\", \"fileinto\"];\n"
                        "fileinto \"${unicode:110000}\";"),
            "2:10 invalid-unicode-character: '${unicode:110000}' is not a Unicode character "
            "(use 0-D7FF or E000-10FFFF)\n");
}

}  // namespace
}  // namespace sievekit::extensions
