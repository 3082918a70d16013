// Test helper: random rule models for the property tests. Every model it
// makes passes editor::ValidateModel for the profile it is made for (it
// builds valid action combinations from templates rather than filtering),
// and reaches every field, operator, action, rule kind, both matches,
// disabled rules, and names, values, texts and folders full of characters
// that need escaping (quotes, backslashes, "]", line breaks in names and
// texts, dots at line starts, non-ASCII).
#pragma once

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "editor/profile.h"
#include "editor/rule_model.h"

namespace sievekit::editor::testing {

class RandomModels {
 public:
  explicit RandomModels(uint32_t seed) : rng_(seed) {}

  struct Options {
    bool special_rules = true;
    bool opaque_rules = true;
    bool odd_strings = true;  // names/values with escapes and non-ASCII
    // Pools for conditions that should sometimes match sample messages.
    std::vector<std::string> address_values;
    std::vector<std::string> subject_values;
    std::vector<std::string> size_values;
  };

  RuleSet Model(const ServerProfile& profile, const Options& options) {
    profile_ = &profile;
    options_ = &options;
    RuleSet model;
    model.profile = profile.name;
    int next_id = 1;
    if (options.special_rules && Chance(25)) {
      Rule spam;
      spam.id = "spam";
      spam.name = "Spam";
      spam.enabled = Chance(80);
      SpamRule s;
      s.folder = Folder();
      const int n = Int(0, 3);
      for (int i = 0; i < n; ++i) s.whitelist.push_back(Address());
      s.trust_contacts = Chance(40);
      spam.body = s;
      model.rules.push_back(std::move(spam));
    }
    if (options.special_rules && Chance(25)) {
      Rule ooo;
      ooo.id = "ooo";
      ooo.name = Chance(50) ? "Out of office" : Name();
      ooo.enabled = Chance(60);
      ooo.body = OutOfOfficeRule{Text()};
      model.rules.push_back(std::move(ooo));
    }
    const int rules = Int(0, 7);
    for (int i = 0; i < rules; ++i) {
      Rule r;
      r.id = Chance(80) ? "r" + std::to_string(next_id++) : "id-" + std::to_string(Int(0, 99999)) + "_x." + std::to_string(i);
      r.name = Name();
      r.enabled = Chance(75);
      if (options.opaque_rules && Chance(12)) {
        r.body = OpaqueRule{Pick(kOpaqueSources)};
      } else {
        r.body = Gui();
      }
      model.rules.push_back(std::move(r));
    }
    return model;
  }

  GuiRule Gui() {
    GuiRule g;
    g.match = Chance(50) ? Match::kAll : Match::kAny;
    if (Chance(10)) {
      g.conditions = {Condition{}};
    } else {
      const int n = Int(1, 4);
      for (int i = 0; i < n; ++i) g.conditions.push_back(RandomCondition());
    }
    g.actions = Actions();
    return g;
  }

  Condition RandomCondition() {
    static constexpr Field kFields[] = {Field::kRecipient, Field::kFrom, Field::kTo,
                                        Field::kCc, Field::kSender, Field::kSubject,
                                        Field::kAttachment, Field::kSize, Field::kSpam};
    Condition c;
    c.field = kFields[Int(0, 8)];
    switch (c.field) {
      case Field::kSize:
        c.op = Operator::kOver;
        c.values = {options_->size_values.empty() ? Size() : Pick(options_->size_values)};
        return c;
      case Field::kAttachment:
      case Field::kSpam:
        c.op = Chance(70) ? Operator::kIs : Operator::kIsNot;
        return c;
      default:
        break;
    }
    static constexpr Operator kOps[] = {Operator::kIs,      Operator::kIsNot,
                                        Operator::kContains, Operator::kNotContains,
                                        Operator::kMatches, Operator::kNotMatches};
    c.op = kOps[Int(0, 5)];
    c.whole_line = IsAddressField(c.field) && Chance(30);
    const int n = Int(1, 3);
    const std::vector<std::string>& pool =
        c.field == Field::kSubject ? options_->subject_values : options_->address_values;
    for (int i = 0; i < n; ++i) c.values.push_back(pool.empty() ? Value() : Pick(pool));
    return c;
  }

  // A valid combination (validation.h), from one of the guide's patterns.
  std::vector<Action> Actions() {
    std::vector<Action> out;
    const auto add = [&](ActionType t) {
      Action a;
      a.type = t;
      if (t == ActionType::kMove) a.folder = Folder();
      if (t == ActionType::kForward || t == ActionType::kNotify) a.address = Address();
      if (t == ActionType::kReject || t == ActionType::kNotify || t == ActionType::kAutoreply) {
        a.text = t == ActionType::kNotify && Chance(50) ? NotifyText() : Text();
      }
      out.push_back(std::move(a));
    };
    const bool notify_ok = profile_->notify != NotifyStyle::kNone;
    switch (Int(0, 5)) {
      case 0:  // move (twice, with keep, notification, autoreply)
        add(ActionType::kMove);
        if (Chance(20)) {
          add(ActionType::kMove);
          if (out[1].folder == out[0].folder) out.pop_back();
        }
        if (Chance(30)) add(ActionType::kKeep);
        if (notify_ok && Chance(20)) add(ActionType::kNotify);
        if (Chance(20)) add(ActionType::kAutoreply);
        break;
      case 1:
        add(ActionType::kForward);
        if (Chance(40)) add(ActionType::kKeep);
        break;
      case 2:
        add(ActionType::kReject);
        if (notify_ok && Chance(30)) add(ActionType::kNotify);
        break;
      case 3:
        add(ActionType::kDiscard);
        if (notify_ok && Chance(30)) add(ActionType::kNotify);
        if (Chance(20)) add(ActionType::kAutoreply);
        break;
      case 4:
        if (notify_ok) add(ActionType::kNotify);
        if (!notify_ok || Chance(40)) add(ActionType::kAutoreply);
        break;
      default:
        add(ActionType::kAutoreply);
        break;
    }
    std::shuffle(out.begin(), out.end(), rng_);
    if (Chance(40)) add(ActionType::kStop);
    return out;
  }

  std::string Name() {
    if (!options_->odd_strings) return "Rule " + std::to_string(Int(1, 999));
    static const std::vector<std::string> kParts = {
        "Drop all messages from the spam.com domain", "Work", "", "a]b", "[x]", "say \"hi\"",
        "back\\slash", "two\nlines", "cr\r", "caf\xC3\xA9", "\xE2\x9C\x93 done", " # not a comment",
        "id=r9 disabled", "tab\t", "\\n"};
    std::string name = Pick(kParts);
    if (Chance(30)) name += Pick(kParts);
    return name;
  }

  std::string Value() {
    static const std::vector<std::string> kValues = {
        "spam.com", "boss@example.com", "*@example.org", "?oss*", "say \"hi\"", "back\\slash",
        "caf\xC3\xA9", "***", "a]b", "50%", "${x}", "x y", "#hash", "text:", "."};
    return options_->odd_strings ? Pick(kValues) : "word" + std::to_string(Int(0, 9));
  }

  std::string Address() {
    static const std::vector<std::string> kAddresses = {
        "boss@example.com", "john.blumonday@t-mobile.com", "a+tag@x.org", "o'hara@example.ie",
        "x@[127.0.0.1]", "we%ird@x"};
    return Pick(kAddresses);
  }

  std::string Folder() {
    const bool dotted = profile_->delimiter == '.';
    static const std::vector<std::string> kParts = {
        "Junk", "Work", "Projekte \xC3\xBC", "Tom & Jerry", "2024", "A b", "\xE6\x97\xA5\xE6\x9C\xAC",
        "v1.2", "say \"x\"", "back\\slash"};
    std::string folder;
    const int depth = Int(1, 3);
    for (int i = 0; i < depth; ++i) {
      std::string part = Pick(kParts);
      if (dotted && part.find('.') != std::string::npos) part = "v12";
      folder += (i ? "/" : "") + part;
    }
    switch (Int(0, 5)) {
      case 0:
        return "~bob/" + folder;
      case 1:
        return "#public/" + folder;
      default:
        return folder;
    }
  }

  std::string Text() {
    static const std::vector<std::string> kLines = {
        "I am out of the office.", ".", ".. two dots", "say \"hi\"", "back\\slash", "caf\xC3\xA9",
        "", "$from$ wrote", "text:", "}"};
    std::string text;
    const int lines = Int(1, 4);
    for (int i = 0; i < lines; ++i) text += (i ? "\n" : "") + Pick(kLines);
    if (Chance(50)) text += "\n";
    if (text.empty() || text == "\n") text = "Away";
    return text;
  }

  std::string NotifyText() {
    static const std::vector<std::string> kTexts = {"$from$: $subject$", "New mail from $from-name$",
                                                    "$text[50]$", "$text$", "Mail!"};
    return Pick(kTexts);
  }

  std::string Size() {
    static const std::vector<std::string> kSizes = {"0", "100", "100K", "2M", "1G", "007K"};
    return Pick(kSizes);
  }

  bool Chance(int percent) { return Int(0, 99) < percent; }
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(Int(0, static_cast<int>(v.size()) - 1))];
  }

 private:
  inline static const std::vector<std::string> kOpaqueSources = {
      "if exists \"x-priority\" {\n    keep;\n}",
      "if header :contains \"from\" \"a\" { fileinto \"A\"; } elsif size :under 1K { stop; } "
      "else { keep; }",
      "redirect :copy \"copy@example.com\";\nkeep;",
      "if true {\n    if false {\n        stop;\n    }\n}",
      "if anyof (header :contains \"x\" \"y\", allof (true, false)) { discard; }",
      "if address :domain :is \"from\" \"example.com\" { addflag \"\\\\Flagged\"; }",
  };

  std::mt19937 rng_;
  const ServerProfile* profile_ = nullptr;
  const Options* options_ = nullptr;
};

}  // namespace sievekit::editor::testing
