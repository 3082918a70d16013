// Tests for editor/sieve_text: string lists, texts, argument reading, mailto
// URIs and normalised tokens.
#include "editor/sieve_text.h"

#include <gtest/gtest.h>

#include "parser/parser.h"
#include "parser/string_literal.h"

namespace sievekit::editor {
namespace {

TEST(SieveTextTest, StringLists) {
  EXPECT_EQ(SieveString("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(SieveStringList({"one"}), "\"one\"");
  EXPECT_EQ(SieveStringList({"a", "b\"c"}), "[\"a\", \"b\\\"c\"]");
}

TEST(SieveTextTest, TextsRoundTripThroughTheStringReader) {
  const struct {
    std::string text;
    std::string newline;
    std::string token;
  } cases[] = {
      {"one line", "\n", "\"one line\""},
      {"two\nlines", "\n", "\"two\nlines\""},
      {"two\nlines", "\r\n", "\"two\r\nlines\""},
      {"ends\n", "\n", "text:\nends\n.\n"},
      {".dot\n..\n", "\n", "text:\n..dot\n...\n.\n"},
      {"quote \" and \\\n", "\r\n", "text:\r\nquote \" and \\\r\n.\r\n"},
  };
  for (const auto& c : cases) {
    const std::string token = SieveText(c.text, c.newline);
    EXPECT_EQ(token, c.token);
    const std::string value = token.starts_with("text:") ? syntax::DecodeMultiLineString(token)
                                                         : syntax::DecodeQuotedString(token);
    EXPECT_EQ(ModelText(value), c.text) << c.text;
  }
  EXPECT_EQ(ModelText("a\rb"), std::nullopt);
  EXPECT_EQ(ModelText("a\nb"), std::nullopt);
  EXPECT_EQ(ModelText("bad\xFF"), std::nullopt);
  EXPECT_TRUE(IsLineValue("caf\xC3\xA9"));
  EXPECT_FALSE(IsLineValue("a\r\nb"));
}

TEST(SieveTextTest, ReadsArguments) {
  syntax::ParseResult r = syntax::Parse(std::make_shared<SourceFile>(
      "t", "x :comparator \"i;octet\" :is :copy \"a\" [\"b\", \"c\"] 7;\ny :comparator;\nz :is :is;"));
  ASSERT_EQ(r.tree.commands.size(), 3u);
  CallArguments a = ReadArguments(r.tree.commands[0].arguments, {"comparator"});
  EXPECT_TRUE(a.valid);
  ASSERT_EQ(a.tags.size(), 3u);
  EXPECT_EQ(SingleStringOf(a.tags.at("comparator")), "i;octet");
  EXPECT_EQ(a.tags.at("is"), nullptr);
  ASSERT_EQ(a.positional.size(), 3u);
  EXPECT_EQ(SingleStringOf(a.positional[0]), "a");
  EXPECT_EQ(SingleStringOf(a.positional[1]), std::nullopt);
  EXPECT_EQ(StringsOf(a.positional[1]), (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(StringsOf(a.positional[2]), std::nullopt);
  EXPECT_FALSE(ReadArguments(r.tree.commands[1].arguments, {"comparator"}).valid);
  EXPECT_FALSE(ReadArguments(r.tree.commands[2].arguments, {}).valid);
}

TEST(SieveTextTest, MailtoUris) {
  const struct {
    std::string address;
    std::string uri;
  } cases[] = {
      {"john.blumonday@t-mobile.com", "mailto:john.blumonday@t-mobile.com"},
      {"a+b@x.org", "mailto:a+b@x.org"},
      {"we?ird#&%@x", "mailto:we%3Fird%23%26%25@x"},
      {"caf\xC3\xA9@x", "mailto:caf%C3%A9@x"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(MailtoUri(c.address), c.uri);
    EXPECT_EQ(AddressOfMailtoUri(c.uri), c.address);
  }
  EXPECT_EQ(AddressOfMailtoUri("MAILTO:a@b"), std::nullopt);  // not as written by MailtoUri
  EXPECT_EQ(AddressOfMailtoUri("mailto:a@b?subject=x"), std::nullopt);
  EXPECT_EQ(AddressOfMailtoUri("sms:123"), std::nullopt);
}

TEST(SieveTextTest, NormalizedTokens) {
  EXPECT_EQ(NormalizedText("IF  Header :CONTAINS \"Subject\"\n\"x\" # c\n{ Keep ; }"),
            "if header :contains \"Subject\" \"x\" { keep ; }");
  EXPECT_EQ(NormalizedText("reject text:\nhi\n.\n;"), "reject \"hi\r\n\" ;");
  EXPECT_EQ(NormalizedText("if {"), "");
  EXPECT_TRUE(EqualsNoCase("X-Spam-Flag", "x-spam-flag"));
  EXPECT_FALSE(EqualsNoCase("a", "ab"));
}

}  // namespace
}  // namespace sievekit::editor
