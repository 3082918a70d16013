// Tests for bench/message_generator: the same index always gives the same
// bytes; messages have 20-40 header lines (or the number asked for), sizes
// of about 1 KB to 200 KB, and the mix the comparison corpus promises
// (encoded words, mailing-list fields, multipart with attachments); the LF
// and CRLF forms hold the same text; every message parses.
#include "bench/message_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "mail/message.h"

namespace sievekit::bench {
namespace {

size_t HeaderLines(const std::string& message) {
  const std::string_view header = std::string_view(message).substr(0, message.find("\n\n") + 1);
  return static_cast<size_t>(std::count(header.begin(), header.end(), '\n'));
}

TEST(MessageGeneratorTest, Deterministic) {
  EXPECT_EQ(GenerateMessage(42), GenerateMessage(42));
  EXPECT_NE(GenerateMessage(42), GenerateMessage(43));
  EXPECT_NE(GenerateMessage(42, 7), GenerateMessage(42, 8));
}

TEST(MessageGeneratorTest, ShapeOfTheCorpus) {
  MessageOptions lf;
  lf.crlf = false;
  int encoded = 0, lists = 0, attachments = 0, large = 0;
  for (uint32_t i = 0; i < 400; ++i) {
    const std::string m = GenerateMessage(i, 7, lf);
    const size_t lines = HeaderLines(m);
    EXPECT_GE(lines, 20u) << i;
    EXPECT_LE(lines, 40u) << i;
    EXPECT_GE(m.size(), 1000u) << i;
    EXPECT_LE(m.size(), 201000u) << i;
    EXPECT_EQ(m.find('\r'), std::string::npos) << i;
    encoded += m.find("=?UTF-8?") != std::string::npos || m.find("=?ISO-8859-1?") != std::string::npos;
    lists += m.find("\nList-Id: ") != std::string::npos;
    attachments += m.find("Content-Disposition: attachment") != std::string::npos;
    large += m.size() > 50000;
    mail::Message message;
    message.Parse(m);
    EXPECT_TRUE(message.has_body()) << i;
    EXPECT_EQ(message.header_scan().malformed_lines, 0u) << i;
    EXPECT_FALSE(message.FieldsNamed("message-id").empty()) << i;
    EXPECT_FALSE(message.FieldsNamed("subject").empty()) << i;
  }
  EXPECT_GT(encoded, 100);
  EXPECT_GT(lists, 80);
  EXPECT_GT(attachments, 60);
  EXPECT_GT(large, 5);
}

TEST(MessageGeneratorTest, CrlfAndLfHoldTheSameText) {
  MessageOptions lf;
  lf.crlf = false;
  for (uint32_t i = 0; i < 20; ++i) {
    std::string expected;
    for (char c : GenerateMessage(i, 7, lf)) {
      if (c == '\n') expected += '\r';
      expected += c;
    }
    EXPECT_EQ(GenerateMessage(i), expected) << i;
  }
}

TEST(MessageGeneratorTest, HeaderLinesAndBodySizeOnRequest) {
  for (int lines : {40, 80, 640}) {
    MessageOptions shape;
    shape.crlf = false;
    shape.header_lines = lines;
    shape.body_size = 4096;
    for (uint32_t i = 0; i < 10; ++i) {
      const std::string m = GenerateMessage(i, 7, shape);
      EXPECT_EQ(HeaderLines(m), static_cast<size_t>(lines)) << i;
      const size_t body = m.size() - m.find("\n\n") - 2;
      EXPECT_GE(body, 4000u) << i;
      EXPECT_LT(body, 4300u) << i;
    }
  }
}

}  // namespace
}  // namespace sievekit::bench
