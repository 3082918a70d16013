// Tests for tools/script_input: reading the script a user names, with a
// clear error (never an exception or a crash) for a missing file, a
// directory, an unreadable file and a read error; and classifying content
// as binary (NUL bytes near the start) or empty (white space only).
#include "tools/script_input.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "tests/tools/run_sievec.h"

namespace sievekit::tools {
namespace {

using testutil::ScratchDir;

TEST(ScriptInputTest, ReadsAFile) {
  ScratchDir dir;
  const std::string path = dir.Write("a.sieve", std::string("keep;\r\n\0x", 9));
  auto source = ReadScript(path);
  ASSERT_TRUE(source.ok()) << source.error().message;
  EXPECT_EQ((*source)->name(), path);
  EXPECT_EQ((*source)->text(), std::string("keep;\r\n\0x", 9));  // bytes as they are
}

TEST(ScriptInputTest, MissingFile) {
  ScratchDir dir;
  const std::string path = (dir.path() / "nope.sieve").string();
  auto source = ReadScript(path);
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().message, path + ": no such file");
}

TEST(ScriptInputTest, Directory) {
  ScratchDir dir;
  auto source = ReadScript(dir.path().string());
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().message, dir.path().string() + ": is a directory, not a script");
}

TEST(ScriptInputTest, UnreadableFile) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their permissions";
  ScratchDir dir;
  const std::string path = dir.Write("secret.sieve", "keep;");
  ASSERT_EQ(chmod(path.c_str(), 0), 0);
  auto source = ReadScript(path);
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().message, path + ": cannot open: Permission denied");
}

// A file that opens but fails when read (EIO): ReadScript promises to
// never throw, so the failure must come back as an Error.
TEST(ScriptInputTest, ReadErrorIsAnError) {
  const std::string path = "/proc/self/mem";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "needs Linux /proc";
  bool ok = true;
  std::string message;
  EXPECT_NO_THROW({
    auto source = ReadScript(path);
    ok = source.ok();
    if (!ok) message = source.error().message;
  });
  EXPECT_FALSE(ok);
  EXPECT_EQ(message.rfind(path + ": ", 0), 0u) << message;
}

TEST(ScriptInputTest, ClassifiesContent) {
  const struct {
    std::string_view name;
    std::string text;
    bool binary;
    bool empty;
  } cases[] = {
      {"script", "keep;\n", false, false},
      {"nothing", "", false, true},
      {"white space", " \t\r\n\n", false, true},
      {"only a comment", "# nothing here\n", false, false},
      {"NUL at the start", std::string("\0\0\0\0", 4), true, false},
      {"NUL after text", std::string("keep;\0", 6), true, false},
      {"NUL within the first 8000 bytes", std::string(7999, ' ') + std::string(1, '\0'), true,
       false},
      {"NUL only after 8000 bytes", std::string(8000, ' ') + std::string(1, '\0'), false, false},
      {"other control bytes are text", "keep;\x01\x02", false, false},
  };
  for (const auto& c : cases) {
    const ContentCheck check = CheckContent(SourceFile("t", c.text));
    EXPECT_EQ(check.binary, c.binary) << c.name;
    EXPECT_EQ(check.empty, c.empty) << c.name;
  }
}

}  // namespace
}  // namespace sievekit::tools
