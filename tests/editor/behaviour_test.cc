// Behaviour property test: random models are written as Sieve, compiled and
// run on sample messages by the library (sievekit::Compile, Evaluator), and
// what the script does must be what the model says, as a small reference
// interpreter of the rule model (below) computes it from the guide's
// definitions: conditions joined by and/or, rules top down, Stop, the Spam
// rule with its whitelist, the Out of office rule beating other autoreplies.
//
// Compared per message: the set of (action, target) the engine returns and
// whether the message is kept. The reference knows the few run-time rules
// of Sieve that matter here: reject does not go with keep, fileinto,
// redirect or vacation, nor with another reject (RFC 5429 §2.4: then the
// script fails and the message is kept), vacation runs once per script
// (RFC 5230 §4.7).
#include <gtest/gtest.h>

#include <set>

#include "editor/emitter.h"
#include "editor/profile.h"
#include "sievekit/sievekit.h"
#include "tests/editor/random_model.h"

namespace sievekit::editor {
namespace {

struct SampleMessage {
  std::string name;
  std::string bytes;
};

std::string Crlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::vector<SampleMessage> Samples() {
  std::string big_body;
  for (int i = 0; i < 60; ++i) big_body += "A line of a long message, number " + std::to_string(i) + ".\n";
  return {
      {"spam",
       Crlf("From: \"Cheap Offers\" <offers@spam.com>\nTo: me@example.com\nSubject: Cheap stuff "
            "***\nX-Spam-Flag: YES\n\nBuy now.\n")},
      {"boss",
       Crlf("From: boss@example.com\nTo: team@example.com\nCc: \"Me\" <me@example.com>\nSubject: "
            "Project budget\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
            "--b\nContent-Type: text/plain\n\nSee attached.\n--b\nContent-Type: application/pdf\n"
            "Content-Disposition: attachment; filename=\"budget.pdf\"\n\nJVBERi0=\n--b--\n")},
      {"list",
       Crlf("From: News <news@lists.example.org>\nSender: list-bounces@lists.example.org\nTo: "
            "list@lists.example.org\nSubject: [List] Weekly digest\nList-Id: <list.example.org>\n"
            "Precedence: bulk\n\n" + big_body)},
      {"friend",
       Crlf("From: a@b.c\nTo: x@y.z, \"Me\" <me@example.com>\nSubject: Re: hello\n\nHi!\n")},
      {"spam-from-boss",
       Crlf("From: boss@example.com\nTo: me@example.com\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= "
            "back\\slash\nX-Spam-Flag: yes\n\nx\n")},
  };
}

// --- The reference interpreter of the rule model. ---

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Sieve :matches with i;ascii-casemap: * and ?, backslash escapes.
bool Glob(std::string_view p, std::string_view s) {
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

bool MatchValue(Operator op, std::string_view value, std::string_view key) {
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

struct Parsed {
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

Parsed Parse(const std::string& bytes) {
  Parsed p;
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
std::vector<std::string> Addresses(const std::string& value) {
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

std::vector<std::string> HeaderNames(Field f) {
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

bool Holds(const Condition& c, const Parsed& m) {
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
      for (const std::string& v : m.Values("x-spam-flag")) result = result || Lower(v) == "yes";
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
  std::set<std::string> actions;  // "fileinto:MAILBOX", "redirect:ADDRESS", ...
  bool kept = false;
  bool failed = false;
  friend bool operator==(const Outcome&, const Outcome&) = default;
};

Outcome Reference(const RuleSet& model, const ServerProfile& profile, const Parsed& m) {
  Outcome out;
  bool ooo_on = false;
  for (const Rule& r : model.rules) ooo_on = ooo_on || (r.out_of_office() && r.enabled);
  bool explicit_keep = false, cancels = false, delivers = false;
  int vacations = 0, rejects = 0;
  for (const Rule& r : model.rules) {
    if (!r.enabled || r.opaque()) continue;
    if (const SpamRule* spam = r.spam()) {
      if (!Holds(Condition{Field::kSpam, Operator::kIs, {}, false}, m)) continue;
      bool trusted = false;
      for (const std::string& f : m.Values("from")) {
        for (const std::string& a : Addresses(f)) {
          for (const std::string& w : spam->whitelist) trusted = trusted || Lower(a) == Lower(w);
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
      bool list = false;
      for (const std::string& v : m.Values("precedence")) {
        list = list || Lower(v) == "list" || Lower(v) == "bulk" || Lower(v) == "junk";
      }
      for (const std::string& v : m.Values("auto-submitted")) list = list || Lower(v).find("auto-") != std::string::npos;
      if (list) continue;
      out.actions.insert("vacation");
      ++vacations;
      continue;
    }
    const GuiRule& g = *r.gui();
    bool match = g.match == Match::kAll;
    for (const Condition& c : g.conditions) {
      match = g.match == Match::kAll ? (match && Holds(c, m)) : (match || Holds(c, m));
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
          if (!ooo_on) {
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

Outcome Engine(const sievekit::Program& program, const std::string& message) {
  sievekit::Evaluator evaluator;
  const sievekit::Envelope envelope{"sender@example.net", "me@example.com", "", ""};
  const sievekit::EvalResult& r = evaluator.Evaluate(program, message, envelope);
  Outcome out;
  out.failed = !r.errors.empty();
  out.kept = r.implicit_keep;
  for (const vm::Action& a : r.actions) {
    const std::string type(a.type);
    if (type == "keep") {
      out.kept = true;
    } else if (type == "fileinto") {
      out.actions.insert("fileinto:" + a.mailbox);
    } else if (type == "redirect") {
      out.actions.insert("redirect:" + a.address);
    } else {
      out.actions.insert(type);
    }
  }
  return out;
}

std::string Show(const Outcome& o) {
  std::string out = o.failed ? "failed, " : "";
  for (const std::string& a : o.actions) out += a + " ";
  return out + (o.kept ? "(kept)" : "(not kept)");
}

void CheckBehaviour(const ServerProfile& profile, uint32_t seed, int models) {
  const std::vector<SampleMessage> samples = Samples();
  std::vector<Parsed> parsed;
  for (const SampleMessage& s : samples) parsed.push_back(Parse(s.bytes));
  testing::RandomModels random(seed);
  testing::RandomModels::Options options;
  options.opaque_rules = false;
  options.address_values = {"offers@spam.com", "spam.com", "boss@example.com", "example.com",
                            "me@example.com", "ME@EXAMPLE.COM", "team", "*@example.com",
                            "?oss@*", "news@lists.example.org", "list-bounces*", "Cheap Offers",
                            "*Me*", "x@y.z", "nobody@nowhere"};
  options.subject_values = {"Cheap", "budget", "Project*", "*weekly*", "hello", "Re: hello",
                            "[List]", "***", "Gr\xC3\xBC\xC3\x9F" "e*", "*back\\\\slash",
                            "project budget", "?e: *"};
  options.size_values = {"0", "100", "300", "1K", "2K", "1M"};
  int compared = 0;
  for (int i = 0; i < models; ++i) {
    const RuleSet model = random.Model(profile, options);
    EmitOptions emit;
    emit.profile = &profile;
    const EmitResult written = EmitScript(model, emit);
    ASSERT_TRUE(written.ok()) << i;
    const sievekit::CompileResult compiled = sievekit::Compile(written.script);
    ASSERT_TRUE(compiled.ok()) << profile.name << " model " << i << "\n"
                               << written.script << compiled.ErrorsText();
    for (size_t k = 0; k < samples.size(); ++k) {
      const Outcome expected = Reference(model, profile, parsed[k]);
      const Outcome actual = Engine(*compiled.program, samples[k].bytes);
      ASSERT_EQ(Show(actual), Show(expected))
          << profile.name << " model " << i << ", message " << samples[k].name << "\n"
          << written.script;
      ++compared;
    }
  }
  EXPECT_EQ(compared, models * static_cast<int>(samples.size()));
}

TEST(BehaviourTest, KerioProfile) { CheckBehaviour(*FindProfile("kerio"), 1, 500); }
TEST(BehaviourTest, CyrusProfile) { CheckBehaviour(*FindProfile("cyrus"), 2, 300); }

TEST(BehaviourTest, DovecotProfileWithBodyAttachments) {
  // dovecot as it is, but with `body` for attachments: this engine has no
  // RFC 5703 `mime`. Exercises enotify and spamtest.
  ServerProfile profile = *FindProfile("dovecot");
  profile.name = "dovecot-body";
  profile.attachment = AttachmentStyle::kBody;
  profile.spam = SpamStyle::kHeader;  // the samples carry the header, no score
  CheckBehaviour(profile, 3, 300);
}

TEST(BehaviourTest, TheGuidesExample) {
  // "Drop all messages from the spam.com domain": From contains spam.com → discard.
  RuleSet model;
  Rule rule;
  rule.id = "r1";
  rule.name = "Drop all messages from the spam.com domain";
  rule.body = GuiRule{Match::kAll,
                      {Condition{Field::kFrom, Operator::kContains, {"spam.com"}, false}},
                      {Action{ActionType::kDiscard, "", "", ""}}};
  model.rules.push_back(rule);
  const EmitResult written = EmitScript(model);
  EXPECT_EQ(written.script,
            "# rule:[Drop all messages from the spam.com domain] id=r1\n"
            "if address :contains \"from\" \"spam.com\" {\n"
            "    discard;\n"
            "}\n");
  const sievekit::CompileResult compiled = sievekit::Compile(written.script);
  ASSERT_TRUE(compiled.ok()) << compiled.ErrorsText();
  const std::vector<SampleMessage> samples = Samples();
  EXPECT_EQ(Show(Engine(*compiled.program, samples[0].bytes)), "discard (not kept)");
  EXPECT_EQ(Show(Engine(*compiled.program, samples[1].bytes)), "(kept)");
}

}  // namespace
}  // namespace sievekit::editor
