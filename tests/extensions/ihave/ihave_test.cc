// Tests for extensions/ihave: the ihave test and the error command of
// RFC 5463, and what the validator does with a guard test — the
// capabilities it finds are usable in the code it guards, and code guarded
// by a capability this host lacks compiles without being validated and
// never runs.
#include "extensions/ihave/ihave.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "tests/extensions/eval_test_util.h"
#include "vm/codegen.h"
#include "vm/evaluator.h"

namespace sievekit::extensions {
namespace {

constexpr std::string_view kMessage =
    "From: Joe <joe@example.com>\r\n"
    "To: me@example.org\r\n"
    "Subject: hello\r\n"
    "\r\n"
    "Body.\r\n";

// exttest::Run with compile options (a host that disables extensions).
std::string RunWith(std::string_view script, const ir::CompileOptions& options) {
  auto source = std::make_shared<const SourceFile>("t.sieve", std::string(script));
  const ir::FrontendResult front = ir::RunFrontend(source, DefaultRegistry(), options);
  if (!front.ok()) return "compile error";
  auto program = vm::GenerateProgram(front.script, DefaultRegistry());
  if (!program.ok()) return "codegen: " + program.error().message;
  vm::Evaluator evaluator;
  return exttest::Describe(evaluator.Evaluate(**program, kMessage, {}));
}

struct Case {
  std::string_view name;
  std::string script;
  std::string expected;
};

const std::string kRequire = "require \"ihave\";\n";

TEST(IhaveTest, Outcome) {
  const Case cases[] = {
      // §4: true when every capability is available.
      {"available", kRequire + "if ihave \"fileinto\" { discard; }", "discard"},
      {"several", kRequire + "if ihave [\"fileinto\", \"envelope\", \"copy\"] { discard; }",
       "discard"},
      {"itself", kRequire + "if ihave \"ihave\" { discard; }", "discard"},
      {"comparator", kRequire + "if ihave \"comparator-i;octet\" { discard; }", "discard"},
      {"unknown", kRequire + "if ihave \"nonsense-extension\" { discard; }", "keep*"},
      // Item 4: one unavailable capability fails the whole test.
      {"one unknown", kRequire + "if ihave [\"fileinto\", \"nonsense\"] { discard; }", "keep*"},
      {"names are exact", kRequire + "if ihave \"FILEINTO\" { discard; }", "keep*"},
      // §4: "MUST NOT allow it to be used with [...] encoded-character [...]
      // or variables"; even when required.
      {"variables", kRequire + "if ihave \"variables\" { discard; }", "keep*"},
      {"encoded-character", kRequire + "if ihave \"encoded-character\" { discard; }", "keep*"},
      {"variables, required",
       "require [\"ihave\", \"variables\"];\nif ihave \"variables\" { discard; }", "keep*"},
      // Item 3: required and tested, it is true.
      {"required too", "require [\"ihave\", \"fileinto\"];\nif ihave \"fileinto\" { discard; }",
       "discard"},
      {"else", kRequire + "if ihave \"nonsense\" { discard; } else { keep; }", "keep"},
      {"elsif", kRequire + "if ihave \"nonsense\" { discard; } elsif ihave \"envelope\" { keep; }",
       "keep"},
      {"not", kRequire + "if not ihave \"nonsense\" { discard; }", "discard"},
      {"anyof", kRequire + "if anyof(ihave \"nonsense\", ihave \"copy\") { discard; }", "discard"},
      {"anyof, none", kRequire + "if anyof(ihave \"nonsense\", ihave \"other\") { discard; }",
       "keep*"},
      {"allof", kRequire + "if allof(ihave \"copy\", true) { discard; }", "discard"},
      {"allof, one missing", kRequire + "if allof(ihave \"copy\", ihave \"nonsense\") { discard; }",
       "keep*"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(exttest::RunScript(c.script, kMessage), c.expected) << c.name;
}

TEST(IhaveTest, GuardedCode) {
  const Case cases[] = {
      // §4 item 1: the capability is usable after the ihave that found it.
      {"command", kRequire + "if ihave \"fileinto\" { fileinto \"box\"; }", "fileinto:box"},
      {"test", kRequire + "if ihave \"envelope\" { if envelope :is \"from\" \"\" { discard; } }",
       "discard"},
      {"tag", kRequire + "if ihave \"copy\" { redirect :copy \"x@example.com\"; }",
       "redirect:x@example.com(copy) keep*"},
      {"comparator",
       kRequire + "if ihave \"comparator-i;ascii-numeric\" {\n"
                  "  if header :comparator \"i;ascii-numeric\" :is \"x-n\" \"7\" { discard; }\n}",
       "keep*"},
      {"nested",
       kRequire + "if ihave \"fileinto\" { if ihave \"copy\" {\n"
                  "  fileinto :copy \"box\"; } }",
       "fileinto:box(copy) keep*"},
      // The extension's action decorator runs as if it had been required.
      {"decorator", kRequire + "if ihave \"imap4flags\" { setflag \"\\\\Seen\"; keep; }",
       "keep[\\Seen]"},
      {"later tests of an allof",
       kRequire + "if allof(ihave \"envelope\", envelope :is \"from\" \"\") { discard; }",
       "discard"},
      // Not available: the block is not validated and never runs.
      {"unknown command",
       kRequire + "if ihave \"nonsense-extension\" {\n"
                  "  nonsense_command \"Frop!\";\n}\n"
                  "redirect \"frop@example.com\";",
       "redirect:frop@example.com"},
      {"wrong arguments", kRequire + "if ihave \"x-future\" { keep :future 1 2 3; }", "keep*"},
      {"allof after a missing one",
       kRequire + "if allof(ihave \"nonsense\", nonsense_test \"a\") { discard; }", "keep*"},
      {"unavailable test in its own allof",
       kRequire + "if allof(ihave \"fileinto\", ihave \"nonsense\") { nonsense; }", "keep*"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(exttest::RunScript(c.script, kMessage), c.expected) << c.name;
}

TEST(IhaveTest, Validation) {
  const Case cases[] = {
      {"not required", "if ihave \"fileinto\" {}",
       "1:4 missing-require: test 'ihave' needs the extension 'ihave', which is not required\n"},
      {"no argument", kRequire + "if ihave {}",
       "2:4 missing-argument: the ihave test requires 1 positional argument, but 0 were "
       "specified\n"},
      {"a number", kRequire + "if ihave 1 {}",
       "2:10 wrong-argument-type: the ihave test expects a string list as argument 1 "
       "(capabilities), but a number was found\n"},
      {"no match type", kRequire + "if ihave :is \"fileinto\" {}",
       "2:10 unknown-tag: unknown tagged argument ':is' for the ihave test (it takes no tagged arguments)\n"},
      {"as a command", kRequire + "ihave \"fileinto\";",
       "2:1 test-used-as-command: cannot use test 'ihave' as a command\n"},
      // The guard covers the block only: elsewhere, require is needed.
      {"outside the block", kRequire + "if ihave \"fileinto\" { }\nfileinto \"box\";",
       "3:1 missing-require: command 'fileinto' needs the extension 'fileinto', which is not "
       "required\n"},
      {"in the else branch", kRequire + "if ihave \"fileinto\" { } else { fileinto \"box\"; }",
       "2:32 missing-require: command 'fileinto' needs the extension 'fileinto', which is not "
       "required\n"},
      {"under not", kRequire + "if not ihave \"fileinto\" { fileinto \"box\"; }",
       "2:27 missing-require: command 'fileinto' needs the extension 'fileinto', which is not "
       "required\n"},
      {"under anyof", kRequire + "if anyof(ihave \"fileinto\", true) { fileinto \"box\"; }",
       "2:36 missing-require: command 'fileinto' needs the extension 'fileinto', which is not "
       "required\n"},
      {"before the ihave in an allof",
       kRequire + "if allof(envelope \"from\" \"\", ihave \"envelope\") {}",
       "2:10 missing-require: test 'envelope' needs the extension 'envelope', which is not "
       "required\n"},
      {"errors in available code are reported", kRequire + "if ihave \"fileinto\" { fileinto; }",
       "2:23 missing-argument: the fileinto command requires 1 positional argument, but 0 were "
       "specified\n"},
      {"syntax errors are reported", kRequire + "if ihave \"nonsense\" { nonsense \"a\" }",
       "2:36 expected: expected ';', found '}'\n"},
      // §4: "It is an error to pass a non-constant string".
      {"non-constant", "require [\"ihave\", \"variables\"];\nif ihave \"${x}\" {}",
       "2:10 ihave-non-constant: the capabilities of ihave must be constant strings, but "
       "'${x}' refers to a variable\n"},
      {"constant despite '${'", "require [\"ihave\", \"variables\"];\nif ihave \"${}\" {}", ""},
      {"error", kRequire + "error \"Something failed.\";", ""},
      {"error needs a string", kRequire + "error [\"a\"];",
       "2:7 wrong-argument-type: the error command expects a string as argument 1 (message), "
       "but a string list was found\n"},
      {"error needs ihave", "error \"x\";",
       "1:1 missing-require: command 'error' needs the extension 'ihave', which is not "
       "required\n"},
  };
  for (const auto& c : cases) EXPECT_EQ(exttest::Diagnose(c.script), c.expected) << c.name;
}

TEST(IhaveTest, DisabledExtensionIsUnavailable) {
  ir::CompileOptions options;
  options.disabled_extensions.insert("fileinto");
  const std::string script =
      kRequire + "if ihave \"fileinto\" { fileinto \"box\"; } else { discard; }";
  EXPECT_EQ(RunWith(script, options), "discard");
  EXPECT_EQ(RunWith(script, {}), "fileinto:box");
}

TEST(IhaveTest, RequiredListGrowsWithGuardedExtensions) {
  auto source = std::make_shared<const SourceFile>(
      "t.sieve", kRequire +
                     "if ihave [\"imap4flags\", \"copy\"] { keep; }\n"
                     "if ihave \"nonsense\" { }");
  const ir::FrontendResult front = ir::RunFrontend(source, DefaultRegistry());
  ASSERT_TRUE(front.ok());
  std::vector<std::string_view> names;
  for (const ir::ExtensionSpec* e : front.script.required) names.push_back(e->name);
  EXPECT_EQ(names, (std::vector<std::string_view>{"ihave", "imap4flags", "copy"}));
  // Both tests are folded: the first into true, the second into false with
  // an empty block.
  ASSERT_EQ(front.script.body.size(), 2u);
  EXPECT_EQ(front.script.body[0].branches[0].condition.kind, ir::Test::Kind::kTrue);
  EXPECT_EQ(front.script.body[0].branches[0].body.size(), 1u);
  EXPECT_EQ(front.script.body[1].branches[0].condition.kind, ir::Test::Kind::kFalse);
  EXPECT_TRUE(front.script.body[1].branches[0].body.empty());
}

// §5: error ends the script with a runtime error; the message is kept.
TEST(IhaveTest, ErrorCommand) {
  const exttest::Compiled compiled = exttest::Compile(
      "require [\"ihave\", \"variables\", \"fileinto\"];\n"
      "fileinto \"box\";\n"
      "set \"what\" \"the disk\";\n"
      "error \"Something failed: ${what}.\";\n"
      "discard;\n");
  ASSERT_NE(compiled.program, nullptr) << compiled.diagnostics;
  vm::Evaluator evaluator;
  const vm::EvalResult& result = evaluator.Evaluate(*compiled.program, kMessage, {});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].id, "error-command");
  EXPECT_EQ(result.errors[0].message, "Something failed: the disk.");
  EXPECT_EQ(result.errors[0].line, 4u);
  EXPECT_TRUE(result.actions.empty());
  EXPECT_TRUE(result.implicit_keep);
  EXPECT_EQ(exttest::RunScript("require \"ihave\";\nerror \"Something failed.\";", kMessage),
            "error:error-command keep*");
  EXPECT_EQ(exttest::RunScript("require \"ihave\";\nif false { error \"no\"; }", kMessage),
            "keep*");
}

}  // namespace
}  // namespace sievekit::extensions
