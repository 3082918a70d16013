// Tests for editor/markers: reading every editor's marker, writing ours.
#include "editor/markers.h"

#include <gtest/gtest.h>

#include "editor/json_text.h"

namespace sievekit::editor {
namespace {

TEST(MarkersTest, ReadsMarkersOfManyEditors) {
  const struct {
    std::string comment;
    MarkerStyle style;
    std::string name;
    std::string id;
    std::optional<RuleKind> kind;
    bool disabled;
    std::string contacts;
  } cases[] = {
      {"# rule:[Drop all messages from the spam.com domain] id=r1\n", MarkerStyle::kCanonical,
       "Drop all messages from the spam.com domain", "r1", std::nullopt, false, ""},
      {"# rule:[Spam] id=spam kind=spam contacts=yes\r\n", MarkerStyle::kCanonical, "Spam", "spam",
       RuleKind::kSpam, false, "yes"},
      {"# rule:[Away] id=ooo kind=out_of_office disabled", MarkerStyle::kCanonical, "Away", "ooo",
       RuleKind::kOutOfOffice, true, ""},
      {"# rule:[a [b] c] id=x future=1", MarkerStyle::kCanonical, "a [b] c", "x", std::nullopt,
       false, ""},
      {"# rule:[two\\r\\nlines \\\\] id=r2", MarkerStyle::kCanonical, "two\r\nlines \\", "r2",
       std::nullopt, false, ""},
      {"# rule:[Roundcube rule]\n", MarkerStyle::kRoundcube, "Roundcube rule", "", std::nullopt,
       false, ""},
      {"# rule:[]", MarkerStyle::kRoundcube, "", "", std::nullopt, false, ""},
      // Without an id the attributes are Roundcube's business, not ours.
      {"# rule:[x] disabled kind=spam", MarkerStyle::kRoundcube, "x", "", std::nullopt, false, ""},
      {"# Filter: sievelib rule\n", MarkerStyle::kSievelib, "sievelib rule", "", std::nullopt,
       false, ""},
      {"## Flag: |UniqueId:7|Rulename: OX rule\n", MarkerStyle::kOpenXchange, "OX rule", "7",
       std::nullopt, false, ""},
      {"## Flag: vacation|UniqueId:2|Rulename: Vacation|Notice", MarkerStyle::kOpenXchange,
       "Vacation|Notice", "2", std::nullopt, false, ""},
      // An id that is not one of ours is dropped (the rule gets a hash id).
      {"# rule:[bad id] id=-x", MarkerStyle::kCanonical, "bad id", "", std::nullopt, false, ""},
  };
  for (const auto& c : cases) {
    std::optional<Marker> m = ReadMarker(c.comment);
    ASSERT_TRUE(m) << c.comment;
    EXPECT_EQ(m->style, c.style) << c.comment;
    EXPECT_EQ(m->name, c.name) << c.comment;
    EXPECT_EQ(m->id, c.id) << c.comment;
    EXPECT_EQ(m->kind, c.kind) << c.comment;
    EXPECT_EQ(m->disabled, c.disabled) << c.comment;
    EXPECT_EQ(m->contacts, c.contacts) << c.comment;
  }
}

TEST(MarkersTest, ReadsSnappyMailFilterHeaders) {
  // The filter as JSON, base64-encoded and wrapped in lines.
  const std::string encoded =
      Base64Encode(R"({"ID":"6a1f0c2e","Enabled":true,"Name":"Br\u00fcder \"&\" co","Stop":true})");
  std::string wrapped;
  for (size_t i = 0; i < encoded.size(); i += 20) wrapped += encoded.substr(i, 20) + "\r\n";
  const std::string header = "/*\r\nBEGIN:FILTER:6a1f0c2e\r\nBEGIN:HEADER\r\n" + wrapped + "END:HEADER\r\n*/";
  std::optional<Marker> m = ReadFilterHeader(header);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->style, MarkerStyle::kSnappyMail);
  EXPECT_EQ(m->name, "Br\xC3\xBC" "der \"&\" co");
  EXPECT_EQ(m->id, "6a1f0c2e");
  EXPECT_FALSE(m->disabled);
  // An id that is not one of ours is dropped; a missing name is empty.
  m = ReadFilterHeader("/*\nBEGIN:FILTER:x\nBEGIN:HEADER\n" + Base64Encode(R"({"ID":"a b"})") +
                       "\nEND:HEADER\n*/");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->id, "");
  EXPECT_EQ(m->name, "");
  for (const std::string& other :
       {std::string("/* END:FILTER */"), std::string("/* @Filter is disabled \nkeep;\n*/"),
        std::string("/* note\nBEGIN:FILTER:x\nBEGIN:HEADER\ne30=\nEND:HEADER\n*/"),
        std::string("/*\nBEGIN:FILTER:x\nBEGIN:HEADER\nnot base64!\nEND:HEADER\n*/"),
        std::string("/*\nBEGIN:FILTER:x\nBEGIN:HEADER\n") + Base64Encode("[1]") + "\nEND:HEADER\n*/",
        std::string("# rule:[x]")}) {
    EXPECT_FALSE(ReadFilterHeader(other)) << other;
  }
}

TEST(MarkersTest, OrdinaryCommentsAreNoMarkers) {
  for (const char* comment : {"# just a comment", "#rule:[x]", "# rule:x]", "# rule:[unclosed",
                              "# Filter:x", "/* rule:[x] */", "## Flags: x"}) {
    EXPECT_FALSE(ReadMarker(comment)) << comment;
  }
}

TEST(MarkersTest, WritesTheCanonicalMarker) {
  Rule r;
  r.id = "r1";
  r.name = "Drop all messages from the spam.com domain";
  EXPECT_EQ(WriteMarker(r), "# rule:[Drop all messages from the spam.com domain] id=r1");
  r.enabled = false;
  r.name = "line\nbreak ] and \\";
  EXPECT_EQ(WriteMarker(r), "# rule:[line\\nbreak ] and \\\\] id=r1 disabled");
  r.body = SpamRule{};
  r.enabled = true;
  r.name = "Spam";
  EXPECT_EQ(WriteMarker(r, "pending"), "# rule:[Spam] id=r1 kind=spam contacts=pending");
  r.body = OutOfOfficeRule{"x"};
  r.name = "";
  EXPECT_EQ(WriteMarker(r), "# rule:[] id=r1 kind=out_of_office");
}

TEST(MarkersTest, WrittenMarkersReadBack) {
  for (const std::string name : {"", "plain", "a]b]", "[x]", "tab\there", "cr\rlf\n", "\\n literal",
                                 "caf\xC3\xA9 \xE2\x9C\x93", " spaces "}) {
    Rule r;
    r.id = "id-1.x_y";
    r.name = name;
    r.enabled = false;
    std::optional<Marker> m = ReadMarker(WriteMarker(r));
    ASSERT_TRUE(m) << name;
    EXPECT_EQ(m->name, name);
    EXPECT_EQ(m->id, r.id);
    EXPECT_TRUE(m->disabled);
  }
}

TEST(MarkersTest, ValidIds) {
  for (const char* id : {"r1", "spam", "out_of_office", "h0ada719c-2", "A.b_c-d", "9"}) {
    EXPECT_TRUE(IsValidId(id)) << id;
  }
  for (const char* id : {"", "-a", ".a", "a b", "a]b", "é", "a=b"}) EXPECT_FALSE(IsValidId(id)) << id;
  EXPECT_TRUE(IsValidId(std::string(64, 'a')));
  EXPECT_FALSE(IsValidId(std::string(65, 'a')));
}

}  // namespace
}  // namespace sievekit::editor
