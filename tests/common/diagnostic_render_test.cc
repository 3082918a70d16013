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
