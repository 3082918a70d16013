// Tests for delivery/vacation_reply: the reply's exact bytes (text bodies
// in 7bit, 8bit and base64, :mime entities, RFC 2047 subjects, folded
// References), the :mime entity check, the default subject (template,
// missing subject, cutting at 256 characters), the To field and the
// threading fields.
#include "delivery/vacation_reply.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::delivery {
namespace {

struct Parsed {
  explicit Parsed(std::string text) : bytes(std::move(text)) { message.Parse(bytes); }
  std::string bytes;
  mail::Message message;
};

ReplyParts BasicParts() {
  ReplyParts parts;
  parts.from = "me@example.org";
  parts.to = "\"You\" <you@example.com>";
  parts.subject = "Auto: Hello";
  parts.date = "Mon, 2 Nov 2026 10:00:00 +0000";
  parts.message_id = "<1.vacation@host.example>";
  parts.in_reply_to = "<orig@example.com>";
  parts.references = "<a@example.com> <orig@example.com>";
  parts.body = "I am away.\nBack on Monday.";
  return parts;
}

constexpr std::string_view kHeader =
    "From: me@example.org\r\n"
    "To: \"You\" <you@example.com>\r\n"
    "Subject: Auto: Hello\r\n"
    "Date: Mon, 2 Nov 2026 10:00:00 +0000\r\n"
    "Message-ID: <1.vacation@host.example>\r\n"
    "In-Reply-To: <orig@example.com>\r\n"
    "References: <a@example.com>\r\n <orig@example.com>\r\n"
    "Auto-Submitted: auto-replied\r\n"
    "MIME-Version: 1.0\r\n";

TEST(VacationReplyTest, TextReply) {
  EXPECT_EQ(RenderReply(BasicParts()), std::string(kHeader) +
                                           "Content-Type: text/plain; charset=utf-8\r\n"
                                           "Content-Transfer-Encoding: 7bit\r\n"
                                           "\r\n"
                                           "I am away.\r\n"
                                           "Back on Monday.\r\n");
}

TEST(VacationReplyTest, Utf8ReplyWithoutThreading) {
  ReplyParts parts = BasicParts();
  parts.subject =
      "Abwesend: Gr\xc3\xbc\xc3\x9f"
      "e";
  parts.in_reply_to.clear();
  parts.references.clear();
  parts.body =
      "Sch\xc3\xb6ne Gr\xc3\xbc\xc3\x9f"
      "e\r\n";
  EXPECT_EQ(RenderReply(parts),
            "From: me@example.org\r\n"
            "To: \"You\" <you@example.com>\r\n"
            "Subject: =?UTF-8?Q?Abwesend=3A_Gr=C3=BC=C3=9Fe?=\r\n"
            "Date: Mon, 2 Nov 2026 10:00:00 +0000\r\n"
            "Message-ID: <1.vacation@host.example>\r\n"
            "Auto-Submitted: auto-replied\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n"
            "\r\n"
            "Sch\xc3\xb6ne Gr\xc3\xbc\xc3\x9f"
            "e\r\n");
}

TEST(VacationReplyTest, LongLinesGoInBase64) {
  ReplyParts parts = BasicParts();
  parts.body = std::string(999, 'a');
  const std::string reply = RenderReply(parts);
  EXPECT_NE(reply.find("Content-Transfer-Encoding: base64\r\n\r\nYWFh"), std::string::npos);
  // 999 bytes + CRLF = 1001 bytes = 1336 base64 characters in lines of 76.
  const std::string body = reply.substr(reply.find("\r\n\r\n") + 4);
  EXPECT_EQ(body.size(), 1336u + 18u * 2u);
  EXPECT_EQ(body.substr(body.size() - 6), "DQo=\r\n");
}

TEST(VacationReplyTest, MimeReply) {
  ReplyParts parts = BasicParts();
  parts.mime = true;
  parts.body =
      "Content-Type: multipart/alternative; boundary=foo\n"
      "MIME-Version: 1.0\n"
      "\n"
      "--foo\n"
      "\n"
      "I'm at the beach.\n"
      "--foo\n"
      "Content-Type: text/html; charset=us-ascii\n"
      "\n"
      "<p>I'm at the beach.</p>\n"
      "--foo--\n";
  EXPECT_EQ(RenderReply(parts), std::string(kHeader) +
                                    "Content-Type: multipart/alternative; boundary=foo\r\n"
                                    "\r\n"
                                    "--foo\r\n"
                                    "\r\n"
                                    "I'm at the beach.\r\n"
                                    "--foo\r\n"
                                    "Content-Type: text/html; charset=us-ascii\r\n"
                                    "\r\n"
                                    "<p>I'm at the beach.</p>\r\n"
                                    "--foo--\r\n");
}

TEST(VacationReplyTest, HeaderValuesStayOnOneLine) {
  ReplyParts parts = BasicParts();
  parts.from = "me@example.org\r\nBcc: victim@example.com";
  parts.subject = "one\r\ntwo";
  const std::string reply = RenderReply(parts);
  EXPECT_NE(reply.find("From: me@example.org  Bcc: victim@example.com\r\n"), std::string::npos);
  EXPECT_NE(reply.find("Subject: one  two\r\n"), std::string::npos);
}

TEST(VacationReplyTest, CheckMimeEntity) {
  const std::pair<std::string, std::string> cases[] = {
      {"Content-Type: text/plain\n\nHello", ""},
      {"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nHi", ""},
      {"MIME-Version: 1.0\nContent-Type: text/plain\n\nHi", ""},
      {"Content-Type: multipart/alternative; boundary=b\n\n--b\n\nx\n--b--\n", ""},
      {"Hello, I am away.", "it has no MIME header fields"},
      {"\nHello", "it has no MIME header fields"},
      {"Content-Type: text/plain\nthis is no field\n\nHi",
       "its header has a line that is no header field"},
      {"Content-Type: text/plain\nContent-Description: Gr\xc3\xbc\xc3\x9f"
       "e\n\nHi",
       "its header has 8-bit characters (RFC 5230 section 5)"},
      {"Content-Type: text/plain\nSubject: away\n\nHi",
       "'Subject' is no MIME header field (only Content-* fields belong to an entity)"},
      {"Content-Type: text/plain", "no empty line separates its header from its content"},
      {"Content-Type: multipart/mixed\n\nx", "its multipart type has no boundary"},
      {"Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n",
       "its multipart content has no closing boundary"},
      {"Content-Type: text/plain\nContent-Transfer-Encoding: rot13\n\nHi",
       "its Content-Transfer-Encoding is unknown"},
  };
  for (const auto& [text, expected] : cases) {
    EXPECT_EQ(CheckMimeEntity(text), expected) << text;
  }
}

TEST(VacationReplyTest, DefaultSubject) {
  struct Case {
    std::string header;
    std::string subject_template;
    std::string expected;
  };
  const Case cases[] = {
      {"Subject: Hello\r\n", "Auto: %{subject}", "Auto: Hello"},
      {"Subject:   Hello  \r\n", "Auto: %{subject}", "Auto: Hello"},
      {"Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n", "Auto: %{subject}",
       "Auto: Gr\xc3\xbc\xc3\x9f"
       "e"},
      {"Subject: folded\r\n  line\r\n", "Auto: %{subject}", "Auto: folded  line"},
      {"Subject: Bloemetjes\r\n", "Automatisch bericht: %{subject}",
       "Automatisch bericht: Bloemetjes"},
      {"Subject: Hello\r\n", "[%{subject}] (away)", "[Hello] (away)"},
      {"Subject: Hello\r\n", "Away", "Away"},
      {"", "Auto: %{subject}", "Automated reply"},
      {"Subject:\r\n", "Auto: %{subject}", "Automated reply"},
  };
  for (const Case& c : cases) {
    Parsed p(c.header + "From: you@example.com\r\n\r\nbody\r\n");
    EXPECT_EQ(DefaultReplySubject(p.message, c.subject_template, "Automated reply", 256),
              c.expected)
        << c.header;
  }
}

TEST(VacationReplyTest, LongSubjectsAreCut) {
  std::string long_subject;
  for (int i = 0; i < 40; ++i) long_subject += "word" + std::to_string(i) + " ";
  Parsed latin("Subject: " + long_subject + "\r\n\r\nbody\r\n");
  const std::string cut = DefaultReplySubject(latin.message, "Auto: %{subject}", "-", 50);
  EXPECT_EQ(cut, "Auto: word0 word1 word2 word3 word4 word5 word6 w\xe2\x80\xa6");
  // Characters, not bytes: 3-byte characters are not cut shorter.
  std::string japanese;
  for (int i = 0; i < 100; ++i) japanese += "\xe6\x97\xa5";  // 日
  Parsed wide("Subject: " + japanese + "\r\n\r\nbody\r\n");
  const std::string wide_cut = DefaultReplySubject(wide.message, "Auto: %{subject}", "-", 20);
  EXPECT_EQ(wide_cut, "Auto: " + japanese.substr(0, 13 * 3) + "\xe2\x80\xa6");
  // A subject that fits is kept whole.
  Parsed fits("Subject: exactly\r\n\r\nbody\r\n");
  EXPECT_EQ(DefaultReplySubject(fits.message, "Auto: %{subject}", "-", 13), "Auto: exactly");
}

TEST(VacationReplyTest, ToField) {
  struct Case {
    std::string fields;
    std::string sender;
    bool ignore_envelope;
    std::string expected;
  };
  const Case cases[] = {
      {"From: \"Stephan Bosch\" <stephan@example.org>\r\n", "stephan@example.org", false,
       "\"Stephan Bosch\" <stephan@example.org>"},
      {"From: Stephan <STEPHAN@Example.org>\r\n", "stephan@example.org", false,
       "\"Stephan\" <STEPHAN@Example.org>"},
      {"From: a@example.org\r\nSender: \"H-J T\" <hj@example.org>\r\n", "hj@example.org", false,
       "\"H-J T\" <hj@example.org>"},
      {"From: a@example.org\r\nReply-To: Team <team@example.org>\r\n", "team@example.org", false,
       "\"Team\" <team@example.org>"},
      {"From: \"A \\\"B\\\" C\" <a@example.org>\r\n", "a@example.org", false,
       "\"A \\\"B\\\" C\" <a@example.org>"},
      {"From: =?utf-8?q?J=C3=BCrgen?= <j@example.org>\r\n", "j@example.org", false,
       "=?UTF-8?B?SsO8cmdlbg==?= <j@example.org>"},
      {"From: \"Stephan Bosch\" <stephan@example.org>\r\n", "arie@example.org", false,
       "<arie@example.org>"},
      {"From: a@example.org\r\nSender: \"H-J T\" <hj@example.org>\r\n", "srs0=x@example.org", true,
       "\"H-J T\" <hj@example.org>"},
      {"From: \"A\" <a@example.org>\r\n", "srs0=x@example.org", true, "\"A\" <a@example.org>"},
      {"Subject: none\r\n", "srs0=x@example.org", true, "<srs0=x@example.org>"},
  };
  for (const Case& c : cases) {
    Parsed p(c.fields + "\r\nbody\r\n");
    EXPECT_EQ(ReplyToField(p.message, c.sender, c.sender, c.ignore_envelope), c.expected)
        << c.fields;
  }
}

TEST(VacationReplyTest, ThreadingFields) {
  struct Case {
    std::string fields;
    std::string in_reply_to;
    std::string references;
  };
  const Case cases[] = {
      {"Subject: no id\r\n", "", ""},
      {"Message-ID: <1@x>\r\n", "<1@x>", "<1@x>"},
      {"Message-ID:\r\n <1@x>\r\n", "<1@x>", "<1@x>"},
      {"Message-ID: <3@x>\r\nReferences: <1@x>\r\n <2@x>\r\n", "<3@x>", "<1@x> <2@x> <3@x>"},
      {"Message-ID: <3@x>\r\nIn-Reply-To: <2@x>\r\n", "<3@x>", "<2@x> <3@x>"},
      {"Message-ID: <3@x>\r\nIn-Reply-To: <1@x> <2@x>\r\n", "<3@x>", "<3@x>"},
      {"Message-ID: not an id\r\n", "", ""},
  };
  for (const Case& c : cases) {
    Parsed p(c.fields + "\r\nbody\r\n");
    std::string in_reply_to = "stale", references = "stale";
    ThreadingFields(p.message, &in_reply_to, &references);
    EXPECT_EQ(in_reply_to, c.in_reply_to) << c.fields;
    EXPECT_EQ(references, c.references) << c.fields;
  }
}

TEST(VacationReplyTest, MailboxField) {
  EXPECT_EQ(MailboxField("", "a@example.org"), "<a@example.org>");
  EXPECT_EQ(MailboxField("  ", "a@example.org"), "<a@example.org>");
  EXPECT_EQ(MailboxField("Ann", "a@example.org"), "\"Ann\" <a@example.org>");
  EXPECT_EQ(MailboxField("A\\B", "a@example.org"), "\"A\\\\B\" <a@example.org>");
  EXPECT_EQ(MailboxField("Ann\r\nBcc: x", "a@example.org"), "\"Ann  Bcc: x\" <a@example.org>");
}

}  // namespace
}  // namespace sievekit::delivery
