// Tests for mail/content_type: media types, parameters with quoting and
// comments, RFC 2231 continuations and charsets, RFC 2047 words in values,
// and the tolerated damage.
#include "mail/content_type.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace sievekit::mail {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

struct Case {
  std::string_view name;
  std::string_view value;
  bool with_subtype;
  bool valid;
  std::string_view type;
  std::string_view subtype;
  Params params;
};

TEST(ContentHeaderParserTest, Table) {
  const Case cases[] = {
      {"simple", "text/plain", true, true, "text", "plain", {}},
      {"uppercase", "Text/HTML; Charset=UTF-8", true, true, "text", "html", {{"charset", "UTF-8"}}},
      {"quoted",
       "multipart/mixed; boundary=\"=_a b;c\"",
       true,
       true,
       "multipart",
       "mixed",
       {{"boundary", "=_a b;c"}}},
      {"quoted escapes", "a/b; x=\"q\\\"uote\\\\\"", true, true, "a", "b", {{"x", "q\"uote\\"}}},
      {"comments",
       "text/plain (c1) ; (c2) charset (c3) = (c4) utf-8 (c5)",
       true,
       true,
       "text",
       "plain",
       {{"charset", "utf-8"}}},
      {"spaces around slash", "text / plain", true, true, "text", "plain", {}},
      {"trailing semicolon",
       "text/plain; charset=utf-8;",
       true,
       true,
       "text",
       "plain",
       {{"charset", "utf-8"}}},
      {"missing semicolons",
       "text/plain charset=utf-8 format=flowed",
       true,
       true,
       "text",
       "plain",
       {{"charset", "utf-8"}, {"format", "flowed"}}},
      {"unquoted tspecials",
       "multipart/mixed; boundary=----=_Part_1/2",
       true,
       true,
       "multipart",
       "mixed",
       {{"boundary", "----=_Part_1/2"}}},
      {"repeated keeps first",
       "text/plain; charset=a; charset=b",
       true,
       true,
       "text",
       "plain",
       {{"charset", "a"}}},
      {"empty value",
       "text/plain; x=\"\"; y=",
       true,
       true,
       "text",
       "plain",
       {{"x", ""}, {"y", ""}}},
      {"name without value", "text/plain; flag; x=1", true, true, "text", "plain", {{"x", "1"}}},
      {"unterminated quote",
       "text/plain; name=\"open",
       true,
       true,
       "text",
       "plain",
       {{"name", "open"}}},
      {"no subtype", "text", true, false, "", "", {}},
      {"empty subtype", "text/; charset=x", true, false, "", "", {{"charset", "x"}}},
      {"empty type", "/html", true, false, "", "", {}},
      {"empty", "", true, false, "", "", {}},
      // Found by message_fuzzer: the quoted pair of the final backslash
      // once stepped past the end of the value.
      {"unterminated comment ending in a backslash", "(multipart a3\\", true, false, "", "", {}},
      {"type then unterminated comment ending in a backslash",
       "text/plain (c\\",
       true,
       true,
       "text",
       "plain",
       {}},
      {"disposition",
       "Attachment; filename=\"a.pdf\"; size=42",
       false,
       true,
       "attachment",
       "",
       {{"filename", "a.pdf"}, {"size", "42"}}},
      {"disposition only params", "; filename=x", false, false, "", "", {{"filename", "x"}}},
      // RFC 2231.
      {"extended",
       "a/b; title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A",
       true,
       true,
       "a",
       "b",
       {{"title", "This is ***fun***"}}},
      {"extended utf-8",
       "a/b; name*=UTF-8''gr%C3%BCn.png",
       true,
       true,
       "a",
       "b",
       {{"name", "gr\xC3\xBCn.png"}}},
      {"extended latin1",
       "a/b; name*=iso-8859-1''caf%E9",
       true,
       true,
       "a",
       "b",
       {{"name", "caf\xC3\xA9"}}},
      {"extended no charset",
       "a/b; name*=''caf%E9",
       true,
       true,
       "a",
       "b",
       {{"name", "caf\xC3\xA9"}}},
      {"extended no quotes",
       "a/b; name*=plain%20text",
       true,
       true,
       "a",
       "b",
       {{"name", "plain text"}}},
      {"extended unknown charset",
       "a/b; name*=x-bogus''%41%E9",
       true,
       true,
       "a",
       "b",
       {{"name", "A\xC3\xA9"}}},
      {"continuations",
       "a/b; url*0=\"ftp://\"; url*1=\"cs.utk.edu/pub/\"; url*2=x.txt",
       true,
       true,
       "a",
       "b",
       {{"url", "ftp://cs.utk.edu/pub/x.txt"}}},
      {"continuations out of order",
       "a/b; n*1=B; n*0=A; n*2=C",
       true,
       true,
       "a",
       "b",
       {{"n", "ABC"}}},
      {"extended continuations",
       "a/b; t*0*=us-ascii'en'This%20is%20even%20more%20; t*1*=%2A%2A%2Afun%2A%2A%2A%20; "
       "t*2=\"isn't it!\"",
       true,
       true,
       "a",
       "b",
       {{"t", "This is even more ***fun*** isn't it!"}}},
      {"continuation gap", "a/b; n*0=A; n*2=C", true, true, "a", "b", {{"n", "A"}}},
      {"no section zero", "a/b; n*1=B", true, true, "a", "b", {}},
      {"2231 wins over plain",
       "a/b; name=\"old.txt\"; name*=utf-8''new.txt",
       true,
       true,
       "a",
       "b",
       {{"name", "new.txt"}}},
      {"bad percent kept", "a/b; n*=utf-8''50%25%zz%4", true, true, "a", "b", {{"n", "50%%zz%4"}}},
      {"uppercase names", "a/b; NAME*0=A; Name*1=B", true, true, "a", "b", {{"name", "AB"}}},
      // RFC 2047 words in values (common, not standard).
      {"encoded word value",
       "a/b; name=\"=?utf-8?B?w6lsw6h2ZS5wZGY=?=\"",
       true,
       true,
       "a",
       "b",
       {{"name", "\xC3\xA9l\xC3\xA8ve.pdf"}}},
      {"raw latin1 value",
       "a/b; name=\"caf\xE9.txt\"",
       true,
       true,
       "a",
       "b",
       {{"name", "caf\xC3\xA9.txt"}}},
  };
  ContentHeaderParser parser;
  TextArena arena;
  WordDecoder words;
  CharsetConverter charsets;
  for (const auto& c : cases) {
    std::vector<MimeParameter> params;
    const ContentHeader header =
        parser.Parse(c.value, c.with_subtype, &arena, &words, &charsets, &params);
    EXPECT_EQ(header.valid, c.valid) << c.name;
    EXPECT_EQ(header.type, c.type) << c.name;
    EXPECT_EQ(header.subtype, c.subtype) << c.name;
    Params got;
    for (const MimeParameter& p : params) got.emplace_back(p.name, p.value);
    EXPECT_EQ(got, c.params) << c.name;
  }
}

TEST(ContentHeaderParserTest, AppendsAfterOtherHeadersParameters) {
  ContentHeaderParser parser;
  TextArena arena;
  WordDecoder words;
  CharsetConverter charsets;
  std::vector<MimeParameter> params;
  parser.Parse("multipart/mixed; boundary=outer", true, &arena, &words, &charsets, &params);
  // The same name in the next header is not a repeat of the first header's.
  parser.Parse("multipart/mixed; boundary=inner", true, &arena, &words, &charsets, &params);
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(params[1].value, "inner");
  EXPECT_EQ(FindParameter(std::span<const MimeParameter>(params).subspan(1), "boundary"), "inner");
}

TEST(ContentHeaderParserTest, ParameterCountIsBounded) {
  std::string value = "text/plain";
  for (int i = 0; i < 500; ++i) value += "; p" + std::to_string(i) + "=v";
  ContentHeaderParser parser;
  TextArena arena;
  WordDecoder words;
  CharsetConverter charsets;
  std::vector<MimeParameter> params;
  parser.Parse(value, true, &arena, &words, &charsets, &params);
  EXPECT_EQ(params.size(), ContentHeaderParser::kMaxParameters);
}

TEST(LowercaseInArenaTest, CopiesOnlyWhenNeeded) {
  TextArena arena;
  std::string scratch;
  const std::string_view lower = "already";
  EXPECT_EQ(LowercaseInArena(lower, &arena, &scratch).data(), lower.data());
  EXPECT_EQ(LowercaseInArena("MiXeD", &arena, &scratch), "mixed");
}

}  // namespace
}  // namespace sievekit::mail
