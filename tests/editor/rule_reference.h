// Test helper: sample messages and a small reference interpreter of the
// rule model, computing from the guide's definitions what a model does with
// a message: conditions joined by and/or, rules top down, Stop, the Spam
// rule with its whitelist and the host's contacts, the Out of office rule
// (never to lists or automatic mail) beating other autoreplies, and the
// profile's spam verdict (the X-Spam-Flag header, or the score RFC 5235
// spamtest/spamtestplus read from SpamAssassin's X-Spam-Status with the
// engine's default configuration).
//
// It knows the few run-time rules of Sieve that matter here: reject does
// not go with keep, fileinto, redirect or vacation, nor with another reject
// (RFC 5429 §2.4: then the script fails and the message is kept), and
// vacation runs once per script (RFC 5230 §4.7). It never reads Sieve: the
// behaviour tests compare it with what the engine does with the emitted
// script, through the library (behaviour_test.cc) and through `sievec run`
// (tests/tools/command_rules_test.cc).
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "editor/profile.h"
#include "editor/rule_model.h"

namespace sievekit::editor::testing {

struct SampleMessage {
  std::string name;
  std::string bytes;
};

inline std::string Crlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// Spam by header and by score (7.3 of 5: spam for every profile), a message
// with an attachment and a low score (1.2: spam for none), a mailing list
// message with a borderline score (2.3 of 5 is level 5 for spamtest, but
// 46 % for spamtestplus), a plain message without any verdict, and spam
// from a whitelisted sender.
inline std::vector<SampleMessage> Samples() {
  std::string big_body;
  for (int i = 0; i < 60; ++i) big_body += "A line of a long message, number " + std::to_string(i) + ".\n";
  return {
      {"spam",
       Crlf("From: \"Cheap Offers\" <offers@spam.com>\nTo: me@example.com\nSubject: Cheap stuff "
            "***\nX-Spam-Flag: YES\nX-Spam-Status: Yes, score=7.3 required=5.0\n\nBuy now.\n")},
      {"boss",
       Crlf("From: boss@example.com\nTo: team@example.com\nCc: \"Me\" <me@example.com>\nSubject: "
            "Project budget\nX-Spam-Status: No, score=1.2 required=5.0\nMIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=\"b\"\n\n"
            "--b\nContent-Type: text/plain\n\nSee attached.\n--b\nContent-Type: application/pdf\n"
            "Content-Disposition: attachment; filename=\"budget.pdf\"\n\nJVBERi0=\n--b--\n")},
      {"list",
       Crlf("From: News <news@lists.example.org>\nSender: list-bounces@lists.example.org\nTo: "
            "list@lists.example.org\nSubject: [List] Weekly digest\nList-Id: <list.example.org>\n"
            "Precedence: bulk\nX-Spam-Status: No, score=2.3 required=5.0\n\n" + big_body)},
      {"friend",
       Crlf("From: a@b.c\nTo: x@y.z, \"Me\" <me@example.com>\nSubject: Re: hello\n\nHi!\n")},
      {"spam-from-boss",
       Crlf("From: boss@example.com\nTo: me@example.com\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= "
            "back\\slash\nX-Spam-Flag: yes\nX-Spam-Status: Yes, score=9.0 required=5.0\n\nx\n")},
  };
}

inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Sieve :matches with i;ascii-casemap: * and ?, backslash escapes.
inline bool Glob(std::string_view p, std::string_view s) {
  if (p.empty()) return s.empty();
  if (p[0] == '*') {
    for (size_t k = 0; k <= s.size(); ++k) {
      if (Glob(p.substr(1), s.substr(k))) return true;
    }
    return false;
  }
  if (s.empty()) return false;
  if (p[0] == '?') {
    // One character (UTF-8 aware enough for the samples: skip continuation bytes).
    size_t n = 1;
    while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
    return Glob(p.substr(1), s.substr(n));
  }
  if (p[0] == '\\' && p.size() > 1) p.remove_prefix(1);
  return Lower(p.substr(0, 1)) == Lower(s.substr(0, 1)) && Glob(p.substr(1), s.substr(1));
}

inline bool MatchValue(Operator op, std::string_view value, std::string_view key) {
  switch (op) {
    case Operator::kIs:
    case Operator::kIsNot:
      return Lower(value) == Lower(key);
    case Operator::kContains:
    case Operator::kNotContains:
      return Lower(value).find(Lower(key)) != std::string::npos;
    default:
      return Glob(key, value);
  }
}

struct ParsedMessage {
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case name, value
  std::string body;
  size_t size = 0;
  std::vector<std::string> Values(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& [n, v] : headers) {
      if (n == name) out.push_back(v);
    }
    return out;
  }
};

inline ParsedMessage ParseSample(const std::string& bytes) {
  ParsedMessage p;
  p.size = bytes.size();
  const size_t end = bytes.find("\r\n\r\n");
  std::string head = bytes.substr(0, end);
  p.body = bytes.substr(end + 4);
  size_t i = 0;
  while (i < head.size()) {
    size_t nl = head.find("\r\n", i);
    if (nl == std::string::npos) nl = head.size();
    const std::string line = head.substr(i, nl - i);
    const size_t colon = line.find(':');
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value[0] == ' ') value.erase(0, 1);
    p.headers.push_back({Lower(line.substr(0, colon)), value});
    i = nl + 2;
  }
  // The one encoded word of the samples, as the engine decodes it.
  for (auto& [n, v] : p.headers) {
    const size_t at = v.find("=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=");
    if (at != std::string::npos) v.replace(at, 27, "Gr\xC3\xBC\xC3\x9F" "e");
  }
  return p;
}

// The addresses of a simple header value: "Name <a@b>, c@d".
inline std::vector<std::string> Addresses(const std::string& value) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= value.size()) {
    size_t comma = value.find(',', i);
    if (comma == std::string::npos) comma = value.size();
    std::string item = value.substr(i, comma - i);
    const size_t lt = item.find('<');
    if (lt != std::string::npos) item = item.substr(lt + 1, item.find('>') - lt - 1);
    while (!item.empty() && item[0] == ' ') item.erase(0, 1);
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
    i = comma + 1;
  }
  return out;
}

inline std::vector<std::string> HeaderNames(Field f) {
  switch (f) {
    case Field::kRecipient:
      return {"to", "cc"};
    case Field::kFrom:
      return {"from"};
    case Field::kTo:
      return {"to"};
    case Field::kCc:
      return {"cc"};
    case Field::kSender:
      return {"sender"};
    default:
      return {"subject"};
  }
}

// "score=S required=R" of X-Spam-Status → S / R clamped to [0, 1].
inline std::optional<double> SpamRatio(const ParsedMessage& m) {
  for (const std::string& v : m.Values("x-spam-status")) {
    const size_t s = v.find("score=");
    const size_t r = v.find("required=");
    if (s == std::string::npos || r == std::string::npos) continue;
    const double score = std::stod(v.substr(s + 6));
    const double required = std::stod(v.substr(r + 9));
    if (required <= 0) return std::nullopt;
    return std::clamp(score / required, 0.0, 1.0);
  }
  return std::nullopt;
}

// The profile's verdict: the header, or RFC 5235 levels 1..10 (spamtest:
// 1 + 9 * ratio, rounded down) or percent (spamtestplus: rounded) compared
// with the threshold; a message without a score is "not tested" (0).
inline bool IsSpam(const ParsedMessage& m, const ServerProfile& profile) {
  switch (profile.spam) {
    case SpamStyle::kHeader: {
      bool out = false;
      for (const std::string& v : m.Values(Lower(profile.spam_header))) {
        out = out || Lower(v) == Lower(profile.spam_value);
      }
      return out;
    }
    case SpamStyle::kSpamtest: {
      const std::optional<double> ratio = SpamRatio(m);
      if (!ratio) return false;
      const int level = std::clamp(static_cast<int>(std::floor(1.0 + 9.0 * *ratio + 1e-9)), 1, 10);
      return level >= profile.spam_threshold;
    }
    case SpamStyle::kSpamtestPlus: {
      const std::optional<double> ratio = SpamRatio(m);
      if (!ratio) return false;
      return std::lround(*ratio * 100.0) >= profile.spam_threshold;
    }
  }
  return false;
}

inline bool Holds(const Condition& c, const ParsedMessage& m, const ServerProfile& profile) {
  bool result = false;
  switch (c.field) {
    case Field::kAll:
      return true;
    case Field::kSize:
      return m.size > *ParseSizeValue(c.values[0]);
    case Field::kAttachment:
      result = Lower(m.body).find("content-disposition: attachment") != std::string::npos;
      return c.op == Operator::kIs ? result : !result;
    case Field::kSpam:
      result = IsSpam(m, profile);
      return c.op == Operator::kIs ? result : !result;
    default:
      break;
  }
  for (const std::string& header : HeaderNames(c.field)) {
    for (const std::string& value : m.Values(header)) {
      std::vector<std::string> items = {value};
      if (IsAddressField(c.field) && !c.whole_line) items = Addresses(value);
      for (const std::string& item : items) {
        for (const std::string& key : c.values) result = result || MatchValue(c.op, item, key);
      }
    }
  }
  return IsNegative(c.op) ? !result : result;
}

struct Outcome {
  std::set<std::string> actions;  // "fileinto:MAILBOX", "redirect:ADDRESS", "discard", ...
  bool kept = false;
  bool failed = false;
  friend bool operator==(const Outcome&, const Outcome&) = default;
};

inline std::string Show(const Outcome& o) {
  std::string out = o.failed ? "failed, " : "";
  for (const std::string& a : o.actions) out += a + " ";
  return out + (o.kept ? "(kept)" : "(not kept)");
}

// What `model` does with `m`. `contacts`: the host's contact list the
// script was written with (null: none supplied, so contacts are not trusted).
inline Outcome Reference(const RuleSet& model, const ServerProfile& profile, const ParsedMessage& m,
                         const std::vector<std::string>* contacts = nullptr) {
  Outcome out;
  bool ooo_on = false;
  for (const Rule& r : model.rules) ooo_on = ooo_on || (r.out_of_office() && r.enabled);
  bool explicit_keep = false, cancels = false, delivers = false;
  int vacations = 0, rejects = 0;
  for (const Rule& r : model.rules) {
    if (!r.enabled || r.opaque()) continue;
    if (const SpamRule* spam = r.spam()) {
      if (!IsSpam(m, profile)) continue;
      std::vector<std::string> trusted_senders = spam->whitelist;
      if (spam->trust_contacts && contacts != nullptr) {
        trusted_senders.insert(trusted_senders.end(), contacts->begin(), contacts->end());
      }
      bool trusted = false;
      for (const std::string& f : m.Values("from")) {
        for (const std::string& a : Addresses(f)) {
          for (const std::string& w : trusted_senders) trusted = trusted || Lower(a) == Lower(w);
        }
      }
      if (trusted) continue;
      out.actions.insert("fileinto:" + *FolderToMailbox(spam->folder, profile));
      cancels = delivers = true;
      break;
    }
    if (r.out_of_office()) {
      if (!m.Values("list-id").empty() || !m.Values("list-post").empty() ||
          !m.Values("list-unsubscribe").empty()) {
        continue;
      }
      bool automatic = false;
      for (const std::string& v : m.Values("precedence")) {
        automatic = automatic || Lower(v) == "list" || Lower(v) == "bulk" || Lower(v) == "junk";
      }
      for (const std::string& v : m.Values("auto-submitted")) {
        automatic = automatic || Lower(v).find("auto-") != std::string::npos;
      }
      if (automatic) continue;
      out.actions.insert("vacation");
      ++vacations;
      continue;
    }
    const GuiRule& g = *r.gui();
    bool match = g.match == Match::kAll;
    for (const Condition& c : g.conditions) {
      match = g.match == Match::kAll ? (match && Holds(c, m, profile)) : (match || Holds(c, m, profile));
    }
    if (!match) continue;
    bool stop = false;
    for (const Action& a : g.actions) {
      switch (a.type) {
        case ActionType::kMove:
          out.actions.insert("fileinto:" + *FolderToMailbox(a.folder, profile));
          cancels = delivers = true;
          break;
        case ActionType::kForward:
          out.actions.insert("redirect:" + a.address);
          cancels = delivers = true;
          break;
        case ActionType::kReject:
          out.actions.insert("reject");
          cancels = true;
          ++rejects;
          break;
        case ActionType::kKeep:
          explicit_keep = delivers = true;
          break;
        case ActionType::kDiscard:
          out.actions.insert("discard");
          cancels = true;
          break;
        case ActionType::kNotify:
          out.actions.insert("notify");
          break;
        case ActionType::kAutoreply:
          if (!ooo_on) {  // the Out of office rule beats other autoreplies
            out.actions.insert("vacation");
            ++vacations;
          }
          break;
        case ActionType::kStop:
          stop = true;
          break;
      }
    }
    if (stop) break;
  }
  if ((rejects > 0 && (delivers || vacations > 0)) || vacations > 1 || rejects > 1) {
    return Outcome{{}, true, true};
  }
  out.kept = explicit_keep || !cancels;
  return out;
}

// Value pools that make random conditions (random_model.h) match the
// samples above some of the time.
inline void UseSampleValues(std::vector<std::string>* address_values,
                            std::vector<std::string>* subject_values,
                            std::vector<std::string>* size_values) {
  *address_values = {"offers@spam.com", "spam.com", "boss@example.com", "example.com",
                     "me@example.com", "ME@EXAMPLE.COM", "team", "*@example.com",
                     "?oss@*", "news@lists.example.org", "list-bounces*", "Cheap Offers",
                     "*Me*", "x@y.z", "nobody@nowhere"};
  *subject_values = {"Cheap", "budget", "Project*", "*weekly*", "hello", "Re: hello",
                     "[List]", "***", "Gr\xC3\xBC\xC3\x9F" "e*", "*back\\\\slash",
                     "project budget", "?e: *"};
  *size_values = {"0", "100", "300", "1K", "2K", "1M"};
}

}  // namespace sievekit::editor::testing
