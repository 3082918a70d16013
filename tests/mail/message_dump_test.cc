// Tests for mail/message_dump: quoting and escaping rules, and the shape of
// a whole dump for a small message (the corpus covers the rest).
#include "mail/message_dump.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::mail {
namespace {

TEST(AppendQuotedTest, Escapes) {
  const struct {
    std::string in;
    size_t max;
    std::string_view out;
  } cases[] = {
      {"plain", 100, "\"plain\""},
      {"q\"b\\", 100, "\"q\\\"b\\\\\""},
      {"\r\n\t", 100, "\"\\r\\n\\t\""},
      {std::string("a\0b\x7F", 4), 100, "\"a\\x00b\\x7f\""},
      {"caf\xC3\xA9", 100, "\"caf\xC3\xA9\""},
      {"bad \xE9", 100, "\"bad \\xe9\""},
      {"c1 \xC2\x85", 100, "\"c1 \\u0085\""},
      {"abcdef", 3, "\"abc\"...(6 bytes)"},
      {"\xC3\xA9\xC3\xA9", 3, "\"\xC3\xA9\xC3\xA9\""},  // never cuts inside a character
  };
  for (const auto& c : cases) {
    std::string out;
    AppendQuoted(c.in, c.max, &out);
    EXPECT_EQ(out, c.out) << c.in;
  }
}

TEST(DumpMessageTest, SmallMessage) {
  Message message;
  message.Parse("From: A <a@b.example>\r\nSubject: =?utf-8?q?hi?=\r\n\r\nbody");
  EXPECT_EQ(DumpMessage(message),
            "size 54 header 48 body 4\n"
            "scan malformed-lines 0 dropped-fields 0 truncated-fields 0\n"
            "fields 2\n"
            "[0] \"From\"\n"
            "  raw      \" A <a@b.example>\"\n"
            "  unfolded \"A <a@b.example>\"\n"
            "  decoded  \"A <a@b.example>\"\n"
            "  address 0 valid local=\"a\" domain=\"b.example\" all=\"a@b.example\" name=\"A\"\n"
            "[1] \"Subject\"\n"
            "  raw      \" =?utf-8?q?hi?=\"\n"
            "  unfolded \"=?utf-8?q?hi?=\"\n"
            "  decoded  \"hi\"\n"
            "mime parts 1\n"
            "part 0 depth 0 leaf text/plain default-type\n"
            "  encoding 7bit\n"
            "  content 4 bytes\n"
            "  text 4 bytes \"body\"\n");
}

}  // namespace
}  // namespace sievekit::mail
