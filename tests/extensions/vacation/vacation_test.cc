// Tests for extensions/vacation: the vacation command of RFC 5230 and the
// :seconds of RFC 6131 — signatures and requires ("vacation-seconds"
// implies "vacation"), the compile-time checks of :from, :addresses, :mime
// and UTF-8, the action record each script yields, the response identity
// (from unexpanded arguments, RFC 5230 §4.2), the run-time checks of
// strings built from variables, and the rules on several actions (§4.7:
// one vacation per script; never with reject).
#include "extensions/vacation/vacation.h"

#include <gtest/gtest.h>

#include <string>

#include "delivery/vacation_action.h"
#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions {
namespace {

constexpr std::string_view kMessage =
    "From: Joe <joe@example.com>\r\n"
    "To: me@example.org\r\n"
    "Subject: hello\r\n"
    "\r\n"
    "Body.\r\n";

struct Case {
  std::string_view name;
  std::string script;
  std::string expected;
};

TEST(VacationTest, Validation) {
  const Case cases[] = {
      {"plain", "require \"vacation\";\nvacation \"away\";", ""},
      {"every argument",
       "require \"vacation\";\n"
       "vacation :days 3 :subject \"Away\" :from \"Me <me@example.org>\"\n"
       "  :addresses [\"a@example.org\", \"b@example.org\"] :handle \"h\" \"away\";",
       ""},
      {"seconds", "require \"vacation-seconds\";\nvacation :seconds 120 \"away\";", ""},
      {"vacation-seconds implies vacation",
       "require \"vacation-seconds\";\nvacation :days 2 :subject \"x\" \"away\";", ""},
      {"both capabilities",
       "require [\"vacation\", \"vacation-seconds\"];\nvacation :seconds 0 \"away\";", ""},
      {"mime",
       "require \"vacation\";\nvacation :mime text:\nContent-Type: text/plain\n\nAway.\n.\n;", ""},
      {"not required", "vacation \"away\";",
       "1:1 missing-require: command 'vacation' needs the extension 'vacation' (or "
       "'vacation-seconds'), which is not required\n"},
      {":seconds needs vacation-seconds", "require \"vacation\";\nvacation :seconds 5 \"away\";",
       "2:10 missing-require: tagged argument ':seconds' needs the extension 'vacation-seconds', "
       "which is not required\n"},
      {":days with :seconds (RFC 6131 §2)",
       "require \"vacation-seconds\";\nvacation :days 1 :seconds 5 \"away\";",
       "2:18 conflicting-tags: tagged argument ':seconds' cannot be combined with ':days' in "
       "the vacation command\n"},
      {"no reason", "require \"vacation\";\nvacation :days 1;",
       "2:1 missing-argument: the vacation command requires 1 positional argument, but 0 were "
       "specified\n"},
      {"invalid :from", "require \"vacation\";\nvacation :from \"Error\" \"away\";",
       "2:16 invalid-vacation-from: the :from address of vacation is not valid: missing "
       "'@domain'\n"},
      {"two :from addresses",
       "require \"vacation\";\nvacation :from \"a@example.org, b@example.org\" \"away\";",
       "2:16 invalid-vacation-from: the :from address of vacation is not valid: only one "
       "address is allowed\n"},
      {"invalid :addresses",
       "require \"vacation\";\nvacation :addresses [\"ok@example.org\", \"@bad\"] \"away\";",
       "2:40 invalid-vacation-address: the :addresses entry '@bad' of vacation is not a valid "
       "address: missing local part\n"},
      {":mime reason is no entity", "require \"vacation\";\nvacation :mime \"I am away\";",
       "2:16 invalid-vacation-mime: the :mime reason of vacation is not a MIME entity: it has "
       "no MIME header fields\n"},
      {":mime with 8-bit header",
       "require \"vacation\";\nvacation :mime \"Content-Type: text/plain\nContent-Description: "
       "\xc3\xa9t\xc3\xa9\n\nx\";",
       "2:16 invalid-vacation-mime: the :mime reason of vacation is not a MIME entity: its "
       "header has 8-bit characters (RFC 5230 section 5)\n"},
      {"reason not UTF-8",
       "require [\"vacation\", \"encoded-character\"];\nvacation \"Caf${hex:e9}\";",
       "2:10 invalid-vacation-utf8: the reason of vacation is not valid UTF-8\n"},
      {"subject not UTF-8",
       "require [\"vacation\", \"encoded-character\"];\nvacation :subject \"${hex:ff}\" \"x\";",
       "2:19 invalid-vacation-utf8: the :subject of vacation is not valid UTF-8\n"},
      {"variables are checked at run time",
       "require [\"vacation\", \"variables\"];\n"
       "vacation :from \"${f}\" :addresses \"${a}\" :mime \"${m}\";",
       ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(exttest::Diagnose(c.script), c.expected) << c.name;
  }
}

// The vacation records of a run, one line each, then the other actions.
std::string Record(std::string_view script, std::string_view message = kMessage) {
  const exttest::Compiled compiled = exttest::Compile(script);
  if (compiled.program == nullptr) return "compile error: " + compiled.diagnostics;
  vm::Evaluator evaluator;
  const vm::EvalResult& result =
      evaluator.Evaluate(*compiled.program, message, mail::Envelope{}, vm::EvalOptions{});
  std::string out;
  for (const vm::RuntimeError& e : result.errors) out += "error:" + std::string(e.id) + "\n";
  for (const vm::Action& a : result.actions) {
    if (a.type != delivery::kVacationType) {
      out += std::string(a.type) + "\n";
      continue;
    }
    const delivery::VacationArguments args = delivery::VacationArguments::FromAction(a);
    out += "vacation";
    if (args.days) out += " days=" + std::to_string(*args.days);
    if (args.seconds) out += " seconds=" + std::to_string(*args.seconds);
    if (args.subject) out += " subject=" + *args.subject;
    if (args.from) out += " from=" + *args.from + "/" + args.from_address;
    for (const std::string& address : args.addresses) out += " address=" + address;
    if (args.mime) out += " mime";
    if (args.handle) out += " handle=" + *args.handle;
    out += " response=" + (args.response.rfind("args:", 0) == 0 ? "args" : args.response);
    out += " reason=" + args.reason;
    out += a.disposition == vm::Disposition::kNone && !a.cancels_implicit_keep ? "" : " (!)";
    out += "\n";
  }
  if (result.implicit_keep) out += "keep*\n";
  return out;
}

TEST(VacationTest, ActionRecords) {
  const Case cases[] = {
      {"plain", "require \"vacation\";\nvacation \"away\";",
       "vacation response=args reason=away\nkeep*\n"},
      {"every argument",
       "require \"vacation\";\n"
       "vacation :days 23 :subject \"Gone\" :from \"  Me <me@example.org> \"\n"
       "  :addresses [\"tjs@example.edu\", \"TS4Z <ts4z@landru.example.edu>\"] :handle \"h\" "
       "\"away\";",
       "vacation days=23 subject=Gone from=Me <me@example.org>/me@example.org "
       "address=tjs@example.edu address=ts4z@landru.example.edu handle=h response=handle:h "
       "reason=away\nkeep*\n"},
      {"seconds", "require \"vacation-seconds\";\nvacation :seconds 0 \"now\";",
       "vacation seconds=0 response=args reason=now\nkeep*\n"},
      {"mime", "require \"vacation\";\nvacation :mime \"Content-Type: text/plain\n\nx\";",
       "vacation mime response=args reason=Content-Type: text/plain\r\n\r\nx\nkeep*\n"},
      // RFC 5230 §4.7: no effect on the implicit keep, and fine with every
      // action but reject.
      {"with discard", "require \"vacation\";\nvacation \"away\";\ndiscard;",
       "vacation response=args reason=away\ndiscard\n"},
      {"with fileinto",
       "require [\"vacation\", \"fileinto\"];\nfileinto \"Away\";\nvacation \"away\";",
       "fileinto\nvacation response=args reason=away\n"},
      {"with redirect", "require \"vacation\";\nredirect \"a@example.org\";\nvacation \"x\";",
       "redirect\nvacation response=args reason=x\n"},
      {"with keep", "require \"vacation\";\nvacation \"x\";\nkeep;",
       "vacation response=args reason=x\nkeep\n"},
      // A runtime error undoes every action (the message is kept).
      {"twice is an error (§4.7)", "require \"vacation\";\nvacation \"a\";\nvacation \"b\";",
       "error:duplicate-vacation\nkeep*\n"},
      {"twice with a handle",
       "require \"vacation\";\nvacation :handle \"h\" \"a\";\n"
       "if true { vacation :handle \"h\" \"a\"; }",
       "error:duplicate-vacation\nkeep*\n"},
      {"with reject", "require [\"vacation\", \"reject\"];\nvacation \"a\";\nreject \"no\";",
       "error:action-conflict\nkeep*\n"},
      {"variables",
       "require [\"vacation\", \"variables\"];\nset \"who\" \"me@example.org\";\n"
       "vacation :from \"${who}\" :subject \"Re: ${who}\" :addresses [\"${who}\", \"${x}\"] "
       ":handle \"${who}\" \"${who} is away\";",
       "vacation subject=Re: me@example.org from=me@example.org/me@example.org "
       "address=me@example.org handle=me@example.org response=handle:me@example.org "
       "reason=me@example.org is away\nkeep*\n"},
      {"invalid :from at run time",
       "require [\"vacation\", \"variables\"];\nset \"f\" \"nobody\";\nvacation :from \"${f}\" "
       "\"x\";",
       "error:invalid-vacation-from\nkeep*\n"},
      {"invalid :mime at run time",
       "require [\"vacation\", \"variables\"];\nset \"m\" \"just text\";\nvacation :mime "
       "\"${m}\";",
       "error:invalid-vacation-mime\nkeep*\n"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Record(c.script), c.expected) << c.name;
  }
}

std::string ResponseOf(std::string_view script, std::string_view message = kMessage) {
  const exttest::Compiled compiled = exttest::Compile(script);
  if (compiled.program == nullptr) return "compile error: " + compiled.diagnostics;
  vm::Evaluator evaluator;
  const vm::EvalResult& result =
      evaluator.Evaluate(*compiled.program, message, mail::Envelope{}, vm::EvalOptions{});
  for (const vm::Action& a : result.actions) {
    if (a.type == delivery::kVacationType) {
      return delivery::VacationArguments::FromAction(a).response;
    }
  }
  return "no vacation";
}

TEST(VacationTest, ResponseIdentityUsesTheArgumentsAsWritten) {
  // RFC 5230 §4.2's example: ":subject "Automatic response to: ${1}"" is one
  // response whatever the subject it is expanded with.
  const std::string script =
      "require [\"vacation\", \"variables\"];\n"
      "if header :matches \"subject\" \"*\" {\n"
      "  vacation :subject \"Automatic response to: ${1}\"\n"
      "           \"I'm away -- send mail to foo in my absence\";\n"
      "}";
  const std::string first = ResponseOf(script, kMessage);
  const std::string second =
      ResponseOf(script, "From: joe@example.com\r\nSubject: other\r\n\r\nx\r\n");
  EXPECT_EQ(first.substr(0, 5), "args:");
  EXPECT_EQ(first, second);
  // The same arguments without variables are another text, another response.
  EXPECT_NE(ResponseOf("require \"vacation\";\nvacation :subject \"Automatic response to: "
                       "hello\" \"I'm away -- send mail to foo in my absence\";"),
            first);
  // The synthesis covers :subject, :from, :mime and the reason, not :days.
  const std::string base = ResponseOf("require \"vacation\";\nvacation \"a\";");
  EXPECT_EQ(ResponseOf("require \"vacation\";\nvacation :days 3 :addresses \"x@example.org\" "
                       "\"a\";"),
            base);
  EXPECT_NE(ResponseOf("require \"vacation\";\nvacation :subject \"s\" \"a\";"), base);
  EXPECT_NE(ResponseOf("require \"vacation\";\nvacation :from \"x@example.org\" \"a\";"), base);
  EXPECT_EQ(ResponseOf("require \"vacation\";\nvacation :handle \"ran-away\" \"a\";"),
            "handle:ran-away");
}

TEST(VacationTest, RfcExamplesCompileAndRun) {
  const Case cases[] = {
      {"§4.8",
       "require \"vacation\";\nvacation :days 23 :addresses [\"tjs@example.edu\",\n"
       "  \"ts4z@landru.example.edu\"]\n\"I'm away until October 19.\n"
       "If it's an emergency, call 911, I guess.\" ;",
       "vacation days=23 address=tjs@example.edu address=ts4z@landru.example.edu response=args "
       "reason=I'm away until October 19.\r\nIf it's an emergency, call 911, I guess.\nkeep*\n"},
      {"§4.8 mingled",
       "require \"vacation\";\nif header :contains \"from\" \"boss@example.edu\" {\n"
       "  redirect \"pleeb@isp.example.org\";\n} else {\n  vacation \"Sorry, I'm away.\";\n}",
       "vacation response=args reason=Sorry, I'm away.\nkeep*\n"},
      {"RFC 6131 §3",
       "require [\"vacation-seconds\"];\nvacation :addresses [\"tjs@example.edu\", "
       "\"ts4z@landru.example.edu\"]\n  :seconds 1800\n  \"I am in a meeting.\";",
       "vacation seconds=1800 address=tjs@example.edu address=ts4z@landru.example.edu "
       "response=args reason=I am in a meeting.\nkeep*\n"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Record(c.script), c.expected) << c.name;
  }
}

}  // namespace
}  // namespace sievekit::extensions
