// Tests for extensions/notify/notify.cc: the one `notify` command shared by
// "enotify" and the legacy "notify" (which capability a call belongs to,
// both required, neither required), :encodeurl (RFC 5435 §6) and its
// truncation, the :options syntax (§3.5), and the notification limit
// (§8: max_notifications, at run time and as a prohibition at compile
// time).
#include "extensions/notify/notify.h"

#include <gtest/gtest.h>

#include <string>

#include "ir/frontend.h"
#include "tests/extensions/notify/notify_test_util.h"

namespace sievekit::extensions {
namespace {

constexpr std::string_view kMessage =
    "From: Boss <boss@example.org>\r\nTo: me@example.org\r\nSubject: Budget\r\n\r\nHi.\r\n";

struct Case {
  std::string_view name;
  std::string script;
  std::string expected;
};

TEST(NotifyTest, WhichNotify) {
  const Case cases[] = {
      {"enotify", "require \"enotify\";\nnotify \"mailto:a@example.com\";", ""},
      {"legacy", "require \"notify\";\nnotify :options \"a@example.com\";", ""},
      {"legacy without arguments", "require \"notify\";\nnotify;", ""},
      {"neither",
       "notify \"mailto:a@example.com\";",
       "1:1 missing-require: command 'notify' needs the extension 'enotify' (RFC 5435) or "
       "'notify' (the legacy draft), which is not required\n"},
      {"both", "require [\"enotify\", \"notify\"];\nnotify \"mailto:a@example.com\";",
       "2:1 ambiguous-notify: command 'notify' is ambiguous: the script requires both "
       "'enotify' and the legacy 'notify', whose notify commands differ\n"},
      {"both, without notify", "require [\"enotify\", \"notify\"];\ndenotify;\n"
                               "if valid_notify_method \"mailto:a@example.com\" {}",
       ""},
      {"enotify tag in a legacy script",
       "require \"notify\";\nnotify :importance \"1\" :options \"a@example.com\";",
       "2:8 missing-require: tagged argument ':importance' needs the extension 'enotify', "
       "which is not required\n"},
      {"legacy tag in an enotify script",
       "require \"enotify\";\nnotify :high \"mailto:a@example.com\";",
       "2:8 missing-require: tagged argument ':high' needs the extension 'notify', which is "
       "not required\n"},
      {"denotify is legacy only", "require \"enotify\";\ndenotify;",
       "2:1 missing-require: command 'denotify' needs the extension 'notify', which is not "
       "required\n"},
  };
  for (const Case& c : cases) EXPECT_EQ(exttest::Diagnose(c.script), c.expected) << c.name;
}

TEST(NotifyTest, EncodeUrl) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"", ""},
      {"Safe body&evil=evilbody", "Safe%20body%26evil%3Devilbody"},
      {"\\frop\\&fruts/^@", "%5Cfrop%5C%26fruts%2F%5E%40"},
      {"AZaz09-._~", "AZaz09-._~"},
      {"caf\xc3\xa9\r\n", "caf%C3%A9%0D%0A"},
  };
  for (const auto& [in, expected] : cases) {
    std::string out;
    EncodeUrl(in, &out);
    EXPECT_EQ(out, expected) << in;
  }
}

TEST(NotifyTest, EncodeUrlCut) {
  EXPECT_EQ(EncodeUrlCut("abc", 5), 3u);
  EXPECT_EQ(EncodeUrlCut("%40%40%40", 7), 6u);   // never half an escape
  EXPECT_EQ(EncodeUrlCut("a%40b", 3), 1u);
  EXPECT_EQ(EncodeUrlCut("a%C3%A9b", 6), 1u);    // never half a character
  EXPECT_EQ(EncodeUrlCut("a%C3%A9b", 7), 7u);
  EXPECT_EQ(EncodeUrlCut("%E4%B8%83%E4%B8%83", 17), 9u);
  EXPECT_EQ(EncodeUrlCut("%0D%0Ax", 4), 3u);     // CR and LF are characters of their own
}

TEST(NotifyTest, EncodeUrlModifier) {
  const std::string script =
      "require [\"enotify\", \"variables\"];\n"
      "set :encodeurl \"body_param\" \"Safe body&evil=evilbody\";\n"
      "notify \"mailto:tim@example.com?body=${body_param}\";\n";
  EXPECT_EQ(notifytest::Run(script, kMessage),
            "notify capability=enotify method=mailto:tim@example.com?body=Safe%20body%26evil%"
            "3Devilbody importance=2\nkeep*\n");
  // :encodeurl comes with enotify, and (precedence 15) goes after :upper.
  EXPECT_EQ(exttest::Diagnose("require \"variables\";\nset :encodeurl \"a\" \"b\";"),
            "2:5 missing-require: tagged argument ':encodeurl' needs the extension 'enotify', "
            "which is not required\n");
  EXPECT_EQ(notifytest::Run("require [\"enotify\", \"variables\", \"fileinto\"];\n"
                            "set :upper :encodeurl \"a\" \"a b\";\nfileinto \"${a}\";",
                            kMessage),
            "fileinto A%20B\n");
  // A value past max_variable_size is cut after a whole character.
  vm::EvalOptions options;
  options.limits.max_variable_size = 8;
  EXPECT_EQ(notifytest::Run("require [\"enotify\", \"variables\", \"fileinto\"];\n"
                            "set :encodeurl \"a\" \"a\xc3\xa9\xc3\xa9\";\nfileinto \"${a}\";",
                            kMessage, {}, options),
            "fileinto a%C3%A9\n");
}

TEST(NotifyTest, OptionSyntax) {
  EXPECT_TRUE(IsValidNotifyOption("a=b"));
  EXPECT_TRUE(IsValidNotifyOption("x.y-z_1="));
  EXPECT_TRUE(IsValidNotifyOption("a=b=c \xc3\xa9"));
  EXPECT_FALSE(IsValidNotifyOption(""));
  EXPECT_FALSE(IsValidNotifyOption("frop"));
  EXPECT_FALSE(IsValidNotifyOption("_frop="));
  EXPECT_FALSE(IsValidNotifyOption("=frop"));
  EXPECT_FALSE(IsValidNotifyOption("frop=frml\nfrop"));
  EXPECT_FALSE(IsValidNotifyOption("a b=c"));
}

TEST(NotifyTest, MaxNotifications) {
  std::string script = "require \"enotify\";\n";
  for (int i = 1; i <= 3; ++i) script += fmt::format("notify \"mailto:u{}@example.com\";\n", i);
  vm::EvalOptions options;
  options.extension_config.Set(NotifyConfig{3});
  EXPECT_EQ(notifytest::Run(script, kMessage, {}, options).substr(0, 6), "notify");
  options.extension_config.Set(NotifyConfig{2});
  EXPECT_EQ(notifytest::Run(script, kMessage, {}, options),
            "error:max-notifications: number of notify actions exceeds policy limit of 2 "
            "(max_notifications)\nkeep*\n");
  // The legacy notify counts the same way.
  EXPECT_EQ(notifytest::Run("require \"notify\";\nnotify :options \"a@example.com\";\n"
                            "notify :options \"b@example.com\";\nnotify :options \"c@example.com\";",
                            kMessage, {}, options),
            "error:max-notifications: number of notify actions exceeds policy limit of 2 "
            "(max_notifications)\nkeep*\n");
  // 0 prohibits notify: a runtime error for a program compiled before.
  options.extension_config.Set(NotifyConfig{0});
  EXPECT_EQ(notifytest::Run(script, kMessage, {}, options),
            "error:notify-prohibited: local policy prohibits the use of a notify action "
            "(max_notifications is 0)\nkeep*\n");
}

TEST(NotifyTest, ProhibitedAtCompileTime) {
  auto source = std::make_shared<const SourceFile>(
      "t.sieve", "require \"enotify\";\nif true { notify \"mailto:a@example.com\"; }");
  ir::CompileOptions options;
  options.extension_config.Set(NotifyConfig{0});
  ir::FrontendResult front = ir::RunFrontend(source, DefaultRegistry(), options);
  ASSERT_EQ(front.diagnostics.all().size(), 1u);
  EXPECT_EQ(front.diagnostics.all()[0].id(), "notify-prohibited");
  EXPECT_EQ(front.diagnostics.all()[0].message,
            "local policy prohibits the use of a notify action (max_notifications is 0)");
  options.extension_config.Set(NotifyConfig{1});
  EXPECT_TRUE(ir::RunFrontend(source, DefaultRegistry(), options).ok());
}

}  // namespace
}  // namespace sievekit::extensions
