// Tests for common/diagnostic_render: exact clang-style text and JSON.
#include "common/diagnostic_render.h"

#include <gtest/gtest.h>

#include "common/diagnostic_catalogue.h"

namespace sievekit {
namespace {

TEST(DiagnosticRenderTest, TextHasLocationLineCaretAndNotes) {
  SourceFile file("s.sieve", "require \"x\";\nfilein \"INBOX\";\n");
  Diagnostics d;
  d.Report(diag::kUnknownCommand, {13, 19}, "filein")
      .Note("did you mean 'fileinto'?")
      .Note("declared here", Span{0, 7});
  EXPECT_EQ(RenderText(file, d),
            "s.sieve:2:1: error: unknown command 'filein' [unknown-command]\n"
            "filein \"INBOX\";\n"
            "^~~~~~\n"
            "note: did you mean 'fileinto'?\n"
            "s.sieve:1:1: note: declared here\n"
            "require \"x\";\n"
            "^~~~~~~\n");
}

TEST(DiagnosticRenderTest, CaretAlignsAfterTabsAndMultibyteCharacters) {
  SourceFile file("s", "\t\"\xC3\xA9\" bad");
  Diagnostics d;
  d.Report(diag::kUnknownTest, {6, 9}, "bad");
  EXPECT_EQ(RenderText(file, d),
            "s:1:6: error: unknown test 'bad' [unknown-test]\n"
            "\t\"\xC3\xA9\" bad\n"
            "\t    ^~~\n");
}

TEST(DiagnosticRenderTest, EmptySpanAtEndOfLine) {
  SourceFile file("s", "keep\n");
  Diagnostics d;
  d.Report(diag::kExpected, {4, 4}, "';'", "end of file");
  EXPECT_EQ(RenderText(file, d),
            "s:1:5: error: expected ';', found end of file [expected]\n"
            "keep\n"
            "    ^\n");
}

TEST(DiagnosticRenderTest, LongLinesShowAWindowAroundTheCaret) {
  const std::string line = std::string(1000, 'a') + "bad" + std::string(1000, 'b');
  const struct {
    std::string_view name;
    uint32_t begin;
    uint32_t end;
    std::string shown;
    std::string underline;
  } cases[] = {
      {"middle: 60 bytes before, 160 in all", 1000, 1003,
       "..." + std::string(60, 'a') + "bad" + std::string(97, 'b') + "...",
       std::string(63, ' ') + "^~~"},
      {"start: nothing cut before", 0, 1, std::string(160, 'a') + "...", "^"},
      {"end of line: nothing cut after", 2003, 2003, "..." + std::string(60, 'b'),
       std::string(63, ' ') + "^"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    SourceFile file("s", line);
    Diagnostics d;
    d.Report(diag::kUnknownTest, {c.begin, c.end}, "bad");
    const std::string text = RenderText(file, d);
    const size_t first = text.find('\n');
    EXPECT_EQ(text.substr(first + 1), c.shown + "\n" + c.underline + "\n");
  }
  // A multibyte character is never cut: the window starts before it.
  SourceFile file("s", std::string(100, 'a') + "\xC3\xA9" + std::string(200, 'a') + "bad");
  Diagnostics d;
  d.Report(diag::kUnknownTest, {161, 162}, "bad");  // 60 bytes back is inside the é
  const std::string text = RenderText(file, d);
  EXPECT_NE(text.find("\n...\xC3\xA9" "aaa"), std::string::npos) << text;
  EXPECT_NE(text.find("\n" + std::string(3 + 1 + 59, ' ') + "^\n"), std::string::npos) << text;
}

TEST(DiagnosticRenderTest, JsonHasAllFields) {
  SourceFile file("a\"b.sieve", "x\n\xC3\xA9y;\n");
  Diagnostics d;
  d.Report(diag::kUnknownCommand, {4, 5}, "y");
  JsonWriter w;
  w.BeginArray();
  RenderJson(file, d, w);
  w.EndArray();
  EXPECT_EQ(w.str(),
            R"([{"file":"a\"b.sieve","line":2,"column":2,"end_line":2,"end_column":3,)"
            R"("severity":"error","id":"unknown-command","message":"unknown command 'y'",)"
            R"("notes":[]}])");
}

}  // namespace
}  // namespace sievekit
