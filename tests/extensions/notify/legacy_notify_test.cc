// Tests for extensions/notify/legacy_notify.cc: the notify and denotify of
// draft-martin-sieve-notify-01 (capability "notify") — their checks, the
// action records with macros expanded and priorities mapped, the default
// message, and denotify by identifier and priority.
#include <gtest/gtest.h>

#include <string>

#include "tests/extensions/notify/notify_test_util.h"

namespace sievekit::extensions {
namespace {

constexpr std::string_view kMessage =
    "From: Jeff Smith <jeff@example.com>\r\n"
    "To: me@example.org\r\n"
    "Subject: Lunch?\r\n"
    "\r\n"
    "At noon, at the usual place.\r\n";

struct Case {
  std::string_view name;
  std::string script;
  std::string expected;
};

std::string Legacy(std::string_view body) { return "require \"notify\";\n" + std::string(body); }

TEST(LegacyNotifyTest, Validation) {
  const Case cases[] = {
      {"all arguments",
       Legacy("notify :method \"mailto\" :id \"n1\" :options [\"a@example.com\"] :high "
              ":message \"$from$\";"),
       ""},
      {"a method URI", Legacy("notify \"mailto:a@example.com\";"),
       "2:8 unexpected-argument: the legacy notify (require \"notify\") takes no method URI; "
       "name the method with :method and the addresses with :options\n"},
      {"another method", Legacy("notify :method \"zephyr\" :options \"a@example.com\";"),
       "2:16 invalid-notify-method: unsupported notification method \"zephyr\": the legacy "
       "notify implements \"mailto\"\n"},
      {"mailto is case-insensitive", Legacy("notify :method \"MAILTO\";"), ""},
      {"not an address", Legacy("notify :options [\"a@example.com\", \"John\"];"),
       "2:35 invalid-notify-option: invalid :options item \"John\": the mailto method takes "
       "email addresses\n"},
      {"two priorities", Legacy("notify :low :high;"),
       "2:13 conflicting-tags: tagged argument ':high' cannot be combined with ':low' in the "
       "notify command\n"},
      {"denotify", Legacy("denotify :matches \"n*\" :low;"), ""},
      {"denotify, priority first", Legacy("denotify :low :is \"n1\";"), ""},
      {"denotify without a key", Legacy("denotify :is;"),
       "2:10 tag-argument-missing: the ':is' tag of the denotify command must be followed by an "
       "identifier\n"},
      {"denotify with two match types", Legacy("denotify :is \"a\" :contains \"b\";"),
       "2:18 conflicting-tags: tagged argument ':contains' cannot be combined with ':is' in the "
       "denotify command\n"},
      {"denotify takes no comparator", Legacy("denotify :comparator \"i;octet\" :is \"a\";"),
       "2:10 unknown-tag: unknown tagged argument ':comparator' for the denotify command (it "
       "takes :is, :contains, :matches, :low, :normal or :high)\n"},
  };
  for (const Case& c : cases) EXPECT_EQ(exttest::Diagnose(c.script), c.expected) << c.name;
}

TEST(LegacyNotifyTest, ActionRecords) {
  mail::Envelope envelope;
  envelope.mail_from = "<bounce@example.com>";
  const Case cases[] = {
      {"default message", Legacy("notify :options \"sms@example.net\";"),
       "notify capability=notify method=mailto importance=2 options=[sms@example.net] "
       "message=jeff@example.com: Lunch?\nkeep*\n"},
      {"macros", Legacy("notify :options \"sms@example.net\" :message \"$from-name$ "
                        "($env-from$): $subject$ $text[8]$\";"),
       "notify capability=notify method=mailto importance=2 options=[sms@example.net] "
       "message=Jeff Smith (bounce@example.com): Lunch? At noon,\nkeep*\n"},
      {"priorities and id",
       Legacy("notify :id \"a\" :high;\nnotify :id \"b\" :normal;\nnotify :id \"c\" :low;"),
       "notify capability=notify method=mailto id=a importance=1 options=[] message=jeff@"
       "example.com: Lunch?\n"
       "notify capability=notify method=mailto id=b importance=2 options=[] message=jeff@"
       "example.com: Lunch?\n"
       "notify capability=notify method=mailto id=c importance=3 options=[] message=jeff@"
       "example.com: Lunch?\nkeep*\n"},
      {"variables first, then macros",
       "require [\"notify\", \"variables\"];\nset \"m\" \"$subject$\";\n"
       "notify :message \"${m}!\" :options \"a@example.com\";",
       "notify capability=notify method=mailto importance=2 options=[a@example.com] "
       "message=Lunch?!\nkeep*\n"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(notifytest::Run(c.script, kMessage, envelope), c.expected) << c.name;
  }
}

TEST(LegacyNotifyTest, Denotify) {
  const std::string notifies =
      "notify :id \"work-1\" :high;\nnotify :id \"work-2\" :low;\nnotify :id \"home\" :low;\n"
      "notify :low;\n";
  // The ids of the notify actions left, "-" for one without.
  auto remaining = [&](std::string_view denotify) {
    const std::string out = notifytest::Run(Legacy(notifies + std::string(denotify)), kMessage);
    std::string ids;
    size_t begin = 0;
    while (begin < out.size()) {
      const size_t end = out.find('\n', begin);
      const std::string line = out.substr(begin, end - begin);
      begin = end + 1;
      if (line.rfind("notify ", 0) != 0) continue;
      const size_t id = line.find(" id=");
      ids += id == std::string::npos ? "-" : line.substr(id + 4, line.find(' ', id + 4) - id - 4);
      ids += ",";
    }
    return ids;
  };
  EXPECT_EQ(remaining(""), "work-1,work-2,home,-,");
  EXPECT_EQ(remaining("denotify;"), "");
  EXPECT_EQ(remaining("denotify :is \"home\";"), "work-1,work-2,-,");
  EXPECT_EQ(remaining("denotify :is \"HOME\";"), "work-1,work-2,-,");  // i;ascii-casemap
  EXPECT_EQ(remaining("denotify :low :is \"home\";"), "work-1,work-2,-,");
  EXPECT_EQ(remaining("denotify :matches \"work-*\";"), "home,-,");
  EXPECT_EQ(remaining("denotify :contains \"o\";"), "-,");
  EXPECT_EQ(remaining("denotify :low;"), "work-1,");
  EXPECT_EQ(remaining("denotify :matches \"work-*\" :low;"), "work-1,home,-,");
  EXPECT_EQ(remaining("denotify :matches \"W?RK-?\";"), "home,-,");
  EXPECT_EQ(remaining("denotify :is \"nothing\";"), "work-1,work-2,home,-,");
  // Later notifications are not cancelled.
  EXPECT_EQ(notifytest::Run(Legacy("denotify;\nnotify :id \"x\";"), kMessage),
            "notify capability=notify method=mailto id=x importance=2 options=[] "
            "message=jeff@example.com: Lunch?\nkeep*\n");
}

TEST(LegacyNotifyTest, RuntimeChecks) {
  EXPECT_EQ(notifytest::Run("require [\"notify\", \"variables\"];\nset \"a\" \"John\";\n"
                            "notify :options \"${a}\";",
                            kMessage),
            "error:invalid-notify-option: invalid :options item \"John\": not an email "
            "address\nkeep*\n");
  EXPECT_EQ(notifytest::Run("require [\"notify\", \"variables\"];\nset \"m\" \"sms\";\n"
                            "notify :method \"${m}\";",
                            kMessage),
            "error:invalid-notify-method: unsupported notification method \"sms\"\nkeep*\n");
}

}  // namespace
}  // namespace sievekit::extensions
