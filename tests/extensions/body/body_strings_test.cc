// Tests for extensions/body/body_strings: exactly which strings each body
// transform of RFC 5173 §5 yields, in which order, on the example message
// of §5.2 and on messages with encodings, charsets, broken structure and
// limits.
#include "extensions/body/body_strings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::extensions::body {
namespace {

std::vector<std::string> Collect(mail::Message& message, BodyTransform transform,
                                 std::vector<std::string_view> types = {}) {
  BodyTextCache cache;
  BodyStrings strings(message, transform, types, &cache);
  std::vector<std::string> out;
  std::string_view s;
  while (strings.Next(&s)) out.emplace_back(s);
  EXPECT_FALSE(strings.Next(&s));  // and stays at the end
  return out;
}

std::vector<std::string> Collect(std::string_view bytes, BodyTransform transform,
                                 std::vector<std::string_view> types = {}) {
  mail::Message message;
  message.Parse(bytes);
  return Collect(message, transform, std::move(types));
}

using Strings = std::vector<std::string>;

// RFC 5173 §5.2, the example message (with CRLF line ends).
const std::string kRfcExample =
    "From: Whomever\r\n"
    "To: Someone\r\n"
    "Date: Whenever\r\n"
    "Subject: whatever\r\n"
    "Content-Type: multipart/mixed; boundary=outer\r\n"
    "\r\n"
    "This is a multi-part message in MIME format.\r\n"
    "\r\n"
    "--outer\r\n"
    "Content-Type: multipart/alternative; boundary=inner\r\n"
    "\r\n"
    "This is a nested multi-part message in MIME format.\r\n"
    "\r\n"
    "--inner\r\n"
    "Content-Type: text/plain; charset=\"us-ascii\"\r\n"
    "\r\n"
    "Hello\r\n"
    "\r\n"
    "--inner\r\n"
    "Content-Type: text/html; charset=\"us-ascii\"\r\n"
    "\r\n"
    "<html><body>Hello</body></html>\r\n"
    "\r\n"
    "--inner--\r\n"
    "\r\n"
    "This is the end of the inner MIME multipart.\r\n"
    "\r\n"
    "--outer\r\n"
    "Content-Type: message/rfc822\r\n"
    "\r\n"
    "From: Someone Else\r\n"
    "Subject: hello request\r\n"
    "\r\n"
    "Please say Hello\r\n"
    "\r\n"
    "--outer--\r\n"
    "\r\n"
    "This is the end of the outer MIME multipart.\r\n";

const std::string kOuterPreamble = "This is a multi-part message in MIME format.\r\n";
const std::string kOuterEpilogue = "\r\nThis is the end of the outer MIME multipart.\r\n";
const std::string kInnerPreamble = "This is a nested multi-part message in MIME format.\r\n";
const std::string kInnerEpilogue = "\r\nThis is the end of the inner MIME multipart.\r\n";
const std::string kNestedHeader = "From: Someone Else\r\nSubject: hello request\r\n";

TEST(BodyStringsTest, Rfc5173Section52Example) {
  const struct {
    std::string_view name;
    BodyTransform transform;
    std::vector<std::string_view> types;
    Strings strings;
  } cases[] = {
      // The lines marked '&' in the RFC: preambles and epilogues, each a
      // string of its own.
      {"multipart", BodyTransform::kContent, {"multipart"},
       {kOuterPreamble, kOuterEpilogue, kInnerPreamble, kInnerEpilogue}},
      // '$': the text/plain part and the body of the nested message, whose
      // type defaults to text/plain.
      {"text/plain", BodyTransform::kContent, {"text/plain"},
       {"Hello\r\n", "Please say Hello\r\n"}},
      // '%'.
      {"text/html", BodyTransform::kContent, {"text/html"},
       {"<html><body>Hello</body></html>\r\n"}},
      // '$' and '%'.
      {"text", BodyTransform::kContent, {"text"},
       {"Hello\r\n", "<html><body>Hello</body></html>\r\n", "Please say Hello\r\n"}},
      // '!': the header of the nested message, as one string.
      {"message/rfc822", BodyTransform::kContent, {"message/rfc822"}, {kNestedHeader}},
      {"message", BodyTransform::kContent, {"message"}, {kNestedHeader}},
      // "" selects every part.
      {"everything", BodyTransform::kContent, {""},
       {kOuterPreamble, kOuterEpilogue, kInnerPreamble, kInnerEpilogue, "Hello\r\n",
        "<html><body>Hello</body></html>\r\n", kNestedHeader, "Please say Hello\r\n"}},
      // Several types: each part once, in message order.
      {"several", BodyTransform::kContent, {"message", "text/plain", "TEXT/PLAIN"},
       {"Hello\r\n", kNestedHeader, "Please say Hello\r\n"}},
      {"case-insensitive", BodyTransform::kContent, {"Text/HTML"},
       {"<html><body>Hello</body></html>\r\n"}},
      // Types that select nothing (§5.2).
      {"no such type", BodyTransform::kContent, {"audio"}, {}},
      {"leading slash", BodyTransform::kContent, {"/plain"}, {}},
      {"trailing slash", BodyTransform::kContent, {"text/"}, {}},
      {"two slashes", BodyTransform::kContent, {"text/plain/x"}, {}},
      {"subtype only", BodyTransform::kContent, {"plain"}, {}},
      {"no types", BodyTransform::kContent, {}, {}},
      // §5.3: the text of the text parts, markup stripped.
      {":text", BodyTransform::kText, {}, {"Hello\r\n", "Hello\r\n", "Please say Hello\r\n"}},
      // §5.1: the body as it is.
      {":raw", BodyTransform::kRaw, {}, {kRfcExample.substr(kRfcExample.find("\r\n\r\n") + 4)}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Collect(kRfcExample, c.transform, c.types), c.strings) << c.name;
  }
}

// §4: without the empty line there is no body, and so no string at all.
TEST(BodyStringsTest, NoBody) {
  for (std::string_view bytes : {std::string_view("Subject: no body\r\n"),
                                 std::string_view("Subject: no body"), std::string_view("")}) {
    EXPECT_EQ(Collect(bytes, BodyTransform::kRaw), Strings{}) << bytes;
    EXPECT_EQ(Collect(bytes, BodyTransform::kText), Strings{}) << bytes;
    EXPECT_EQ(Collect(bytes, BodyTransform::kContent, {""}), Strings{}) << bytes;
  }
  // An empty body is one empty string.
  const std::string empty = "Subject: empty\r\n\r\n";
  EXPECT_EQ(Collect(empty, BodyTransform::kRaw), Strings{""});
  EXPECT_EQ(Collect(empty, BodyTransform::kText), Strings{""});
  EXPECT_EQ(Collect(empty, BodyTransform::kContent, {"text/plain"}), Strings{""});
}

TEST(BodyStringsTest, DecodingAndConversion) {
  const std::string message =
      "Content-Type: multipart/mixed; boundary=b\r\n"
      "\r\n"
      "--b\r\n"
      "Content-Type: text/plain; charset=iso-8859-1\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n"
      "\r\n"
      "caf=E9 =\r\n"
      "cr=E8me\r\n"
      "--b\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "\r\n"
      "w6l0w6kAYmlz\r\n"  // "été\0bis": a NUL does not end the string
      "--b\r\n"
      "Content-Type: application/octet-stream\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "Content-Disposition: attachment; filename=a.bin\r\n"
      "\r\n"
      "AP8BMg==\r\n"
      "--b\r\n"
      "Content-Type: text/plain\r\n"
      "Content-Disposition: attachment; filename=notes.txt\r\n"
      "Content-Transfer-Encoding: 8bit\r\n"
      "\r\n"
      "attached \xC3\xA9\r\n"
      "--b\r\n"
      "Content-Type: text/plain; charset=us-ascii\r\n"
      "Content-Transfer-Encoding: x-unknown\r\n"
      "\r\n"
      "as =3D is\r\n"
      "--b--\r\n";
  const std::string bis("\xC3\xA9t\xC3\xA9\0bis", 9);
  const std::string bytes("\x00\xFF\x01\x32", 4);
  EXPECT_EQ(Collect(message, BodyTransform::kText),
            (Strings{"caf\xC3\xA9 cr\xC3\xA8me", bis, "attached \xC3\xA9", "as =3D is"}));
  EXPECT_EQ(Collect(message, BodyTransform::kContent, {"application"}), Strings{bytes});
  EXPECT_EQ(Collect(message, BodyTransform::kContent, {"text/plain", "application/octet-stream"}),
            (Strings{"caf\xC3\xA9 cr\xC3\xA8me", bis, bytes, "attached \xC3\xA9", "as =3D is"}));
  // :raw keeps the transfer encodings.
  const Strings raw = Collect(message, BodyTransform::kRaw);
  ASSERT_EQ(raw.size(), 1u);
  EXPECT_NE(raw[0].find("caf=E9 =\r\ncr=E8me"), std::string::npos);
  EXPECT_NE(raw[0].find("w6l0w6kAYmlz"), std::string::npos);
}

TEST(BodyStringsTest, OddStructure) {
  const struct {
    std::string_view name;
    std::string message;
    BodyTransform transform;
    std::vector<std::string_view> types;
    Strings strings;
  } cases[] = {
      {"not MIME at all", "Subject: x\r\n\r\nline 1\r\nline 2\r\n", BodyTransform::kText, {},
       {"line 1\r\nline 2\r\n"}},
      {"not MIME, as text/plain", "Subject: x\r\n\r\nbody\r\n", BodyTransform::kContent,
       {"text/plain"}, {"body\r\n"}},
      // A multipart without a boundary is read as text/plain.
      {"no boundary", "Content-Type: multipart/mixed\r\n\r\n--x\r\nstuff\r\n",
       BodyTransform::kText, {}, {"--x\r\nstuff\r\n"}},
      {"no boundary is not multipart", "Content-Type: multipart/mixed\r\n\r\n--x\r\n",
       BodyTransform::kContent, {"multipart"}, {}},
      // A missing close delimiter ends the last part at the end; there is
      // then no epilogue.
      {"unclosed", "Content-Type: multipart/mixed; boundary=b\r\n\r\npre\r\n--b\r\n\r\nlast\r\n",
       BodyTransform::kContent, {""}, {"pre", "", "last\r\n"}},
      {"empty preamble and epilogue",
       "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nx\r\n--b--\r\n",
       BodyTransform::kContent, {"multipart"}, {"", ""}},
      // A part without its empty line: an empty body.
      {"part without body",
       "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n"
       "--b--\r\n",
       BodyTransform::kContent, {"text"}, {""}},
      // A digest's parts are message/rfc822 by default.
      {"digest",
       "Content-Type: multipart/digest; boundary=b\r\n\r\n--b\r\n\r\nSubject: one\r\n\r\n1\r\n"
       "--b--\r\n",
       BodyTransform::kContent, {"message/rfc822", "text"}, {"Subject: one\r\n", "1"}},
      // text/html elsewhere than in an alternative; other text types as
      // they are.
      {"text types",
       "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n"
       "<p>para&amp;graph</p>\r\n--b\r\nContent-Type: text/calendar\r\n\r\nBEGIN:VCALENDAR\r\n"
       "--b--\r\n",
       BodyTransform::kText, {}, {"\npara&graph\n", "BEGIN:VCALENDAR"}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Collect(c.message, c.transform, c.types), c.strings) << c.name;
  }
}

TEST(BodyStringsTest, Limits) {
  // A container the depth limit left unopened keeps its shape, empty: no
  // boundary or nested header is searched.
  mail::MessageLimits limits;
  limits.max_mime_depth = 1;
  mail::Message deep(limits);
  const std::string nested =
      "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n"
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\ninner\r\n--b--\r\n"
      "--a--\r\n";
  deep.Parse(nested);
  EXPECT_EQ(Collect(deep, BodyTransform::kContent, {"multipart"}), (Strings{"", "", "", ""}));
  EXPECT_EQ(Collect(deep, BodyTransform::kContent, {""}), (Strings{"", "", "", ""}));
  EXPECT_EQ(Collect(deep, BodyTransform::kText), Strings{});

  // A message/rfc822 part whose nested message the part limit cut off has
  // an empty header.
  limits = {};
  limits.max_mime_parts = 2;
  mail::Message cut(limits);
  cut.Parse(
      "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: message/rfc822\r\n"
      "\r\nSubject: lost\r\n\r\nbody\r\n--a--\r\n");
  EXPECT_EQ(Collect(cut, BodyTransform::kContent, {"message"}), Strings{""});

  // A message/rfc822 part at the depth limit: an empty header.
  limits = {};
  limits.max_mime_depth = 1;
  mail::Message limited(limits);
  limited.Parse(
      "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: message/rfc822\r\n"
      "\r\nSubject: unread\r\n\r\nbody\r\n--a--\r\n");
  EXPECT_EQ(Collect(limited, BodyTransform::kContent, {"message"}), Strings{""});
  EXPECT_EQ(Collect(limited, BodyTransform::kText), Strings{});
}

TEST(BodyStringsTest, StrippedHtmlIsCachedPerMessage) {
  mail::Message message;
  message.Parse(kRfcExample);
  BodyTextCache cache;
  std::string_view first;
  std::string_view again;
  {
    BodyStrings strings(message, BodyTransform::kText, {}, &cache);
    ASSERT_TRUE(strings.Next(&first));
    ASSERT_TRUE(strings.Next(&first));  // the text/html part
  }
  {
    BodyStrings strings(message, BodyTransform::kText, {}, &cache);
    ASSERT_TRUE(strings.Next(&again));
    ASSERT_TRUE(strings.Next(&again));
  }
  EXPECT_EQ(first, "Hello\r\n");
  EXPECT_EQ(first.data(), again.data());  // converted once
  // Decoded text is cached by the message itself.
  EXPECT_EQ(message.PartText(2).data(), message.PartText(2).data());

  // After Clear, another message gets its own text.
  cache.Clear();
  message.Parse(
      "Content-Type: text/html\r\n\r\n<b>other</b>\r\n");
  BodyStrings strings(message, BodyTransform::kText, {}, &cache);
  ASSERT_TRUE(strings.Next(&first));
  EXPECT_EQ(first, "other\r\n");
}

}  // namespace
}  // namespace sievekit::extensions::body
