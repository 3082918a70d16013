// Tests for extensions/envelope: the envelope test (RFC 5228 section 5.4)
// needs `require "envelope"`, takes a comparator, address part and match
// type, and rejects envelope parts it does not know ("implementations
// SHOULD consider unknown envelope parts an error"); parts are
// case-insensitive.
#include "extensions/envelope/envelope.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/ir/compile_for_test.h"
#include "extensions/all_extensions.h"
#include "vm/codegen.h"
#include "vm/evaluator.h"

namespace sievekit::extensions {
namespace {

using testutil::CheckScript;

TEST(EnvelopeTest, Validation) {
  const std::string require = "require \"envelope\";\n";
  const struct {
    std::string_view name;
    std::string script;
    std::string expected;
  } cases[] = {
      {"RFC 5228 example",
       require + "if envelope :all :is \"from\" \"tim@example.com\" {\n"
                 "   discard;\n}",
       ""},
      {"to", require + "if envelope :domain \"to\" \"example.com\" {}", ""},
      {"both, any case", require + "if envelope [\"FROM\", \"To\"] \"x\" {}", ""},
      {"auth (the SMTP AUTH identity)", require + "if envelope \"auth\" \"x\" {}", ""},
      {"all tags",
       require + "if envelope :comparator \"i;octet\" :localpart :matches \"to\" "
                 "\"user+*\" {}",
       ""},
      {"unknown part", require + "if envelope \"sender\" \"x\" {}",
       "2:13 invalid-envelope-part: 'sender' is not a known envelope part\n"},
      {"first unknown part only", require + "if envelope [\"from\", \"frop\", \"frml\"] \"x\" {}",
       "2:22 invalid-envelope-part: 'frop' is not a known envelope part\n"},
      {"empty part", require + "if envelope \"\" \"x\" {}",
       "2:13 invalid-envelope-part: '' is not a known envelope part\n"},
      {"not required", "if envelope \"from\" \"x\" {}",
       "1:4 missing-require: test 'envelope' needs the extension 'envelope', which is not "
       "required\n"
       "  note: add 'require \"envelope\";' at the top of the script\n"},
      {"not a command", require + "envelope \"from\" \"x\";",
       "2:1 test-used-as-command: cannot use test 'envelope' as a command\n"},
      {"missing key list", require + "if envelope \"from\" {}",
       "2:4 missing-argument: the envelope test requires 2 positional arguments, but 1 was "
       "specified\n"},
      {"part as a number", require + "if envelope 1 \"x\" {}",
       "2:13 wrong-argument-type: the envelope test expects a string list as argument 1 "
       "(envelope part), but a number was found\n"},
  };
  for (const auto& c : cases) EXPECT_EQ(CheckScript(c.script), c.expected) << c.name;
}

TEST(EnvelopeTest, MatchesFromToAndAuth) {
  ir::FrontendResult front = testutil::CompileScript(
      "require \"envelope\";\n"
      "if envelope :domain :is \"from\" \"lists.example.org\" { discard; }\n"
      "if envelope :localpart :is \"to\" \"bob\" { redirect \"b@example.net\"; }\n"
      "if envelope :is \"auth\" \"alice\" { redirect \"a@example.net\"; }\n"
      "if envelope :is \"from\" \"\" { redirect \"null@example.net\"; }\n");
  ASSERT_TRUE(front.ok()) << testutil::Summarize(front);
  auto program = vm::GenerateProgram(front.script, extensions::DefaultRegistry());
  ASSERT_TRUE(program.ok());
  const std::string message = "Subject: x\r\n\r\n";
  vm::Evaluator evaluator;
  auto describe = [&](const mail::Envelope& e) {
    std::string out;
    for (const vm::Action& a : evaluator.Evaluate(**program, message, e).actions) {
      out += std::string(a.type) + ":" + a.address + " ";
    }
    return out;
  };
  EXPECT_EQ(describe({"<owner@lists.example.org>", "<bob@example.org>", "", ""}),
            "discard: redirect:b@example.net ");
  EXPECT_EQ(describe({"<x@example.com>", "<carol@example.org>", "", "alice"}),
            "redirect:a@example.net ");
  // The null reverse-path is matched as the empty string (RFC 5228 §5.4).
  EXPECT_EQ(describe({"<>", "<carol@example.org>", "", ""}), "redirect:null@example.net ");
}

// A path that breaks RFC 5321's syntax holds no address: not even :all or
// :contains "" matches it.
TEST(EnvelopeTest, InvalidPathsMatchNothing) {
  ir::FrontendResult front = testutil::CompileScript(
      "require \"envelope\";\n"
      "if envelope :all :contains \"to\" \"\" { discard; }\n");
  ASSERT_TRUE(front.ok()) << testutil::Summarize(front);
  auto program = vm::GenerateProgram(front.script, extensions::DefaultRegistry());
  ASSERT_TRUE(program.ok());
  vm::Evaluator evaluator;
  const struct {
    std::string_view rcpt_to;
    bool matches;
  } cases[] = {
      {"<bob@example.org>", true},
      {"bob@example.org", true},
      {"<MAILER-DAEMON>", true},
      {"<@relay.example:bob@example.org>", true},
      {"<bob@example.org", false},
      {"bob@example.org>", false},
      {"<<bob@example.org>", false},
      {"bob@", false},
      {"<bob@@example.org>", false},
      {"<bob example.org>", false},
      {"<@.example.org:bob@example.org>", false},
      {"<relay.example:bob@example.org>", false},
  };
  for (const auto& c : cases) {
    mail::Envelope envelope;
    envelope.rcpt_to = c.rcpt_to;
    const vm::EvalResult& r = evaluator.Evaluate(**program, "Subject: x\r\n\r\n", envelope);
    EXPECT_EQ(!r.actions.empty(), c.matches) << c.rcpt_to;
  }
}

}  // namespace
}  // namespace sievekit::extensions
