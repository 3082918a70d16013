// Tests for extensions/fileinto: the fileinto action (RFC 5228 section 4.1)
// needs `require "fileinto"`, takes exactly one string, and rejects mailbox
// names that are empty or not UTF-8 (which only encoded-character's
// ${hex:...} can produce once the parser has checked the source).
#include "extensions/fileinto/fileinto.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/ir/compile_for_test.h"

namespace sievekit::extensions {
namespace {

using testutil::CheckScript;

TEST(FileintoTest, Validation) {
  const std::string require = "require \"fileinto\";\n";
  const struct {
    std::string_view name;
    std::string script;
    std::string expected;
  } cases[] = {
      {"RFC 5228 example",
       require + "if header :contains [\"from\"] \"coyote\" {\n"
                 "   fileinto \"INBOX.harassment\";\n}",
       ""},
      {"UTF-8 name", require + "fileinto \"Entw\xC3\xBCrfe\";", ""},
      {"hierarchy", require + "fileinto \"INBOX/Lists/sieve\";", ""},
      {"empty name", require + "fileinto \"\";",
       "2:10 invalid-value: invalid folder name: it is empty\n"},
      {"non-UTF-8 from encoded-character",
       "require [\"fileinto\", \"encoded-character\"];\nfileinto \"Caf${hex:e9}\";",
       "2:10 invalid-value: invalid folder name: the mailbox name is not valid UTF-8\n"},
      {"UTF-8 from encoded-character",
       "require [\"fileinto\", \"encoded-character\"];\nfileinto \"Caf${hex:c3 a9}\";", ""},
      {"a list", require + "fileinto [\"a\", \"b\"];",
       "2:10 wrong-argument-type: the fileinto command expects a string as argument 1 "
       "(folder), but a string list was found\n"},
      {"no folder", require + "fileinto;",
       "2:1 missing-argument: the fileinto command requires 1 positional argument, but 0 were "
       "specified\n"},
      {"two folders", require + "fileinto \"a\" \"b\";",
       "2:14 too-many-arguments: too many arguments for the fileinto command: it takes 1 "
       "positional argument\n"},
      {"no tags without further extensions", require + "fileinto :frop \"a\";",
       "2:10 unknown-tag: unknown tagged argument ':frop' for the fileinto command (it takes no "
       "tagged arguments)\n"},
      {"tags of other extensions need require", require + "fileinto :create \"a\";",
       "2:10 missing-require: tagged argument ':create' needs the extension 'mailbox', which is "
       "not required\n  note: add 'require \"mailbox\";' at the top of the script\n"},
      {"not required", "fileinto \"a\";",
       "1:1 missing-require: command 'fileinto' needs the extension 'fileinto', which is not "
       "required\n"
       "  note: add 'require \"fileinto\";' at the top of the script\n"},
      {"not a test", require + "if fileinto \"a\" {}",
       "2:4 command-used-as-test: cannot use command 'fileinto' as a test\n"},
  };
  for (const auto& c : cases) EXPECT_EQ(CheckScript(c.script), c.expected) << c.name;
}

}  // namespace
}  // namespace sievekit::extensions
