// Tests for editor/requirements: what each piece of Sieve needs.
#include "editor/requirements.h"

#include <gtest/gtest.h>

#include "extensions/all_extensions.h"
#include "parser/parser.h"

namespace sievekit::editor {
namespace {

TEST(RequirementsTest, NeedsOfText) {
  const struct {
    std::string sieve;
    NameSet declared;
    NameSet needs;
    bool unknown;
  } cases[] = {
      {"keep; discard; stop;", {}, {}, false},
      {"if header :contains \"from\" \"x\" { redirect \"a@b\"; }", {}, {}, false},
      {"fileinto \"a\";", {}, {"fileinto"}, false},
      {"fileinto :copy \"a\";", {}, {"copy", "fileinto"}, false},
      {"if envelope :domain \"from\" \"x\" { reject \"no\"; }", {}, {"envelope", "reject"}, false},
      {"if address :user \"to\" \"x\" { keep; }", {}, {"subaddress"}, false},
      {"if header :regex \"subject\" \"a+\" { keep; }", {}, {"regex"}, false},
      {"if header :count \"gt\" :comparator \"i;ascii-numeric\" \"x\" \"1\" { keep; }", {},
       {"comparator-i;ascii-numeric", "relational"}, false},
      {"if header :comparator \"i;octet\" :is \"a\" \"b\" { keep; }", {}, {}, false},
      {"if body :raw :contains \"x\" { keep; }", {}, {"body"}, false},
      {"addflag \"\\\\Seen\";", {}, {"imap4flags"}, false},
      {"set \"a\" \"b\";", {}, {"variables"}, false},
      {"fileinto \"${1}\";", {"fileinto", "variables"}, {"fileinto", "variables"}, false},
      {"fileinto \"${1}\";", {"fileinto"}, {"fileinto"}, false},
      {"vacation :days 7 \"x\";", {}, {"vacation"}, false},
      {"vacation :seconds 60 \"x\";", {"vacation-seconds"}, {"vacation-seconds"}, false},
      {"notify :method \"mailto\" :options \"a@b\" :message \"m\";", {}, {"notify"}, false},
      {"notify :message \"m\" \"mailto:a@b\";", {}, {"enotify"}, false},
      {"notify :message \"m\" \"mailto:a@b\";", {"notify"}, {"notify"}, false},
      {"if spamtest :value \"ge\" :comparator \"i;ascii-numeric\" \"5\" { keep; }", {},
       {"comparator-i;ascii-numeric", "relational", "spamtest"}, false},
      {"if spamtest :percent :value \"ge\" :comparator \"i;ascii-numeric\" \"50\" { keep; }", {},
       {"comparator-i;ascii-numeric", "relational", "spamtestplus"}, false},
      {"if header :mime :anychild :contains \"content-disposition\" \"attachment\" { keep; }", {},
       {"mime"}, false},
      {"if currentdate :value \"ge\" \"date\" \"2024-01-01\" { keep; }", {}, {"date", "relational"},
       false},
      {"if ihave \"vacation\" { keep; }", {}, {"ihave"}, false},
      {"foo \"x\";", {"foo"}, {"foo"}, false},
      {"pipe \"x\";", {"vnd.dovecot.pipe"}, {}, true},
      {"frobnicate;", {}, {}, true},
      {"if {", {}, {}, true},
      {"# if false # fileinto \"x\"\nkeep;", {}, {}, false},
  };
  for (const auto& c : cases) {
    const Needs n = NeedsOfText(c.sieve, extensions::DefaultRegistry(), c.declared);
    EXPECT_EQ(n.extensions, c.needs) << c.sieve;
    EXPECT_EQ(n.unknown, c.unknown) << c.sieve;
  }
}

TEST(RequirementsTest, DeclaredRequires) {
  syntax::ParseResult r = syntax::Parse(std::make_shared<SourceFile>(
      "t", "require \"a\";\nrequire [\"b\", \"c\"];\nkeep;\nrequire \"late\";"));
  EXPECT_EQ(DeclaredRequires(r.tree), (NameSet{"a", "b", "c", "late"}));
}

}  // namespace
}  // namespace sievekit::editor
