// Tests for extensions/notify/notify_macros: each macro of the legacy
// notify, case-insensitive names, decoded headers, $text[N]$ limits that
// never cut a UTF-8 character, the text part chosen, and text that only
// looks like a macro.
#include "extensions/notify/notify_macros.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::extensions {
namespace {

constexpr std::string_view kMessage =
    "From: =?utf-8?q?J=C3=BCrgen?= Smith <jurgen@example.com>\r\n"
    "To: me@example.org\r\n"
    "Subject: =?iso-8859-1?q?Caf=E9?= tonight\r\n"
    "\r\n"
    "  Meet at eight. Bring the tickets.\r\n";

std::string Expand(std::string_view text, std::string_view message = kMessage,
                   std::string envelope_from = "<bounce@example.com>") {
  mail::Message m;
  const std::string bytes(message);
  m.Parse(bytes);
  mail::Envelope envelope;
  envelope.mail_from = std::move(envelope_from);
  std::string out;
  ExpandNotifyMacros(text, m, envelope, &out);
  return out;
}

struct Case {
  std::string_view text;
  std::string expected;
};

TEST(NotifyMacrosTest, EachMacro) {
  const Case cases[] = {
      {"$from$", "jurgen@example.com"},
      {"$from-name$", "J\xc3\xbcrgen Smith"},
      {"$env-from$", "bounce@example.com"},
      {"$subject$", "Caf\xc3\xa9 tonight"},
      {"$text$", "Meet at eight. Bring the tickets."},
      {"$text[5]$", "Meet "},
      {"$text[0]$", ""},
      {std::string_view(kLegacyDefaultMessage), "jurgen@example.com: Caf\xc3\xa9 tonight"},
  };
  for (const Case& c : cases) EXPECT_EQ(Expand(c.text), c.expected) << c.text;
}

TEST(NotifyMacrosTest, NamesIgnoreCase) {
  EXPECT_EQ(Expand("$FROM$|$Subject$|$TEXT[4]$|$Env-From$|$From-Name$"),
            "jurgen@example.com|Caf\xc3\xa9 tonight|Meet|bounce@example.com|J\xc3\xbcrgen Smith");
}

TEST(NotifyMacrosTest, TextIsMisreadNever) {
  const Case cases[] = {
      {"no macros", "no macros"},
      {"$unknown$ $subject$", "$unknown$ Caf\xc3\xa9 tonight"},
      {"costs $5 $subject$", "costs $5 Caf\xc3\xa9 tonight"},
      {"$subject", "$subject"},
      {"$$from$", "$jurgen@example.com"},
      {"$text[x]$", "$text[x]$"},
      {"$text[]$", "$text[]$"},
      {"$text[-1]$", "$text[-1]$"},
      {"$$", "$$"},
  };
  for (const Case& c : cases) EXPECT_EQ(Expand(c.text), c.expected) << c.text;
}

TEST(NotifyMacrosTest, TextNeverCutsACharacter) {
  // "é" is two bytes: five characters of "ééééé..." are ten bytes.
  const std::string message =
      "From: a@example.com\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
      "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\r\n";
  EXPECT_EQ(Expand("$text[5]$", message), "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9");
  EXPECT_EQ(Expand("$text[1]$", message), "\xc3\xa9");
  // The default is 128 characters.
  std::string long_body(300, 'x');
  EXPECT_EQ(Expand("$text$", "From: a@example.com\r\n\r\n" + long_body + "\r\n"),
            std::string(128, 'x'));
  // A huge N is capped.
  EXPECT_EQ(Expand("$text[99999999999999999999]$",
                   "From: a@example.com\r\n\r\n" + std::string(5000, 'y') + "\r\n"),
            std::string(kMaxTextCharacters, 'y'));
}

TEST(NotifyMacrosTest, FirstTextPartPrefersPlainText) {
  const std::string message =
      "From: a@example.com\r\n"
      "Content-Type: multipart/mixed; boundary=b\r\n"
      "\r\n"
      "--b\r\n"
      "Content-Type: text/html\r\n"
      "\r\n"
      "<p>html</p>\r\n"
      "--b\r\n"
      "Content-Type: text/plain; charset=iso-8859-1\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n"
      "\r\n"
      "Caf=E9 plain\r\n"
      "--b\r\n"
      "Content-Type: text/plain\r\n"
      "Content-Disposition: attachment; filename=a.txt\r\n"
      "\r\n"
      "attached\r\n"
      "--b--\r\n";
  EXPECT_EQ(Expand("$text$", message), "Caf\xc3\xa9 plain");
  EXPECT_EQ(Expand("[$text$]", "From: a@example.com\r\nContent-Type: image/png\r\n\r\nxx\r\n"),
            "[]");
}

TEST(NotifyMacrosTest, MissingHeadersAreEmpty) {
  EXPECT_EQ(Expand("[$from$][$from-name$][$subject$][$env-from$]",
                   "To: me@example.org\r\n\r\nbody\r\n", "<>"),
            "[][][][]");
  // Without a display name, $from-name$ is the address.
  EXPECT_EQ(Expand("$from-name$", "From: a@example.com\r\n\r\n"), "a@example.com");
}

}  // namespace
}  // namespace sievekit::extensions
