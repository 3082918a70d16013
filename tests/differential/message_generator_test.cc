// Tests for the message generator: exact rendering, determinism, and that a
// batch of messages holds the variety the differential test relies on.
#include "tests/differential/message_generator.h"

#include <gtest/gtest.h>

#include <string>

#include "mail/message.h"

namespace sievekit::differential {
namespace {

TEST(MessageGeneratorTest, RendersFieldsFoldsAndBodyWithTheChosenLineEnd) {
  GeneratedMessage message;
  message.fields = {"Subject: Hello\n World", "To: a@b"};
  message.body = "text\n";
  message.line_end = "\r\n";
  EXPECT_EQ(message.Render(), "Subject: Hello\r\n World\r\nTo: a@b\r\n\r\ntext\n");
  message.line_end = "\n";
  EXPECT_EQ(message.Render(), "Subject: Hello\n World\nTo: a@b\n\ntext\n");
}

TEST(MessageGeneratorTest, SameSeedSameMessage) {
  const GeneratedMessage a = GenerateMessage(7);
  const GeneratedMessage b = GenerateMessage(7);
  EXPECT_EQ(a.Render(), b.Render());
  EXPECT_EQ(a.envelope.mail_from, b.envelope.mail_from);
  EXPECT_EQ(a.envelope.rcpt_to, b.envelope.rcpt_to);
  EXPECT_NE(GenerateMessage(8).Render(), a.Render());
}

TEST(MessageGeneratorTest, ABatchHoldsTheVarietyTheDifferentialTestNeeds) {
  size_t null_senders = 0;
  size_t bare_lf = 0;
  size_t encoded_words = 0;
  size_t groups = 0;
  size_t invalid_addresses = 0;
  size_t without_subject = 0;
  size_t numbers = 0;
  size_t subaddresses = 0;
  size_t lower_case_names = 0;
  mail::Message parsed;
  for (uint64_t seed = 0; seed < 500; ++seed) {
    const GeneratedMessage message = GenerateMessage(seed);
    const std::string bytes = message.Render();
    parsed.Parse(bytes);
    if (message.envelope.mail_from.empty() || message.envelope.mail_from == "<>") ++null_senders;
    if (message.line_end == "\n") ++bare_lf;
    if (bytes.find("=?") != std::string::npos) ++encoded_words;
    if (bytes.find(":;") != std::string::npos || bytes.find(";\n") != std::string::npos) ++groups;
    if (bytes.find("invalid-address") != std::string::npos) ++invalid_addresses;
    if (!parsed.HasField("subject")) ++without_subject;
    if (parsed.HasField("x-number")) ++numbers;
    if (bytes.find("+sieve@") != std::string::npos) ++subaddresses;
    if (bytes.find("\nsubject:") != std::string::npos ||
        bytes.find("\nfrom:") != std::string::npos) {
      ++lower_case_names;
    }
    // Every message has a header the model can read and a separate body.
    EXPECT_TRUE(parsed.has_body()) << bytes;
    EXPECT_EQ(parsed.fields().size(), message.fields.size()) << bytes;
  }
  for (size_t count : {null_senders, bare_lf, encoded_words, groups, invalid_addresses,
                       without_subject, numbers, subaddresses, lower_case_names}) {
    EXPECT_GT(count, 10u);
    EXPECT_LT(count, 490u);
  }
}

TEST(MessageGeneratorTest, SimplerMessagesDropOneFieldOrTheBody) {
  GeneratedMessage message;
  message.fields = {"A: 1", "B: 2"};
  message.body = "x";
  const std::vector<GeneratedMessage> simpler = SimplerMessages(message);
  ASSERT_EQ(simpler.size(), 3u);
  EXPECT_EQ(simpler[0].Render(), "B: 2\r\n\r\nx");
  EXPECT_EQ(simpler[1].Render(), "A: 1\r\n\r\nx");
  EXPECT_EQ(simpler[2].Render(), "A: 1\r\nB: 2\r\n\r\n");
}

TEST(MessageGeneratorTest, DescribesTheEnvelope) {
  mail::Envelope envelope;
  envelope.mail_from = "<>";
  envelope.rcpt_to = "ken@example.com";
  EXPECT_EQ(DescribeEnvelope(envelope), "MAIL FROM:[<>] RCPT TO:[ken@example.com]");
}

}  // namespace
}  // namespace sievekit::differential
