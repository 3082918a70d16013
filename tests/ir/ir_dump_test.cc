// Tests for ir/ir_dump: the S-expression dump of validated scripts, as
// goldens for representative scripts — defaults made explicit (comparator,
// match type, address part), names lower-cased, numbers with quantifiers
// applied, if/elsif/else chains as one node, strings escaped, and decoded
// values (escapes, multi-line strings, encoded-character) shown as the
// validator resolved them.
#include "ir/ir_dump.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/ir/compile_for_test.h"

namespace sievekit::ir {
namespace {

struct Golden {
  std::string_view name;
  std::string script;
  std::string dump;
};

TEST(IrDumpTest, Goldens) {
  const Golden goldens[] = {
      {"empty script", "", ""},
      {"only comments", "# nothing\n/* at all */\n", ""},
      {"actions", "keep; discard; redirect \"a@example.com\";",
       "(keep)\n(discard)\n(redirect \"a@example.com\")\n"},
      {"names lower-cased", "KEEP; Stop;", "(keep)\n(stop)\n"},
      {"require list deduplicated",
       "require \"fileinto\"; require [\"envelope\", \"fileinto\"]; fileinto \"a\";",
       "require [\"fileinto\",\"envelope\"]\n(fileinto \"a\")\n"},
      {"header defaults", "if header \"Subject\" \"x\" {}",
       "(if (header :comparator \"i;ascii-casemap\" :is [\"Subject\"] [\"x\"]) {})\n"},
      {"address defaults", "if address \"from\" \"a@b\" {}",
       "(if (address :comparator \"i;ascii-casemap\" :all :is [\"from\"] [\"a@b\"]) {})\n"},
      {"explicit tags in canonical order",
       "if address :contains :domain :comparator \"I;OCTET\" [\"to\", \"cc\"] [\"x\", \"y\"] {}",
       "(if (address :comparator \"i;octet\" :domain :contains [\"to\",\"cc\"] [\"x\",\"y\"]) "
       "{})\n"},
      {"envelope", "require \"envelope\"; if envelope :localpart \"FROM\" \"boss\" {}",
       "require [\"envelope\"]\n"
       "(if (envelope :comparator \"i;ascii-casemap\" :localpart :is [\"FROM\"] [\"boss\"]) "
       "{})\n"},
      {"size with quantifiers", "if size :over 1K {} if size :under 2M {} if size :OVER 1G {}",
       "(if (size :over 1024) {})\n(if (size :under 2097152) {})\n"
       "(if (size :over 1073741824) {})\n"},
      {"exists", "if exists [\"From\", \"Date\"] {}", "(if (exists [\"From\",\"Date\"]) {})\n"},
      {"control tests", "if anyof (not true, allof (false, true)) { stop; }",
       "(if (anyof (not (true)) (allof (false) (true))) {(stop)})\n"},
      {"if elsif else chain",
       "if true { keep; } elsif false { discard; } elsif true {} else { stop; }",
       "(if (true) {(keep)} elsif (false) {(discard)} elsif (true) {} else {(stop)})\n"},
      {"nested blocks", "if true { if false { keep; } discard; }",
       "(if (true) {(if (false) {(keep)}) (discard)})\n"},
      {"escapes decoded and re-escaped", "if header \"x\" \"a\\\"b\\\\c\\d\" {}",
       "(if (header :comparator \"i;ascii-casemap\" :is [\"x\"] [\"a\\\"b\\\\cd\"]) {})\n"},
      {"multi-line string", "if header \"x\" text:\nline one\n..dot\n.\n {}",
       "(if (header :comparator \"i;ascii-casemap\" :is [\"x\"] [\"line one\\r\\n.dot\\r\\n\"]) "
       "{})\n"},
      {"control characters", "if header \"x\" \"tab\there\" {}",
       "(if (header :comparator \"i;ascii-casemap\" :is [\"x\"] [\"tab\\x09here\"]) {})\n"},
      {"utf-8 kept as is", "require \"fileinto\"; fileinto \"Entw\xC3\xBCrfe\";",
       "require [\"fileinto\"]\n(fileinto \"Entw\xC3\xBCrfe\")\n"},
      {"encoded-character decoded",
       "require [\"encoded-character\", \"fileinto\"];\n"
       "fileinto \"${hex:41 42}${unicode:263A}\";",
       "require [\"encoded-character\",\"fileinto\"]\n(fileinto \"AB\xE2\x98\xBA\")\n"},
      {"encoded-character not required stays literal",
       "require \"fileinto\"; fileinto \"${hex:41}\";",
       "require [\"fileinto\"]\n(fileinto \"${hex:41}\")\n"},
      {"RFC 5228 section 9",
       "require [\"fileinto\"];\n"
       "if header :is \"Sender\" \"owner-ietf-mta-filters@imc.org\" { fileinto \"filter\"; }\n"
       "elsif address :DOMAIN :is [\"From\", \"To\"] \"example.com\" { keep; }\n"
       "elsif anyof (NOT address :all :contains [\"To\", \"Cc\", \"Bcc\"] \"me@example.com\",\n"
       "             header :matches \"subject\" [\"*make*money*fast*\", "
       "\"*university*dipl*mas*\"]) { fileinto \"spam\"; }\n"
       "else { fileinto \"personal\"; }\n",
       "require [\"fileinto\"]\n"
       "(if (header :comparator \"i;ascii-casemap\" :is [\"Sender\"] "
       "[\"owner-ietf-mta-filters@imc.org\"]) {(fileinto \"filter\")} "
       "elsif (address :comparator \"i;ascii-casemap\" :domain :is [\"From\",\"To\"] "
       "[\"example.com\"]) {(keep)} "
       "elsif (anyof (not (address :comparator \"i;ascii-casemap\" :all :contains "
       "[\"To\",\"Cc\",\"Bcc\"] [\"me@example.com\"])) (header :comparator \"i;ascii-casemap\" "
       ":matches [\"subject\"] [\"*make*money*fast*\",\"*university*dipl*mas*\"])) "
       "{(fileinto \"spam\")} "
       "else {(fileinto \"personal\")})\n"},
  };
  for (const Golden& g : goldens) {
    FrontendResult r = testutil::CompileScript(g.script);
    ASSERT_TRUE(r.ok()) << g.name << "\n" << testutil::Summarize(r);
    EXPECT_EQ(DumpIr(r.script), g.dump) << g.name;
  }
}

TEST(IrDumpTest, DumpIsDeterministic) {
  const std::string script = "require \"fileinto\"; if size :over 1K { fileinto \"a\"; }";
  EXPECT_EQ(DumpIr(testutil::CompileScript(script).script),
            DumpIr(testutil::CompileScript(script).script));
}

}  // namespace
}  // namespace sievekit::ir
