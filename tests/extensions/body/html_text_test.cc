// Tests for extensions/body/html_text: what HtmlToText keeps, drops and
// decodes, on well-formed and broken HTML, and that it stays linear and
// never grows its input.
#include "extensions/body/html_text.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::extensions::body {
namespace {

TEST(HtmlTextTest, StripsMarkup) {
  const struct {
    std::string_view html;
    std::string_view text;
  } cases[] = {
      {"", ""},
      {"plain text", "plain text"},
      {"<html><body>Hello</body></html>\r\n", "Hello\r\n"},
      {"project <b>schedule</b>", "project schedule"},
      {"<P>one</P><p>two", "\none\n\ntwo"},
      {"a<br>b<BR/>c<br />d", "a\nb\nc\nd"},
      {"<table><tr><td>a</td><td>b</td></tr></table>", "\n\n a  b \n\n"},
      {"<div class=\"x\">in</div>", "\nin\n"},
      {"<a href=\"x>y\" title='a>b'>link</a>", "link"},
      // Comments, declarations, processing instructions.
      {"<!DOCTYPE html><!-- a <b>comment</b> -->text<?xml x?>", "text"},
      {"before<!-- never closed", "before"},
      // The contents of script and style are not text.
      {"a<script type=\"text/javascript\">if (a < b) { x = \"</p>\"; }</script>b", "ab"},
      {"a<STYLE>p { color: red }</Style >b", "ab"},
      {"a<script>never closed", "a"},
      {"a<script/>b", "ab"},
      {"a<scripts>b</scripts>c", "abc"},
      // A '<' that starts no tag is text.
      {"1 < 2 and 3 <= 4", "1 < 2 and 3 <= 4"},
      {"a<", "a<"},
      // An unterminated tag ends the text.
      {"a<b c=\"d", "a"},
      // Character references.
      {"&amp;&lt;&gt;&quot;&apos;", "&<>\"'"},
      {"project&nbsp;schedule", "project schedule"},
      {"soft&shy;hyphen", "softhyphen"},
      {"&copy; &euro; &hellip; &mdash;", "\xC2\xA9 \xE2\x82\xAC \xE2\x80\xA6 \xE2\x80\x94"},
      {"&#65;&#x42;&#X43;&#233;&#x1F600;", "ABC\xC3\xA9\xF0\x9F\x98\x80"},
      {"&#65&#66;", "AB"},  // the semicolon of a numeric reference is optional
      {"&#0;&#xD800;&#x110000;&#99999999999;",
       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"&unknown; &amp &# &#x; & x", "&unknown; &amp &# &#x; & x"},
      {"&AMP;", "&AMP;"},  // names are case-sensitive; this one is not in the table
      // Non-ASCII text passes through.
      {"<p>caf\xC3\xA9</p>", "\ncaf\xC3\xA9\n"},
  };
  std::string out = "stale";
  for (const auto& c : cases) {
    HtmlToText(c.html, &out);
    EXPECT_EQ(out, c.text) << c.html;
    EXPECT_LE(out.size(), c.html.size()) << c.html;
  }
}

TEST(HtmlTextTest, LinearOnHostileInput) {
  std::string out;
  // Many unterminated constructs, each of which must not restart a scan.
  const std::string opens(200000, '<');
  HtmlToText(opens, &out);
  EXPECT_EQ(out, opens);
  std::string tags;
  for (int i = 0; i < 50000; ++i) tags += "</scrip";
  HtmlToText("<script>" + tags, &out);
  EXPECT_EQ(out, "");
  std::string amps;
  for (int i = 0; i < 50000; ++i) amps += "&#x";
  HtmlToText(amps, &out);
  EXPECT_EQ(out, amps);
}

}  // namespace
}  // namespace sievekit::extensions::body
