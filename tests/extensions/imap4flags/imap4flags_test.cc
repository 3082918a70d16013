// Tests for extensions/imap4flags/imap4flags: compile-time checks of the
// flag commands and of :flags, the setflag/addflag/removeflag run time, the
// flags that keep, fileinto and the implicit keep carry, and every example
// of RFC 5232 (§4's hasflag examples are in hasflag_test.cc) compiled and
// evaluated end to end.
#include "extensions/imap4flags/imap4flags.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions {
namespace {

constexpr std::string_view kMessage =
    "From: Joe <joe@example.com>\r\n"
    "To: me@example.org\r\n"
    "Subject: hello\r\n"
    "\r\n"
    "Body.\r\n";

// A message of `headers` and a body that makes it larger than `size`.
std::string MessageOfSize(std::string_view headers, size_t size) {
  std::string message(headers);
  message += "\r\n";
  const std::string line(76, 'x');
  while (message.size() <= size) message += line + "\r\n";
  return message;
}

// exttest::Run, plus the implicit keep's flags: "keep*[a b]".
std::string RunShowingFlags(std::string_view script, std::string_view message = kMessage) {
  const exttest::Compiled compiled = exttest::Compile(script);
  if (compiled.program == nullptr) return "compile error: " + compiled.diagnostics;
  vm::Evaluator evaluator;
  const vm::EvalResult& result = evaluator.Evaluate(*compiled.program, message, {});
  std::string out = exttest::Describe(result);
  if (result.implicit_keep_action != nullptr) {
    const std::vector<std::string>& flags = result.implicit_keep_action->flags;
    for (size_t i = 0; i < flags.size(); ++i) {
      out += (i == 0 ? "[" : " ") + flags[i] + (i + 1 == flags.size() ? "]" : "");
    }
  }
  return out;
}

// A named script (or, where the script is fixed, a message) and what it
// should give.
struct Case {
  std::string_view name;
  std::string script;
  std::string expected;
};

TEST(Imap4flagsTest, Validation) {
  const std::string require = "require \"imap4flags\";\n";
  const std::string with_variables = "require [\"imap4flags\", \"variables\"];\n";
  const Case cases[] = {
      {"one string", require + "setflag \"frop\"; addflag \"frop\"; removeflag \"frop\";", ""},
      {"one list", require + "setflag [\"a\", \"b c\"]; addflag [\"a\"]; removeflag [\"a\"];", ""},
      {"empty list entries", require + "setflag [\"\", \"  \"];", ""},
      {"no argument", require + "setflag;",
       "2:1 missing-argument: the setflag command requires 1 positional argument, but 0 were "
       "specified\n"},
      {"a number", require + "addflag 23423;",
       "2:9 wrong-argument-type: the addflag command expects a string list as argument 1 "
       "(list of flags), but a number was found\n"},
      {"unknown tag", require + "removeflag :frop \"frop\";",
       "2:12 unknown-tag: unknown tagged argument ':frop' for the removeflag command (it takes no "
       "tagged arguments)\n"},
      {"as a test", require + "if setflag {}",
       "2:4 command-used-as-test: cannot use command 'setflag' as a test\n"},
      {"hasflag as a command", require + "hasflag \"a\";",
       "2:1 test-used-as-command: cannot use test 'hasflag' as a command\n"},
      {"not required", "setflag \"a\";",
       "1:1 missing-require: command 'setflag' needs the extension 'imap4flags', which is not "
       "required\n"},
      // §1: the variable name "MUST cause an error" without variables.
      {"variable name without variables", require + "setflag \"flagvar\" \"\\\\Seen\";",
       "2:9 missing-require: the variable name argument of 'setflag' needs the extension "
       "'variables', which is not required\n"},
      {"variable name", with_variables + "setflag \"flagvar\" \"\\\\Seen\";", ""},
      {"variable name is a string", with_variables + "addflag [\"a\", \"b\"] \"\\\\Seen\";",
       "2:9 wrong-argument-type: the addflag command expects a string as argument 1 "
       "(variable name), but a string list was found\n"},
      {"three arguments", with_variables + "setflag \"a\" \"b\" \"c\";",
       "2:17 too-many-arguments: too many arguments for the setflag command: it takes 2 "
       "positional arguments\n"},
      {"invalid variable name", with_variables + "setflag \"1a\" \"x\";",
       "2:9 invalid-flag-variable-name: '1a' is not a valid variable name for flags: use "
       "letters, digits and '_', not starting with a digit\n"},
      {"namespaced variable name", with_variables + "addflag \"ns.a\" \"x\";",
       "2:9 invalid-flag-variable-name: 'ns.a' is not a valid variable name for flags: use "
       "letters, digits and '_', not starting with a digit\n"},
      {"variable reference as a name", with_variables + "addflag \"${a}\" \"x\";",
       "2:9 invalid-flag-variable-name: '${a}' is not a valid variable name for flags: use "
       "letters, digits and '_', not starting with a digit\n"},
      // §2: invalid flags are ignored, so a constant one is only a warning.
      {"\\Recent", require + "setflag \"\\\\Seen \\\\Recent\";",
       "2:9 invalid-imap-flag: '\\Recent' is not a flag a script can set and will be ignored: "
       "only \\Answered, \\Flagged, \\Deleted, \\Seen and \\Draft can be set (RFC 5232 §2)\n"},
      {"atom-specials", require + "addflag [\"ok\", \"a(b\"];",
       "2:16 invalid-imap-flag: 'a(b' is not a flag a script can set and will be ignored: IMAP "
       "flags cannot contain control characters or any of ( ) { % * \" \\ ] (RFC 3501 §9)\n"},
      {"non-ASCII", require + "setflag \"caf\xc3\xa9\";",
       "2:9 invalid-imap-flag: 'caf\xc3\xa9' is not a flag a script can set and will be "
       "ignored: IMAP flags are ASCII (RFC 3501 §9)\n"},
      {"variables are checked when they run", with_variables + "setflag \"${x}\";", ""},
      {":flags on keep and fileinto",
       "require [\"imap4flags\", \"fileinto\"];\nkeep :flags \"\\\\Seen\";\n"
       "fileinto :flags [\"a\", \"b\"] \"box\";",
       ""},
      {":flags needs imap4flags", "keep :flags \"a\";",
       "1:6 missing-require: tagged argument ':flags' needs the extension 'imap4flags', which "
       "is not required\n"},
      {":flags needs its list", require + "keep :flags;",
       "2:6 tag-argument-missing: the ':flags' tag of the keep command must be followed by a "
       "list of flags\n"},
      {":flags twice", require + "keep :flags \"a\" :flags \"b\";",
       "2:17 duplicate-tag: tagged argument ':flags' is given more than once to the keep "
       "command\n"},
      {":flags not on redirect", require + "redirect :flags \"a\" \"x@example.com\";",
       "2:10 unknown-tag: unknown tagged argument ':flags' for the redirect command (it takes no "
       "tagged arguments)\n"},
  };
  for (const auto& c : cases) EXPECT_EQ(exttest::Diagnose(c.script), c.expected) << c.name;
}

TEST(Imap4flagsTest, FlagCommands) {
  const std::string require = "require [\"imap4flags\", \"fileinto\", \"variables\"];\n";
  const Case cases[] = {
      {"no flags at start", require, "keep*"},
      {"setflag", require + "setflag \"\\\\Seen\";", "keep*[\\Seen]"},
      {"setflag replaces", require + "setflag \"a b\"; setflag \"c\";", "keep*[c]"},
      {"addflag adds", require + "setflag \"a\"; addflag [\"b\", \"c d\"];", "keep*[a b c d]"},
      {"duplicates are dropped whatever their case",
       require + "setflag \"\\\\seen $frop \\\\SEEN $Frop\"; addflag \"\\\\Seen A a\";",
       "keep*[\\seen $frop A]"},
      {"spaces", require + "setflag \"   \\\\seen     $friep   \\\\flagged    \";",
       "keep*[\\seen $friep \\flagged]"},
      {"removeflag", require + "setflag \"\\\\seen $friep \\\\flagged\"; removeflag \"$FRIEP\";",
       "keep*[\\seen \\flagged]"},
      {"removeflag of an absent flag", require + "setflag \"a\"; removeflag [\"b\", \"\"];",
       "keep*[a]"},
      {"removeflag to nothing", require + "setflag \"a\"; removeflag \"a\";", "keep*"},
      {"setflag to nothing", require + "setflag \"a\"; setflag \"\";", "keep*"},
      {"invalid flags are ignored", require + "set \"f\" \"a (b \\\\Recent c\"; setflag \"${f}\";",
       "keep*[a c]"},
      {"flags from a variable", require + "set \"f\" \"x y\"; addflag [\"${f}\", \"z\"];",
       "keep*[x y z]"},
      // §3: a named variable holds the flags as a space-separated string.
      {"named variable",
       require + "setflag \"v\" \"\\\\seen $frop \\\\seen\"; fileinto \"[${v}]\";",
       "fileinto:[\\seen $frop]"},
      {"named variable leaves the internal one",
       require + "setflag \"v\" \"x\"; fileinto \"[${v}]\";", "fileinto:[x]"},
      {"named variable is case-insensitive",
       require + "setflag \"MyVar\" \"x\"; addflag \"MYVAR\" \"y\"; fileinto \"[${myvar}]\";",
       "fileinto:[x y]"},
      {"addflag to a variable set by set",
       require + "set \"v\" \"A B A\"; addflag \"v\" \"C b\"; fileinto \"[${v}]\";",
       "fileinto:[A B C]"},
      {"removeflag from a variable",
       require + "set \"v\" \"$frop \\\\seen $frop\"; removeflag \"v\" \"$frop\"; "
                 "fileinto \"[${v}]\";",
       "fileinto:[\\seen]"},
      {"addflag to an unset variable", require + "addflag \"v\" \"a\"; fileinto \"[${v}]\";",
       "fileinto:[a]"},
      {"setflag of a variable to nothing",
       require + "set \"v\" \"a\"; setflag \"v\" \"\"; fileinto \"[${v}]\";", "fileinto:[]"},
  };
  for (const auto& c : cases) EXPECT_EQ(RunShowingFlags(c.script), c.expected) << c.name;
}

TEST(Imap4flagsTest, FlagsOfActions) {
  const std::string require = "require [\"imap4flags\", \"fileinto\", \"copy\"];\n";
  const Case cases[] = {
      // §3: keep and fileinto without :flags use the internal variable.
      {"keep", require + "setflag \"a\"; keep;", "keep[a]"},
      {"fileinto", require + "addflag \"\\\\Flagged\"; fileinto \"box\";",
       "fileinto:box[\\Flagged]"},
      {"the value when the action is taken",
       require + "setflag \"$label1 \\\\answered\"; fileinto \"FolderA\"; setflag \"$label2\"; "
                 "fileinto \"FolderB\"; fileinto :flags \"\\\\seen \\\\draft\" \"FolderC\";",
       "fileinto:FolderA[$label1 \\answered] fileinto:FolderB[$label2] "
       "fileinto:FolderC[\\seen \\draft]"},
      // §5: only the flags of :flags.
      {":flags wins", require + "setflag \"a\"; keep :flags \"b\";", "keep[b]"},
      {":flags empty", require + "setflag \"a\"; keep :flags \"\";", "keep"},
      {":flags list", require + "fileinto :flags [\"a b\", \"c\", \"A\"] \"box\";",
       "fileinto:box[a b c]"},
      {":flags drops invalid flags", require + "keep :flags \"\\\\Recent x\";", "keep[x]"},
      {":flags does not change the internal variable",
       require + "setflag \"a\"; fileinto :copy :flags \"b\" \"box\";",
       "fileinto:box[b](copy) keep*[a]"},
      {"fileinto :copy and the implicit keep", require + "setflag \"a\"; fileinto :copy \"X\";",
       "fileinto:X[a](copy) keep*[a]"},
      {"the implicit keep takes the final value",
       require + "setflag \"a\"; fileinto :copy \"X\"; addflag \"b\";",
       "fileinto:X[a](copy) keep*[a b]"},
      {"no flags on other actions", require + "setflag \"a\"; redirect \"x@example.com\";",
       "redirect:x@example.com"},
      {"no flags on discard", require + "setflag \"a\"; discard;", "discard"},
      // §3: "the last flag list value MUST win" when duplicates are merged.
      {"duplicate keep", require + "keep :flags \"a\"; keep :flags \"b\";", "keep[b]"},
      {"duplicate keep to no flags", require + "keep :flags \"a\"; keep;", "keep"},
      {"keep and fileinto INBOX", require + "keep :flags \"a\"; fileinto :flags \"b\" \"inbox\";",
       "keep[b]"},
      // The side-effect script of Pigeonhole's suite, as the RFC reads.
      {"flags side effect",
       require + "setflag \"IMPLICIT\";\n"
                 "fileinto :flags \"\\\\Seen \\\\Draft\" \"INBOX.Junk\";\n"
                 "fileinto :flags \"NONSENSE\" \"INBOX.Junk\";\n"
                 "keep;\nkeep :flags \"\\\\Seen\";\n"
                 "fileinto :flags \"\\\\Seen\" \"Inbox.Nonsense\";\n"
                 "fileinto \"Inbox.Nonsense\";",
       "fileinto:INBOX.Junk[NONSENSE] keep[\\Seen] fileinto:Inbox.Nonsense[IMPLICIT]"},
      // A runtime error undoes everything: the message is kept as it came.
      {"runtime error", "require [\"imap4flags\", \"ihave\"];\nsetflag \"a\"; error \"stop\";",
       "error:error-command keep*"},
  };
  for (const auto& c : cases) EXPECT_EQ(RunShowingFlags(c.script), c.expected) << c.name;
}

TEST(Imap4flagsTest, InternalVariableStartsEmptyForEachMessage) {
  const exttest::Compiled compiled = exttest::Compile(
      "require \"imap4flags\";\n"
      "if header :contains \"subject\" \"flag me\" { addflag \"\\\\Flagged\"; }");
  ASSERT_NE(compiled.program, nullptr) << compiled.diagnostics;
  vm::Evaluator evaluator;
  const std::string flagged = "Subject: flag me\r\n\r\n";
  for (int round = 0; round < 2; ++round) {
    const vm::EvalResult& first = evaluator.Evaluate(*compiled.program, flagged, {});
    ASSERT_NE(first.implicit_keep_action, nullptr);
    EXPECT_EQ(first.implicit_keep_action->flags, std::vector<std::string>{"\\Flagged"});
    const vm::EvalResult& second = evaluator.Evaluate(*compiled.program, kMessage, {});
    ASSERT_NE(second.implicit_keep_action, nullptr);
    EXPECT_TRUE(second.implicit_keep_action->flags.empty());
  }
}

// A host whose messages already carry flags (an IMAP event, RFC 6785, or
// a script sequence): the internal variable starts with them.
TEST(Imap4flagsTest, InternalVariableStartsWithTheFlagsTheHostKnows) {
  class FlaggedStore : public vm::HostServices {
   public:
    std::string_view MessageFlags(const mail::Message&) const override { return "\\Seen $old"; }
  } store;
  vm::EvalOptions options;
  options.host = &store;
  const std::string require = "require [\"imap4flags\", \"fileinto\"];\n";
  EXPECT_EQ(exttest::RunScript(require + "if hasflag \"$old\" { fileinto \"Old\"; }", kMessage,
                               {}, options),
            "fileinto:Old[\\Seen $old]");
  EXPECT_EQ(exttest::RunScript(require + "removeflag \"\\\\Seen\";", kMessage, {}, options),
            "keep*");
  const exttest::Compiled compiled = exttest::Compile(require + "addflag \"new\";");
  ASSERT_NE(compiled.program, nullptr) << compiled.diagnostics;
  vm::Evaluator evaluator;
  const vm::EvalResult& r = evaluator.Evaluate(*compiled.program, kMessage, {}, options);
  ASSERT_NE(r.implicit_keep_action, nullptr);
  EXPECT_EQ(r.implicit_keep_action->flags, (std::vector<std::string>{"\\Seen", "$old", "new"}));
}

// RFC 5232 §3.1, first example.
TEST(Imap4flagsTest, Rfc5232Section3_1Setflag) {
  const std::string script =
      "require \"imap4flags\";\n"
      "if size :over 500K {\n"
      "    setflag \"\\\\Deleted\";\n"
      "}\n";
  EXPECT_EQ(RunShowingFlags(script, MessageOfSize("Subject: big", 600 * 1024)), "keep*[\\Deleted]");
  EXPECT_EQ(RunShowingFlags(script), "keep*");
}

// RFC 5232 §3.1, second example.
TEST(Imap4flagsTest, Rfc5232Section3_1Boss) {
  const std::string script =
      "require [\"fileinto\", \"imap4flags\", \"variables\"];\n"
      "if header :contains \"from\" \"boss@frobnitzm.example.edu\" {\n"
      "    setflag \"flagvar\" \"\\\\Flagged\";\n"
      "    fileinto :flags \"${flagvar}\" \"INBOX.From Boss\";\n"
      "}\n";
  EXPECT_EQ(
      RunShowingFlags(script, "From: The Boss <boss@frobnitzm.example.edu>\r\n\r\nDo it.\r\n"),
      "fileinto:INBOX.From Boss[\\Flagged]");
  EXPECT_EQ(RunShowingFlags(script), "keep*");
}

// RFC 5232 §3.2: four ways to add the same two flags.
TEST(Imap4flagsTest, Rfc5232Section3_2Addflag) {
  const std::string require = "require [\"imap4flags\", \"variables\"];\n";
  const std::string keep = "\nkeep :flags \"${flagvar}\";";
  const Case cases[] = {
      {"two actions",
       require + "addflag \"flagvar\" \"\\\\Deleted\";\naddflag \"flagvar\" \"\\\\Answered\";" +
           keep,
       "keep[\\Deleted \\Answered]"},
      {"a list", require + "addflag \"flagvar\" [\"\\\\Deleted\", \"\\\\Answered\"];" + keep,
       "keep[\\Deleted \\Answered]"},
      {"one string", require + "addflag \"flagvar\" \"\\\\Deleted \\\\Answered\";" + keep,
       "keep[\\Deleted \\Answered]"},
      // The same set; §3 leaves the order to the implementation.
      {"other order", require + "addflag \"flagvar\" \"\\\\Answered \\\\Deleted\";" + keep,
       "keep[\\Answered \\Deleted]"},
  };
  for (const auto& c : cases) EXPECT_EQ(RunShowingFlags(c.script), c.expected) << c.name;
}

// RFC 5232 §3.3.
TEST(Imap4flagsTest, Rfc5232Section3_3Removeflag) {
  const std::string script =
      "require [\"fileinto\", \"imap4flags\", \"variables\"];\n"
      "if header :contains \"Disposition-Notification-To\"\n"
      "   \"mel@example.com\" {\n"
      "    addflag \"flagvar\" \"$MDNRequired\";\n"
      "}\n"
      "if header :contains \"from\" \"imap@cac.washington.example.edu\" {\n"
      "    removeflag \"flagvar\" \"$MDNRequired\";\n"
      "    fileinto :flags \"${flagvar}\" \"INBOX.imap-list\";\n"
      "}\n";
  const Case cases[] = {
      {"both",
       "Disposition-Notification-To: mel@example.com\r\n"
       "From: imap@cac.washington.example.edu\r\n\r\nx\r\n",
       "fileinto:INBOX.imap-list"},
      {"list only", "From: imap@cac.washington.example.edu\r\n\r\nx\r\n",
       "fileinto:INBOX.imap-list"},
      {"notification only", "Disposition-Notification-To: mel@example.com\r\n\r\nx\r\n", "keep*"},
  };
  for (const auto& c : cases) EXPECT_EQ(RunShowingFlags(script, c.script), c.expected) << c.name;
}

// RFC 5232 §5.
TEST(Imap4flagsTest, Rfc5232Section5Flags) {
  const std::string require = "require [\"fileinto\", \"imap4flags\"];\n";
  EXPECT_EQ(RunShowingFlags(require + "fileinto :flags \"\\\\Deleted\" \"INBOX.From Boss\";"),
            "fileinto:INBOX.From Boss[\\Deleted]");
  EXPECT_EQ(RunShowingFlags(require + "fileinto \"INBOX.From Boss\";"), "fileinto:INBOX.From Boss");
}

// RFC 5232 §9. As published, the example has two errors: an anyof without
// the parentheses of its test list, and a command "remove", which does not
// exist (removeflag is meant).
constexpr std::string_view kExtendedExample = R"(#
# Example Sieve Filter
# Declare any optional features or extension used by the script
#
require ["fileinto", "imap4flags", "variables"];

#
# Move large messages to a special mailbox
#
if size :over 1M
        {
        addflag "MyFlags" "Big";
        if header :is "From" "boss@company.example.com"
                   {
# The message will be marked as "\Flagged Big" when filed into
# mailbox "Big messages"
                   addflag "MyFlags" "\\Flagged";
                   }
        fileinto :flags "${MyFlags}" "Big messages";
        }

if header :is "From" "grandma@example.net"
        {
        addflag "MyFlags" ["\\Answered", "$MDNSent"];
# If the message is bigger than 1Mb it will be marked as
# "Big \Answered $MDNSent" when filed into mailbox "grandma".
# If the message is shorter than 1Mb it will be marked as
# "\Answered $MDNSent"
        fileinto :flags "${MyFlags}" "GrandMa";
        }

#
# Handle messages from known mailing lists
# Move messages from IETF filter discussion list to filter folder
#
if header :is "Sender" "owner-ietf-mta-filters@example.org"
        {
        set "MyFlags" "\\Flagged $Work";
# Message will have both "\Flagged" and $Work flags
        keep :flags "${MyFlags}";
        }

#
# Keep all messages to or from people in my company
#
elsif anyof address :domain :is ["From", "To"] "company.example.com"
        {
        keep :flags "${MyFlags}"; # keep in "Inbox" folder
        }

# Try to catch unsolicited email.  If a message is not to me,
# or it contains a subject known to be spam, file it away.
#
elsif anyof (not address :all :contains
               ["To", "Cc"] "me@company.example.com",
             header :matches "subject"
               ["*make*money*fast*", "*university*dipl*mas*"])
        {
        remove "MyFlags" "\\Flagged";
        fileinto :flags "${MyFlags}" "spam";
        }
else
        {
        # Move all other external mail to "personal"
        # folder.
        fileinto :flags "${MyFlags}" "personal";
        }
)";

TEST(Imap4flagsTest, Rfc5232Section9AsPublished) {
  EXPECT_EQ(exttest::Diagnose(kExtendedExample),
            "46:13 missing-test: the anyof test requires a test list in parentheses\n"
            "59:9 unknown-command: unknown command 'remove'\n");
}

TEST(Imap4flagsTest, Rfc5232Section9) {
  std::string script(kExtendedExample);
  const auto fix = [&](std::string_view from, std::string_view to) {
    const size_t at = script.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    script.replace(at, from.size(), to);
  };
  fix("anyof address :domain :is [\"From\", \"To\"] \"company.example.com\"",
      "anyof (address :domain :is [\"From\", \"To\"] \"company.example.com\")");
  fix("remove \"MyFlags\"", "removeflag \"MyFlags\"");
  constexpr size_t kMegabyte = 1024 * 1024;
  const Case cases[] = {
      {"big, from the boss",
       MessageOfSize("From: boss@company.example.com\r\nTo: me@company.example.com\r\n",
                     kMegabyte + 10),
       "fileinto:Big messages[Big \\Flagged] keep[Big \\Flagged]"},
      {"big, from grandma",
       MessageOfSize("From: grandma@example.net\r\nTo: me@company.example.com\r\n", kMegabyte + 10),
       "fileinto:Big messages[Big] fileinto:GrandMa[Big \\Answered $MDNSent] "
       "keep[Big \\Answered $MDNSent]"},
      {"small, from grandma",
       "From: grandma@example.net\r\nTo: me@company.example.com\r\n\r\nHi!\r\n",
       "fileinto:GrandMa[\\Answered $MDNSent] keep[\\Answered $MDNSent]"},
      {"mailing list",
       "From: someone@example.org\r\nSender: owner-ietf-mta-filters@example.org\r\n"
       "To: ietf-mta-filters@example.org\r\n\r\nx\r\n",
       "keep[\\Flagged $Work]"},
      {"colleague", "From: colleague@company.example.com\r\nTo: list@example.org\r\n\r\nx\r\n",
       "keep"},
      {"not to me", "From: spammer@example.com\r\nTo: victim@example.net\r\n\r\nx\r\n",
       "fileinto:spam"},
      {"big, not to me",
       MessageOfSize("From: spammer@example.com\r\nTo: victim@example.net\r\n", kMegabyte + 10),
       "fileinto:Big messages[Big] fileinto:spam[Big]"},
      {"spam subject",
       "From: spammer@example.com\r\nTo: list@example.net\r\nCc: me@company.example.com\r\n"
       "Subject: Make lots of money fast\r\n\r\nx\r\n",
       "fileinto:spam"},
      {"personal",
       "From: friend@example.org\r\nTo: list@example.net\r\nCc: me@company.example.com\r\n"
       "Subject: dinner\r\n\r\nx\r\n",
       "fileinto:personal"},
  };
  for (const auto& c : cases) EXPECT_EQ(RunShowingFlags(script, c.script), c.expected) << c.name;
}

}  // namespace
}  // namespace sievekit::extensions
