// Where spamtest and virustest (RFC 5235) find their verdicts: the host's
// description of the headers its spam and virus filters write, and the
// measurement that turns such a header into a normalised result.
//
// RFC 5235 §3.1 leaves the source to the implementation ("check for
// third-party spam tool headers and determine how those map"). A source
// names one header and, optionally, a POSIX extended regular expression
// whose first group captures the interesting part of its value; the type
// says how that part is read:
//   kScore   a number, divided by a maximum (a fixed value, or a number read
//            from another header): SpamAssassin's "X-Spam-Status: Yes,
//            score=7.3 required=5.0", "X-Spam-Score: 7.3";
//   kStrlen  its length in characters over a maximum: "X-Spam-Level: *******";
//   kText    compared with configured texts, each naming a level;
//   kYesNo   "yes" is the top level, "no" the lowest: "X-Spam-Flag: YES".
// No header, no match, or an unreadable number means "not tested" (0).
//
// Configuration is host data (common/extension_config.h): the host stores a
// SpamTestConfig; scripts cannot change it. Nothing here keeps state.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "mail/message.h"

namespace sievekit::extensions {

namespace regex {
class CompiledRegex;
}  // namespace regex

// "Name" or "Name:regex" (whitespace after the colon is not part of the
// regex): the header to read and what to capture from its value.
struct HeaderSpec {
  std::string name;
  std::string pattern;  // POSIX ERE; empty: the whole (trimmed) value
  std::shared_ptr<const regex::CompiledRegex> compiled;

  // Parses and compiles a spec; the error says what is wrong with it.
  static Result<HeaderSpec> Parse(std::string_view spec);
  // The captured part of the first `name` field of `message`: the first
  // group of the pattern (or its whole match when it has no group), or the
  // trimmed value without a pattern; nullopt when the field is absent or
  // the pattern does not match.
  std::optional<std::string> Read(mail::Message& message) const;
};

struct ScoreSource {
  enum class Type : uint8_t { kScore, kStrlen, kText, kYesNo };
  Type type = Type::kScore;
  HeaderSpec status;
  // The maximum for kScore and kStrlen: read from max_header when it is
  // set (and present), else max_value; without either, nothing is tested.
  std::optional<HeaderSpec> max_header;
  std::optional<double> max_value;
  // kText: (level, text) pairs; a value equal to a text (ASCII case
  // ignored, whitespace trimmed) gets that level.
  std::vector<std::pair<int, std::string>> text_values;
};

// The measurement of one message against one source.
struct Measurement {
  bool tested = false;
  // How spammy (or infected) on the scale from 0 (clean) to 1 (certain);
  // for kText the level's place on the test's scale.
  double ratio = 0;
  // kText only: the configured level itself.
  std::optional<int> level;
};

Measurement Measure(mail::Message& message, const ScoreSource& source, int top_level);

// RFC 5235 §3.2.1 and §3.3: the level from 1 (clean) to top_level (10 for
// spamtest, 5 for virustest); 0 when not tested.
int LevelOf(const Measurement& m, int top_level);
// RFC 5235 §3.2.2: the percentage from 0 to 100; 0 when not tested.
int PercentOf(const Measurement& m, int top_level);

// The host's configuration of spamtest, spamtestplus and virustest.
struct SpamTestConfig {
  // SpamAssassin's "X-Spam-Status: Yes, score=S required=R": score S out of
  // a maximum R (SpamAssassin 3 and later; 2.x wrote "hits=S").
  ScoreSource spam = DefaultSpamSource();
  // "X-Virus-Status: Clean" or "X-Virus-Status: Infected (...)", as
  // ClamAV's milter and clamassassin write it: level 1 or 5.
  ScoreSource virus = DefaultVirusSource();

  static ScoreSource DefaultSpamSource();
  static ScoreSource DefaultVirusSource();
};

}  // namespace sievekit::extensions
