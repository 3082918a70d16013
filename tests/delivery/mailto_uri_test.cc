// Tests for delivery/mailto_uri: the syntax checks of RFC 6068 mailto URIs
// as notification methods, the split of URI headers (RFC 5436 §2.7: which
// are used, which are ignored), addr-specs, schemes and %-decoding.
#include "delivery/mailto_uri.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::delivery {
namespace {

// The parsed URI as one line: "to=[..] cc=[..] subject=.. body=.. h=[..]",
// or "error: MESSAGE".
std::string Describe(std::string_view uri) {
  auto parsed = ParseMailtoUri(uri);
  if (!parsed.ok()) return "error: " + parsed.error().message;
  std::string out = "to=[";
  for (size_t i = 0; i < parsed->to.size(); ++i) {
    out += (i ? "|" : "") + parsed->to[i].address;
    if (parsed->to[i].display != parsed->to[i].address) out += "(" + parsed->to[i].display + ")";
    if (!parsed->to[i].utf8_name.empty()) out += "{" + parsed->to[i].utf8_name + "}";
  }
  out += "] cc=[";
  for (size_t i = 0; i < parsed->cc.size(); ++i) out += (i ? "|" : "") + parsed->cc[i].address;
  out += "]";
  if (parsed->has_subject) out += " subject=" + parsed->subject;
  if (parsed->has_body) out += " body=" + parsed->body;
  if (!parsed->headers.empty()) {
    out += " h=[";
    for (const auto& [name, value] : parsed->headers) out += name + ":" + value + ";";
    out += "]";
  }
  return out;
}

struct Case {
  std::string_view uri;
  std::string expected;
};

TEST(MailtoUriTest, ValidUris) {
  const Case cases[] = {
      {"mailto:alm@example.com", "to=[alm@example.com] cc=[]"},
      {"MAILTO:alm@example.com", "to=[alm@example.com] cc=[]"},
      {"mailto:", "to=[] cc=[]"},
      {"mailto:a@example.com%2cb@example.org", "to=[a@example.com|b@example.org] cc=[]"},
      {"mailto:a@example.com,b@example.org", "to=[a@example.com|b@example.org] cc=[]"},
      {"mailto:a@example.com?cc=c@example.net&subject=Frop%20received",
       "to=[a@example.com] cc=[c@example.net] subject=Frop received"},
      // RFC 5435 example 6: an :encodeurl'd body cannot add parameters.
      {"mailto:tim@example.com?body=Safe%20body%26evil%3Devilbody",
       "to=[tim@example.com] cc=[] body=Safe body&evil=evilbody"},
      // RFC 5436 §3: "to" URI headers add recipients.
      {"mailto:0123456789@sms.example.net?to=backup@example.com",
       "to=[0123456789@sms.example.net|backup@example.com] cc=[]"},
      {"mailto:?to=Jo%20%3Cjo@example.com%3E", "to=[jo@example.com(Jo <jo@example.com>)] cc=[]"},
      {"mailto:?to=%3D%3Futf-8%3Fq%3FG%3DC3%3DBCnther%3F%3D%20%3Cg@example.com%3E",
       "to=[g@example.com(=?utf-8?q?G=C3=BCnther?= <g@example.com>)] cc=[]"},
      {"mailto:?to=G%C3%BCnther%20%3Cg@example.com%3E",
       "to=[g@example.com(G\xc3\xbcnther <g@example.com>){G\xc3\xbcnther}] cc=[]"},
      // The first subject and body win.
      {"mailto:a@example.com?subject=one&subject=two&body=x&body=y",
       "to=[a@example.com] cc=[] subject=one body=x"},
      // Unsafe or unknown headers are ignored (RFC 5436 §2.7).
      {"mailto:a@example.com?from=evil@example.net&auto-submitted=no&received=x&"
       "message-id=%3Cx@y%3E&date=now&bcc=b@example.com&x-frop=1",
       "to=[a@example.com] cc=[]"},
      {"mailto:a@example.com?keywords=k&In-Reply-To=%3Cid@x%3E",
       "to=[a@example.com] cc=[] h=[Keywords:k;In-Reply-To:<id@x>;]"},
      {"mailto:a@example.com?body=a/b?c=d", "to=[a@example.com] cc=[] body=a/b?c=d"},
      {"mailto:%22john%20doe%22@example.com", "to=[\"john doe\"@example.com] cc=[]"},
      // A raw quote is no qchar (RFC 6068 §2).
      {"mailto:\"john\"@example.com", "error: invalid character '\"' in the recipients of the URI"},
      {"mailto:a@example.com?cc=", "to=[a@example.com] cc=[]"},
      {"mailto:a@[192.0.2.1]", "to=[a@[192.0.2.1]] cc=[]"},
  };
  for (const Case& c : cases) EXPECT_EQ(Describe(c.uri), c.expected) << c.uri;
}

TEST(MailtoUriTest, InvalidUris) {
  const Case cases[] = {
      {"snailto:a@example.com", "error: not a mailto URI"},
      {"a@example.com", "error: not a mailto URI"},
      {"mailto:stephan@example.org;?header=frop",
       "error: invalid recipient 'stephan@example.org;' in the URI"},
      {"mailto:stephan@example.org?header<=frop",
       "error: invalid character '<' in a URI header name"},
      {"mailto:stephan@example.org?header=fr>op",
       "error: invalid character '>' in a URI header value"},
      {"mailto:stephan@example.org?header:=frop", "error: invalid URI header name 'header:'"},
      {"mailto:stephan%23example.org", "error: invalid recipient 'stephan#example.org' in the URI"},
      {"mailto:stephan@example.org?to=nico%23frop.example.org",
       "error: invalid 'to' URI header: 'nico#frop.example.org' is not a valid address"},
      {"mailto:a b@example.com", "error: invalid character ' ' in the recipients of the URI"},
      {"mailto:a@example.com%2", "error: invalid %-escape in the URI's recipients"},
      {"mailto:a@example.com?subject", "error: URI header 'subject' has no '='"},
      {"mailto:a@example.com?subject=%ff", "error: URI header 'subject' is not UTF-8"},
      {"mailto:a@example.com?keywords=a%0D%0Ab", "error: URI header 'keywords' holds a line break"},
      {"mailto:a@example.com,", "error: invalid recipient '' in the URI"},
  };
  for (const Case& c : cases) EXPECT_EQ(Describe(c.uri), c.expected) << c.uri;
}

TEST(MailtoUriTest, AddrSpec) {
  EXPECT_TRUE(IsAddrSpec("a@example.com"));
  EXPECT_TRUE(IsAddrSpec("a.b+c@sub.example.com"));
  EXPECT_TRUE(IsAddrSpec("\"a b\"@example.com"));
  EXPECT_TRUE(IsAddrSpec("a@[192.0.2.1]"));
  EXPECT_FALSE(IsAddrSpec("a"));
  EXPECT_FALSE(IsAddrSpec("@example.com"));
  EXPECT_FALSE(IsAddrSpec("a@"));
  EXPECT_FALSE(IsAddrSpec("a..b@example.com"));
  EXPECT_FALSE(IsAddrSpec("a@example..com"));
  EXPECT_FALSE(IsAddrSpec("A <a@example.com>"));
  EXPECT_FALSE(IsAddrSpec("a@example.com;"));
}

TEST(MailtoUriTest, SchemeAndDecoding) {
  EXPECT_EQ(UriScheme("MailTo:x"), "mailto");
  EXPECT_EQ(UriScheme("tel:+14085551212"), "tel");
  EXPECT_EQ(UriScheme("xmpp:tim@example.com?message"), "xmpp");
  EXPECT_EQ(UriScheme("1abc:x"), "");
  EXPECT_EQ(UriScheme("no scheme"), "");
  EXPECT_EQ(UriScheme(":x"), "");
  std::string out;
  EXPECT_TRUE(PercentDecode("a%20b%2C%2c", &out));
  EXPECT_EQ(out, "a b,,");
  EXPECT_FALSE(PercentDecode("%G0", &out));
  EXPECT_FALSE(PercentDecode("%4", &out));
}

}  // namespace
}  // namespace sievekit::delivery
