// Tests for delivery/notify: composing notification messages from notify
// actions — the exact message, RFC 5436's example, every loop-protection
// rule, duplicate recipients, envelope senders, importance, subjects and
// their limit, and the legacy notify's mailto method.
#include "delivery/notify.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace sievekit::delivery {
namespace {

constexpr std::string_view kTrigger =
    "Return-Path: <jeff@hobbies.example.com>\r\n"
    "From: \"Jeff Smith\" <jeff@hobbies.example.com>\r\n"
    "To: recipient@example.org\r\n"
    "Subject: A new sweater\r\n"
    "\r\n"
    "I just finished a great new sweater!\r\n";

vm::Action Enotify(std::string method, std::optional<std::string> message = std::nullopt,
                   std::string importance = "2", std::optional<std::string> from = std::nullopt) {
  vm::Action a;
  a.type = "notify";
  a.SetParam("capability", std::string("enotify"));
  a.SetParam("method", std::move(method));
  if (from) a.SetParam("from", *from);
  a.SetParam("importance", std::move(importance));
  if (message) a.SetParam("message", *message);
  return a;
}

vm::Action Legacy(std::vector<std::string> options, std::string message,
                  std::string method = "mailto") {
  vm::Action a;
  a.type = "notify";
  a.SetParam("capability", std::string("notify"));
  a.SetParam("method", std::move(method));
  a.SetParam("importance", std::string("2"));
  a.SetParam("options", std::move(options));
  a.SetParam("message", std::move(message));
  return a;
}

NotifyOptions FixedOptions() {
  NotifyOptions options;
  options.date = "Wed, 7 Dec 2005 05:08:55 -0500";
  options.host_name = "mail.example.org";
  return options;
}

mail::Envelope Envelope(std::string from = "<jeff@hobbies.example.com>",
                        std::string to = "<recipient@example.org>") {
  mail::Envelope e;
  e.mail_from = std::move(from);
  e.rcpt_to = std::move(to);
  return e;
}

// The message with its random Message-ID replaced by "<ID>".
std::string Masked(const std::string& bytes) {
  return std::regex_replace(bytes, std::regex("Message-ID: <[^>]*>"), "Message-ID: <ID>");
}

struct Composed {
  std::vector<Notification> notifications;
};

Composed Compose(std::string_view trigger, const std::vector<vm::Action>& actions,
                 const mail::Envelope& envelope = Envelope(),
                 NotifyOptions options = FixedOptions()) {
  mail::Message message;
  const std::string bytes(trigger);
  message.Parse(bytes);
  NotificationComposer composer(message, envelope, std::move(options));
  Composed out;
  for (const vm::Action& a : actions) out.notifications.push_back(composer.Compose(a));
  return out;
}

TEST(NotifyTest, ComposesTheWholeMessage) {
  const Composed c = Compose(kTrigger, {Enotify("mailto:alm@example.com", "Sweater!", "1")});
  ASSERT_EQ(c.notifications.size(), 1u);
  const Notification& n = c.notifications[0];
  EXPECT_TRUE(n.sent);
  EXPECT_EQ(n.suppressed_by, "");
  EXPECT_EQ(n.to, std::vector<std::string>{"alm@example.com"});
  ASSERT_EQ(n.messages.size(), 1u);
  EXPECT_EQ(n.messages[0].mail_from, "postmaster@mail.example.org");
  EXPECT_EQ(n.messages[0].rcpt_to, "alm@example.com");
  EXPECT_EQ(Masked(n.messages[0].bytes),
            "Auto-Submitted: auto-notified; owner-email=\"recipient@example.org\"\r\n"
            "X-Sieve: sievekit; notify (RFC 5435, mailto)\r\n"
            "Message-ID: <ID>\r\n"
            "Date: Wed, 7 Dec 2005 05:08:55 -0500\r\n"
            "From: recipient@example.org\r\n"
            "To: alm@example.com\r\n"
            "Subject: Sweater!\r\n"
            "X-Priority: 1 (Highest)\r\n"
            "Importance: high\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 7bit\r\n"
            "\r\n"
            "Sweater!\r\n");
}

// RFC 5436 §3: the knitting list example, with :message built by the
// script ("From ${1} list: ${2}").
TEST(NotifyTest, Rfc5436Example) {
  const Composed c =
      Compose(kTrigger, {Enotify("mailto:0123456789@sms.example.net?to=backup@example.com",
                                 "From Knitting list: A new sweater", "3")});
  const Notification& n = c.notifications[0];
  ASSERT_TRUE(n.sent);
  EXPECT_EQ(n.to, (std::vector<std::string>{"0123456789@sms.example.net", "backup@example.com"}));
  ASSERT_EQ(n.messages.size(), 2u);
  EXPECT_EQ(n.messages[1].rcpt_to, "backup@example.com");
  EXPECT_EQ(n.messages[0].bytes, n.messages[1].bytes);
  const std::string& m = n.messages[0].bytes;
  EXPECT_EQ(m.find("Auto-Submitted: auto-notified; owner-email=\"recipient@example.org\"\r\n"), 0u);
  EXPECT_NE(m.find("\r\nFrom: recipient@example.org\r\n"), std::string::npos);
  EXPECT_NE(m.find("\r\nTo: 0123456789@sms.example.net,\r\n backup@example.com\r\n"),
            std::string::npos);
  EXPECT_NE(m.find("\r\nSubject: From Knitting list: A new sweater\r\n"), std::string::npos);
  EXPECT_NE(m.find("\r\nX-Priority: 5 (Lowest)\r\nImportance: low\r\n"), std::string::npos);
  EXPECT_EQ(m.find("Received:"), std::string::npos);
}

TEST(NotifyTest, LoopProtection) {
  struct Case {
    std::string_view header;
    std::string suppressed_by;
  };
  const Case cases[] = {
      {"Auto-Submitted: auto-notified\r\n", "notification"},
      {"Auto-Submitted: Auto-Notified; owner-email=\"x@example.com\"\r\n", "notification"},
      {"Auto-Submitted: auto-replied\r\n", "auto-submitted"},
      {"Auto-Submitted: auto-generated\r\n", "auto-submitted"},
      {"Auto-Submitted: auto-notify\r\n", "auto-submitted"},
      {"Auto-Submitted: no\r\n", ""},
      {"Auto-Submitted: No (a person wrote it)\r\n", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    const std::string trigger = std::string(c.header) + std::string(kTrigger);
    const Composed composed = Compose(trigger, {Enotify("mailto:alm@example.com")});
    const Notification& n = composed.notifications[0];
    EXPECT_EQ(n.suppressed_by, c.suppressed_by) << c.header;
    EXPECT_EQ(n.sent, c.suppressed_by.empty()) << c.header;
    EXPECT_EQ(n.messages.size(), c.suppressed_by.empty() ? 1u : 0u) << c.header;
    // A suppressed notification still says whom it would have notified.
    EXPECT_EQ(n.to, std::vector<std::string>{"alm@example.com"}) << c.header;
  }
  // The legacy notify obeys the same rules.
  const Composed legacy = Compose("Auto-Submitted: auto-replied\r\n" + std::string(kTrigger),
                                  {Legacy({"sms@example.net"}, "hi")});
  EXPECT_EQ(legacy.notifications[0].suppressed_by, "auto-submitted");
}

TEST(NotifyTest, NoRecipientIsNotifiedTwice) {
  const Composed c = Compose(
      kTrigger, {Enotify("mailto:timo@example.com%2cstephan@example.net?cc=stephan@example.net"),
                 Enotify("mailto:stephan@example.org?cc=timo@example.com"),
                 Enotify("mailto:TIMO@example.com"), Enotify("mailto:")});
  EXPECT_EQ(c.notifications[0].to,
            (std::vector<std::string>{"timo@example.com", "stephan@example.net"}));
  EXPECT_EQ(c.notifications[0].messages[0].bytes.find("Cc:"), std::string::npos);
  EXPECT_EQ(c.notifications[1].to, std::vector<std::string>{"stephan@example.org"});
  EXPECT_EQ(c.notifications[1].messages[0].bytes.find("Cc:"), std::string::npos);
  EXPECT_FALSE(c.notifications[2].sent);
  EXPECT_EQ(c.notifications[2].suppressed_by, "duplicate");
  EXPECT_EQ(c.notifications[3].suppressed_by, "no-recipients");
}

TEST(NotifyTest, UnsupportedAndInvalidMethods) {
  const Composed c = Compose(kTrigger, {Enotify("tel:+14085551212"), Enotify("mailto:a b"),
                                        Legacy({"a@example.com"}, "x", "zephyr")});
  EXPECT_EQ(c.notifications[0].suppressed_by, "unsupported-method");
  EXPECT_EQ(c.notifications[1].suppressed_by, "invalid-method");
  EXPECT_EQ(c.notifications[2].suppressed_by, "unsupported-method");
}

TEST(NotifyTest, EnvelopeSender) {
  using From = NotifyOptions::EnvelopeFrom;
  struct Case {
    From rule;
    std::string trigger_sender;
    bool with_from_tag;
    std::string expected;
  };
  const Case cases[] = {
      {From::kFromTag, "<jeff@hobbies.example.com>", false, "postmaster@mail.example.org"},
      {From::kFromTag, "<jeff@hobbies.example.com>", true, "nico@frop.example.org"},
      {From::kSender, "<jeff@hobbies.example.com>", true, "jeff@hobbies.example.com"},
      {From::kRecipient, "<jeff@hobbies.example.com>", true, "recipient@example.org"},
      {From::kOriginalRecipient, "<jeff@hobbies.example.com>", true, "orig@example.org"},
      {From::kUserEmail, "<jeff@hobbies.example.com>", true, "user@example.org"},
      {From::kExplicit, "<jeff@hobbies.example.com>", true, "bounces@example.org"},
      // RFC 5436 §2.7: a null sender stays null, whatever the rule.
      {From::kFromTag, "<>", true, ""},
      {From::kUserEmail, "", false, ""},
  };
  for (const Case& c : cases) {
    NotifyOptions options = FixedOptions();
    options.envelope_from = c.rule;
    options.user_email = "user@example.org";
    options.explicit_from = "<bounces@example.org>";
    mail::Envelope envelope = Envelope(c.trigger_sender);
    envelope.original_recipient = "<orig@example.org>";
    const Composed composed = Compose(
        kTrigger,
        {Enotify("mailto:a@example.com", std::nullopt, "2",
                 c.with_from_tag ? std::optional<std::string>("nico@frop.example.org")
                                 : std::nullopt)},
        envelope, options);
    ASSERT_EQ(composed.notifications[0].messages.size(), 1u);
    EXPECT_EQ(composed.notifications[0].messages[0].mail_from, c.expected)
        << static_cast<int>(c.rule) << " " << c.trigger_sender;
  }
}

TEST(NotifyTest, FromHeader) {
  NotifyOptions options = FixedOptions();
  EXPECT_EQ(Compose(kTrigger, {Enotify("mailto:a@example.com", {}, "2", "Me <me@example.org>")})
                .notifications[0]
                .from,
            "Me <me@example.org>");
  EXPECT_EQ(Compose(kTrigger, {Enotify("mailto:a@example.com")}).notifications[0].from,
            "recipient@example.org");
  options.user_email = "owner@example.org";
  const Composed owned = Compose(kTrigger, {Enotify("mailto:a@example.com")}, Envelope(), options);
  EXPECT_EQ(owned.notifications[0].from, "owner@example.org");
  EXPECT_NE(owned.notifications[0].messages[0].bytes.find("owner-email=\"owner@example.org\""),
            std::string::npos);
  const Composed anonymous =
      Compose(kTrigger, {Enotify("mailto:a@example.com")}, Envelope("<j@example.com>", ""));
  EXPECT_EQ(anonymous.notifications[0].from, "postmaster@mail.example.org");
}

TEST(NotifyTest, Importance) {
  const std::pair<std::string, std::string> cases[] = {
      {"1", "X-Priority: 1 (Highest)\r\nImportance: high\r\n"},
      {"2", "X-Priority: 3 (Normal)\r\nImportance: normal\r\n"},
      {"3", "X-Priority: 5 (Lowest)\r\nImportance: low\r\n"},
  };
  for (const auto& [importance, headers] : cases) {
    const Composed c = Compose(kTrigger, {Enotify("mailto:a@example.com", {}, importance)});
    EXPECT_NE(c.notifications[0].messages[0].bytes.find(headers), std::string::npos)
        << importance;
    EXPECT_EQ(c.notifications[0].importance, importance);
  }
}

TEST(NotifyTest, SubjectAndBody) {
  // :message, else the URI's subject, else the trigger's (RFC 5436 §2.7).
  const Composed c = Compose(
      kTrigger, {Enotify("mailto:a@example.com?subject=URI%20subject&body=URI%20body", "Msg"),
                 Enotify("mailto:b@example.com?subject=URI%20subject"),
                 Enotify("mailto:c@example.com")});
  EXPECT_EQ(c.notifications[0].subject, "Msg");
  EXPECT_NE(c.notifications[0].messages[0].bytes.find("\r\n\r\nURI body\r\n"), std::string::npos);
  EXPECT_EQ(c.notifications[1].subject, "URI subject");
  EXPECT_EQ(c.notifications[1].message, "URI subject");
  EXPECT_EQ(c.notifications[2].subject, "A new sweater");
  // The message text is the body when the URI has none.
  const std::string& body_only = c.notifications[1].messages[0].bytes;
  EXPECT_EQ(body_only.substr(body_only.size() - 4), "\r\n\r\n");
}

TEST(NotifyTest, OneCharacterMessage) {
  // A text shorter than a line end once crashed the composer.
  const Composed c = Compose(kTrigger, {Enotify("mailto:a@example.com", "x")});
  const std::string& bytes = c.notifications[0].messages[0].bytes;
  EXPECT_EQ(bytes.substr(bytes.size() - 7), "\r\n\r\nx\r\n");
}

TEST(NotifyTest, LongSubjectIsCutWithAnEllipsis) {
  std::string long_message;
  for (int i = 0; i < 300; ++i) long_message += "\xe4\xb8\x83";  // U+4E03, 3 bytes
  NotifyOptions options = FixedOptions();
  options.max_subject_characters = 10;
  const Composed c =
      Compose(kTrigger, {Enotify("mailto:a@example.com", long_message)}, Envelope(), options);
  std::string expected;
  for (int i = 0; i < 9; ++i) expected += "\xe4\xb8\x83";
  expected += "\xe2\x80\xa6";
  EXPECT_EQ(c.notifications[0].subject, expected);
  EXPECT_EQ(c.notifications[0].message, long_message);  // kept whole in the body
  const std::string& m = c.notifications[0].messages[0].bytes;
  EXPECT_NE(m.find("Subject: =?UTF-8?"), std::string::npos);
  EXPECT_NE(m.find("Content-Transfer-Encoding: 8bit"), std::string::npos);
}

TEST(NotifyTest, Utf8DisplayNamesAreEncoded) {
  const Composed c = Compose(kTrigger, {Enotify("mailto:?to=G%C3%BCnther%20%3Cg@example.com%3E&"
                                                "cc=%3D%3Futf-8%3Fq%3FD%3DC3%3DBC%3F%3D%20"
                                                "%3Cd@example.com%3E")});
  const std::string& m = c.notifications[0].messages[0].bytes;
  EXPECT_NE(m.find("\r\nTo: =?UTF-8?Q?G=C3=BCnther?= <g@example.com>\r\n"), std::string::npos)
      << m;
  EXPECT_NE(m.find("\r\nCc: =?utf-8?q?D=C3=BC?= <d@example.com>\r\n"), std::string::npos) << m;
}

TEST(NotifyTest, LegacyMailto) {
  const Composed c =
      Compose(kTrigger, {Legacy({"sms@example.net", "pager@example.net"},
                                "jeff@hobbies.example.com: A new sweater")});
  const Notification& n = c.notifications[0];
  ASSERT_TRUE(n.sent);
  EXPECT_EQ(n.to, (std::vector<std::string>{"sms@example.net", "pager@example.net"}));
  EXPECT_EQ(n.subject, "[SIEVE] New mail notification");
  EXPECT_EQ(n.message, "jeff@hobbies.example.com: A new sweater");
  const std::string& m = n.messages[0].bytes;
  EXPECT_NE(m.find("X-Sieve: sievekit; notify (draft-martin-sieve-notify)\r\n"),
            std::string::npos);
  EXPECT_NE(m.find("\r\n\r\njeff@hobbies.example.com: A new sweater\r\n"), std::string::npos);
  EXPECT_EQ(Compose(kTrigger, {Legacy({}, "x")}).notifications[0].suppressed_by,
            "no-recipients");
}

TEST(NotifyTest, LoopRuleOfTheTrigger) {
  mail::Message message;
  const std::string bytes = "Auto-Submitted: auto-notified\r\n\r\n";
  message.Parse(bytes);
  EXPECT_EQ(NotificationLoopRule(message), "notification");
  mail::Message plain;
  plain.Parse(kTrigger);
  EXPECT_EQ(NotificationLoopRule(plain), "");
}

}  // namespace
}  // namespace sievekit::delivery
