// Comparator names, capabilities, folding and ordering (RFC 4790, RFC 5051).
#include "vm/match/comparator.h"

#include <array>

#include "vm/match/ascii_numeric.h"
#include "vm/match/unicode_casemap.h"

namespace sievekit::match {
namespace {

constexpr std::array<std::string_view, kComparatorCount> kNames = {
    "i;octet", "i;ascii-casemap", "i;ascii-numeric", "i;unicode-casemap"};

constexpr bool EqualIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiUpper(a[i]) != AsciiUpper(b[i])) return false;
  }
  return true;
}

}  // namespace

std::optional<ComparatorId> ComparatorFromName(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (EqualIgnoringAsciiCase(name, kNames[i])) return static_cast<ComparatorId>(i);
  }
  return std::nullopt;
}

std::string_view ComparatorName(ComparatorId id) { return kNames[static_cast<size_t>(id)]; }

bool Supports(ComparatorId id, Operation op) {
  // Every collation here has equality and ordering; only i;ascii-numeric lacks
  // substring (RFC 4790 §9.1.1, §9.2.1, §9.3.1; RFC 5051 §2).
  return !(id == ComparatorId::kAsciiNumeric && op == Operation::kSubstring);
}

CharacterUnit CharacterUnitOf(ComparatorId id) {
  return id == ComparatorId::kUnicodeCasemap ? CharacterUnit::kUtf8Character
                                             : CharacterUnit::kOctet;
}

bool FoldPreservesPositions(ComparatorId id) {
  return id == ComparatorId::kOctet || id == ComparatorId::kAsciiCasemap;
}

void Fold(ComparatorId id, std::string_view in, std::string* out) {
  switch (id) {
    case ComparatorId::kOctet:
      out->assign(in);
      return;
    case ComparatorId::kAsciiCasemap:
      out->resize(in.size());
      for (size_t i = 0; i < in.size(); ++i) (*out)[i] = AsciiUpper(in[i]);
      return;
    case ComparatorId::kAsciiNumeric:
      FoldAsciiNumeric(in, out);
      return;
    case ComparatorId::kUnicodeCasemap:
      FoldUnicodeCasemap(in, out);
      return;
  }
}

std::strong_ordering Compare(ComparatorId id, std::string_view folded_a,
                             std::string_view folded_b) {
  if (id == ComparatorId::kAsciiNumeric) return CompareAsciiNumeric(folded_a, folded_b);
  // The others order folded strings as i;octet does (RFC 4790 §9.2.1, RFC 5051
  // §2): unsigned bytes, a proper prefix first. char_traits<char> compares as
  // unsigned char.
  return folded_a.compare(folded_b) <=> 0;
}

}  // namespace sievekit::match
