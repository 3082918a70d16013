// POSIX ERE → RE2 translation: one left-to-right pass with an explicit group
// depth (no recursion, so a hostile pattern cannot exhaust the stack).
// Bracket expressions become sets of code point ranges, folded and merged
// before they are written out as RE2 classes of \x{...} endpoints, which RE2
// reads the same way in every mode.
#include "extensions/regex/ere_translator.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <vector>

#include "common/utf8.h"

namespace sievekit::extensions::regex {
namespace {

using Range = std::pair<char32_t, char32_t>;

bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
// Printable ASCII that is neither a letter nor a digit.
bool IsAsciiPunct(char32_t c) {
  return c >= 0x21 && c <= 0x7e && !IsAsciiLetter(c) && !IsAsciiDigit(c);
}

struct NamedClass {
  std::string_view name;
  std::array<Range, 4> ranges;  // unused slots are {1, 0} (empty)
};

constexpr Range kNone{1, 0};

// POSIX XBD §7.3.1 classes in the POSIX (C) locale.
constexpr NamedClass kClasses[] = {
    {"alnum", {{{'0', '9'}, {'A', 'Z'}, {'a', 'z'}, kNone}}},
    {"alpha", {{{'A', 'Z'}, {'a', 'z'}, kNone, kNone}}},
    {"blank", {{{'\t', '\t'}, {' ', ' '}, kNone, kNone}}},
    {"cntrl", {{{0x00, 0x1f}, {0x7f, 0x7f}, kNone, kNone}}},
    {"digit", {{{'0', '9'}, kNone, kNone, kNone}}},
    {"graph", {{{0x21, 0x7e}, kNone, kNone, kNone}}},
    {"lower", {{{'a', 'z'}, kNone, kNone, kNone}}},
    {"print", {{{0x20, 0x7e}, kNone, kNone, kNone}}},
    {"punct", {{{0x21, 0x2f}, {0x3a, 0x40}, {0x5b, 0x60}, {0x7b, 0x7e}}}},
    {"space", {{{0x09, 0x0d}, {' ', ' '}, kNone, kNone}}},
    {"upper", {{{'A', 'Z'}, kNone, kNone, kNone}}},
    {"xdigit", {{{'0', '9'}, {'A', 'F'}, {'a', 'f'}, kNone}}},
};

const NamedClass* FindClass(std::string_view name) {
  for (const NamedClass& c : kClasses) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// Why a backslash escape is rejected, or nullopt when it is a literal.
std::optional<std::string> EscapeError(char32_t c) {
  if (IsAsciiDigit(c)) {
    return std::string(
        "backreferences (\\1 ... \\9) are not supported by :regex "
        "(draft-murchison-sieve-regex-07 §3)");
  }
  switch (c) {
    case 'b':
    case 'B':
    case '<':
    case '>':
      return fmt::format(
          "word boundaries (\\{}) are not supported by :regex "
          "(draft-murchison-sieve-regex-07 §3)",
          static_cast<char>(c));
    case '`':
    case '\'':
      return fmt::format("'\\{}' is a GNU extension, not POSIX; use ^ or $",
                         static_cast<char>(c));
    case 'd':
      return std::string("'\\d' is Perl syntax, not POSIX; use [[:digit:]]");
    case 'D':
      return std::string("'\\D' is Perl syntax, not POSIX; use [^[:digit:]]");
    case 'w':
      return std::string("'\\w' is Perl syntax, not POSIX; use [[:alnum:]_]");
    case 'W':
      return std::string("'\\W' is Perl syntax, not POSIX; use [^[:alnum:]_]");
    case 's':
      return std::string("'\\s' is Perl syntax, not POSIX; use [[:space:]]");
    case 'S':
      return std::string("'\\S' is Perl syntax, not POSIX; use [^[:space:]]");
    default:
      break;
  }
  if (IsAsciiPunct(c)) return std::nullopt;
  if (IsAsciiLetter(c)) {
    return fmt::format(
        "'\\{}' is not an escape of POSIX extended regular expressions: only special "
        "characters can follow a backslash",
        static_cast<char>(c));
  }
  return std::string(
      "only special characters can follow a backslash in a POSIX extended regular "
      "expression");
}

class Translator {
 public:
  Translator(std::string_view ere, bool fold) : in_(ere), fold_(fold) {}

  EreTranslation Run() {
    EreTranslation result;
    if (!Translate()) {
      result.error = std::move(error_);
      return result;
    }
    result.ok = true;
    result.pattern = std::move(out_);
    result.groups = groups_;
    return result;
  }

 private:
  // What the output ends with, for the rules on repetition operators.
  enum class Last : uint8_t { kNothing, kAnchor, kAtom, kRepeat };

  bool Fail(std::string why) {
    error_ = std::move(why);
    return false;
  }

  bool Translate() {
    while (pos_ < in_.size()) {
      const char c = in_[pos_];
      switch (c) {
        case '(':
          if (++depth_ > kMaxEreNesting) {
            return Fail(fmt::format("groups are nested deeper than {} (max_regex_nesting)",
                                    kMaxEreNesting));
          }
          ++groups_;
          out_ += '(';
          last_ = Last::kNothing;
          ++pos_;
          break;
        case ')':
          if (depth_ == 0) return Fail("unmatched ')'; write \\) for a literal parenthesis");
          --depth_;
          out_ += ')';
          last_ = Last::kAtom;
          ++pos_;
          break;
        case '|':
          out_ += '|';
          last_ = Last::kNothing;
          ++pos_;
          break;
        case '^':
        case '$':
          out_ += c;
          last_ = Last::kAnchor;
          ++pos_;
          break;
        case '.':
          out_ += '.';
          last_ = Last::kAtom;
          ++pos_;
          break;
        case '*':
        case '+':
        case '?':
          if (!CheckRepeatable(c)) return false;
          out_ += c;
          last_ = Last::kRepeat;
          ++pos_;
          break;
        case '{':
          if (!CheckRepeatable(c) || !Interval()) return false;
          last_ = Last::kRepeat;
          break;
        case '[':
          if (!Bracket()) return false;
          last_ = Last::kAtom;
          break;
        case '\\':
          if (!Escape()) return false;
          last_ = Last::kAtom;
          break;
        default: {
          char32_t cp = 0;
          if (!NextChar(&cp)) return false;
          Literal(cp);
          last_ = Last::kAtom;
          break;
        }
      }
    }
    if (depth_ > 0) return Fail("missing ')'");
    return true;
  }

  // Whether a repetition operator may follow what was written so far.
  bool CheckRepeatable(char op) {
    switch (last_) {
      case Last::kAtom:
        return true;
      case Last::kNothing:
        return Fail(fmt::format("'{}' has nothing to repeat; write \\{} for a literal '{}'", op,
                                op, op));
      case Last::kAnchor:
        return Fail(fmt::format("'{}' cannot repeat an anchor ('^' or '$')", op));
      case Last::kRepeat:
        if (op == '?' || op == '+') {
          return Fail(fmt::format(
              "'{}' cannot follow another repetition operator (non-greedy and possessive "
              "repetitions are Perl syntax, not POSIX)",
              op));
        }
        return Fail(fmt::format(
            "'{}' cannot follow another repetition operator; put the repeated part in "
            "parentheses first",
            op));
    }
    return true;
  }

  // Reads a decimal count at pos_; false (with an error) when there is none
  // or it is too large.
  bool Count(uint32_t* value) {
    const size_t begin = pos_;
    uint32_t n = 0;
    while (pos_ < in_.size() && IsAsciiDigit(static_cast<unsigned char>(in_[pos_]))) {
      if (n <= kMaxEreRepeat) n = n * 10 + static_cast<uint32_t>(in_[pos_] - '0');
      ++pos_;
    }
    if (pos_ == begin) return Fail("invalid interval: write {m}, {m,} or {m,n}");
    if (n > kMaxEreRepeat) {
      return Fail(fmt::format("repetition count {} is larger than {} (RE_DUP_MAX)",
                              in_.substr(begin, pos_ - begin), kMaxEreRepeat));
    }
    *value = n;
    return true;
  }

  // "{m}", "{m,}" or "{m,n}" at pos_.
  bool Interval() {
    ++pos_;  // '{'
    uint32_t min = 0;
    if (!Count(&min)) return false;
    std::optional<uint32_t> max = min;
    if (pos_ < in_.size() && in_[pos_] == ',') {
      ++pos_;
      max.reset();
      if (pos_ < in_.size() && in_[pos_] != '}') {
        uint32_t m = 0;
        if (!Count(&m)) return false;
        max = m;
      }
    }
    if (pos_ >= in_.size() || in_[pos_] != '}') {
      return Fail("invalid interval: write {m}, {m,} or {m,n}");
    }
    ++pos_;
    if (max && *max < min) {
      return Fail(fmt::format("invalid interval {{{},{}}}: the maximum is less than the minimum",
                              min, *max));
    }
    if (!max) {
      out_ += fmt::format("{{{},}}", min);
    } else if (*max == min) {
      out_ += fmt::format("{{{}}}", min);
    } else {
      out_ += fmt::format("{{{},{}}}", min, *max);
    }
    return true;
  }

  bool Escape() {
    ++pos_;  // '\'
    if (pos_ >= in_.size()) return Fail("the regex ends with a lone backslash");
    char32_t cp = 0;
    if (!NextChar(&cp)) return false;
    if (auto why = EscapeError(cp)) return Fail(std::move(*why));
    Literal(cp);
    return true;
  }

  // Decodes the UTF-8 character at pos_ and moves past it.
  bool NextChar(char32_t* cp) {
    size_t length = 0;
    const std::optional<char32_t> decoded = utf8::DecodeOne(in_.substr(pos_), &length);
    if (!decoded || length == 0) {
      return Fail(fmt::format("the regex is not valid UTF-8 (byte {})", pos_));
    }
    *cp = *decoded;
    pos_ += length;
    return true;
  }

  void Literal(char32_t cp) {
    if (fold_ && IsAsciiLetter(cp)) {
      const char lower = static_cast<char>(cp | 0x20);
      out_ += '[';
      out_ += lower;
      out_ += static_cast<char>(lower - 32);
      out_ += ']';
    } else if (IsAsciiLetter(cp) || IsAsciiDigit(cp) || cp == ' ') {
      out_ += static_cast<char>(cp);
    } else if (IsAsciiPunct(cp)) {
      out_ += '\\';
      out_ += static_cast<char>(cp);
    } else if (cp >= 0x80) {
      utf8::Encode(cp, &out_);
    } else {
      out_ += fmt::format("\\x{{{:X}}}", static_cast<uint32_t>(cp));
    }
  }

  // "[:name:]", "[=c=]" or "[.c.]" at pos_ (which points at the inner
  // '['): the delimited text, with pos_ moved past the closing pair.
  bool Delimited(char kind, std::string_view* text) {
    const size_t begin = pos_ + 2;
    const char close[] = {kind, ']', '\0'};
    const size_t end = in_.find(close, begin);
    if (end == std::string_view::npos) {
      return Fail(fmt::format("missing '{}]' after '[{}'", kind, kind));
    }
    *text = in_.substr(begin, end - begin);
    pos_ = end + 2;
    return true;
  }

  // The single character of "[=c=]" or "[.c.]".
  bool SingleCharacter(char kind, std::string_view text, char32_t* cp) {
    size_t length = 0;
    const std::optional<char32_t> decoded = utf8::DecodeOne(text, &length);
    if (!decoded || length != text.size() || text.empty()) {
      return Fail(fmt::format(
          "'[{}{}{}]' is not supported: only single characters can be {} (C locale)", kind, text,
          kind, kind == '=' ? "equivalence classes" : "collating elements"));
    }
    *cp = *decoded;
    return true;
  }

  bool StartsAt(std::string_view what) const { return in_.substr(pos_).starts_with(what); }

  // One range endpoint: a character or a collating symbol "[.c.]".
  bool Endpoint(char32_t* cp) {
    if (StartsAt("[.")) {
      std::string_view text;
      return Delimited('.', &text) && SingleCharacter('.', text, cp);
    }
    if (StartsAt("[:") || StartsAt("[=")) {
      return Fail("a range cannot start or end with a character class or equivalence class");
    }
    return NextChar(cp);
  }

  // A bracket expression at pos_ (POSIX XBD §9.3.5).
  bool Bracket() {
    ++pos_;  // '['
    bool negate = false;
    if (pos_ < in_.size() && in_[pos_] == '^') {
      negate = true;
      ++pos_;
    }
    std::vector<Range> ranges;
    bool first = true;
    for (;;) {
      if (pos_ >= in_.size()) return Fail("missing ']' to close the bracket expression");
      const char c = in_[pos_];
      if (c == ']' && !first) {
        ++pos_;
        break;
      }
      const bool last = pos_ + 1 < in_.size() && in_[pos_ + 1] == ']';
      if (c == '-' && !first && !last) {
        return Fail("'-' stands for itself only first or last in a bracket expression");
      }
      first = false;
      if (StartsAt("[:")) {
        std::string_view name;
        if (!Delimited(':', &name)) return false;
        const NamedClass* named = FindClass(name);
        if (named == nullptr) {
          return Fail(fmt::format(
              "unknown character class '[:{}:]'; the classes are alnum, alpha, blank, cntrl, "
              "digit, graph, lower, print, punct, space, upper and xdigit",
              name));
        }
        for (const Range& r : named->ranges) {
          if (r.first <= r.second) ranges.push_back(r);
        }
        if (!CheckNoRangeAfterClass()) return false;
        continue;
      }
      char32_t start = 0;
      if (StartsAt("[=")) {
        std::string_view text;
        if (!Delimited('=', &text) || !SingleCharacter('=', text, &start)) return false;
        ranges.push_back({start, start});
        if (!CheckNoRangeAfterClass()) return false;
        continue;
      }
      if (!Endpoint(&start)) return false;
      char32_t end = start;
      if (pos_ + 1 < in_.size() && in_[pos_] == '-' && in_[pos_ + 1] != ']') {
        ++pos_;
        if (!Endpoint(&end)) return false;
        if (end < start) {
          return Fail(fmt::format("invalid range '{}': its end comes before its start",
                                  RangeText(start, end)));
        }
      }
      ranges.push_back({start, end});
    }
    WriteClass(std::move(ranges), negate);
    return true;
  }

  bool CheckNoRangeAfterClass() {
    if (pos_ + 1 < in_.size() && in_[pos_] == '-' && in_[pos_ + 1] != ']') {
      return Fail("a range cannot start or end with a character class or equivalence class");
    }
    return true;
  }

  static std::string RangeText(char32_t start, char32_t end) {
    std::string text;
    utf8::Encode(start, &text);
    text += '-';
    utf8::Encode(end, &text);
    return text;
  }

  void WriteClass(std::vector<Range> ranges, bool negate) {
    if (fold_) {
      const size_t count = ranges.size();
      for (size_t i = 0; i < count; ++i) {
        const Range r = ranges[i];
        // The part of r among upper-case letters gains its lower case, and
        // the other way round; nothing outside ASCII changes.
        const char32_t ulo = std::max<char32_t>(r.first, 'A');
        const char32_t uhi = std::min<char32_t>(r.second, 'Z');
        if (ulo <= uhi) ranges.push_back({ulo + 32, uhi + 32});
        const char32_t llo = std::max<char32_t>(r.first, 'a');
        const char32_t lhi = std::min<char32_t>(r.second, 'z');
        if (llo <= lhi) ranges.push_back({llo - 32, lhi - 32});
      }
    }
    std::sort(ranges.begin(), ranges.end());
    std::vector<Range> merged;
    for (const Range& r : ranges) {
      if (!merged.empty() && r.first <= merged.back().second + 1) {
        merged.back().second = std::max(merged.back().second, r.second);
      } else {
        merged.push_back(r);
      }
    }
    out_ += negate ? "[^" : "[";
    for (const Range& r : merged) {
      out_ += fmt::format("\\x{{{:X}}}", static_cast<uint32_t>(r.first));
      if (r.second != r.first) out_ += fmt::format("-\\x{{{:X}}}", static_cast<uint32_t>(r.second));
    }
    out_ += ']';
  }

  std::string_view in_;
  bool fold_;
  size_t pos_ = 0;
  uint32_t depth_ = 0;
  uint32_t groups_ = 0;
  Last last_ = Last::kNothing;
  std::string out_;
  std::string error_;
};

}  // namespace

EreTranslation TranslateEre(std::string_view ere, bool ascii_casefold) {
  return Translator(ere, ascii_casefold).Run();
}

void QuoteRegex(std::string_view in, std::string* out) {
  out->clear();
  for (char c : in) {
    if (std::string_view("\\.^$*+?()[]{}|").find(c) != std::string_view::npos) out->push_back('\\');
    out->push_back(c);
  }
}

}  // namespace sievekit::extensions::regex
