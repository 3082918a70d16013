// Tests for extensions/testsuite/testsuite_host: the in-memory mail store
// (failures, :create, INBOX names, flags and the attachment keyword), the
// script sequence (draft-degener-sieve-multiscript), the mapping of
// upstream settings, and the errors of a failed compilation.
#include "extensions/testsuite/testsuite_host.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "extensions/all_extensions.h"

namespace sievekit::extensions {
namespace {

namespace fs = std::filesystem;

// A folder of scripts for one test, and a host whose test file is in it.
class TestsuiteHostTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(SIEVEKIT_BINARY_DIR) / "testsuite_host_test" /
           testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::create_directories(dir_);
    host_ = std::make_unique<TestsuiteHost>(DefaultRegistry(), (dir_ / "t.svtest").string());
  }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }

  // The flags of message `index` of `mailbox`, or "(none)".
  std::string StoredFlags(const std::string& mailbox, size_t index) {
    if (!host_->SelectStoredMessage(mailbox, index)) return "(none)";
    return std::string(host_->MessageFlags(host_->message()));
  }

  static vm::Action Fileinto(std::string mailbox, std::vector<std::string> flags = {}) {
    vm::Action a;
    a.type = "fileinto";
    a.disposition = vm::Disposition::kDelivers;
    a.cancels_implicit_keep = true;
    a.mailbox = std::move(mailbox);
    a.flags = std::move(flags);
    return a;
  }

  fs::path dir_;
  std::unique_ptr<TestsuiteHost> host_;
};

TEST_F(TestsuiteHostTest, StoringIntoAMissingMailboxFailsAndKeeps) {
  vm::ActionList result;
  result.Append() = Fileinto("FROP");
  EXPECT_FALSE(host_->Execute(result));
  ASSERT_EQ(host_->errors().size(), 1u);
  EXPECT_EQ(host_->errors()[0],
            "failed to store into mailbox 'FROP': the mailbox does not exist");
  // RFC 5228 §2.10.6: the message is not lost.
  EXPECT_EQ(StoredFlags("INBOX", 0), "$HasNoAttachment");
}

TEST_F(TestsuiteHostTest, MailboxNames) {
  const struct {
    std::string mailbox;
    bool create;
    bool ok;
    std::string error;
  } cases[] = {
      {"New", true, true, ""},
      {"Inbox", false, true, ""},
      {"inbox.Lists", true, true, ""},
      {"foo//somedomain/org", true, false,
       "failed to store into mailbox 'foo//somedomain/org': the name has an empty hierarchy "
       "level"},
      {".hidden", true, false,
       "failed to store into mailbox '.hidden': the name has an empty hierarchy level"},
      {"\xFFrop", true, false,
       "failed to store into mailbox '\xFFrop': the name is not valid UTF-8"},
  };
  for (const auto& c : cases) {
    vm::ActionList result;
    result.Append() = Fileinto(c.mailbox);
    if (c.create) result.all().back().SetParam("create", true);
    EXPECT_EQ(host_->Execute(result), c.ok) << c.mailbox;
    EXPECT_EQ(host_->errors().empty() ? "" : host_->errors()[0], c.error) << c.mailbox;
  }
  EXPECT_TRUE(host_->MailboxExists("INBOX.Lists").value_or(false));  // INBOX is case-insensitive
  EXPECT_TRUE(host_->MailboxExists("INBOX").value_or(false));
  EXPECT_TRUE(host_->MailboxExists("New").value_or(false));
  EXPECT_FALSE(host_->MailboxExists("new").value_or(true));  // other names are exact
}

TEST_F(TestsuiteHostTest, StoredFlagsAndAttachmentKeyword) {
  host_->CreateMailbox("Box");
  vm::ActionList result;
  result.Append() = Fileinto("Box", {"\\Seen", "$label"});
  ASSERT_TRUE(host_->Execute(result));
  EXPECT_EQ(StoredFlags("Box", 0), "\\Seen $label $HasNoAttachment");
  host_->SetMessage(
      "From: a@example.com\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
      "--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
      "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; "
      "filename=a.pdf\r\n\r\nxx\r\n--b--\r\n");
  result.Clear();
  result.Append() = Fileinto("Box");
  ASSERT_TRUE(host_->Execute(result));
  EXPECT_EQ(StoredFlags("Box", 1), "$HasAttachment");
  EXPECT_EQ(StoredFlags("Box", 2), "(none)");
  // A message set by the test has no flags.
  host_->SetMessage("Subject: x\r\n\r\n");
  EXPECT_EQ(host_->MessageFlags(host_->message()), "");
}

TEST_F(TestsuiteHostTest, SequencePassesTheKeptMessageOnWithItsFlags) {
  Write("flag.sieve", "require \"imap4flags\";\nsetflag \"$label1 \\\\answered\";\n");
  Write("file.sieve", "require [\"fileinto\", \"mailbox\"];\nfileinto :create \"folder\";\n");
  vm::ActionList result;
  ASSERT_TRUE(host_->RunSequence({"flag.sieve", "file.sieve"}, result));
  ASSERT_EQ(result.size(), 1u);
  EXPECT_EQ(result.all()[0].mailbox, "folder");
  ASSERT_TRUE(host_->Execute(result));
  EXPECT_EQ(StoredFlags("folder", 0), "$label1 \\answered $HasNoAttachment");
  EXPECT_EQ(StoredFlags("INBOX", 0), "(none)");  // the first script's keep stored nothing
}

TEST_F(TestsuiteHostTest, SequenceStopsWhenTheMessageIsNotKept) {
  Write("spam.sieve", "require \"fileinto\";\nfileinto \"Spam\";\n");
  Write("keep.sieve", "keep;\n");
  vm::ActionList result;
  ASSERT_TRUE(host_->RunSequence({"spam.sieve", "keep.sieve"}, result));
  ASSERT_EQ(result.size(), 1u);
  EXPECT_EQ(result.all()[0].type, "fileinto");
  // An explicit keep continues the sequence; it is the last script's keep
  // that stores.
  Write("also.sieve", "require \"fileinto\";\nfileinto \"Lists\";\nkeep;\n");
  ASSERT_TRUE(host_->RunSequence({"also.sieve", "keep.sieve"}, result));
  ASSERT_EQ(result.size(), 2u);
  EXPECT_EQ(result.all()[0].type, "fileinto");
  EXPECT_FALSE(result.all()[0].cancels_implicit_keep);
  EXPECT_EQ(result.all()[1].type, "keep");
}

TEST_F(TestsuiteHostTest, FailedCompilationListsEveryErrorAndOneMore) {
  std::string script;
  for (int i = 0; i < 30; ++i) script += "frop;\n";  // more than the default cap of 20
  Write("bad.sieve", script);
  EXPECT_FALSE(host_->Compile("bad.sieve"));
  ASSERT_EQ(host_->errors().size(), 31u);
  EXPECT_EQ(host_->errors().back(), "script compilation failed");
}

TEST_F(TestsuiteHostTest, UpstreamSettings) {
  EXPECT_EQ(host_->run_options().limits.max_actions, 32u);  // upstream's default
  EXPECT_EQ(host_->run_options().host, host_.get());
  host_->SetConfig("recipient_delimiter", "+-_");
  host_->SetConfig("sieve_max_cpu_time", "2s");
  host_->SetConfig("sieve_variables_max_scope_size", "10");
  host_->ReloadConfig();
  EXPECT_EQ(host_->run_options().subaddress_separators, "+-_");
  EXPECT_EQ(host_->run_options().limits.max_cpu_time_ms, 2000u);
  EXPECT_EQ(host_->run_options().limits.max_variables, 10u);
  // The test file's own evaluation has the settings but no time limit.
  EXPECT_EQ(host_->file_options().subaddress_separators, "+-_");
  EXPECT_EQ(host_->file_options().limits.max_cpu_time_ms, 0u);
  for (const auto& [text, ms] : std::vector<std::pair<std::string, uint32_t>>{
           {"500ms", 500}, {"3", 3000}, {"1m", 60000}}) {
    host_->SetConfig("sieve_max_cpu_time", text);
    host_->ReloadConfig();
    EXPECT_EQ(host_->run_options().limits.max_cpu_time_ms, ms) << text;
  }
  host_->UnsetConfig("sieve_max_cpu_time");
  host_->ReloadConfig();
  EXPECT_EQ(host_->run_options().limits.max_cpu_time_ms, 0u);
}

}  // namespace
}  // namespace sievekit::extensions
