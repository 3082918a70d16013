// Tests for extensions/notify/enotify.cc: RFC 5435's notify with the mailto
// method (RFC 5436), valid_notify_method and notify_method_capability —
// compile-time checks of constant arguments, the same checks at run time
// for arguments built from variables, the action records, and the RFC's
// examples end to end down to the composed notification messages.
#include <gtest/gtest.h>

#include <string>

#include "delivery/notify.h"
#include "tests/extensions/notify/notify_test_util.h"

namespace sievekit::extensions {
namespace {

constexpr std::string_view kBossMessage =
    "Return-Path: <boss@example.org>\r\n"
    "From: Big Boss <boss@example.org>\r\n"
    "To: alm@example.com\r\n"
    "Subject: Budget meeting\r\n"
    "\r\n"
    "Now.\r\n";

constexpr std::string_view kListMessage =
    "From: Jeff <jeff@lists.example.org>\r\n"
    "To: sievemailinglist@example.org\r\n"
    "Subject: enotify draft\r\n"
    "\r\n"
    "Comments?\r\n";

struct Case {
  std::string_view name;
  std::string script;
  std::string expected;
};

std::string Enotify(std::string_view body) { return "require \"enotify\";\n" + std::string(body); }

TEST(EnotifyTest, CompileTimeChecks) {
  const Case cases[] = {
      {"no method", Enotify("notify :message \"x\";"),
       "2:1 missing-argument: command 'notify' needs the notification method, a URI such as "
       "\"mailto:me@example.org\" (RFC 5435 §3.1)\n"},
      {"unsupported scheme", Enotify("notify \"snailto:stephan@example.org\";"),
       "2:8 invalid-notify-method: invalid notification method "
       "\"snailto:stephan@example.org\": the method 'snailto' is not supported\n"},
      {"not a URI", Enotify("notify \"stephan@example.org\";"),
       "2:8 invalid-notify-method: invalid notification method \"stephan@example.org\": it is "
       "not a URI\n"},
      {"invalid mailto", Enotify("notify \"mailto:stephan%23example.org\";"),
       "2:8 invalid-notify-method: invalid notification method \"mailto:stephan%23example.org\": "
       "invalid recipient 'stephan#example.org' in the URI\n"},
      {"invalid :from", Enotify("notify :from \"stephan#example.org\" \"mailto:a@example.com\";"),
       "2:14 invalid-notify-from: invalid :from address \"stephan#example.org\": it is not an "
       "email address\n"},
      {"empty :from", Enotify("notify :from \"\" \"mailto:a@example.com\";"),
       "2:14 invalid-notify-from: invalid :from address \"\": it is empty\n"},
      {"two :from addresses",
       Enotify("notify :from \"a@example.com, b@example.com\" \"mailto:a@example.com\";"),
       "2:14 invalid-notify-from: invalid :from address \"a@example.com, b@example.com\": it is "
       "not an email address\n"},
      {":from with a name", Enotify("notify :from \"Me <me@example.org>\" \"mailto:a@example.com\";"),
       ""},
      {"importance", Enotify("notify :importance \"4\" \"mailto:a@example.com\";"),
       "2:20 invalid-notify-importance: invalid :importance \"4\": it is \"1\" (high), \"2\" "
       "(normal) or \"3\" (low)\n"},
      {"options", Enotify("notify :options [\"a=b\", \"frop\"] \"mailto:a@example.com\";"),
       "2:25 invalid-notify-option: invalid :options item \"frop\": an option is \"name=value\" "
       "(RFC 5435 §3.5)\n"},
      {"variables are checked at run time",
       "require [\"enotify\", \"variables\"];\n"
       "notify :from \"${f}\" :importance \"${i}\" :options \"${o}\" \"${m}\";",
       ""},
      {"valid_notify_method", Enotify("if valid_notify_method [\"mailto:\", \"tel:1\"] {}"), ""},
      {"notify_method_capability",
       Enotify("if notify_method_capability :contains \"mailto:a@example.com\" \"online\" "
               "\"may\" {}"),
       ""},
  };
  for (const Case& c : cases) EXPECT_EQ(exttest::Diagnose(c.script), c.expected) << c.name;
}

TEST(EnotifyTest, ActionRecords) {
  EXPECT_EQ(notifytest::Run(Enotify("notify \"mailto:a@example.com\";"), kBossMessage),
            "notify capability=enotify method=mailto:a@example.com importance=2\nkeep*\n");
  EXPECT_EQ(notifytest::Run(Enotify("notify :from \"me@example.org\" :importance \"3\" "
                                    ":options [\"a=1\", \"b=2\"] :message \"hi\" "
                                    "\"mailto:a@example.com\";"),
                            kBossMessage),
            "notify capability=enotify method=mailto:a@example.com from=me@example.org "
            "importance=3 options=[a=1,b=2] message=hi\nkeep*\n");
  // RFC 5435 §7: notify never cancels the implicit keep, and several are
  // allowed, also with the same arguments.
  EXPECT_EQ(notifytest::Run(Enotify("notify \"mailto:a@example.com\";\n"
                                    "notify \"mailto:a@example.com\";"),
                            kBossMessage),
            "notify capability=enotify method=mailto:a@example.com importance=2\n"
            "notify capability=enotify method=mailto:a@example.com importance=2\nkeep*\n");
}

TEST(EnotifyTest, RuntimeChecksOfBuiltArguments) {
  const std::string prefix = "require [\"enotify\", \"variables\"];\n";
  const Case cases[] = {
      {"method", prefix + "set \"m\" \"tel:+1\";\nnotify \"${m}\";",
       "error:invalid-notify-method: invalid notification method \"tel:+1\": the method 'tel' "
       "is not supported\nkeep*\n"},
      {"mailto syntax", prefix + "set \"m\" \"a b\";\nnotify \"mailto:${m}\";",
       "error:invalid-notify-method: invalid notification method \"mailto:a b\": invalid "
       "character ' ' in the recipients of the URI\nkeep*\n"},
      {"from", prefix + "set \"f\" \"nobody\";\nnotify :from \"${f}\" \"mailto:a@example.com\";",
       "error:invalid-notify-from: invalid :from address \"nobody\": it is not an email "
       "address\nkeep*\n"},
      {"importance", prefix + "set \"i\" \"high\";\nnotify :importance \"${i}\" "
                              "\"mailto:a@example.com\";",
       "error:invalid-notify-importance: invalid :importance \"high\"\nkeep*\n"},
      {"options", prefix + "set \"o\" \"x\";\nnotify :options \"${o}\" \"mailto:a@example.com\";",
       "error:invalid-notify-option: invalid :options item \"x\"\nkeep*\n"},
      {"built and valid", prefix + "set \"who\" \"a@example.com\";\nnotify \"mailto:${who}\";",
       "notify capability=enotify method=mailto:a@example.com importance=2\nkeep*\n"},
  };
  for (const Case& c : cases) EXPECT_EQ(notifytest::Run(c.script, kBossMessage), c.expected)
      << c.name;
}

TEST(EnotifyTest, ValidNotifyMethod) {
  const std::string prefix = "require [\"enotify\", \"variables\"];\n";
  auto holds = [&](std::string_view uris) {
    return notifytest::Run(prefix + "if valid_notify_method " + std::string(uris) +
                               " { discard; }",
                           kBossMessage) == "discard\n";
  };
  EXPECT_TRUE(holds("\"mailto:stephan@example.org\""));
  EXPECT_TRUE(holds("[\"mailto:a@example.com\", \"mailto:?to=b@example.com\"]"));
  // RFC 5435 example 4: true only when every method is valid.
  EXPECT_FALSE(holds("[\"mailto:\", \"http://gw.example.net/notify?test\"]"));
  EXPECT_FALSE(holds("\"mailto:stephan@example.org?header:=frop\""));
  EXPECT_FALSE(holds("\"mailto:stephan%23example.org\""));
  EXPECT_FALSE(holds("\"mailto:stephan@example.org?to=nico%23frop.example.org\""));
  EXPECT_FALSE(holds("\"xmpp:tim@example.com\""));
}

TEST(EnotifyTest, NotifyMethodCapability) {
  auto holds = [&](std::string_view test) {
    return notifytest::Run("require [\"enotify\", \"relational\", "
                           "\"comparator-i;ascii-numeric\"];\nif notify_method_capability " +
                               std::string(test) + " { discard; }",
                           kBossMessage) == "discard\n";
  };
  // RFC 5436 §2.2: mailto cannot tell whether a recipient is online.
  EXPECT_TRUE(holds("\"mailto:a@example.com\" \"online\" \"maybe\""));
  EXPECT_TRUE(holds("\"mailto:a@example.com\" \"Online\" \"MAYBE\""));
  EXPECT_FALSE(holds("\"mailto:a@example.com\" \"online\" \"yes\""));
  EXPECT_TRUE(holds(":count \"eq\" :comparator \"i;ascii-numeric\" \"mailto:a@example.com\" "
                    "\"online\" \"1\""));
  // An unknown capability or an invalid URI: false, :count 0, never an error.
  EXPECT_FALSE(holds("\"mailto:a@example.com\" \"mood\" \"maybe\""));
  EXPECT_TRUE(holds(":count \"eq\" :comparator \"i;ascii-numeric\" \"mailto:a@example.com\" "
                    "\"mood\" \"0\""));
  EXPECT_FALSE(holds("\"xmpp:tim@example.com\" \"online\" \"maybe\""));
  EXPECT_TRUE(holds(":count \"eq\" :comparator \"i;ascii-numeric\" \"tel:1\" \"online\" \"0\""));
}

// RFC 5435 §3.7, example 1.
const char kExample1[] =
    "require [\"enotify\", \"fileinto\", \"variables\"];\n"
    "if header :contains \"from\" \"boss@example.org\" {\n"
    "    notify :importance \"1\"\n"
    "        :message \"This is probably very important\"\n"
    "                    \"mailto:alm@example.com\";\n"
    "    # Don't send any further notifications\n"
    "    stop;\n"
    "}\n"
    "if header :contains \"to\" \"sievemailinglist@example.org\" {\n"
    "    # :matches is used to get the value of the Subject header\n"
    "    if header :matches \"Subject\" \"*\" {\n"
    "        set \"subject\" \"${1}\";\n"
    "    }\n"
    "    # :matches is used to get the value of the From header\n"
    "    if header :matches \"From\" \"*\" {\n"
    "        set \"from\" \"${1}\";\n"
    "    }\n"
    "    notify :importance \"3\"\n"
    "        :message \"[SIEVE] ${from}: ${subject}\"\n"
    "        \"mailto:alm@example.com\";\n"
    "    fileinto \"INBOX.sieve\";\n"
    "}\n";

TEST(EnotifyTest, Rfc5435Example1) {
  EXPECT_EQ(notifytest::Run(kExample1, kBossMessage),
            "notify capability=enotify method=mailto:alm@example.com importance=1 "
            "message=This is probably very important\nkeep*\n");
  EXPECT_EQ(notifytest::Run(kExample1, kListMessage),
            "notify capability=enotify method=mailto:alm@example.com importance=3 "
            "message=[SIEVE] Jeff <jeff@lists.example.org>: enotify draft\n"
            "fileinto INBOX.sieve\n");
}

// Example 1 executed: the notification a host sends for the list message.
TEST(EnotifyTest, Rfc5435Example1Composed) {
  const exttest::Compiled compiled = exttest::Compile(kExample1);
  ASSERT_NE(compiled.program, nullptr);
  vm::Evaluator evaluator;
  mail::Envelope envelope;
  envelope.mail_from = "<jeff@lists.example.org>";
  envelope.rcpt_to = "<alm@example.com>";
  const vm::EvalResult& r = evaluator.Evaluate(*compiled.program, kListMessage, envelope);
  ASSERT_EQ(r.actions.size(), 2u);
  delivery::NotifyOptions options;
  options.date = "Thu, 1 Jan 2009 00:00:00 +0000";
  options.host_name = "mx.example.com";
  delivery::NotificationComposer composer(evaluator.message(), envelope, options);
  const delivery::Notification n = composer.Compose(r.actions[0]);
  ASSERT_TRUE(n.sent);
  ASSERT_EQ(n.messages.size(), 1u);
  EXPECT_EQ(n.messages[0].mail_from, "postmaster@mx.example.com");
  EXPECT_EQ(n.messages[0].rcpt_to, "alm@example.com");
  std::string bytes = n.messages[0].bytes;
  const size_t id = bytes.find("Message-ID: <");
  ASSERT_NE(id, std::string::npos);
  bytes.replace(id, bytes.find('>', id) - id + 1, "Message-ID: <ID>");
  EXPECT_EQ(bytes,
            "Auto-Submitted: auto-notified; owner-email=\"alm@example.com\"\r\n"
            "X-Sieve: sievekit; notify (RFC 5435, mailto)\r\n"
            "Message-ID: <ID>\r\n"
            "Date: Thu, 1 Jan 2009 00:00:00 +0000\r\n"
            "From: alm@example.com\r\n"
            "To: alm@example.com\r\n"
            "Subject: [SIEVE] Jeff <jeff@lists.example.org>: enotify draft\r\n"
            "X-Priority: 5 (Lowest)\r\n"
            "Importance: low\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 7bit\r\n"
            "\r\n"
            "[SIEVE] Jeff <jeff@lists.example.org>: enotify draft\r\n");
}

// RFC 5435 §3.7, example 2.
TEST(EnotifyTest, Rfc5435Example2) {
  const std::string script =
      "require [\"enotify\", \"fileinto\", \"variables\", \"envelope\"];\n"
      "if header :matches \"from\" \"*@*.example.org\" {\n"
      "    if envelope :all :matches \"from\" \"*\" {\n"
      "        set \"env_from\" \" [really: ${1}]\";\n"
      "    }\n"
      "    if header :matches \"Subject\" \"*\" {\n"
      "        set \"subject\" \"${1}\";\n"
      "    }\n"
      "    if address :matches :all \"from\" \"*\" {\n"
      "        set \"from_addr\" \"${1}\";\n"
      "    }\n"
      "    notify :message \"${from_addr}${env_from}: ${subject}\"\n"
      "            \"mailto:alm@example.com\";\n"
      "}\n";
  mail::Envelope envelope;
  envelope.mail_from = "<bounces@lists.example.org>";
  envelope.rcpt_to = "<alm@example.com>";
  const std::string list_message =
      "From: jeff@lists.example.org\r\nTo: sievemailinglist@example.org\r\n"
      "Subject: enotify draft\r\n\r\nComments?\r\n";
  EXPECT_EQ(notifytest::Run(script, list_message, envelope),
            "notify capability=enotify method=mailto:alm@example.com importance=2 "
            "message=jeff@lists.example.org [really: bounces@lists.example.org]: enotify "
            "draft\nkeep*\n");
  EXPECT_EQ(notifytest::Run(script, kBossMessage, envelope), "keep*\n");
}

// Examples 3 and 5 use xmpp and tel, which sievekit does not implement: a
// constant unsupported method is refused when the script compiles (§3.2);
// example 3's method built in a variable fails when it runs.
TEST(EnotifyTest, Rfc5435Examples3And5UseUnsupportedMethods) {
  EXPECT_EQ(exttest::Diagnose(
                "require [\"enotify\"];\n"
                "if notify_method_capability\n"
                "       \"xmpp:tim@example.com?message;subject=SIEVE\"\n"
                "       \"Online\"\n"
                "       \"yes\" {\n"
                "    notify :importance \"1\" :message \"You got mail\"\n"
                "         \"xmpp:tim@example.com?message;subject=SIEVE\";\n"
                "} else {\n"
                "    notify :message \"You got mail\" \"tel:+14085551212\";\n"
                "}\n"),
            "7:10 invalid-notify-method: invalid notification method "
            "\"xmpp:tim@example.com?message;subject=SIEVE\": the method 'xmpp' is not "
            "supported\n"
            "9:36 invalid-notify-method: invalid notification method \"tel:+14085551212\": the "
            "method 'tel' is not supported\n");
  EXPECT_EQ(notifytest::Run("require [\"enotify\", \"variables\"];\n"
                            "set \"notif_method\"\n"
                            "  \"xmpp:tim@example.com?message;subject=SIEVE;body=You%20got%20mail\";\n"
                            "if not string :is \"${notif_method}\" \"\" {\n"
                            "    notify \"${notif_method}\";\n"
                            "}\n",
                            kBossMessage),
            "error:invalid-notify-method: invalid notification method "
            "\"xmpp:tim@example.com?message;subject=SIEVE;body=You%20got%20mail\": the method "
            "'xmpp' is not supported\nkeep*\n");
}

// Example 4: stop unless the methods are supported.
TEST(EnotifyTest, Rfc5435Example4) {
  EXPECT_EQ(notifytest::Run("require [\"enotify\"];\n"
                            "if not valid_notify_method [\"mailto:\",\n"
                            "        \"http://gw.example.net/notify?test\"] {\n"
                            "    stop;\n"
                            "}\n"
                            "notify \"mailto:a@example.com\";\n",
                            kBossMessage),
            "keep*\n");
}

}  // namespace
}  // namespace sievekit::extensions
