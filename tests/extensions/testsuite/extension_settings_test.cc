// Tests for extensions/testsuite/extension_settings: upstream's notify and
// spamtest setting names mapped onto NotifyConfig, NotifyOptions and
// SpamTestConfig.
#include "extensions/testsuite/extension_settings.h"

#include <gtest/gtest.h>

#include "extensions/notify/notify.h"
#include "extensions/spamtest/spam_config.h"

namespace sievekit::extensions {
namespace {

struct Applied {
  vm::EvalOptions options;
  delivery::NotifyOptions notify;
};

Applied Apply(const std::map<std::string, std::string>& config) {
  Applied a;
  ApplyNotifyAndSpamSettings(config, &a.options, &a.notify);
  return a;
}

int SpamLevel(const Applied& a, std::string_view header, bool virus = false) {
  const std::string bytes = std::string(header) + "\r\n\r\n";
  mail::Message message;
  message.Parse(bytes);
  const SpamTestConfig& config = a.options.extension_config.Get<SpamTestConfig>();
  const int top = virus ? 5 : 10;
  return LevelOf(Measure(message, virus ? config.virus : config.spam, top), top);
}

TEST(ExtensionSettingsTest, Defaults) {
  const Applied a = Apply({});
  EXPECT_EQ(a.options.extension_config.Get<NotifyConfig>().max_notifications, 10u);
  EXPECT_EQ(a.notify.envelope_from, delivery::NotifyOptions::EnvelopeFrom::kFromTag);
  EXPECT_EQ(SpamLevel(a, "X-Spam-Status: Yes, score=9 required=5"), 10);
  EXPECT_EQ(SpamLevel(a, "X-Virus-Status: Infected", true), 5);
}

TEST(ExtensionSettingsTest, Notify) {
  using From = delivery::NotifyOptions::EnvelopeFrom;
  const std::pair<std::string, From> cases[] = {
      {"sender", From::kSender},         {"recipient", From::kRecipient},
      {"orig_recipient", From::kOriginalRecipient}, {"user_email", From::kUserEmail},
      {"<x@example.com>", From::kExplicit}, {"bogus", From::kFromTag},
  };
  for (const auto& [value, rule] : cases) {
    EXPECT_EQ(Apply({{"sieve_notify_mailto_envelope_from", value}}).notify.envelope_from, rule)
        << value;
  }
  const Applied a = Apply({{"sieve_notify_max_notifications", "0"},
                           {"sieve_user_email", "me@example.org"}});
  EXPECT_EQ(a.options.extension_config.Get<NotifyConfig>().max_notifications, 0u);
  EXPECT_EQ(a.notify.user_email, "me@example.org");
  EXPECT_EQ(Apply({{"sieve_notify_max_notifications", "x"}})
                .options.extension_config.Get<NotifyConfig>()
                .max_notifications,
            10u);
}

TEST(ExtensionSettingsTest, SpamSources) {
  EXPECT_EQ(SpamLevel(Apply({{"sieve_spamtest_status_type", "score"},
                             {"sieve_spamtest_status_header", "X-Spam-Score"},
                             {"sieve_spamtest_score_max_value", "10"}}),
                      "X-Spam-Score: 7.3"),
            7);
  EXPECT_EQ(SpamLevel(Apply({{"sieve_spamtest_status_type", "strlen"},
                             {"sieve_spamtest_status_header", "X-Spam-Level"},
                             {"sieve_spamtest_score_max_value", "10"}}),
                      "X-Spam-Level: *****"),
            5);
  EXPECT_EQ(SpamLevel(Apply({{"sieve_spamtest_status_type", "yesno"},
                             {"sieve_spamtest_status_header", "X-Spam-Flag"}}),
                      "X-Spam-Flag: YES"),
            10);
  EXPECT_EQ(SpamLevel(Apply({{"sieve_spamtest_status_type", "text"},
                             {"sieve_spamtest_status_header", "X-Verdict"},
                             {"sieve_spamtest_text_value/1", "ham"},
                             {"sieve_spamtest_text_value/10", "spam"}}),
                      "X-Verdict: spam"),
            10);
  EXPECT_EQ(SpamLevel(Apply({{"sieve_spamtest_status_header",
                              "X-Check:score=([0-9.]+)"},
                             {"sieve_spamtest_score_max_header",
                              "X-Check:required=([0-9.]+)"}}),
                      "X-Check: score=2 required=4"),
            5);
  EXPECT_EQ(SpamLevel(Apply({{"sieve_virustest_status_type", "text"},
                             {"sieve_virustest_status_header", "X-AV:Found to be (.+)\\."},
                             {"sieve_virustest_text_value/5", "infected"}}),
                      "X-AV: Found to be infected.", true),
            5);
  // Invalid settings leave the test unconfigured: nothing is tested.
  for (const auto& config : std::vector<std::map<std::string, std::string>>{
           {{"sieve_spamtest_status_type", "magic"}, {"sieve_spamtest_status_header", "X-S"}},
           {{"sieve_spamtest_status_header", "X-S:("}},
           {{"sieve_spamtest_status_type", "score"}},
           {{"sieve_spamtest_status_header", "X-S"}, {"sieve_spamtest_score_max_value", "x"}}}) {
    EXPECT_EQ(SpamLevel(Apply(config), "X-S: 5\r\nX-Spam-Status: Yes, score=9 required=5"), 0);
  }
}

}  // namespace
}  // namespace sievekit::extensions
