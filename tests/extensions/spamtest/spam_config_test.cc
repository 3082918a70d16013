// Tests for extensions/spamtest/spam_config: header specs, and each header
// form a spam or virus filter writes (SpamAssassin's X-Spam-Status,
// X-Spam-Score, X-Spam-Level, X-Spam-Flag, a virus status) measured and
// scaled to RFC 5235's levels and percentages.
#include "extensions/spamtest/spam_config.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::extensions {
namespace {

// "level/percent", or "-" when not tested, for a message with `header`.
std::string Measured(const ScoreSource& source, std::string_view header, int top = 10) {
  const std::string bytes = std::string(header) + "From: a@example.com\r\n\r\nbody\r\n";
  mail::Message message;
  message.Parse(bytes);
  const Measurement m = Measure(message, source, top);
  if (!m.tested) {
    EXPECT_EQ(LevelOf(m, top), 0);
    EXPECT_EQ(PercentOf(m, top), 0);
    return "-";
  }
  return std::to_string(LevelOf(m, top)) + "/" + std::to_string(PercentOf(m, top));
}

ScoreSource Source(ScoreSource::Type type, std::string_view status,
                   std::optional<double> max = std::nullopt) {
  ScoreSource s;
  s.type = type;
  auto spec = HeaderSpec::Parse(status);
  EXPECT_TRUE(spec.ok()) << status;
  if (spec.ok()) s.status = *spec;
  s.max_value = max;
  return s;
}

struct Case {
  std::string_view header;
  std::string expected;
};

TEST(SpamConfigTest, HeaderSpecs) {
  auto plain = HeaderSpec::Parse("X-Spam-Score");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->name, "X-Spam-Score");
  EXPECT_EQ(plain->pattern, "");
  auto with_regex = HeaderSpec::Parse("X-Spam-Status:  score=([0-9.]+)");
  ASSERT_TRUE(with_regex.ok());
  EXPECT_EQ(with_regex->name, "X-Spam-Status");
  EXPECT_EQ(with_regex->pattern, "score=([0-9.]+)");
  EXPECT_FALSE(HeaderSpec::Parse("").ok());
  EXPECT_FALSE(HeaderSpec::Parse(":x").ok());
  EXPECT_FALSE(HeaderSpec::Parse("X Spam").ok());
  EXPECT_FALSE(HeaderSpec::Parse("X-Spam:(").ok());
}

TEST(SpamConfigTest, ReadTakesTheFirstGroupOfTheFirstField) {
  mail::Message message;
  const std::string bytes =
      "X-Check: a=1 b=2\r\nX-Check: a=9\r\nX-Whole:  spaced  \r\n\r\n";
  message.Parse(bytes);
  EXPECT_EQ(HeaderSpec::Parse("X-Check:b=([0-9])")->Read(message), "2");
  EXPECT_EQ(HeaderSpec::Parse("X-Check:a=[0-9]")->Read(message), "a=1");
  EXPECT_EQ(HeaderSpec::Parse("X-Check:c=([0-9])")->Read(message), std::nullopt);
  EXPECT_EQ(HeaderSpec::Parse("X-Whole")->Read(message), "spaced");
  EXPECT_EQ(HeaderSpec::Parse("X-Absent")->Read(message), std::nullopt);
}

// The default: SpamAssassin's X-Spam-Status, score over required.
TEST(SpamConfigTest, SpamAssassinStatus) {
  const ScoreSource source = SpamTestConfig::DefaultSpamSource();
  const Case cases[] = {
      {"X-Spam-Status: Yes, score=7.3 required=5.0 tests=BAYES_99 autolearn=no\r\n", "10/100"},
      {"X-Spam-Status: Yes, score=5.0 required=5.0\r\n", "10/100"},
      {"X-Spam-Status: No, score=2.5 required=5.0\r\n", "5/50"},
      {"X-Spam-Status: No, score=0.5 required=5.0\r\n", "1/10"},
      {"X-Spam-Status: No, score=-1.6 required=5.0\r\n", "1/0"},
      {"X-Spam-Status: No, score=4 required=5\r\n", "8/80"},
      {"X-Spam-Status: No, score=2.5\r\n\trequired=5.0 tests=NONE\r\n", "5/50"},
      {"X-Spam-Status: No, score=2.5 required=0.0\r\n", "-"},
      {"X-Spam-Status: garbage\r\n", "-"},
      {"", "-"},
  };
  for (const Case& c : cases) EXPECT_EQ(Measured(source, c.header), c.expected) << c.header;
}

TEST(SpamConfigTest, SpamScoreWithAFixedMaximum) {
  const ScoreSource source = Source(ScoreSource::Type::kScore, "X-Spam-Score", 10.0);
  const Case cases[] = {
      {"X-Spam-Score: 7.3\r\n", "7/73"},
      {"X-Spam-Score: 12\r\n", "10/100"},
      {"X-Spam-Score: 0\r\n", "1/0"},
      {"X-Spam-Score: seven\r\n", "-"},
      {"X-Spam-Score: 0x10\r\n", "-"},
      {"", "-"},
  };
  for (const Case& c : cases) EXPECT_EQ(Measured(source, c.header), c.expected) << c.header;
  // Without a maximum nothing is tested.
  EXPECT_EQ(Measured(Source(ScoreSource::Type::kScore, "X-Spam-Score"), "X-Spam-Score: 7\r\n"),
            "-");
}

TEST(SpamConfigTest, SpamLevelCountsAsterisks) {
  const ScoreSource source = Source(ScoreSource::Type::kStrlen, "X-Spam-Level", 10.0);
  const Case cases[] = {
      {"X-Spam-Level: *******\r\n", "7/70"},
      {"X-Spam-Level: *\r\n", "1/10"},
      {"X-Spam-Level: **\r\n", "2/20"},
      {"X-Spam-Level: ***************\r\n", "10/100"},
      {"X-Spam-Level:\r\n", "1/0"},
      {"", "-"},
  };
  for (const Case& c : cases) EXPECT_EQ(Measured(source, c.header), c.expected) << c.header;
}

TEST(SpamConfigTest, SpamFlagYesOrNo) {
  const ScoreSource source = Source(ScoreSource::Type::kYesNo, "X-Spam-Flag");
  const Case cases[] = {
      {"X-Spam-Flag: YES\r\n", "10/100"},
      {"X-Spam-Flag: yes\r\n", "10/100"},
      {"X-Spam-Flag: NO\r\n", "1/0"},
      {"X-Spam-Flag: maybe\r\n", "-"},
      {"", "-"},
  };
  for (const Case& c : cases) EXPECT_EQ(Measured(source, c.header), c.expected) << c.header;
}

TEST(SpamConfigTest, VirusStatusText) {
  const ScoreSource source = SpamTestConfig::DefaultVirusSource();
  const Case cases[] = {
      {"X-Virus-Status: Clean\r\n", "1/0"},
      {"X-Virus-Status: Infected (Eicar-Test-Signature)\r\n", "5/100"},
      {"X-Virus-Status: infected\r\n", "5/100"},
      {"X-Virus-Status: Unknown\r\n", "-"},
      {"", "-"},
  };
  for (const Case& c : cases) EXPECT_EQ(Measured(source, c.header, 5), c.expected) << c.header;
}

TEST(SpamConfigTest, TextLevelsOutOfRangeAreNotTested) {
  ScoreSource source = Source(ScoreSource::Type::kText, "X-Verdict");
  source.text_values = {{1, "ham"}, {10, "spam"}, {11, "worse"}};
  EXPECT_EQ(Measured(source, "X-Verdict: spam\r\n"), "10/100");
  EXPECT_EQ(Measured(source, "X-Verdict:  HAM \r\n"), "1/0");
  EXPECT_EQ(Measured(source, "X-Verdict: worse\r\n"), "-");
}

}  // namespace
}  // namespace sievekit::extensions
