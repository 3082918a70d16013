// Tests for mail/derived_envelope: which headers the guessed envelope uses.
#include "mail/derived_envelope.h"

#include <gtest/gtest.h>

namespace sievekit::mail {
namespace {

TEST(DerivedEnvelopeTest, PrefersReturnPathAndDeliveredTo) {
  const struct {
    std::string_view name;
    std::string message;
    std::string from;
    std::string to;
  } cases[] = {
      {"return-path and delivered-to",
       "Return-Path: <bounce@example.com>\r\nDelivered-To: me@example.org\r\n"
       "From: Alice <alice@example.com>\r\nTo: list@example.net\r\n\r\n",
       "<bounce@example.com>", "me@example.org"},
      {"from and to", "From: Alice <alice@example.com>\r\nTo: Bob <bob@example.org>, c@x\r\n\r\n",
       "alice@example.com", "bob@example.org"},
      {"null return-path", "Return-Path: <>\r\nFrom: a@example.com\r\n\r\n", "<>", ""},
      {"invalid addresses are skipped", "From: nobody\r\nTo: undisclosed-recipients:;\r\n\r\n",
       "", ""},
  };
  for (const auto& c : cases) {
    Message message;
    message.Parse(c.message);
    const Envelope e = DeriveEnvelope(message);
    EXPECT_EQ(e.mail_from, c.from) << c.name;
    EXPECT_EQ(e.rcpt_to, c.to) << c.name;
  }
}

}  // namespace
}  // namespace sievekit::mail
