// Tests for editor/action_forms: every action written for each profile and
// read back; commands that are no dialog action refused with the reason.
#include "editor/action_forms.h"

#include <gtest/gtest.h>

#include "parser/parser.h"

namespace sievekit::editor {
namespace {

Action A(ActionType t, std::string folder = "", std::string address = "", std::string text = "") {
  return Action{t, std::move(folder), std::move(address), std::move(text)};
}

std::optional<RecognizedActions> Read(const std::string& sieve, const ServerProfile& profile,
                                      std::string* why) {
  syntax::ParseResult r = syntax::Parse(std::make_shared<SourceFile>("t", sieve));
  EXPECT_FALSE(r.diagnostics.has_errors()) << sieve;
  std::vector<const syntax::Command*> commands;
  for (const syntax::Command& c : r.tree.commands) commands.push_back(&c);
  return RecognizeActions(r.tree, commands, profile, why);
}

TEST(ActionFormsTest, WritesAndReadsEveryAction) {
  const struct {
    Action action;
    std::string profile;
    bool suspended;
    std::string sieve;
  } cases[] = {
      {A(ActionType::kMove, "Work/2024"), "kerio", false, "fileinto \"Work/2024\";"},
      {A(ActionType::kMove, "~bob/Shared"), "cyrus", false, "fileinto \"user.bob.Shared\";"},
      {A(ActionType::kMove, "#public/Caf\xC3\xA9"), "cyrus", false, "fileinto \"Caf&AOk-\";"},
      {A(ActionType::kForward, "", "boss@example.com"), "kerio", false,
       "redirect \"boss@example.com\";"},
      {A(ActionType::kReject, "", "", "Not here."), "kerio", false, "reject \"Not here.\";"},
      {A(ActionType::kReject, "", "", "Two\nlines\n"), "kerio", false,
       "reject text:\nTwo\nlines\n.\n;"},
      {A(ActionType::kKeep), "kerio", false, "keep;"},
      {A(ActionType::kDiscard), "kerio", false, "discard;"},
      {A(ActionType::kStop), "kerio", false, "stop;"},
      {A(ActionType::kNotify, "", "john.blumonday@t-mobile.com", "$from$: $subject$ $text[50]$"),
       "kerio", false,
       "notify :method \"mailto\" :options \"john.blumonday@t-mobile.com\" :message \"$from$: "
       "$subject$ $text[50]$\";"},
      {A(ActionType::kNotify, "", "a+b@x.org", "New mail"), "dovecot", false,
       "notify :message \"New mail\" \"mailto:a+b@x.org\";"},
      {A(ActionType::kAutoreply, "", "", "I am away.\n"), "kerio", false,
       "vacation :days 7 text:\nI am away.\n.\n;"},
      {A(ActionType::kAutoreply, "", "", "Away"), "kerio", true,
       "if false { vacation :days 7 \"Away\"; }"},
  };
  for (const auto& c : cases) {
    const ServerProfile& p = *FindProfile(c.profile);
    Result<std::string> sieve = ActionToSieve(c.action, p, c.suspended, "\n");
    ASSERT_TRUE(sieve.ok()) << c.sieve;
    EXPECT_EQ(*sieve, c.sieve);
    std::string why;
    std::optional<RecognizedActions> back = Read(*sieve, p, &why);
    ASSERT_TRUE(back) << c.sieve << ": " << why;
    ASSERT_EQ(back->actions.size(), 1u);
    EXPECT_EQ(back->actions[0], c.action) << c.sieve;
    EXPECT_EQ(back->suspended_autoreply, c.suspended);
  }
  EXPECT_EQ(NotifyExtension(*FindProfile("kerio")), "notify");
  EXPECT_EQ(NotifyExtension(*FindProfile("dovecot")), "enotify");
}

TEST(ActionFormsTest, RefusesWhatHasNoForm) {
  ServerProfile silent = DefaultProfile();
  silent.notify = NotifyStyle::kNone;
  EXPECT_EQ(ActionToSieve(A(ActionType::kNotify, "", "a@b", "x"), silent, false, "\n").error().message,
            "the server profile \"kerio\" sends no notifications");
  EXPECT_EQ(ActionToSieve(A(ActionType::kMove, "a.b"), *FindProfile("cyrus"), false, "\n")
                .error()
                .message,
            "the folder name \"a.b\" contains the server's hierarchy delimiter '.'");
}

TEST(ActionFormsTest, RefusesCommandsTheDialogCannotShow) {
  const struct {
    std::string sieve;
    std::string why;
  } cases[] = {
      {"fileinto :copy \"a\";", "fileinto with other arguments than one string"},
      {"fileinto [\"a\", \"b\"];", "fileinto with other arguments than one string"},
      {"redirect :copy \"a@b\";", "redirect with other arguments than one string"},
      {"ereject \"no\";", "the ereject command"},
      {"reject \"bad\xFF\";", "a reject text with a bare line break or invalid UTF-8"},
      {"fileinto \"a\r\nb\";", "fileinto of a name with a line break or invalid UTF-8"},
      {"fileinto \"a//b\";",
       "the mailbox name of this fileinto (\"a//b\" is not a folder name this server profile "
       "writes)"},
      {"keep :flags \"x\";", "keep with arguments"},
      {"vacation :days 3 \"x\";", "a vacation command other than a weekly autoreply"},
      {"vacation :days 7 :subject \"s\" \"x\";", "a vacation command other than a weekly autoreply"},
      {"notify :method \"mailto\" :options [\"a@b\", \"c@d\"] :message \"m\";",
       "a notify command with other arguments than an address and a text"},
      {"notify :importance \"1\" :message \"m\" \"mailto:a@b\";",
       "a notify command with other arguments than an address and a text"},
      {"notify :message \"m\" \"xmpp:a@b\";",
       "a notify command with other arguments than an address and a text"},
      {"if true { keep; }", "a nested if"},
      {"if false { vacation :days 7 \"x\"; stop; }", "a nested if"},
      {"set \"a\" \"b\";", "the set command"},
  };
  for (const auto& c : cases) {
    std::string why;
    EXPECT_FALSE(Read(c.sieve, DefaultProfile(), &why)) << c.sieve;
    EXPECT_EQ(why, c.why) << c.sieve;
  }
}

TEST(ActionFormsTest, ReadsSequences) {
  std::string why;
  std::optional<RecognizedActions> r =
      Read("fileinto \"a\"; redirect \"b@c\"; keep; stop;", DefaultProfile(), &why);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->actions.size(), 4u);
  EXPECT_EQ(r->actions[3].type, ActionType::kStop);
  r = Read("", DefaultProfile(), &why);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->actions.empty());
}

}  // namespace
}  // namespace sievekit::editor
