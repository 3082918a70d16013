// Upstream notify and spamtest settings for test runs (see
// extension_settings.h).
#include "extensions/testsuite/extension_settings.h"

#include <charconv>
#include <cstdlib>
#include <optional>

#include "extensions/notify/notify.h"
#include "extensions/spamtest/spam_config.h"

namespace sievekit::extensions {
namespace {

std::string Trimmed(std::string value) {
  value.erase(0, value.find_first_not_of(" \t"));
  value.erase(value.find_last_not_of(" \t") + 1);
  return value;
}

const std::string* Find(const std::map<std::string, std::string>& config,
                        const std::string& name) {
  auto it = config.find(name);
  return it == config.end() ? nullptr : &it->second;
}

// An unusable source: its header name cannot occur, so nothing is tested.
ScoreSource Unconfigured() {
  ScoreSource s;
  s.status.name = ":unconfigured";
  return s;
}

// The source `prefix` ("sieve_spamtest_") describes, or nullopt when no
// setting of it is given.
std::optional<ScoreSource> SourceFrom(const std::map<std::string, std::string>& config,
                                      const std::string& prefix) {
  bool any = false;
  for (const auto& [name, value] : config) any = any || name.rfind(prefix, 0) == 0;
  if (!any) return std::nullopt;
  ScoreSource s;
  const std::string* type = Find(config, prefix + "status_type");
  const std::string kind = type != nullptr ? Trimmed(*type) : "score";
  if (kind == "score") {
    s.type = ScoreSource::Type::kScore;
  } else if (kind == "strlen") {
    s.type = ScoreSource::Type::kStrlen;
  } else if (kind == "text") {
    s.type = ScoreSource::Type::kText;
  } else if (kind == "yesno") {
    s.type = ScoreSource::Type::kYesNo;
  } else {
    return Unconfigured();
  }
  const std::string* status = Find(config, prefix + "status_header");
  if (status == nullptr) return Unconfigured();
  auto parsed = HeaderSpec::Parse(*status);
  if (!parsed.ok()) return Unconfigured();
  s.status = std::move(*parsed);
  if (const std::string* max = Find(config, prefix + "score_max_header")) {
    auto max_spec = HeaderSpec::Parse(*max);
    if (!max_spec.ok()) return Unconfigured();
    s.max_header = std::move(*max_spec);
  }
  if (const std::string* max = Find(config, prefix + "score_max_value")) {
    const std::string text = Trimmed(*max);
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size()) return Unconfigured();
    s.max_value = value;
  }
  const std::string text_prefix = prefix + "text_value/";
  for (const auto& [name, value] : config) {
    if (name.rfind(text_prefix, 0) != 0) continue;
    int level = 0;
    const std::string_view digits = std::string_view(name).substr(text_prefix.size());
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), level);
    if (ec == std::errc() && end == digits.data() + digits.size()) {
      s.text_values.emplace_back(level, value);
    }
  }
  return s;
}

}  // namespace

void ApplyNotifyAndSpamSettings(const std::map<std::string, std::string>& config,
                                vm::EvalOptions* options, delivery::NotifyOptions* notify) {
  NotifyConfig notify_config;
  if (const std::string* n = Find(config, "sieve_notify_max_notifications")) {
    uint32_t value = 0;
    const auto [end, ec] = std::from_chars(n->data(), n->data() + n->size(), value);
    if (ec == std::errc() && end == n->data() + n->size()) {
      notify_config.max_notifications = value;
    }
  }
  options->extension_config.Set(notify_config);

  *notify = delivery::NotifyOptions();
  if (const std::string* email = Find(config, "sieve_user_email")) notify->user_email = *email;
  if (const std::string* from = Find(config, "sieve_notify_mailto_envelope_from")) {
    using From = delivery::NotifyOptions::EnvelopeFrom;
    const std::string value = Trimmed(*from);
    if (value == "sender") {
      notify->envelope_from = From::kSender;
    } else if (value == "recipient") {
      notify->envelope_from = From::kRecipient;
    } else if (value == "orig_recipient") {
      notify->envelope_from = From::kOriginalRecipient;
    } else if (value == "user_email") {
      notify->envelope_from = From::kUserEmail;
    } else if (value.size() >= 2 && value.front() == '<' && value.back() == '>') {
      notify->envelope_from = From::kExplicit;
      notify->explicit_from = value;
    }
  }

  SpamTestConfig spam;
  if (auto source = SourceFrom(config, "sieve_spamtest_")) spam.spam = std::move(*source);
  if (auto source = SourceFrom(config, "sieve_virustest_")) spam.virus = std::move(*source);
  options->extension_config.Set(std::move(spam));
}

}  // namespace sievekit::extensions
