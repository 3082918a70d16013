// Upstream vacation settings for test runs (see vacation_settings.h).
#include "extensions/testsuite/vacation_settings.h"

#include <charconv>
#include <cstdint>
#include <utility>

namespace sievekit::extensions {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<bool> ParseBool(std::string_view text) {
  text = Trim(text);
  if (text == "yes" || text == "true" || text == "1") return true;
  if (text == "no" || text == "false" || text == "0") return false;
  return std::nullopt;
}

}  // namespace

std::optional<std::chrono::seconds> ParsePeriodSetting(std::string_view text) {
  text = Trim(text);
  uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [rest, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || value > (uint64_t{1} << 40)) return std::nullopt;
  const std::string_view unit = Trim(std::string_view(rest, static_cast<size_t>(end - rest)));
  static constexpr std::pair<std::string_view, uint64_t> kUnits[] = {
      {"", 1},         {"s", 1},        {"sec", 1},     {"secs", 1},      {"second", 1},
      {"seconds", 1},  {"m", 60},       {"min", 60},    {"mins", 60},     {"minute", 60},
      {"minutes", 60}, {"h", 3600},     {"hour", 3600}, {"hours", 3600},  {"d", 86400},
      {"day", 86400},  {"days", 86400}, {"w", 604800},  {"week", 604800}, {"weeks", 604800},
  };
  for (const auto& [name, seconds] : kUnits) {
    if (name == unit) return std::chrono::seconds(static_cast<int64_t>(value * seconds));
  }
  return std::nullopt;
}

delivery::VacationOptions VacationSettings(const std::map<std::string, std::string>& config) {
  delivery::VacationOptions options;
  auto text = [&](const char* name) -> std::optional<std::string> {
    auto it = config.find(name);
    if (it == config.end() || Trim(it->second).empty()) return std::nullopt;
    return it->second;
  };
  auto period = [&](const char* name, std::chrono::seconds* out) {
    if (auto value = text(name)) {
      if (auto parsed = ParsePeriodSetting(*value)) *out = *parsed;
    }
  };
  auto flag = [&](const char* name, bool* out) {
    if (auto value = text(name)) {
      if (auto parsed = ParseBool(*value)) *out = *parsed;
    }
  };
  period("sieve_vacation_min_period", &options.min_period);
  period("sieve_vacation_default_period", &options.default_period);
  period("sieve_vacation_max_period", &options.max_period);
  if (auto value = text("sieve_vacation_default_subject")) options.default_subject = *value;
  if (auto value = text("sieve_vacation_default_subject_template")) {
    options.subject_template = *value;
  }
  flag("sieve_vacation_send_from_recipient", &options.send_from_recipient);
  flag("sieve_vacation_to_header_ignore_envelope", &options.to_header_ignore_envelope);
  flag("sieve_vacation_use_original_recipient", &options.use_original_recipient);
  bool dont_check = false;
  flag("sieve_vacation_dont_check_recipient", &dont_check);
  options.check_recipient = !dont_check;
  if (auto value = text("sieve_user_email")) options.user_email = *value;
  return options;
}

}  // namespace sievekit::extensions
