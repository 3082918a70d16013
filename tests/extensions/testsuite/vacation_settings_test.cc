// Tests for extensions/testsuite/vacation_settings: upstream's period
// notation and the mapping of every vacation setting onto
// delivery::VacationOptions (defaults kept for missing, empty or
// unparsable values).
#include "extensions/testsuite/vacation_settings.h"

#include <gtest/gtest.h>

namespace sievekit::extensions {
namespace {

TEST(VacationSettingsTest, Periods) {
  const std::pair<std::string_view, int64_t> cases[] = {
      {"1s", 1},        {"30", 30},         {"5 secs", 5},        {"2 seconds", 2}, {"10m", 600},
      {"1 min", 60},    {"3 minutes", 180}, {"2h", 7200},         {"1 hour", 3600}, {"7d", 604800},
      {"1 day", 86400}, {"2w", 1209600},    {"1 week", 604800},   {" 4d ", 345600}, {"0", 0},
      {"", -1},         {"d", -1},          {"5 fortnights", -1}, {"-1d", -1},      {"1.5d", -1},
  };
  for (const auto& [text, seconds] : cases) {
    const auto parsed = ParsePeriodSetting(text);
    EXPECT_EQ(parsed ? parsed->count() : -1, seconds) << text;
  }
}

TEST(VacationSettingsTest, Defaults) {
  const delivery::VacationOptions defaults;
  const delivery::VacationOptions mapped = VacationSettings({});
  EXPECT_EQ(mapped.min_period, defaults.min_period);
  EXPECT_EQ(mapped.default_period, defaults.default_period);
  EXPECT_EQ(mapped.max_period, defaults.max_period);
  EXPECT_EQ(mapped.subject_template, "Auto: %{subject}");
  EXPECT_EQ(mapped.default_subject, "Automated reply");
  EXPECT_FALSE(mapped.send_from_recipient);
  EXPECT_FALSE(mapped.to_header_ignore_envelope);
  EXPECT_FALSE(mapped.use_original_recipient);
  EXPECT_TRUE(mapped.check_recipient);
  EXPECT_EQ(mapped.user_email, "");
}

TEST(VacationSettingsTest, EverySetting) {
  const delivery::VacationOptions o = VacationSettings({
      {"sieve_vacation_min_period", "1s"},
      {"sieve_vacation_default_period", "2d"},
      {"sieve_vacation_max_period", "90d"},
      {"sieve_vacation_default_subject", "Something colorful"},
      {"sieve_vacation_default_subject_template", "Automatisch bericht: %{subject}"},
      {"sieve_vacation_send_from_recipient", "yes"},
      {"sieve_vacation_to_header_ignore_envelope", "yes"},
      {"sieve_vacation_use_original_recipient", "true"},
      {"sieve_vacation_dont_check_recipient", "yes"},
      {"sieve_user_email", "me@example.org"},
  });
  EXPECT_EQ(o.min_period.count(), 1);
  EXPECT_EQ(o.default_period.count(), 2 * 86400);
  EXPECT_EQ(o.max_period.count(), 90 * 86400);
  EXPECT_EQ(o.default_subject, "Something colorful");
  EXPECT_EQ(o.subject_template, "Automatisch bericht: %{subject}");
  EXPECT_TRUE(o.send_from_recipient);
  EXPECT_TRUE(o.to_header_ignore_envelope);
  EXPECT_TRUE(o.use_original_recipient);
  EXPECT_FALSE(o.check_recipient);
  EXPECT_EQ(o.user_email, "me@example.org");
}

TEST(VacationSettingsTest, EmptyOrInvalidValuesKeepTheDefaults) {
  const delivery::VacationOptions o = VacationSettings({
      {"sieve_vacation_min_period", "soon"},
      {"sieve_vacation_default_subject", ""},
      {"sieve_vacation_default_subject_template", ""},
      {"sieve_vacation_send_from_recipient", "maybe"},
  });
  EXPECT_EQ(o.min_period.count(), 86400);
  EXPECT_EQ(o.default_subject, "Automated reply");
  EXPECT_EQ(o.subject_template, "Auto: %{subject}");
  EXPECT_FALSE(o.send_from_recipient);
}

}  // namespace
}  // namespace sievekit::extensions
