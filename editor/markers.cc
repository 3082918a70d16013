// Reading the marker comments of several editors, writing ours.
#include "editor/markers.h"

#include "common/json_reader.h"
#include "editor/json_text.h"
#include "parser/string_literal.h"

namespace sievekit::editor {
namespace {

std::string_view StripLineEnd(std::string_view s) {
  if (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// `# rule:[name] attributes`: the name runs to the last ']' of the line.
std::optional<Marker> ReadRuleMarker(std::string_view line) {
  constexpr std::string_view kPrefix = "# rule:[";
  if (!StartsWith(line, kPrefix)) return std::nullopt;
  const size_t close = line.rfind(']');
  if (close == std::string_view::npos || close < kPrefix.size()) return std::nullopt;
  Marker m;
  m.style = MarkerStyle::kRoundcube;
  m.name = syntax::DecodeCommentText(line.substr(kPrefix.size(), close - kPrefix.size()));
  std::string_view attrs = line.substr(close + 1);
  while (!attrs.empty()) {
    attrs = Trim(attrs);
    const size_t end = attrs.find_first_of(" \t");
    const std::string_view word = attrs.substr(0, end);
    attrs = end == std::string_view::npos ? std::string_view() : attrs.substr(end);
    if (StartsWith(word, "id=")) {
      m.id = word.substr(3);
      m.style = MarkerStyle::kCanonical;
    } else if (word == "kind=spam") {
      m.kind = RuleKind::kSpam;
    } else if (word == "kind=out_of_office") {
      m.kind = RuleKind::kOutOfOffice;
    } else if (StartsWith(word, "contacts=")) {
      m.contacts = word.substr(9);
    } else if (word == "disabled") {
      m.disabled = true;
    }
    // Anything else is ignored: a later version may add attributes.
  }
  if (m.style != MarkerStyle::kCanonical) {
    m.kind.reset();
    m.disabled = false;
    m.contacts.clear();
  }
  return m;
}

std::optional<Marker> ReadOpenXchangeMarker(std::string_view line) {
  constexpr std::string_view kPrefix = "## Flag:";
  if (!StartsWith(line, kPrefix)) return std::nullopt;
  std::string_view rest = line.substr(kPrefix.size());
  Marker m;
  m.style = MarkerStyle::kOpenXchange;
  const size_t name_at = rest.find("|Rulename:");
  if (name_at != std::string_view::npos) {
    std::string_view name = rest.substr(name_at + 10);
    if (StartsWith(name, " ")) name.remove_prefix(1);
    m.name = name;
    rest = rest.substr(0, name_at);
  }
  const size_t id_at = rest.find("|UniqueId:");
  if (id_at != std::string_view::npos) m.id = Trim(rest.substr(id_at + 10));
  if (!IsValidId(m.id)) m.id.clear();
  return m;
}

// The text after the first `begin` up to the next `end`; empty when either is missing.
std::string_view Between(std::string_view text, std::string_view begin, std::string_view end) {
  const size_t b = text.find(begin);
  if (b == std::string_view::npos) return {};
  const size_t from = b + begin.size();
  const size_t e = text.find(end, from);
  return e == std::string_view::npos ? std::string_view() : text.substr(from, e - from);
}

}  // namespace

std::optional<Marker> ReadFilterHeader(std::string_view comment) {
  if (!StartsWith(comment, "/*")) return std::nullopt;
  constexpr std::string_view kFilter = "BEGIN:FILTER:";
  const size_t filter = comment.find(kFilter);
  // The header opens the comment: "/*", a line break, BEGIN:FILTER:id.
  if (filter == std::string_view::npos ||
      comment.substr(2, filter - 2).find_first_not_of(" \t\r\n") != std::string_view::npos) {
    return std::nullopt;
  }
  // The base64 text is wrapped in lines; Base64Decode takes it unwrapped.
  std::string encoded;
  for (char c : Between(comment, "BEGIN:HEADER", "END:HEADER")) {
    if (c != '\r' && c != '\n' && c != ' ' && c != '\t') encoded += c;
  }
  Result<std::string> json = Base64Decode(encoded);
  if (!json.ok()) return std::nullopt;
  Result<JsonValue> value = ParseJson(*json);
  if (!value.ok() || !value->IsObject()) return std::nullopt;
  Marker m;
  m.style = MarkerStyle::kSnappyMail;
  if (const JsonValue* name = value->Find("Name"); name != nullptr && name->IsString()) {
    m.name = name->AsString();
  }
  if (const JsonValue* id = value->Find("ID"); id != nullptr && id->IsString() &&
                                               IsValidId(id->AsString())) {
    m.id = id->AsString();
  }
  return m;
}

std::optional<Marker> ReadMarker(std::string_view comment) {
  const std::string_view line = StripLineEnd(comment);
  if (std::optional<Marker> m = ReadRuleMarker(line)) {
    if (!m->id.empty() && !IsValidId(m->id)) m->id.clear();
    return m;
  }
  if (StartsWith(line, "# Filter: ")) {
    Marker m;
    m.style = MarkerStyle::kSievelib;
    m.name = line.substr(10);
    return m;
  }
  return ReadOpenXchangeMarker(line);
}

std::string WriteMarker(const Rule& rule, std::string_view contacts) {
  std::string out = "# rule:[" + syntax::EncodeCommentText(rule.name) + "] id=" + rule.id;
  if (rule.kind() == RuleKind::kSpam) out += " kind=spam";
  if (rule.kind() == RuleKind::kOutOfOffice) out += " kind=out_of_office";
  if (!contacts.empty()) {
    out += " contacts=";
    out += contacts;
  }
  if (!rule.enabled) out += " disabled";
  return out;
}

bool IsValidId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
  }
  return true;
}

}  // namespace sievekit::editor
