// Tests for parser/formatter: exact canonical layouts, comment placement,
// idempotence, and meaning preservation on every script of the corpus and
// the upstream suite.
#include "parser/formatter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "parser/parser.h"
#include "parser/tree_dump.h"

namespace sievekit::syntax {
namespace {

namespace fs = std::filesystem;

std::string FormatText(std::string text, int width = 100) {
  ParseResult r = Parse(std::make_shared<SourceFile>("t.sieve", std::move(text)));
  EXPECT_FALSE(r.diagnostics.has_errors());
  return Format(r.tree, FormatOptions{width});
}

struct LayoutCase {
  std::string_view name;
  std::string input;
  std::string expected;
};

TEST(FormatterTest, CanonicalLayouts) {
  const LayoutCase cases[] = {
      {"empty", "", ""},
      {"spacing and case", "KEEP ;  Stop;", "keep;\nstop;\n"},
      {"tags lower-cased, numbers keep quantifier", "if SIZE :OVER 100k {discard;}",
       "if size :over 100K {\n    discard;\n}\n"},
      {"string list", "require [ \"a\" ,\"b\" ];", "require [\"a\", \"b\"];\n"},
      {"elsif and else join", "if true {keep;}\nelsif false {stop;}\nelse {discard;}",
       "if true {\n    keep;\n} elsif false {\n    stop;\n} else {\n    discard;\n}\n"},
      {"empty block", "if true {}", "if true {\n}\n"},
      {"nested blocks", "if true { if false { stop; } }",
       "if true {\n    if false {\n        stop;\n    }\n}\n"},
      {"test list", "if anyof(true,false){keep;}", "if anyof (true, false) {\n    keep;\n}\n"},
      {"escapes are minimal", "x \"a\\b\\\"c\\\\\";", "x \"ab\\\"c\\\\\";\n"},
      {"multi-line string", "vacation text:\r\n.dot\r\nx\r\n.\r\n;",
       "vacation text:\r\n..dot\r\nx\r\n.\r\n;\r\n"},
      {"one blank line kept", "keep;\n\n\n\nstop;", "keep;\n\nstop;\n"},
      {"comments kept in place",
       "# head\n\nkeep; # after keep\n/* before stop */\nstop;\n# tail\n",
       "# head\n\nkeep; # after keep\n/* before stop */\nstop;\n# tail\n"},
      {"comment before closing brace", "if true {\nkeep;\n# last\n}",
       "if true {\n    keep;\n    # last\n}\n"},
      {"comment inside a statement", "fileinto /* where */ \"a\";",
       "fileinto /* where */ \"a\";\n"},
      {"hash comment inside a statement", "fileinto # where\n \"a\";",
       "fileinto # where\n\"a\";\n"},
      {"comment after opening brace", "if true { # why\nkeep; }",
       "if true { # why\n    keep;\n}\n"},
  };
  for (const LayoutCase& c : cases) {
    EXPECT_EQ(FormatText(c.input), c.expected) << c.name;
  }
}

TEST(FormatterTest, BreaksLongTestListsAndStringLists) {
  const std::string input =
      "if anyof (header :contains \"subject\" \"first long phrase\", "
      "address :is \"from\" [\"someone@example.com\", \"other@example.org\"]) { discard; }";
  EXPECT_EQ(FormatText(input, 80),
            "if anyof (\n"
            "    header :contains \"subject\" \"first long phrase\",\n"
            "    address :is \"from\" [\"someone@example.com\", \"other@example.org\"]\n"
            ") {\n"
            "    discard;\n"
            "}\n");
  EXPECT_EQ(FormatText(input, 60),
            "if anyof (\n"
            "    header :contains \"subject\" \"first long phrase\",\n"
            "    address :is \"from\" [\n"
            "        \"someone@example.com\",\n"
            "        \"other@example.org\"\n"
            "    ]\n"
            ") {\n"
            "    discard;\n"
            "}\n");
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> AllScripts() {
  std::vector<fs::path> out;
  for (const fs::path& root : {fs::path(SIEVEKIT_SOURCE_ROOT) / "corpus",
                              fs::path(SIEVEKIT_SHARED_ROOT) / "conformance/pigeonhole/tests"}) {
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      const auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".sieve" || ext == ".svtest")) {
        out.push_back(entry.path());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(FormatterTest, PreservesMeaningAndIsIdempotentOnEveryCorpusScript) {
  int formatted = 0;
  for (const fs::path& path : AllScripts()) {
    ParseResult original = Parse(std::make_shared<SourceFile>(path.string(), ReadFile(path)));
    if (!original.complete || original.diagnostics.has_errors()) continue;
    const std::string once = Format(original.tree);
    ParseResult reparsed = Parse(std::make_shared<SourceFile>("formatted", once));
    ASSERT_FALSE(reparsed.diagnostics.has_errors()) << path << "\n" << once;
    const DumpOptions normalized{true};
    EXPECT_EQ(DumpTree(reparsed.tree, normalized), DumpTree(original.tree, normalized)) << path;
    EXPECT_EQ(Format(reparsed.tree), once) << path << " is not idempotent";
    ++formatted;
  }
  EXPECT_GT(formatted, 0);
}

}  // namespace
}  // namespace sievekit::syntax
