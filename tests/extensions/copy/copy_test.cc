// Tests for extensions/copy (RFC 3894): :copy on fileinto and redirect keeps
// the implicit keep, combines with the other actions and with duplicate
// merging, and is rejected where RFC 3894 does not allow it.
#include "extensions/copy/copy.h"

#include <gtest/gtest.h>

#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions {
namespace {

using exttest::Diagnose;
using exttest::RunScript;

const std::string kMessage =
    "From: someone@example.org\r\n"
    "Subject: MAKE MONEY FAST!!!\r\n"
    "\r\n"
    "body\r\n";

TEST(CopyTest, Rfc3894Examples) {
  // §3: "fileinto :copy" files a copy and leaves the implicit keep.
  EXPECT_EQ(RunScript(R"(require ["copy", "fileinto"];
fileinto :copy "incoming";

# ... more processing follows ...
)",
                      kMessage),
            "fileinto:incoming(copy) keep*");
  // §1: with :copy a later discard still works, unlike an explicit keep.
  const std::string with_copy = R"(require ["copy", "fileinto"];
fileinto :copy "unfiltered";
if header "Subject" "MAKE MONEY FAST!!!"
{
        discard;
}
)";
  EXPECT_EQ(RunScript(with_copy, kMessage), "fileinto:unfiltered(copy) discard");
  EXPECT_EQ(RunScript(with_copy, "Subject: hello\r\n\r\n"), "fileinto:unfiltered(copy) keep*");
  EXPECT_EQ(RunScript(R"(require ["fileinto"];
fileinto "unfiltered";
keep;
if header "Subject" "MAKE MONEY FAST!!!"
{
        discard;
}
)",
                      kMessage),
            "fileinto:unfiltered keep discard");
}

TEST(CopyTest, Semantics) {
  const struct {
    std::string_view name;
    std::string_view script;
    std::string_view actions;
  } cases[] = {
      {"redirect :copy", R"(require "copy"; redirect :copy "a@example.com";)",
       "redirect:a@example.com(copy) keep*"},
      {"without :copy the implicit keep goes",
       R"(require ["copy", "fileinto"]; fileinto "a"; redirect "b@example.com";)",
       "fileinto:a redirect:b@example.com"},
      {"only the tagged command is a copy",
       R"(require ["copy", "fileinto"]; fileinto :copy "a"; redirect "b@example.com";)",
       "fileinto:a(copy) redirect:b@example.com"},
      {"copies only", R"(require ["copy", "fileinto"];
          fileinto :copy "a"; redirect :copy "b@example.com"; fileinto :copy "c";)",
       "fileinto:a(copy) redirect:b@example.com(copy) fileinto:c(copy) keep*"},
      {"copy then explicit keep", R"(require ["copy", "fileinto"]; fileinto :copy "a"; keep;)",
       "fileinto:a(copy) keep"},
      // Duplicates are one action; a plain one cancels the implicit keep.
      {"copy then plain to the same mailbox",
       R"(require ["copy", "fileinto"]; fileinto :copy "a"; fileinto "a";)", "fileinto:a"},
      {"plain then copy to the same mailbox",
       R"(require ["copy", "fileinto"]; fileinto "a"; fileinto :copy "a";)", "fileinto:a"},
      {"copy twice", R"(require ["copy", "fileinto"]; fileinto :copy "a"; fileinto :copy "a";)",
       "fileinto:a(copy) keep*"},
      {"redirect copy then plain",
       R"(require "copy"; redirect :copy "a@example.com"; redirect "a@example.com";)",
       "redirect:a@example.com"},
      {"stop after a copy keeps", R"(require "copy"; redirect :copy "a@example.com"; stop;)",
       "redirect:a@example.com(copy) keep*"},
      {"a copy redirect still counts for the limit", R"(require "copy";
          redirect :copy "a@example.com"; redirect :copy "b@example.com";
          redirect :copy "c@example.com"; redirect :copy "d@example.com";
          redirect :copy "e@example.com";)",
       "error:max-redirects keep*"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RunScript(c.script, kMessage), c.actions) << c.name;
  }
}

TEST(CopyTest, CompileErrors) {
  const struct {
    std::string_view name;
    std::string_view script;
    std::string_view diagnostics;
  } cases[] = {
      {"valid",
       "require [\"copy\", \"fileinto\"];\nfileinto :copy \"a\"; redirect :COPY \"b@x.example\";",
       ""},
      {"not required", "require \"fileinto\";\nfileinto :copy \"a\";",
       "2:10 missing-require: tagged argument ':copy' needs the extension 'copy', which is not "
       "required\n"},
      {"not on keep", "require \"copy\";\nkeep :copy;",
       "2:6 unknown-tag: unknown tagged argument ':copy' for the keep command (it takes no tagged arguments)\n"},
      {"not on discard", "require \"copy\";\ndiscard :copy;",
       "2:9 unknown-tag: unknown tagged argument ':copy' for the discard command (it takes no tagged arguments)\n"},
      {"twice", "require \"copy\";\nredirect :copy :copy \"a@example.com\";",
       "2:16 duplicate-tag: tagged argument ':copy' is given more than once to the redirect "
       "command\n"},
      {"after the positional argument", "require \"copy\";\nredirect \"a@example.com\" :copy;",
       "2:26 tag-after-positional: unexpected tagged argument ':copy' after the positional "
       "arguments of the redirect command\n"},
      {"takes no parameter", "require [\"copy\", \"fileinto\"];\nfileinto :copy \"a\" \"b\";",
       "2:20 too-many-arguments: too many arguments for the fileinto command: it takes 1 "
       "positional argument\n"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Diagnose(c.script), c.diagnostics) << c.name;
  }
}

}  // namespace
}  // namespace sievekit::extensions
