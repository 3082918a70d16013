// Naive comparators, match types and address parts for the reference
// evaluator; see the header. Each function follows the RFC sentence it
// implements as literally as possible; there are no caches, no prepared
// keys and no shortcuts.
#include "tests/differential/reference_matchers.h"

#include <vector>

namespace sievekit::differential {
namespace {

// ASCII lower-casing for names (comparator, match type and address part
// names are case-insensitive).
std::string LowerName(std::string_view name) {
  std::string out;
  for (char c : name) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  return out;
}

// RFC 4790 §9.2.1: "the lower-case letters (octet values 97-122) in each
// input string are changed to upper case (octet values 65-90)".
char FoldToUpper(Comparator comparator, char c) {
  if (comparator == Comparator::kAsciiCasemap && c >= 'a' && c <= 'z') {
    return static_cast<char>(c - 32);
  }
  return c;
}

bool SameCharacter(Comparator comparator, char a, char b) {
  return FoldToUpper(comparator, a) == FoldToUpper(comparator, b);
}

// i;octet and i;ascii-casemap ordering, the algorithm of RFC 4790 §9.3.1
// step by step.
Order CompareOctets(Comparator comparator, std::string_view a, std::string_view b) {
  size_t i = 0;
  for (;;) {
    const bool a_done = i == a.size();
    const bool b_done = i == b.size();
    if (a_done && b_done) return Order::kEqual;
    if (a_done) return Order::kLess;
    if (b_done) return Order::kGreater;
    const auto x = static_cast<unsigned char>(FoldToUpper(comparator, a[i]));
    const auto y = static_cast<unsigned char>(FoldToUpper(comparator, b[i]));
    if (x < y) return Order::kLess;
    if (x > y) return Order::kGreater;
    ++i;
  }
}

// RFC 4790 §9.1.1: the string is truncated at its first non-digit; the
// digits are the number. nullopt is positive infinity (no leading digit).
// The result has no leading zeros ("0" for zero), so that two numbers
// compare by length first and then digit by digit, whatever their size.
std::optional<std::string> NumberOf(std::string_view s) {
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == 0) return std::nullopt;
  std::string number(s.substr(0, digits));
  while (number.size() > 1 && number[0] == '0') number.erase(0, 1);
  return number;
}

Order CompareNumbers(std::string_view a, std::string_view b) {
  const std::optional<std::string> x = NumberOf(a);
  const std::optional<std::string> y = NumberOf(b);
  if (!x && !y) return Order::kEqual;  // "", "x", and "y" are equal
  if (!x) return Order::kGreater;      // infinity is above every number
  if (!y) return Order::kLess;
  if (x->size() != y->size()) return x->size() < y->size() ? Order::kLess : Order::kGreater;
  if (*x == *y) return Order::kEqual;
  return *x < *y ? Order::kLess : Order::kGreater;
}

// One element of a :matches pattern.
struct GlobItem {
  enum Kind { kLiteral, kOneCharacter, kAnyRun };
  Kind kind = kLiteral;
  char literal = 0;
};

std::vector<GlobItem> ParseGlob(std::string_view pattern) {
  std::vector<GlobItem> items;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      ++i;
      items.push_back({GlobItem::kLiteral, pattern[i]});
    } else if (c == '*') {
      items.push_back({GlobItem::kAnyRun, 0});
    } else if (c == '?') {
      items.push_back({GlobItem::kOneCharacter, 0});
    } else {
      items.push_back({GlobItem::kLiteral, c});
    }
  }
  return items;
}

}  // namespace

std::optional<Comparator> ComparatorNamed(std::string_view name) {
  const std::string lower = LowerName(name);
  if (lower == "i;octet") return Comparator::kOctet;
  if (lower == "i;ascii-casemap") return Comparator::kAsciiCasemap;
  if (lower == "i;ascii-numeric") return Comparator::kAsciiNumeric;
  return std::nullopt;
}

Order Compare(Comparator comparator, std::string_view a, std::string_view b) {
  if (comparator == Comparator::kAsciiNumeric) return CompareNumbers(a, b);
  return CompareOctets(comparator, a, b);
}

bool Equal(Comparator comparator, std::string_view a, std::string_view b) {
  return Compare(comparator, a, b) == Order::kEqual;
}

bool ContainsSubstring(Comparator comparator, std::string_view value, std::string_view key) {
  if (key.size() > value.size()) return false;
  for (size_t start = 0; start + key.size() <= value.size(); ++start) {
    bool all_same = true;
    for (size_t i = 0; i < key.size(); ++i) {
      if (!SameCharacter(comparator, value[start + i], key[i])) {
        all_same = false;
        break;
      }
    }
    if (all_same) return true;
  }
  return false;
}

bool MatchesGlob(Comparator comparator, std::string_view value, std::string_view pattern) {
  const std::vector<GlobItem> items = ParseGlob(pattern);
  const size_t n = value.size();
  const size_t m = items.size();
  // rest[i][j]: value from offset i matches the items from index j. Filled
  // from the ends backwards, so every entry it reads is already known.
  std::vector<std::vector<bool>> rest(n + 1, std::vector<bool>(m + 1, false));
  rest[n][m] = true;
  for (size_t jj = m; jj-- > 0;) {
    for (size_t ii = n + 1; ii-- > 0;) {
      const GlobItem& item = items[jj];
      const bool has_char = ii < n;
      switch (item.kind) {
        case GlobItem::kAnyRun:
          // Either the run is empty, or it takes one more character.
          rest[ii][jj] = rest[ii][jj + 1] || (has_char && rest[ii + 1][jj]);
          break;
        case GlobItem::kOneCharacter:
          rest[ii][jj] = has_char && rest[ii + 1][jj + 1];
          break;
        case GlobItem::kLiteral:
          rest[ii][jj] = has_char && SameCharacter(comparator, value[ii], item.literal) &&
                         rest[ii + 1][jj + 1];
          break;
      }
    }
  }
  return rest[0][0];
}

bool Relation(Comparator comparator, std::string_view op, std::string_view value,
              std::string_view key) {
  const Order order = Compare(comparator, value, key);
  if (op == "gt") return order == Order::kGreater;
  if (op == "ge") return order != Order::kLess;
  if (op == "lt") return order == Order::kLess;
  if (op == "le") return order != Order::kGreater;
  if (op == "eq") return order == Order::kEqual;
  if (op == "ne") return order != Order::kEqual;
  return false;
}

std::optional<MatchType> MatchTypeNamed(std::string_view name) {
  const std::string lower = LowerName(name);
  if (lower == "is") return MatchType::kIs;
  if (lower == "contains") return MatchType::kContains;
  if (lower == "matches") return MatchType::kMatches;
  if (lower == "value") return MatchType::kValue;
  if (lower == "count") return MatchType::kCount;
  return std::nullopt;
}

bool MatchValue(const KeyTest& test, std::string_view value, std::string_view key) {
  switch (test.match_type) {
    case MatchType::kIs:
      return Equal(test.comparator, value, key);
    case MatchType::kContains:
      return ContainsSubstring(test.comparator, value, key);
    case MatchType::kMatches:
      return MatchesGlob(test.comparator, value, key);
    case MatchType::kValue:
      return Relation(test.comparator, test.relational_op, value, key);
    case MatchType::kCount:
      return false;  // counts are matched by MatchCount
  }
  return false;
}

bool MatchCount(const KeyTest& test, uint64_t count, std::string_view key) {
  return Relation(test.comparator, test.relational_op, std::to_string(count), key);
}

std::optional<AddressPart> AddressPartNamed(std::string_view name) {
  const std::string lower = LowerName(name);
  if (lower == "all") return AddressPart::kAll;
  if (lower == "localpart") return AddressPart::kLocalPart;
  if (lower == "domain") return AddressPart::kDomain;
  if (lower == "user") return AddressPart::kUser;
  if (lower == "detail") return AddressPart::kDetail;
  return std::nullopt;
}

std::optional<std::string> ExtractAddressPart(AddressPart part, const mail::Address& address,
                                              std::string_view separator) {
  if (part == AddressPart::kAll) return std::string(address.all);
  if (!address.valid) return std::nullopt;
  const std::string local(address.local_part);
  const size_t at = separator.empty() ? std::string::npos : local.find(separator);
  switch (part) {
    case AddressPart::kLocalPart:
      return local;
    case AddressPart::kDomain:
      if (address.domain.empty()) return std::nullopt;  // "<postmaster>"
      return std::string(address.domain);
    case AddressPart::kUser:
      return at == std::string::npos ? local : local.substr(0, at);
    case AddressPart::kDetail:
      if (at == std::string::npos) return std::nullopt;
      return local.substr(at + separator.size());
    case AddressPart::kAll:
      break;
  }
  return std::nullopt;
}

}  // namespace sievekit::differential
