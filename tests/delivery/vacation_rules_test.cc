// Tests for delivery/vacation_rules: each "do not reply" rule of RFC 5230
// §4.5/§4.6 on its own (null and invalid sender, daemon and list senders,
// the sender being the user, Auto-Submitted, Precedence, List-* fields,
// the user's address missing from To/Cc/Bcc/Resent-*), address
// canonicalisation, and the order in which CheckDoNotReply applies them.
#include "delivery/vacation_rules.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace sievekit::delivery {
namespace {

// A parsed message that owns its bytes.
struct Parsed {
  explicit Parsed(std::string text) : bytes(std::move(text)) { message.Parse(bytes); }
  std::string bytes;
  mail::Message message;
};

std::string Verdict(const std::optional<RuleVerdict>& v) {
  return v ? std::string(v->rule) + ": " + v->detail : "";
}

RuleInput Input(std::string sender, std::vector<std::string> own = {"me@example.org"}) {
  RuleInput in;
  in.sender = std::move(sender);
  in.own = std::move(own);
  return in;
}

TEST(VacationRulesTest, CanonicalAddress) {
  Parsed p("Subject: x\r\n\r\n");
  const std::pair<std::string, std::string> cases[] = {
      {"Bob@Example.ORG", "bob@example.org"},
      {"<a@b.example>", "a@b.example"},
      {"\"x y\"@d.example", "x y@d.example"},
      {"", ""},
      {"<>", ""},
      {"nodomain", ""},
      {"not an address", ""},
  };
  for (const auto& [text, canonical] : cases) {
    EXPECT_EQ(CanonicalAddress(p.message, text), canonical) << text;
  }
}

TEST(VacationRulesTest, IsAutomatedLocalPart) {
  const std::pair<std::string_view, bool> cases[] = {
      {"MAILER-DAEMON", true}, {"postmaster", true},
      {"LISTSERV", true},      {"majordomo", true},
      {"mailman", true},       {"owner-sieve", true},
      {"sieve-request", true}, {"sieve-owner", true},
      {"sieve-bounces", true}, {"bounces+1234=me", true},
      {"noreply", true},       {"no-reply", true},
      {"No_Reply", true},      {"do-not-reply", true},
      {"donotreply", true},    {"notifications-noreply", true},
      {"no.reply", true},      {"bob", false},
      {"jane.doe", false},     {"owner", false},
      {"requester", false},    {"postmasters", false},
      {"reply", false},        {"bob+noreply", false},  // the detail says nothing about the sender
  };
  for (const auto& [local_part, automated] : cases) {
    EXPECT_EQ(IsAutomatedLocalPart(local_part), automated) << local_part;
  }
}

TEST(VacationRulesTest, NullAndInvalidSender) {
  RuleInput null_sender = Input("");
  null_sender.sender_is_null = true;
  EXPECT_EQ(Verdict(CheckNullSender(null_sender)),
            "null-sender: the envelope sender is empty (<>): no reply to automatic mail");
  RuleInput invalid = Input("");
  invalid.sender_is_invalid = true;
  EXPECT_EQ(Verdict(CheckNullSender(invalid)),
            "invalid-sender: the envelope sender is no valid address");
  EXPECT_EQ(Verdict(CheckNullSender(Input("you@example.com"))), "");
}

TEST(VacationRulesTest, AutomatedSender) {
  EXPECT_EQ(Verdict(CheckAutomatedSender(Input("mailer-daemon@example.com"))),
            "automated-sender: the sender mailer-daemon@example.com is a system or list address");
  EXPECT_EQ(Verdict(CheckAutomatedSender(Input("you@example.com"))), "");
  // The host's own list: local parts and whole addresses.
  RuleInput in = Input("alerts@example.com");
  in.never_reply_to = {"Alerts", "robot@example.net"};
  EXPECT_EQ(Verdict(CheckAutomatedSender(in)),
            "automated-sender: the sender alerts@example.com is on the list of addresses never "
            "replied to");
  in.sender = "robot@example.net";
  EXPECT_EQ(CheckAutomatedSender(in)->rule, suppressed::kAutomatedSender);
  in.sender = "robot@example.com";  // another domain
  EXPECT_EQ(Verdict(CheckAutomatedSender(in)), "");
}

TEST(VacationRulesTest, SenderIsRecipient) {
  EXPECT_EQ(Verdict(CheckSenderIsRecipient(Input("me@example.org"))),
            "sender-is-recipient: the sender me@example.org is the recipient: no reply to "
            "oneself");
  EXPECT_EQ(Verdict(CheckSenderIsRecipient(Input("you@example.com"))), "");
  // Also the address the reply would come from (:from).
  RuleInput in = Input("alias@example.org");
  in.reply_from = "alias@example.org";
  EXPECT_EQ(CheckSenderIsRecipient(in)->rule, suppressed::kSenderIsRecipient);
}

TEST(VacationRulesTest, AutoSubmitted) {
  const std::pair<std::string, std::string> cases[] = {
      {"", ""},
      {"Auto-Submitted: no\r\n", ""},
      {"Auto-Submitted: No (written by a person)\r\n", ""},
      {"Auto-Submitted: auto-replied\r\n",
       "auto-submitted: the message is Auto-Submitted: auto-replied"},
      {"Auto-Submitted: auto-generated\r\n",
       "auto-submitted: the message is Auto-Submitted: auto-generated"},
      {"Auto-Submitted: Auto-Notified; owner-email=\"x@example.org\"\r\n",
       "auto-submitted: the message is Auto-Submitted: auto-notified"},
      {"Auto-Submitted: auto-replied (vacation)\r\n",
       "auto-submitted: the message is Auto-Submitted: auto-replied"},
      {"Auto-Submitted: no\r\nAuto-Submitted: auto-generated\r\n",
       "auto-submitted: the message is Auto-Submitted: auto-generated"},
      // An empty value is no "no".
      {"Auto-Submitted:\r\n", "auto-submitted: the message is Auto-Submitted: "},
  };
  for (const auto& [field, expected] : cases) {
    Parsed p("From: you@example.com\r\n" + field + "\r\nbody\r\n");
    EXPECT_EQ(Verdict(CheckAutoSubmitted(p.message)), expected) << field;
  }
}

TEST(VacationRulesTest, Precedence) {
  const std::pair<std::string, std::string> cases[] = {
      {"Precedence: bulk\r\n", "precedence: the message has Precedence: bulk"},
      {"Precedence: List\r\n", "precedence: the message has Precedence: list"},
      {"Precedence: junk (spam)\r\n", "precedence: the message has Precedence: junk"},
      {"Precedence: first-class\r\n", ""},
      {"Precedence: normal\r\n", ""},
      {"", ""},
  };
  for (const auto& [field, expected] : cases) {
    Parsed p("From: you@example.com\r\n" + field + "\r\nbody\r\n");
    EXPECT_EQ(Verdict(CheckPrecedence(p.message)), expected) << field;
  }
}

TEST(VacationRulesTest, MailingList) {
  for (std::string_view name :
       {"List-Id", "List-Help", "List-Subscribe", "List-Unsubscribe", "List-Post", "List-Owner",
        "List-Archive", "List-Unsubscribe-Post", "list-id"}) {
    Parsed p("From: you@example.com\r\n" + std::string(name) + ": <x>\r\n\r\nbody\r\n");
    EXPECT_EQ(Verdict(CheckMailingList(p.message)),
              "mailing-list: the message comes from a mailing list (" + std::string(name) + ")");
  }
  for (std::string_view name : {"Listed", "X-List-Id", "Lists"}) {
    Parsed p("From: you@example.com\r\n" + std::string(name) + ": x\r\n\r\nbody\r\n");
    EXPECT_EQ(Verdict(CheckMailingList(p.message)), "") << name;
  }
}

TEST(VacationRulesTest, Personal) {
  struct Case {
    std::string header;
    std::string verdict;  // "" or the rule
    std::string matched;
  };
  const Case cases[] = {
      {"To: me@example.org\r\n", "", "me@example.org"},
      {"Cc: a@x.example, Me <ME@Example.Org>\r\n", "", "ME@Example.Org"},
      {"Bcc: me@example.org\r\n", "", "me@example.org"},
      {"Resent-To: me@example.org\r\n", "", "me@example.org"},
      {"Resent-Cc: me@example.org\r\n", "", "me@example.org"},
      {"Resent-Bcc: me@example.org\r\n", "", "me@example.org"},
      {"To: friends: a@x.example, me@example.org;\r\n", "", "me@example.org"},
      {"To: other@example.org\r\nCc: me@example.org\r\n", "", "me@example.org"},
      // An alias from :addresses.
      {"To: boss-alias@example.net\r\n", "", "boss-alias@example.net"},
      // Fields that do not make a message personal.
      {"To: other@example.org\r\nFrom: me@example.org\r\n", "not-personal", ""},
      {"Reply-To: me@example.org\r\n", "not-personal", ""},
      {"Sender: me@example.org\r\n", "not-personal", ""},
      {"To: undisclosed-recipients:;\r\n", "not-personal", ""},
      {"To: me@example.org.evil\r\n", "not-personal", ""},
      {"To: nic\xc3\xab\xc3\xb8xample.org\r\n", "not-personal", ""},
      {"", "not-personal", ""},
  };
  RuleInput in = Input("you@example.com", {"me@example.org", "boss-alias@example.net"});
  for (const Case& c : cases) {
    Parsed p(c.header + "Subject: x\r\n\r\nbody\r\n");
    std::string matched;
    auto v = CheckPersonal(p.message, in, &matched);
    EXPECT_EQ(v ? std::string(v->rule) : "", c.verdict) << c.header;
    EXPECT_EQ(matched, c.matched) << c.header;
  }
  Parsed p("To: other@example.org\r\n\r\nbody\r\n");
  EXPECT_EQ(Verdict(CheckPersonal(p.message, in, nullptr)),
            "not-personal: none of the recipient's addresses is in To, Cc, Bcc or "
            "Resent-To/Cc/Bcc");
  in.check_recipient = false;  // the host checks it itself
  EXPECT_EQ(Verdict(CheckPersonal(p.message, in, nullptr)), "");
}

TEST(VacationRulesTest, OrderOfTheRules) {
  // A message that breaks every rule reports them one by one as each
  // earlier cause is taken away.
  const std::string all_fields =
      "Auto-Submitted: auto-generated\r\nPrecedence: bulk\r\nList-Id: <l.example>\r\n"
      "To: other@example.org\r\n\r\nbody\r\n";
  struct Case {
    std::string sender;
    bool null = false;
    std::string fields;
    std::string rule;
  };
  const Case cases[] = {
      {"", true, all_fields, "null-sender"},
      {"", false, all_fields, "invalid-sender"},
      {"owner-x@example.com", false, all_fields, "automated-sender"},
      {"me@example.org", false, all_fields, "sender-is-recipient"},
      {"you@example.com", false, all_fields, "auto-submitted"},
      {"you@example.com", false, all_fields.substr(all_fields.find("Precedence")), "precedence"},
      {"you@example.com", false, all_fields.substr(all_fields.find("List-Id")), "mailing-list"},
      {"you@example.com", false, all_fields.substr(all_fields.find("To:")), "not-personal"},
      {"you@example.com", false, "To: me@example.org\r\n\r\nbody\r\n", ""},
  };
  for (const Case& c : cases) {
    RuleInput in = Input(c.sender);
    in.sender_is_null = c.null;
    in.sender_is_invalid = !c.null && c.sender.empty();
    Parsed p(c.fields);
    auto v = CheckDoNotReply(p.message, in, nullptr);
    EXPECT_EQ(v ? std::string(v->rule) : "", c.rule) << c.sender << " " << c.fields;
  }
}

}  // namespace
}  // namespace sievekit::delivery
