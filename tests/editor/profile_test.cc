// Tests for editor/profile: built-in profiles and the exact folder ⇄
// mailbox mapping (namespaces, delimiters, encodings).
#include "editor/profile.h"

#include <gtest/gtest.h>

namespace sievekit::editor {
namespace {

TEST(ProfileTest, BuiltinProfiles) {
  EXPECT_EQ(DefaultProfile().name, "kerio");
  EXPECT_EQ(ProfileNames(), "kerio, dovecot, cyrus, rfc");
  ASSERT_NE(FindProfile("cyrus"), nullptr);
  EXPECT_EQ(FindProfile("cyrus")->delimiter, '.');
  EXPECT_EQ(FindProfile("cyrus")->folder_encoding, FolderEncoding::kModifiedUtf7);
  EXPECT_EQ(FindProfile("dovecot")->notify, NotifyStyle::kEnotify);
  EXPECT_EQ(FindProfile("kerio")->notify, NotifyStyle::kLegacy);
  EXPECT_EQ(FindProfile("rfc")->spam, SpamStyle::kSpamtestPlus);
  // No built-in profile writes what this engine's check refuses (RFC 5703).
  for (const ServerProfile& p : BuiltinProfiles()) {
    EXPECT_NE(p.attachment, AttachmentStyle::kMime) << p.name;
  }
  EXPECT_EQ(FindProfile("exchange"), nullptr);
}

TEST(ProfileTest, FoldersMapToMailboxesAndBack) {
  const struct {
    std::string profile;
    std::string folder;
    std::string mailbox;
  } cases[] = {
      {"kerio", "Junk", "Junk"},
      {"kerio", "Work/2024", "Work/2024"},
      {"kerio", "~bob/Shared", "~bob/Shared"},
      {"kerio", "#public/News", "#public/News"},
      {"kerio", "Entw\xC3\xBC" "rfe", "Entw\xC3\xBC" "rfe"},
      {"kerio", "v1.2", "v1.2"},
      {"dovecot", "Work/2024", "Work/2024"},
      {"dovecot", "~bob/Shared/Deep", "shared/bob/Shared/Deep"},
      {"dovecot", "#public/News", "Public/News"},
      {"cyrus", "INBOX", "INBOX"},
      {"cyrus", "Work/2024", "INBOX.Work.2024"},
      {"cyrus", "~bob/Shared", "user.bob.Shared"},
      {"cyrus", "#public/News", "News"},
      {"cyrus", "Entw\xC3\xBC" "rfe", "INBOX.Entw&APw-rfe"},
      {"cyrus", "Tom & Jerry", "INBOX.Tom &- Jerry"},
      {"rfc", "~bob/x", "Other Users/bob/x"},
      {"rfc", "#public/x", "Shared Folders/x"},
  };
  for (const auto& c : cases) {
    const ServerProfile& p = *FindProfile(c.profile);
    Result<std::string> mailbox = FolderToMailbox(c.folder, p);
    ASSERT_TRUE(mailbox.ok()) << c.folder << ": " << mailbox.error().message;
    EXPECT_EQ(*mailbox, c.mailbox) << c.profile;
    Result<std::string> folder = MailboxToFolder(c.mailbox, p);
    ASSERT_TRUE(folder.ok()) << c.mailbox << ": " << folder.error().message;
    EXPECT_EQ(*folder, c.folder) << c.profile;
  }
}

TEST(ProfileTest, RefusesFoldersItCannotWrite) {
  const struct {
    std::string profile;
    std::string folder;
    std::string error;
  } cases[] = {
      {"kerio", "", "the folder name is empty"},
      {"kerio", "a//b", "the folder name \"a//b\" has an empty component"},
      {"kerio", "/a", "the folder name \"/a\" has an empty component"},
      {"kerio", "a/", "the folder name \"a/\" has an empty component"},
      {"kerio", "~/x", "\"~/x\" names no user after '~'"},
      {"kerio", "~bob", "\"~bob\" names no folder after '~bob'"},
      {"kerio", "#public", "\"#public\" names no folder after '#public'"},
      {"kerio", "a\nb", "the folder name contains a control character"},
      {"kerio", "bad\xFF", "the folder name is not valid UTF-8"},
      {"cyrus", "v1.2", "the folder name \"v1.2\" contains the server's hierarchy delimiter '.'"},
  };
  for (const auto& c : cases) {
    Result<std::string> mailbox = FolderToMailbox(c.folder, *FindProfile(c.profile));
    ASSERT_FALSE(mailbox.ok()) << c.folder;
    EXPECT_EQ(mailbox.error().message, c.error);
  }
  EXPECT_EQ(FolderProblem("Work/Projects"), "");
}

TEST(ProfileTest, RefusesMailboxesItWouldNotWrite) {
  const struct {
    std::string profile;
    std::string mailbox;
    std::string error;
  } cases[] = {
      {"cyrus", "INBOX.caf\xC3\xA9",
       "\"INBOX.caf\xC3\xA9\" is not a modified UTF-7 mailbox name: byte 0xC3 at 9 must be encoded"},
      {"cyrus", "INBOX.a/b", "\"INBOX.a/b\" has a '/' inside a folder name"},
      {"cyrus", "INBOX..x", "\"INBOX..x\" is not a folder name this server profile writes"},
      {"kerio", "", "\"\" is not a folder name this server profile writes"},
      {"kerio", "a//b", "\"a//b\" is not a folder name this server profile writes"},
  };
  for (const auto& c : cases) {
    Result<std::string> folder = MailboxToFolder(c.mailbox, *FindProfile(c.profile));
    ASSERT_FALSE(folder.ok()) << c.mailbox;
    EXPECT_EQ(folder.error().message, c.error);
  }
  ServerProfile strict = *FindProfile("dovecot");
  strict.personal_prefix = "INBOX/";
  Result<std::string> outside = MailboxToFolder("Elsewhere", strict);
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().message, "\"Elsewhere\" is in none of the server's namespaces");
}

}  // namespace
}  // namespace sievekit::editor
