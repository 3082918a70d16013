// Tests for mail/header_fields: splitting header sections (line endings,
// folding, malformed lines, mbox From lines, limits) and unfolding.
#include "mail/header_fields.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::mail {
namespace {

struct Field {
  std::string name;
  std::string raw;
  friend bool operator==(const Field&, const Field&) = default;
};

std::ostream& operator<<(std::ostream& os, const Field& f) {
  return os << "{" << f.name << ": [" << f.raw << "]}";
}

struct ScanCase {
  std::string_view name;
  std::string bytes;
  std::vector<Field> fields;
  std::string_view body;  // expected body bytes
  bool has_body;
  uint32_t malformed;
};

std::vector<Field> Fields(const std::vector<HeaderField>& fields) {
  std::vector<Field> out;
  for (const HeaderField& f : fields)
    out.push_back({std::string(f.name()), std::string(f.raw_value())});
  return out;
}

TEST(ScanHeaderSectionTest, Table) {
  const ScanCase cases[] = {
      {"crlf", "A: 1\r\nB: 2\r\n\r\nbody", {{"A", " 1"}, {"B", " 2"}}, "body", true, 0},
      {"lf", "A: 1\nB: 2\n\nbody\n", {{"A", " 1"}, {"B", " 2"}}, "body\n", true, 0},
      {"mixed", "A: 1\r\nB: 2\n\r\nbody", {{"A", " 1"}, {"B", " 2"}}, "body", true, 0},
      {"blank crlf after lf", "A: 1\n\r\nbody", {{"A", " 1"}}, "body", true, 0},
      {"no blank line", "A: 1\r\nB: 2", {{"A", " 1"}, {"B", " 2"}}, "", false, 0},
      {"no body", "A: 1\r\n\r\n", {{"A", " 1"}}, "", true, 0},
      {"empty", "", {}, "", false, 0},
      {"only blank", "\r\nbody", {}, "body", true, 0},
      {"folded",
       "A: 1\r\n 2\r\n\t3\r\nB: x\r\n\r\n",
       {{"A", " 1\r\n 2\r\n\t3"}, {"B", " x"}},
       "",
       true,
       0},
      {"whitespace-only continuation",
       "A: 1\r\n  \r\n 2\r\n\r\n",
       {{"A", " 1\r\n  \r\n 2"}},
       "",
       true,
       0},
      {"empty value", "A:\r\nB:\r\n\r\n", {{"A", ""}, {"B", ""}}, "", true, 0},
      {"no space after colon", "A:x\r\n\r\n", {{"A", "x"}}, "", true, 0},
      {"colon in value", "A: b: c\r\n\r\n", {{"A", " b: c"}}, "", true, 0},
      {"space before colon", "Subject : x\r\n\r\n", {{"Subject", " x"}}, "", true, 0},
      {"tab before colon", "Subject\t: x\r\n\r\n", {{"Subject", " x"}}, "", true, 0},
      {"colon-less line skipped",
       "A: 1\r\njunk line\r\n more junk\r\nB: 2\r\n\r\n",
       {{"A", " 1"}, {"B", " 2"}},
       "",
       true,
       1},
      {"leading continuation skipped",
       " lead\r\n\tmore\r\nA: 1\r\n\r\n",
       {{"A", " 1"}},
       "",
       true,
       1},
      {"empty name", ": x\r\nA: 1\r\n\r\n", {{"A", " 1"}}, "", true, 1},
      {"space in name", "Bad Name: x\r\n\r\n", {}, "", true, 1},
      {"8-bit name", "Caf\xC3\xA9: x\r\n\r\n", {}, "", true, 1},
      {"nul in name", std::string("A\0B: x\r\n\r\n", 10), {}, "", true, 1},
      {"spaces and tab before colon", "A \t : b\r\n\r\n", {{"A", " b"}}, "", true, 0},
      {"text after space, no colon", "A x\r\n\r\n", {}, "", true, 1},
      {"name only", "Name\r\nA: 1\r\n\r\n", {{"A", " 1"}}, "", true, 1},
      {"control byte in name", "A\x01: x\r\n\r\n", {}, "", true, 1},
      {"del in name", "A\x7F: x\r\n\r\n", {}, "", true, 1},
      {"8-bit byte after space", "A \xE9: x\r\n\r\n", {}, "", true, 1},
      {"8-bit value", "A: caf\xE9\r\n\r\n", {{"A", " caf\xE9"}}, "", true, 0},
      {"nul in value",
       std::string("A: a\0b\r\n\r\n", 10),
       {{"A", std::string(" a\0b", 4)}},
       "",
       true,
       0},
      {"lone cr is data", "A: a\rb\r\n\r\n", {{"A", " a\rb"}}, "", true, 0},
      {"cr before final eof", "A: 1\r", {{"A", " 1"}}, "", false, 0},
      {"from line not at top",
       "A: 1\r\nFrom x@y Mon Jan 1 00:00:00 2024\r\n\r\n",
       {{"A", " 1"}},
       "",
       true,
       1},
  };
  for (const auto& c : cases) {
    std::vector<HeaderField> fields;
    const HeaderScanResult result = ScanHeaderSection(c.bytes, {}, &fields);
    EXPECT_EQ(Fields(fields), c.fields) << c.name;
    EXPECT_EQ(result.has_body, c.has_body) << c.name;
    EXPECT_EQ(std::string_view(c.bytes).substr(result.body_begin), c.body) << c.name;
    EXPECT_EQ(result.malformed_lines, c.malformed) << c.name;
    EXPECT_FALSE(result.mbox_from_line) << c.name;
  }
}

TEST(ScanHeaderSectionTest, FieldTextAndHeaderEnd) {
  const std::string bytes = "A: 1\r\n 2\r\nB: 3\r\n\r\nbody";
  std::vector<HeaderField> fields;
  const HeaderScanResult result = ScanHeaderSection(bytes, {}, &fields);
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].text(), "A: 1\r\n 2");
  EXPECT_EQ(fields[1].text(), "B: 3");
  EXPECT_EQ(std::string_view(bytes).substr(0, result.header_end), "A: 1\r\n 2\r\nB: 3\r\n");
}

TEST(ScanHeaderSectionTest, MboxFromLine) {
  HeaderScanOptions options;
  options.allow_mbox_from = true;
  std::vector<HeaderField> fields;
  HeaderScanResult result =
      ScanHeaderSection("From a@b Mon Jan 1 00:00:00 2024\nA: 1\n\nbody", options, &fields);
  EXPECT_TRUE(result.mbox_from_line);
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_EQ(fields[0].name(), "A");
  // "From:" is a field, not an mbox line.
  fields.clear();
  result = ScanHeaderSection("From: a@b\n\n", options, &fields);
  EXPECT_FALSE(result.mbox_from_line);
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_EQ(fields[0].name(), "From");
  // Without the option the line is malformed.
  fields.clear();
  result = ScanHeaderSection("From a@b Mon\nA: 1\n\n", {}, &fields);
  EXPECT_FALSE(result.mbox_from_line);
  EXPECT_EQ(result.malformed_lines, 1u);
}

TEST(ScanHeaderSectionTest, HeaderlessPart) {
  HeaderScanOptions options;
  options.headerless_if_first_line_malformed = true;
  for (std::string_view bytes : {"just text\r\nA: 1\r\n\r\nmore", " indented text\r\n"}) {
    std::vector<HeaderField> fields;
    const HeaderScanResult result = ScanHeaderSection(bytes, options, &fields);
    EXPECT_TRUE(fields.empty()) << bytes;
    EXPECT_TRUE(result.has_body) << bytes;
    EXPECT_EQ(result.body_begin, 0u) << bytes;
    EXPECT_EQ(result.header_end, 0u) << bytes;
  }
  // A malformed line later is skipped as usual.
  std::vector<HeaderField> fields;
  const HeaderScanResult result = ScanHeaderSection("A: 1\r\njunk\r\n\r\nx", options, &fields);
  EXPECT_EQ(fields.size(), 1u);
  EXPECT_EQ(result.malformed_lines, 1u);
}

TEST(ScanHeaderSectionTest, AppendsAfterExistingFields) {
  std::vector<HeaderField> fields;
  HeaderScanOptions options;
  options.max_fields = 2;
  ScanHeaderSection("A: 1\r\nB: 2\r\nC: 3\r\n\r\n", options, &fields);
  const HeaderScanResult second =
      ScanHeaderSection("D: 4\r\nE: 5\r\nF: 6\r\n\r\n", options, &fields);
  ASSERT_EQ(fields.size(), 4u);  // the limit counts per section
  EXPECT_EQ(fields[3].name(), "E");
  EXPECT_EQ(second.dropped_fields, 1u);
}

TEST(ScanHeaderSectionTest, Limits) {
  HeaderScanOptions options;
  options.max_fields = 2;
  options.max_field_size = 5;
  std::vector<HeaderField> fields;
  const HeaderScanResult result = ScanHeaderSection(
      "A: 123456789\r\nB: 12\r\n 34\r\nC: 1\r\nD: 2\r\n\r\nbody", options, &fields);
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].raw_value(), " 1234");
  EXPECT_TRUE(fields[0].truncated());
  EXPECT_EQ(fields[0].text(), "A: 123456789");  // the text is never cut
  EXPECT_EQ(fields[1].raw_value(), " 12\r\n");
  EXPECT_TRUE(fields[1].truncated());
  EXPECT_EQ(result.truncated_fields, 2u);
  EXPECT_EQ(result.dropped_fields, 2u);
  EXPECT_TRUE(result.has_body);  // the body is still found after dropped fields
}

TEST(UnfoldTest, Table) {
  const struct {
    std::string_view raw;
    std::string_view unfolded;
    bool is_view;  // no copy needed
  } cases[] = {
      {"", "", true},
      {" simple ", "simple", true},
      {" a\r\n b", "a b", false},
      {" a\n\tb", "a\tb", false},
      {"\r\n value on next line", "value on next line", true},
      {" a\r\n  \r\n b", "a   b", false},
      {" trailing\r\n  ", "trailing", true},
      {" a \r\n b ", "a  b", false},
      {" lone\rcr", "lone\rcr", true},
  };
  for (const auto& c : cases) {
    std::string scratch;
    const std::string_view unfolded = Unfold(c.raw, &scratch);
    EXPECT_EQ(unfolded, c.unfolded) << c.raw;
    const bool is_view = unfolded.empty() || (unfolded.data() >= c.raw.data() &&
                                              unfolded.data() < c.raw.data() + c.raw.size());
    EXPECT_EQ(is_view, c.is_view) << c.raw;
  }
}

TEST(FindFieldTest, CaseInsensitiveFirst) {
  std::vector<HeaderField> fields;
  ScanHeaderSection("content-type: a\r\nContent-Type: b\r\n\r\n", {}, &fields);
  const HeaderField* found = FindField(fields, "CONTENT-TYPE");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->raw_value(), " a");
  EXPECT_EQ(FindField(fields, "content-typ"), nullptr);
}

TEST(IsValidFieldNameTest, Table) {
  EXPECT_TRUE(IsValidFieldName("X-Spam-Flag"));
  EXPECT_TRUE(IsValidFieldName("!#$%"));
  EXPECT_FALSE(IsValidFieldName(""));
  EXPECT_FALSE(IsValidFieldName("a b"));
  EXPECT_FALSE(IsValidFieldName("a:b"));
  EXPECT_FALSE(IsValidFieldName("caf\xC3\xA9"));
}

}  // namespace
}  // namespace sievekit::mail
