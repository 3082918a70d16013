// Reading spam and virus verdicts from headers (see spam_config.h).
#include "extensions/spamtest/spam_config.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "common/utf8.h"
#include "extensions/regex/compiled_regex.h"

namespace sievekit::extensions {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                        s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const char x = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] + 32) : a[i];
    const char y = (b[i] >= 'A' && b[i] <= 'Z') ? static_cast<char>(b[i] + 32) : b[i];
    if (x != y) return false;
  }
  return true;
}

// A decimal number, the whole of `text` ("7.3", "-1.6", ".01"); strtod
// also reads hexadecimal, infinities and NaN, none of which is a score.
std::optional<double> ParseNumber(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.size() > 32) return std::nullopt;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+')) return std::nullopt;
  }
  const std::string copy(text);
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

HeaderSpec MustParse(std::string_view spec) {
  auto parsed = HeaderSpec::Parse(spec);
  return parsed.ok() ? std::move(*parsed) : HeaderSpec{std::string(spec), {}, {}};
}

}  // namespace

Result<HeaderSpec> HeaderSpec::Parse(std::string_view spec) {
  HeaderSpec out;
  const size_t colon = spec.find(':');
  out.name = std::string(Trim(spec.substr(0, colon)));
  if (out.name.empty()) return Error{"the header spec names no header"};
  for (char c : out.name) {
    if (c <= ' ' || c > '~') return Error{"'" + out.name + "' is not a header name"};
  }
  if (colon == std::string_view::npos) return out;
  std::string_view pattern = spec.substr(colon + 1);
  while (!pattern.empty() && (pattern.front() == ' ' || pattern.front() == '\t')) {
    pattern.remove_prefix(1);
  }
  out.pattern = std::string(pattern);
  if (out.pattern.empty()) return out;
  auto compiled = regex::CompiledRegex::Compile(out.pattern, /*ascii_casefold=*/false);
  if (!compiled.ok()) return Error{"invalid regex in the header spec: " + compiled.error().message};
  out.compiled = std::shared_ptr<const regex::CompiledRegex>(std::move(*compiled));
  return out;
}

std::optional<std::string> HeaderSpec::Read(mail::Message& message) const {
  for (const mail::HeaderField& field : message.FieldsNamed(name)) {
    const std::string_view value = message.Decoded(field);
    if (compiled == nullptr) return std::string(Trim(value));
    std::string scratch;
    const std::string_view text = regex::ValidUtf8(value, &scratch);
    std::vector<std::string_view> captures;
    if (!compiled->Search(text, &captures, 1)) return std::nullopt;
    if (captures.size() > 1 && compiled->groups() >= 1) return std::string(captures[1]);
    return captures.empty() ? std::string() : std::string(captures[0]);
  }
  return std::nullopt;
}

Measurement Measure(mail::Message& message, const ScoreSource& source, int top_level) {
  Measurement m;
  const std::optional<std::string> value = source.status.Read(message);
  if (!value) return m;
  switch (source.type) {
    case ScoreSource::Type::kScore:
    case ScoreSource::Type::kStrlen: {
      std::optional<double> max;
      if (source.max_header) {
        if (auto text = source.max_header->Read(message)) max = ParseNumber(*text);
      }
      if (!max) max = source.max_value;
      if (!max || *max <= 0) return m;
      double score = 0;
      if (source.type == ScoreSource::Type::kScore) {
        const std::optional<double> parsed = ParseNumber(*value);
        if (!parsed) return m;
        score = *parsed;
      } else {
        score = static_cast<double>(utf8::CountCharacters(Trim(*value)));
      }
      m.tested = true;
      m.ratio = std::clamp(score / *max, 0.0, 1.0);
      return m;
    }
    case ScoreSource::Type::kText:
      for (const auto& [level, text] : source.text_values) {
        if (EqualsIgnoringAsciiCase(Trim(*value), Trim(text)) && level >= 1 &&
            level <= top_level) {
          m.tested = true;
          m.level = level;
          m.ratio = top_level > 1 ? static_cast<double>(level - 1) / (top_level - 1) : 1.0;
          return m;
        }
      }
      return m;
    case ScoreSource::Type::kYesNo: {
      std::string_view word = Trim(*value);
      word = word.substr(0, word.find_first_of(" \t,;("));
      if (EqualsIgnoringAsciiCase(word, "yes")) {
        m.tested = true;
        m.ratio = 1.0;
      } else if (EqualsIgnoringAsciiCase(word, "no")) {
        m.tested = true;
        m.ratio = 0.0;
      }
      return m;
    }
  }
  return m;
}

// 1 + (top - 1) * ratio, rounded down: the lowest level only for a clean
// message, the top one only when the score reaches the maximum. The small
// epsilon keeps binary fractions (0.8 * 9 = 7.199...) from losing a level.
int LevelOf(const Measurement& m, int top_level) {
  if (!m.tested) return 0;
  if (m.level) return *m.level;
  const double level = 1.0 + (top_level - 1) * m.ratio + 1e-9;
  return std::clamp(static_cast<int>(std::floor(level)), 1, top_level);
}

// The ratio in whole percent, rounded to nearest (".29" is 29, not 28).
int PercentOf(const Measurement& m, int /*top_level*/) {
  if (!m.tested) return 0;
  return std::clamp(static_cast<int>(std::lround(m.ratio * 100.0)), 0, 100);
}

ScoreSource SpamTestConfig::DefaultSpamSource() {
  ScoreSource s;
  s.type = ScoreSource::Type::kScore;
  s.status = MustParse("X-Spam-Status:^[a-zA-Z]+,.*score=(-?[0-9]+(\\.[0-9]+)?)");
  s.max_header = MustParse("X-Spam-Status:^[a-zA-Z]+,.*required=(-?[0-9]+(\\.[0-9]+)?)");
  return s;
}

ScoreSource SpamTestConfig::DefaultVirusSource() {
  ScoreSource s;
  s.type = ScoreSource::Type::kText;
  s.status = MustParse("X-Virus-Status:^([a-zA-Z]+)");
  s.text_values = {{1, "Clean"}, {5, "Infected"}};
  return s;
}

}  // namespace sievekit::extensions
