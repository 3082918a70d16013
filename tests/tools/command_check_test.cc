// Tests for `sievec check` (tools/command_check), run as the built binary:
// exit status 0 (all valid), 1 (an error in a script), 2 (usage or I/O
// error, which wins over 1); clang-style text on stderr; with --json, one
// JSON array on stdout of objects with file, line, column, end_line,
// end_column, severity, id and message, columns counting characters; and a
// clear message, never a crash, for a missing file, a directory, an
// unreadable file, a binary file and an empty one.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "tests/tools/run_sievec.h"

namespace sievekit::testutil {
namespace {

constexpr std::string_view kValid = "require \"fileinto\";\nfileinto \"Archive\";\n";
constexpr std::string_view kInvalid = "fileinto \"x\";\n";

// The JSON output parsed, with its shape checked: an array of objects with
// exactly the documented members (plus "notes") of the right types.
Json::Array CheckedJson(const RunResult& run) {
  const std::optional<Json> json = ParseJson(run.out);
  EXPECT_TRUE(json.has_value()) << "not JSON: " << run.out;
  if (!json) return {};
  EXPECT_TRUE(json->IsArray()) << run.out;
  if (!json->IsArray()) return {};
  const std::vector<std::string> members = {"file",     "line", "column",  "end_line", "end_column",
                                            "severity", "id",   "message", "notes"};
  for (const Json& d : json->array()) {
    EXPECT_TRUE(d.IsObject());
    if (!d.IsObject()) continue;
    EXPECT_EQ(d.key_order, members) << run.out;
    for (const char* key : {"file", "severity", "id", "message"}) {
      EXPECT_TRUE(d.Has(key) && d[key].IsString()) << key;
    }
    for (const char* key : {"line", "column", "end_line", "end_column"}) {
      EXPECT_TRUE(d.Has(key) && d[key].IsNumber() && d[key].number() >= 1) << key;
    }
    if (d.Has("severity")) {
      EXPECT_TRUE(d["severity"].str() == "error" || d["severity"].str() == "warning");
    }
    EXPECT_TRUE(d.Has("notes") && d["notes"].IsArray());
  }
  return json->array();
}

TEST(CheckCommandTest, ValidScriptExitsZeroSilently) {
  ScratchDir dir;
  const RunResult run = RunSievec({"check", dir.Write("ok.sieve", kValid)});
  EXPECT_EQ(run.exit_status, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "");
}

TEST(CheckCommandTest, InvalidScriptExitsOneWithClangStyleText) {
  ScratchDir dir;
  const std::string path = dir.Write("bad.sieve", kInvalid);
  const RunResult run = RunSievec({"check", path});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, path +
                         ":1:1: error: command 'fileinto' needs the extension 'fileinto', which "
                         "is not required [missing-require]\n"
                         "fileinto \"x\";\n"
                         "^~~~~~~~\n"
                         "note: add 'require \"fileinto\";' at the top of the script\n");
}

TEST(CheckCommandTest, ReportsEveryErrorOfEveryFile) {
  ScratchDir dir;
  const std::string a = dir.Write("a.sieve", "kepp;\ndiscrad;\n");
  const std::string b = dir.Write("b.sieve", kValid);
  const std::string c = dir.Write("c.sieve", "if size 1 {}\n");
  const RunResult run = RunSievec({"check", "--json", a, b, c});
  EXPECT_EQ(run.exit_status, 1);
  const Json::Array diagnostics = CheckedJson(run);
  ASSERT_EQ(diagnostics.size(), 3u) << run.out;
  EXPECT_EQ(diagnostics[0]["file"].str(), a);
  EXPECT_EQ(diagnostics[0]["id"].str(), "unknown-command");
  EXPECT_EQ(diagnostics[1]["file"].str(), a);
  EXPECT_EQ(diagnostics[1]["line"].number(), 2);
  EXPECT_EQ(diagnostics[2]["file"].str(), c);
  EXPECT_EQ(diagnostics[2]["id"].str(), "missing-tagged-argument");
}

TEST(CheckCommandTest, JsonOutputShape) {
  ScratchDir dir;
  const std::string path = dir.Write("bad.sieve", "keep;\nkepp;\n");
  const RunResult run = RunSievec({"check", "--json", path});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.err, "");  // --json puts diagnostics on stdout only
  ASSERT_FALSE(run.out.empty());
  EXPECT_EQ(run.out.back(), '\n');
  const Json::Array diagnostics = CheckedJson(run);
  ASSERT_EQ(diagnostics.size(), 1u);
  const Json& d = diagnostics[0];
  EXPECT_EQ(d["file"].str(), path);
  EXPECT_EQ(d["line"].number(), 2);
  EXPECT_EQ(d["column"].number(), 1);
  EXPECT_EQ(d["end_line"].number(), 2);
  EXPECT_EQ(d["end_column"].number(), 5);  // just past "kepp"
  EXPECT_EQ(d["severity"].str(), "error");
  EXPECT_EQ(d["id"].str(), "unknown-command");
  EXPECT_EQ(d["message"].str(), "unknown command 'kepp'");
  ASSERT_EQ(d["notes"].array().size(), 1u);
  EXPECT_EQ(d["notes"].array()[0]["message"].str(), "did you mean 'keep'?");
}

TEST(CheckCommandTest, JsonForValidScriptsIsAnEmptyArray) {
  ScratchDir dir;
  const RunResult run = RunSievec({"check", "--json", dir.Write("ok.sieve", kValid)});
  EXPECT_EQ(run.exit_status, 0);
  EXPECT_EQ(run.out, "[]\n");
}

TEST(CheckCommandTest, JsonColumnsCountCharacters) {
  ScratchDir dir;
  // "ß" and "€" are 2 and 3 bytes; the '}' is the 31st character but the
  // 34th byte.
  const std::string a =
      dir.Write("a.sieve", "if header :is \"\xC3\x9F\xE2\x82\xAC\" \"x\" { keep }");
  const std::string b = dir.Write("b.sieve", "/* \xC3\xA9 */ kepp;");
  const RunResult run = RunSievec({"check", "--json", a, b});
  const Json::Array diagnostics = CheckedJson(run);
  ASSERT_EQ(diagnostics.size(), 2u) << run.out;
  EXPECT_EQ(diagnostics[0]["id"].str(), "expected");
  EXPECT_EQ(diagnostics[0]["column"].number(), 31);
  EXPECT_EQ(diagnostics[0]["end_column"].number(), 32);
  EXPECT_EQ(diagnostics[1]["column"].number(), 9);
  EXPECT_EQ(diagnostics[1]["end_column"].number(), 13);
}

TEST(CheckCommandTest, JsonSpansOverSeveralLines) {
  ScratchDir dir;
  const RunResult run = RunSievec({"check", "--json", dir.Write("a.sieve", "if true\n;")});
  const Json::Array diagnostics = CheckedJson(run);
  ASSERT_EQ(diagnostics.size(), 1u) << run.out;
  EXPECT_EQ(diagnostics[0]["id"].str(), "missing-block");
  EXPECT_EQ(diagnostics[0]["line"].number(), 1);
  EXPECT_EQ(diagnostics[0]["column"].number(), 1);
  EXPECT_EQ(diagnostics[0]["end_line"].number(), 2);
  EXPECT_EQ(diagnostics[0]["end_column"].number(), 2);
}

TEST(CheckCommandTest, JsonEscapesStrings) {
  ScratchDir dir;
  const std::string path = dir.Write("q.sieve", "kepp \"a\\\"b\";\nredirect \"x\ty\";\n");
  const RunResult run = RunSievec({"check", "--json", path});
  const Json::Array diagnostics = CheckedJson(run);
  ASSERT_EQ(diagnostics.size(), 2u) << run.out;
  EXPECT_EQ(diagnostics[1]["message"].str(),
            "'x\ty' is not a valid mail address: invalid local part");
}

TEST(CheckCommandTest, EmptyFileIsAWarningNotAnError) {
  ScratchDir dir;
  for (const std::string text : {"", "  \n\t\r\n"}) {
    const std::string path = dir.Write("empty.sieve", text);
    const RunResult text_run = RunSievec({"check", path});
    EXPECT_EQ(text_run.exit_status, 0);
    EXPECT_EQ(text_run.err.rfind(path + ":1:1: warning: script is empty; every message gets the "
                                        "implicit keep [empty-script]\n",
                                 0),
              0u)
        << text_run.err;
    const RunResult json_run = RunSievec({"check", "--json", path});
    EXPECT_EQ(json_run.exit_status, 0);
    const Json::Array diagnostics = CheckedJson(json_run);
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0]["severity"].str(), "warning");
    EXPECT_EQ(diagnostics[0]["id"].str(), "empty-script");
  }
}

TEST(CheckCommandTest, BinaryFileIsReportedNotParsed) {
  ScratchDir dir;
  const std::string path = dir.Write("x.sieve", std::string("\x7F"
                                                            "ELF\x02\x01\x01\0\0\0\0",
                                                            12));
  const RunResult run = RunSievec({"check", path});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.err.rfind(path + ":1:1: error: this is binary data, not a Sieve script "
                                 "[binary-file]\n",
                          0),
            0u)
      << run.err;
  const RunResult json_run = RunSievec({"check", "--json", path});
  const Json::Array diagnostics = CheckedJson(json_run);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["id"].str(), "binary-file");
}

TEST(CheckCommandTest, MissingFileIsAnIoError) {
  ScratchDir dir;
  const std::string path = (dir.path() / "nope.sieve").string();
  const RunResult run = RunSievec({"check", path});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_EQ(run.err, "sievec: " + path + ": no such file\n");
}

TEST(CheckCommandTest, DirectoryIsAnIoError) {
  ScratchDir dir;
  const RunResult run = RunSievec({"check", "--json", dir.path().string()});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_EQ(run.err, "sievec: " + dir.path().string() + ": is a directory, not a script\n");
  EXPECT_EQ(run.out, "[]\n");  // still one JSON array
}

TEST(CheckCommandTest, UnreadableFileIsAnIoError) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their permissions";
  ScratchDir dir;
  const std::string path = dir.Write("secret.sieve", "keep;");
  ASSERT_EQ(chmod(path.c_str(), 0), 0);
  const RunResult run = RunSievec({"check", path});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_EQ(run.err, "sievec: " + path + ": cannot open: Permission denied\n");
}

// A file that opens but cannot be read (EIO from /proc/self/mem) must give
// an I/O error and exit status 2, not abort.
TEST(CheckCommandTest, ReadErrorIsAnIoErrorNotACrash) {
  if (!std::filesystem::exists("/proc/self/mem")) GTEST_SKIP() << "needs Linux /proc";
  const RunResult run = RunSievec({"check", "/proc/self/mem"});
  EXPECT_EQ(run.exit_status, 2) << run.err;
  EXPECT_EQ(run.err.rfind("sievec: /proc/self/mem: ", 0), 0u) << run.err;
}

TEST(CheckCommandTest, IoErrorsWinOverInvalidScripts) {
  ScratchDir dir;
  const std::string bad = dir.Write("bad.sieve", kInvalid);
  const std::string missing = (dir.path() / "missing.sieve").string();
  const RunResult run = RunSievec({"check", "--json", missing, bad});
  EXPECT_EQ(run.exit_status, 2);
  const Json::Array diagnostics = CheckedJson(run);  // the other file is still checked
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["file"].str(), bad);
  const RunResult valid_and_missing = RunSievec({"check", dir.Write("ok.sieve", kValid), missing});
  EXPECT_EQ(valid_and_missing.exit_status, 2);
}

TEST(CheckCommandTest, UsageErrors) {
  ScratchDir dir;
  const std::string path = dir.Write("ok.sieve", kValid);
  RunResult run = RunSievec({"check", "--bogus", path});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_EQ(run.err, "sievec check: unknown option '--bogus'\n");
  run = RunSievec({"check"});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_EQ(run.err, "usage: sievec check [--json] [--color=auto|always|never] FILE...\n");
  run = RunSievec({"check", "--json"});
  EXPECT_EQ(run.exit_status, 2);
}

TEST(CheckCommandTest, ReadsStandardInput) {
  RunResult run = RunSievec({"check", "-"}, "keep;\n");
  EXPECT_EQ(run.exit_status, 0) << run.err;
  run = RunSievec({"check", "--json", "-"}, "kepp;\n");
  EXPECT_EQ(run.exit_status, 1);
  const Json::Array diagnostics = CheckedJson(run);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["file"].str(), "<stdin>");
}

TEST(CheckCommandTest, ColourOnlyWhenAsked) {
  ScratchDir dir;
  const std::string path = dir.Write("bad.sieve", kInvalid);
  // stderr is a file here, so auto means no colour.
  EXPECT_EQ(RunSievec({"check", path}).err.find('\033'), std::string::npos);
  EXPECT_EQ(RunSievec({"check", "--color=never", path}).err.find('\033'), std::string::npos);
  const RunResult coloured = RunSievec({"check", "--color=always", path});
  EXPECT_NE(coloured.err.find("\033["), std::string::npos);
  EXPECT_EQ(coloured.exit_status, 1);
}

TEST(CheckCommandTest, ReportsTheErrorCap) {
  ScratchDir dir;
  std::string text;
  for (int i = 0; i < 25; ++i) text += "kepp;\n";
  const std::string path = dir.Write("many.sieve", text);
  const RunResult run = RunSievec({"check", path});
  EXPECT_EQ(run.exit_status, 1);
  // Whatever the wording, the user must learn that errors were left out.
  EXPECT_NE(run.err.find("too many errors"), std::string::npos) << run.err;
  // Twenty errors, then the too-many-errors entry, in JSON too.
  const Json::Array diagnostics = CheckedJson(RunSievec({"check", "--json", path}));
  EXPECT_EQ(diagnostics.size(), 21u);
}

}  // namespace
}  // namespace sievekit::testutil
