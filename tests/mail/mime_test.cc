// Tests for mail/mime: tree shape (multipart, nesting, message/rfc822,
// digest defaults), boundary handling, limits, attachments, and per-part
// content and text decoding.
#include "mail/mime.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mail/message.h"

namespace sievekit::mail {
namespace {

// "type/subtype@depth" for every part, in tree order.
std::vector<std::string> Shape(Message& message) {
  std::vector<std::string> out;
  for (const MimePart& part : message.Mime().parts()) {
    out.push_back(std::string(part.type) + "/" + std::string(part.subtype) + "@" +
                  std::to_string(part.depth));
  }
  return out;
}

TEST(MimeTreeTest, SinglePartDefaults) {
  Message message;
  message.Parse("Subject: x\r\n\r\nhello");
  const MimeTree& tree = message.Mime();
  ASSERT_EQ(tree.parts().size(), 1u);
  const MimePart& part = tree.part(0);
  EXPECT_EQ(part.kind, MimePart::Kind::kLeaf);
  EXPECT_EQ(part.type, "text");
  EXPECT_EQ(part.subtype, "plain");
  EXPECT_TRUE(part.has(MimePart::kDefaultType));
  EXPECT_EQ(part.body, "hello");
  EXPECT_EQ(tree.fields(0).size(), 1u);
  EXPECT_EQ(tree.FirstChild(0), kNoPart);
  EXPECT_EQ(tree.NextSibling(0), kNoPart);
}

TEST(MimeTreeTest, MultipartSplitsAtDelimiterLines) {
  Message message;
  const std::string bytes =
      "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
      "preamble\r\n"
      "--b\r\n"
      "Content-Type: text/plain\r\n\r\n"
      "one\r\n"
      "--b\r\n"
      "\r\n"
      "two\r\n\r\n"
      "--b--\r\n"
      "epilogue\r\n";
  message.Parse(bytes);
  const MimeTree& tree = message.Mime();
  ASSERT_EQ(tree.parts().size(), 3u);
  const MimePart& root = tree.part(0);
  EXPECT_EQ(root.kind, MimePart::Kind::kMultipart);
  EXPECT_EQ(root.boundary, "b");
  EXPECT_EQ(root.preamble, "preamble");
  EXPECT_EQ(root.epilogue, "epilogue\r\n");
  EXPECT_EQ(root.child_count, 2u);
  EXPECT_EQ(tree.part(1).body, "one");  // the CRLF before "--b" belongs to it
  EXPECT_EQ(tree.part(1).header, "Content-Type: text/plain\r\n");
  EXPECT_EQ(tree.part(2).body, "two\r\n");
  EXPECT_TRUE(tree.part(2).has(MimePart::kDefaultType));
  EXPECT_EQ(tree.FirstChild(0), 1u);
  EXPECT_EQ(tree.NextSibling(1), 2u);
  EXPECT_EQ(tree.NextSibling(2), kNoPart);
  EXPECT_EQ(tree.part(1).parent, 0u);
  EXPECT_EQ(root.end, 3u);
}

TEST(MimeTreeTest, BoundaryMatching) {
  const struct {
    std::string_view name;
    std::string body;
    size_t children;
    std::string first_body;
  } cases[] = {
      {"lf endings", "--b\nA: 1\n\nx\n--b--\n", 1, "x"},
      {"trailing whitespace allowed", "--b \t\r\n\r\nx\r\n--b--  \r\n", 1, "x"},
      {"longer boundary is not ours", "--b\r\n\r\nx\r\n--bb\r\ny\r\n--b--", 1, "x\r\n--bb\r\ny"},
      {"trailing text is not a delimiter", "--b\r\n\r\nx\r\n--b junk\r\n--b--", 1, "x\r\n--b junk"},
      {"mid-line is not a delimiter", "--b\r\n\r\nx --b\r\n--b--", 1, "x --b"},
      {"indented is not a delimiter", "--b\r\n\r\nx\r\n --b\r\n--b--", 1, "x\r\n --b"},
      {"empty parts", "--b\r\n--b\r\n--b--", 2, ""},
      {"delimiter at end without newline", "--b\r\n\r\nx\r\n--b--", 1, "x"},
      {"close delimiter first", "--b--\r\n--b\r\n", 0, ""},
  };
  for (const auto& c : cases) {
    Message message;
    const std::string bytes = "Content-Type: multipart/mixed; boundary=b\r\n\r\n" + c.body;
    message.Parse(bytes);
    const MimeTree& tree = message.Mime();
    EXPECT_EQ(tree.part(0).kind, MimePart::Kind::kMultipart) << c.name;
    EXPECT_EQ(tree.part(0).child_count, c.children) << c.name;
    if (c.children > 0) {
      EXPECT_EQ(tree.part(1).body, c.first_body) << c.name;
    }
  }
}

TEST(MimeTreeTest, BrokenStructure) {
  Message message;
  // No boundary parameter: one text/plain part.
  message.Parse("Content-Type: multipart/mixed\r\n\r\n--x\r\n\r\ntext\r\n--x--\r\n");
  EXPECT_EQ(Shape(message), (std::vector<std::string>{"text/plain@0"}));
  EXPECT_TRUE(message.Mime().part(0).has(MimePart::kNoBoundary));
  // Boundary never found.
  message.Parse("Content-Type: multipart/mixed; boundary=zz\r\n\r\n--x\r\n\r\ntext\r\n");
  EXPECT_EQ(Shape(message), (std::vector<std::string>{"text/plain@0"}));
  EXPECT_TRUE(message.Mime().part(0).has(MimePart::kNoBoundary));
  // Missing close delimiter, nested: the inner part ends at the outer delimiter.
  message.Parse(
      "Content-Type: multipart/mixed; boundary=o\r\n\r\n"
      "--o\r\nContent-Type: multipart/alternative; boundary=i\r\n\r\n"
      "--i\r\n\r\ninner\r\n"
      "--o\r\n\r\nlast\r\n");
  EXPECT_EQ(Shape(message),
            (std::vector<std::string>{"multipart/mixed@0", "multipart/alternative@1",
                                      "text/plain@2", "text/plain@1"}));
  const MimeTree& tree = message.Mime();
  EXPECT_TRUE(tree.part(0).has(MimePart::kMissingCloseBoundary));
  EXPECT_TRUE(tree.part(1).has(MimePart::kMissingCloseBoundary));
  EXPECT_EQ(tree.part(2).body, "inner");
  EXPECT_EQ(tree.part(3).body, "last\r\n");
}

TEST(MimeTreeTest, MessageRfc822AndDigest) {
  Message message;
  message.Parse(
      "Content-Type: multipart/digest; boundary=d\r\n\r\n"
      "--d\r\n\r\nSubject: first\r\n\r\nbody one\r\n"
      "--d\r\nContent-Type: text/plain\r\n\r\nplain\r\n"
      "--d\r\nContent-Type: message/rfc822\r\n\r\n"
      "Subject: third\r\nContent-Type: multipart/mixed; boundary=n\r\n\r\n"
      "--n\r\n\r\nnested\r\n--n--\r\n"
      "--d--\r\n");
  EXPECT_EQ(Shape(message),
            (std::vector<std::string>{"multipart/digest@0", "message/rfc822@1", "text/plain@2",
                                      "text/plain@1", "message/rfc822@1", "multipart/mixed@2",
                                      "text/plain@3"}));
  const MimeTree& tree = message.Mime();
  EXPECT_TRUE(tree.part(1).has(MimePart::kDefaultType));
  EXPECT_EQ(tree.part(1).kind, MimePart::Kind::kMessage);
  ASSERT_EQ(tree.fields(2).size(), 1u);
  EXPECT_EQ(tree.fields(2)[0].name(), "Subject");
  EXPECT_EQ(tree.part(2).body, "body one");
  EXPECT_EQ(tree.part(2).header, "Subject: first\r\n");
  EXPECT_EQ(tree.part(6).body, "nested");
  // Parts of a multipart/mixed inside the digest get the ordinary default.
  EXPECT_EQ(tree.part(6).type, "text");
}

TEST(MimeTreeTest, EncodedMessageRfc822IsDecodedFirst) {
  Message message;
  // "Subject: inner\r\n\r\nbody" in base64.
  message.Parse(
      "Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n"
      "U3ViamVjdDogaW5uZXINCg0KYm9keQ==\r\n");
  const MimeTree& tree = message.Mime();
  ASSERT_EQ(tree.parts().size(), 2u);
  EXPECT_TRUE(tree.part(0).has(MimePart::kEncodedMessage));
  ASSERT_EQ(tree.fields(1).size(), 1u);
  EXPECT_EQ(message.Decoded(tree.fields(1)[0]), "inner");
  EXPECT_EQ(tree.part(1).body, "body");
}

std::string Nested(int levels) {
  std::string out;
  for (int i = 0; i < levels; ++i) {
    out += "Content-Type: multipart/mixed; boundary=l" + std::to_string(i) + "\r\n\r\n--l" +
           std::to_string(i) + "\r\n";
  }
  out += "\r\ndeep\r\n";
  return out;
}

TEST(MimeTreeTest, DepthLimit) {
  MessageLimits limits;
  limits.max_mime_depth = 3;
  Message message(limits);
  const std::string bytes = Nested(6);
  message.Parse(bytes);
  const MimeTree& tree = message.Mime();
  ASSERT_EQ(tree.parts().size(), 4u);  // depths 0..3
  EXPECT_TRUE(tree.depth_limited());
  EXPECT_TRUE(tree.part(3).has(MimePart::kDepthLimit));
  EXPECT_EQ(tree.part(3).kind, MimePart::Kind::kLeaf);
  EXPECT_EQ(tree.part(3).type, "multipart");

  // message/rfc822 counts as a level too, and a huge configured limit is
  // capped so the recursion cannot exhaust the stack.
  limits.max_mime_depth = 1000000;
  Message deep(limits);
  const std::string many = Nested(400);
  deep.Parse(many);
  EXPECT_EQ(deep.Mime().parts().size(), MimeTree::kHardMaxDepth + 1);
}

TEST(MimeTreeTest, PartLimit) {
  MessageLimits limits;
  limits.max_mime_parts = 3;
  Message message(limits);
  message.Parse(
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
      "--b\r\n\r\n1\r\n--b\r\n\r\n2\r\n--b\r\n\r\n3\r\n--b\r\n\r\n4\r\n--b--\r\nepilogue");
  const MimeTree& tree = message.Mime();
  EXPECT_EQ(tree.parts().size(), 3u);
  EXPECT_TRUE(tree.part_limited());
  EXPECT_TRUE(tree.part(0).has(MimePart::kPartLimit));
  EXPECT_EQ(tree.part(0).epilogue, "epilogue");  // scanning still finished
}

TEST(MimeTreeTest, AttachmentsAndFilenames) {
  Message message;
  message.Parse(
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
      "--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n"
      "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment\r\n\r\nx\r\n"
      "--b\r\nContent-Type: image/png; name=\"a.png\"\r\n\r\nx\r\n"
      "--b\r\nContent-Disposition: INLINE; filename*=utf-8''%C3%A9.txt\r\n\r\nx\r\n"
      "--b\r\nContent-Disposition: inline\r\n\r\nx\r\n"
      "--b--\r\n");
  const MimeTree& tree = message.Mime();
  ASSERT_EQ(tree.parts().size(), 6u);
  EXPECT_FALSE(tree.part(1).is_attachment());
  EXPECT_TRUE(tree.part(2).is_attachment());
  EXPECT_EQ(tree.part(2).disposition, "attachment");
  EXPECT_TRUE(tree.part(3).is_attachment());
  EXPECT_EQ(tree.part(3).filename, "a.png");
  EXPECT_TRUE(tree.part(4).is_attachment());
  EXPECT_EQ(tree.part(4).disposition, "inline");
  EXPECT_EQ(tree.part(4).filename, "\xC3\xA9.txt");
  EXPECT_FALSE(tree.part(5).is_attachment());
  ASSERT_EQ(tree.disposition_params(4).size(), 1u);
  EXPECT_EQ(tree.disposition_params(4)[0].name, "filename");
}

TEST(MimeTreeTest, ContentAndText) {
  const struct {
    std::string_view name;
    std::string header;
    std::string body;
    std::string content;
    std::string text;
  } cases[] = {
      {"7bit ascii", "Content-Type: text/plain", "hello", "hello", "hello"},
      {"base64 utf-8",
       "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64",
       "Y2Fmw6k=", "caf\xC3\xA9", "caf\xC3\xA9"},
      {"qp latin1",
       "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: "
       "quoted-printable",
       "caf=E9 =\r\nok", "caf\xE9 ok", "caf\xC3\xA9 ok"},
      {"koi8-r 8bit", "Content-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: 8bit",
       "\xF0\xD2\xC9\xD7\xC5\xD4", "\xF0\xD2\xC9\xD7\xC5\xD4",
       "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},
      {"no charset latin1 bytes", "Content-Type: text/plain", "caf\xE9", "caf\xE9", "caf\xC3\xA9"},
      {"us-ascii with 8-bit", "Content-Type: text/plain; charset=us-ascii", "caf\xC3\xA9",
       "caf\xC3\xA9", "caf\xC3\xA9"},
      {"unknown charset", "Content-Type: text/plain; charset=x-bogus", "caf\xE9", "caf\xE9",
       "caf\xC3\xA9"},
      {"declared utf-8 invalid", "Content-Type: text/plain; charset=utf-8",
       "a\xFF"
       "b",
       "a\xFF"
       "b",
       "a\xEF\xBF\xBD"
       "b"},
      {"unknown encoding as is", "Content-Type: text/plain\r\nContent-Transfer-Encoding: x-uue",
       "begin", "begin", "begin"},
  };
  for (const auto& c : cases) {
    Message message;
    const std::string bytes = c.header + "\r\n\r\n" + c.body;
    message.Parse(bytes);
    message.Mime();
    EXPECT_EQ(message.PartContent(0), c.content) << c.name;
    EXPECT_EQ(message.PartText(0), c.text) << c.name;
    // Cached: the same view again.
    EXPECT_EQ(message.PartText(0).data(), message.PartText(0).data()) << c.name;
  }
}

TEST(MimeTreeTest, UndecodedContentIsAViewOfTheMessage) {
  Message message;
  const std::string bytes = "Content-Type: text/plain; charset=utf-8\r\n\r\ncaf\xC3\xA9";
  message.Parse(bytes);
  const std::string_view text = message.PartText(0);
  EXPECT_GE(text.data(), bytes.data());
  EXPECT_LE(text.data() + text.size(), bytes.data() + bytes.size());
}

TEST(MimeTreeTest, DamagedBytesAreCounted) {
  Message message;
  message.Parse(
      "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nQU!JD");
  EXPECT_EQ(message.PartContent(0), "ABC");
  EXPECT_EQ(message.Mime().damaged_bytes(0), 1u);
}

TEST(MimeTreeTest, HeaderlessParts) {
  Message message;
  message.Parse(
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
      "--b\r\nno header here\r\nKey: value\r\n--b\r\n\r\nempty header\r\n--b--");
  const MimeTree& tree = message.Mime();
  ASSERT_EQ(tree.parts().size(), 3u);
  EXPECT_TRUE(tree.part(1).has(MimePart::kNoHeader));
  EXPECT_EQ(tree.part(1).body, "no header here\r\nKey: value");
  EXPECT_FALSE(tree.part(2).has(MimePart::kNoHeader));
  EXPECT_EQ(tree.part(2).body, "empty header");
}

}  // namespace
}  // namespace sievekit::mail

namespace sievekit::mail {
namespace {

TEST(ContentTypeMatchesTest, Rfc5173Rules) {
  MimePart part;
  part.type = "text";
  part.subtype = "html";
  const struct {
    std::string_view spec;
    bool matches;
  } cases[] = {
      {"", true},          {"text", true},         {"TEXT", true},   {"text/html", true},
      {"Text/HTML", true}, {"text/plain", false},  {"image", false}, {"/html", false},
      {"text/", false},    {"text/html/x", false}, {"/", false},     {"tex", false},
  };
  for (const auto& c : cases) EXPECT_EQ(ContentTypeMatches(part, c.spec), c.matches) << c.spec;
}

TEST(HasAttachmentTest, AnyPart) {
  Message message;
  message.Parse("Subject: x\r\n\r\nbody");
  EXPECT_FALSE(HasAttachment(message.Mime()));
  message.Parse(
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\ntext\r\n"
      "--b\r\nContent-Type: application/zip; name=x.zip\r\n\r\nPK\r\n--b--\r\n");
  EXPECT_TRUE(HasAttachment(message.Mime()));
}

}  // namespace
}  // namespace sievekit::mail
