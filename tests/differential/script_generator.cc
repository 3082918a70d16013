// The script generator; see the header. Choices are made in a fixed order
// from one GeneratorRandom, so a seed always names the same script.
#include "tests/differential/script_generator.h"

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tests/differential/generator_random.h"
#include "tests/differential/vocabulary.h"

namespace sievekit::differential {
namespace {

using Test = GeneratedTest;
using Statement = GeneratedStatement;
using Block = std::vector<GeneratedStatement>;

// The comparator / match type part of a test: its tags and what they need.
struct MatchChoice {
  enum class Type { kIs, kContains, kMatches, kValue, kCount };
  Type type = Type::kIs;
  std::vector<std::string> tags;
  uint32_t requirements = 0;
  bool numeric = false;  // i;ascii-numeric
};

// What the values of the headers a header test names look like, which
// decides the keys that have a fair chance to match.
enum class Topic { kSubject, kAddress, kNumber, kSpamLevel, kMixed };

class Generator {
 public:
  Generator(uint64_t seed, const ScriptGeneratorOptions& options)
      : random_(seed, /*stream=*/1), options_(options) {}

  GeneratedScript Script() {
    GeneratedScript script;
    const size_t count = random_.Between(1, options_.max_top_level_statements);
    for (size_t i = 0; i < count; ++i) script.body.push_back(AnyStatement(0));
    return script;
  }

 private:
  Statement AnyStatement(size_t depth) {
    // Mostly conditions at the top, so that the implicit keep survives
    // often enough to be tested both ways.
    const size_t roll = random_.Below(100);
    if (depth < options_.max_block_depth && roll < (depth == 0 ? 75u : 40u)) return If(depth);
    if (roll >= 95) return Statement{Statement::Kind::kStop, {}, {}, {}, {}, 0};
    return Action();
  }

  Block AnyBlock(size_t depth) {
    Block block;
    const size_t count = random_.Between(0, 2);
    for (size_t i = 0; i < count; ++i) block.push_back(AnyStatement(depth));
    return block;
  }

  Statement If(size_t depth) {
    Statement s;
    s.kind = Statement::Kind::kIf;
    const size_t branches = 1 + (random_.Percent(40) ? random_.Between(1, 2) : 0);
    for (size_t i = 0; i < branches; ++i) {
      s.conditions.push_back(AnyTest(0));
      s.blocks.push_back(AnyBlock(depth + 1));
    }
    if (random_.Percent(40)) s.else_block = AnyBlock(depth + 1);
    return s;
  }

  Statement Action() {
    Statement s;
    s.kind = Statement::Kind::kAction;
    const size_t roll = random_.Below(100);
    const bool copy = random_.Percent(35);
    const std::string copy_tag = copy ? ":copy " : "";
    if (roll < 15) {
      s.action = "keep";
    } else if (roll < 27) {
      s.action = "discard";
    } else if (roll < 65) {
      s.action = "fileinto " + copy_tag + Quote(random_.Pick(vocab::kMailboxes));
      s.requirements = kNeedsFileinto | (copy ? kNeedsCopy : 0u);
    } else {
      s.action = "redirect " + copy_tag + Quote(random_.Pick(vocab::kRedirectAddresses));
      s.requirements = copy ? kNeedsCopy : 0u;
    }
    return s;
  }

  Test AnyTest(size_t depth) {
    const size_t roll = random_.Below(100);
    if (depth < options_.max_test_depth) {
      if (roll < 12) return Test{Test::Kind::kNot, {AnyTest(depth + 1)}, {}, 0};
      if (roll < 30) {
        Test t{random_.Percent(50) ? Test::Kind::kAnyOf : Test::Kind::kAllOf, {}, {}, 0};
        const size_t children = random_.Between(1, 3);
        for (size_t i = 0; i < children; ++i) t.children.push_back(AnyTest(depth + 1));
        return t;
      }
    }
    if (roll >= 97) return Test{roll == 99 ? Test::Kind::kFalse : Test::Kind::kTrue, {}, {}, 0};
    return Atom();
  }

  Test Atom() {
    const size_t roll = random_.Below(100);
    if (roll < 35) return Header();
    if (roll < 65) return Address();
    if (roll < 85) return Envelope();
    if (roll < 93) return Exists();
    return Size();
  }

  // Comparator and match type, always a valid pair: i;ascii-numeric has no
  // substring operation (RFC 4790 §9.1.1), so never with :contains or
  // :matches.
  MatchChoice Match() {
    using Type = MatchChoice::Type;
    MatchChoice m;
    const size_t roll = random_.Below(100);
    std::string match_tag;
    if (roll < 20) {
      m.type = Type::kIs;
      if (roll >= 10) match_tag = ":is";  // else the default
    } else if (roll < 42) {
      m.type = Type::kContains;
      match_tag = ":contains";
    } else if (roll < 64) {
      m.type = Type::kMatches;
      match_tag = ":matches";
    } else {
      m.type = roll < 82 ? Type::kValue : Type::kCount;
      static constexpr std::array<std::string_view, 6> kOps = {"gt", "ge", "lt", "le", "eq", "ne"};
      std::string op(random_.Pick(kOps));
      if (random_.Percent(15)) {
        for (char& c : op) c = static_cast<char>(c - 32);
      }
      match_tag = (m.type == Type::kCount ? ":count " : ":value ") + Quote(op);
      m.requirements |= kNeedsRelational;
    }
    const bool substring = m.type == Type::kContains || m.type == Type::kMatches;
    const size_t comparator = random_.Below(substring ? 3 : 4);
    std::string comparator_tag;
    if (comparator == 1) comparator_tag = ":comparator \"i;octet\"";
    if (comparator == 2) comparator_tag = ":comparator \"i;ascii-casemap\"";
    if (comparator == 3) {
      comparator_tag = ":comparator \"i;ascii-numeric\"";
      m.numeric = true;
      m.requirements |= kNeedsAsciiNumeric;
    }
    if (!match_tag.empty()) m.tags.push_back(match_tag);
    if (!comparator_tag.empty()) m.tags.push_back(comparator_tag);
    return m;
  }

  // Tags in a random order (RFC 5228 §2.6.2: tagged arguments may come in
  // any order before the positional ones).
  std::string Tags(std::vector<std::string> tags) {
    std::string out;
    while (!tags.empty()) {
      const size_t i = random_.Below(tags.size());
      out += tags[i] + " ";
      tags.erase(tags.begin() + static_cast<std::ptrdiff_t>(i));
    }
    return out;
  }

  std::string StringList(std::span<const std::string_view> vocabulary, size_t max) {
    const size_t count = random_.Between(1, max);
    if (count == 1 && random_.Percent(70)) return Quote(random_.Pick<std::string_view>(vocabulary));
    std::string out = "[";
    for (size_t i = 0; i < count; ++i) {
      if (i > 0) out += ", ";
      out += Quote(random_.Pick<std::string_view>(vocabulary));
    }
    return out + "]";
  }

  // How keys are made from the values a test looks at.
  enum class Derive { kNone, kSubstring, kPattern };

  // A key list: mostly one to `max` keys from `vocabulary`, sometimes four to
  // six (where the VM switches to key sets and multi-key searchers); with
  // `derive`, about half of the keys are made from one of `sources` instead.
  std::string KeyList(std::span<const std::string_view> vocabulary, size_t max,
                      Derive derive = Derive::kNone,
                      std::span<const std::string_view> sources = {}) {
    const size_t count = random_.Percent(12) ? random_.Between(4, 6) : random_.Between(1, max);
    auto key = [&]() -> std::string {
      if (derive == Derive::kNone || sources.empty() || random_.Percent(50)) {
        return std::string(random_.Pick<std::string_view>(vocabulary));
      }
      const std::string_view source = random_.Pick<std::string_view>(sources);
      return derive == Derive::kSubstring ? Substring(source) : Pattern(source);
    };
    if (count == 1 && random_.Percent(70)) return Quote(key());
    std::string out = "[";
    for (size_t i = 0; i < count; ++i) {
      if (i > 0) out += ", ";
      out += Quote(key());
    }
    return out + "]";
  }

  // The UTF-8 characters of s (a lead byte and its continuation bytes), so
  // that derived keys never split one and stay valid UTF-8.
  static std::vector<std::string> Characters(std::string_view s) {
    std::vector<std::string> out;
    for (char c : s) {
      const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
      if (continuation && !out.empty()) {
        out.back() += c;
      } else {
        out.emplace_back(1, c);
      }
    }
    return out;
  }

  // Swaps the case of an ASCII letter now and then.
  std::string MaybeSwapCase(std::string c) {
    if (c.size() == 1 && random_.Percent(15)) {
      if (c[0] >= 'a' && c[0] <= 'z')
        c[0] = static_cast<char>(c[0] - 32);
      else if (c[0] >= 'A' && c[0] <= 'Z')
        c[0] = static_cast<char>(c[0] + 32);
    }
    return c;
  }

  // A piece of source (usually a real substring, so :contains often holds).
  std::string Substring(std::string_view source) {
    const std::vector<std::string> chars = Characters(source);
    if (chars.empty()) return "";
    const size_t begin = random_.Below(chars.size());
    const size_t end = random_.Between(begin, chars.size());
    std::string out;
    for (size_t i = begin; i < end; ++i) out += MaybeSwapCase(chars[i]);
    return out;
  }

  // A :matches pattern made from source: characters kept (wildcards in it
  // escaped), replaced by "?" (one per octet, RFC 5228 §2.7.1), runs
  // replaced by "*", and stray "*" inserted.
  std::string Pattern(std::string_view source) {
    const std::vector<std::string> chars = Characters(source);
    std::string out;
    for (size_t i = 0; i < chars.size(); ++i) {
      const size_t roll = random_.Below(100);
      if (roll < 10) {
        out += std::string(chars[i].size(), '?');
      } else if (roll < 20) {
        out += '*';
        i += random_.Between(0, 3);
      } else {
        if (roll < 25) out += '*';
        const std::string c = MaybeSwapCase(chars[i]);
        if (c == "*" || c == "?" || c == "\\") out += '\\';
        out += c;
      }
    }
    if (random_.Percent(10)) out += '*';
    return out;
  }

  // Keys every test kind shares: counts, numbers, substrings; empty when
  // the keys depend on the test.
  std::string CommonKeys(const MatchChoice& m) {
    using Type = MatchChoice::Type;
    if (m.type == Type::kCount) return KeyList(vocab::kCountKeys, 2);
    if (m.numeric) return KeyList(vocab::kNumberKeys, 2);
    return "";
  }

  Test Header() {
    const MatchChoice m = Match();
    // i;ascii-numeric mostly on the headers that hold numbers.
    const size_t roll = m.numeric && random_.Percent(75) ? 60 : random_.Below(100);
    Topic topic = Topic::kMixed;
    std::string names;
    if (roll < 40) {
      topic = Topic::kSubject;
      names = StringList(vocab::kSubjectNames, 2);
    } else if (roll < 55) {
      topic = Topic::kAddress;
      names = StringList(vocab::kAddressHeaders, 2);
    } else if (roll < 80) {
      topic = Topic::kNumber;
      names = StringList(vocab::kNumberNames, 2);
    } else if (roll < 88) {
      topic = Topic::kSpamLevel;
      names = Quote("X-Spam-Level");
    } else {
      names = StringList(vocab::kHeaderNames, 2);
    }
    std::span<const std::string_view> values = vocab::kSubjectKeys;
    if (topic == Topic::kAddress) values = vocab::kAllKeys;
    if (topic == Topic::kNumber) values = vocab::kNumberKeys;
    if (topic == Topic::kSpamLevel) values = vocab::kSpamKeys;
    std::string keys = CommonKeys(m);
    if (keys.empty() && m.type == MatchChoice::Type::kContains) {
      keys = topic == Topic::kAddress
                 ? KeyList(vocab::kAddressSubstrings, 3, Derive::kSubstring, values)
                 : KeyList(vocab::kTextSubstrings, 3, Derive::kSubstring, values);
    } else if (keys.empty() && m.type == MatchChoice::Type::kMatches) {
      keys = KeyList(vocab::kTextPatterns, 3, Derive::kPattern, values);
    } else if (keys.empty()) {
      keys = KeyList(values, 3);
    }
    return Test{
        Test::Kind::kAtom, {}, "header " + Tags(m.tags) + names + " " + keys, m.requirements};
  }

  // An address part tag (or none: ":all" by default) and keys that suit it
  // and the match type; ":user" and ":detail" need subaddress.
  std::string AddressPartAndKeys(MatchChoice& m) {
    static constexpr std::array<std::string_view, 6> kParts = {"",        ":all",  ":localpart",
                                                               ":domain", ":user", ":detail"};
    const std::string part(random_.Pick(kParts));
    if (part == ":user" || part == ":detail") m.requirements |= kNeedsSubaddress;
    if (!part.empty()) m.tags.push_back(part);
    std::span<const std::string_view> values = vocab::kAllKeys;
    if (part == ":localpart") values = vocab::kLocalPartKeys;
    if (part == ":domain") values = vocab::kDomainKeys;
    if (part == ":user") values = vocab::kUserKeys;
    if (part == ":detail") values = vocab::kDetailKeys;
    std::string keys = CommonKeys(m);
    if (!keys.empty()) return keys;
    if (m.type == MatchChoice::Type::kContains) {
      return KeyList(vocab::kAddressSubstrings, 3, Derive::kSubstring, values);
    }
    if (m.type == MatchChoice::Type::kMatches) {
      return KeyList(vocab::kAddressPatterns, 2, Derive::kPattern, values);
    }
    return KeyList(values, 3);
  }

  Test Address() {
    MatchChoice m = Match();
    const std::string keys = AddressPartAndKeys(m);
    const std::string tags = Tags(m.tags);
    return Test{Test::Kind::kAtom,
                {},
                "address " + tags + StringList(vocab::kAddressHeaders, 2) + " " + keys,
                m.requirements};
  }

  Test Envelope() {
    MatchChoice m = Match();
    m.requirements |= kNeedsEnvelope;
    const std::string keys = AddressPartAndKeys(m);
    static constexpr std::array<std::string_view, 5> kParts = {"\"from\"", "\"to\"", "\"FROM\"",
                                                               "\"To\"", "[\"from\", \"to\"]"};
    const std::string tags = Tags(m.tags);
    return Test{Test::Kind::kAtom,
                {},
                "envelope " + tags + std::string(random_.Pick(kParts)) + " " + keys,
                m.requirements};
  }

  Test Exists() {
    return Test{Test::Kind::kAtom, {}, "exists " + StringList(vocab::kHeaderNames, 2), 0};
  }

  Test Size() {
    static constexpr std::array<std::string_view, 8> kLimits = {"0",   "100",  "300", "500",
                                                                "800", "1000", "1K",  "2000"};
    return Test{Test::Kind::kAtom,
                {},
                std::string(random_.Percent(50) ? "size :over " : "size :under ") +
                    std::string(random_.Pick(kLimits)),
                0};
  }

  GeneratorRandom random_;
  const ScriptGeneratorOptions& options_;
};

}  // namespace

GeneratedScript GenerateScript(uint64_t seed, const ScriptGeneratorOptions& options) {
  return Generator(seed, options).Script();
}

}  // namespace sievekit::differential
