// Comparator names, capabilities, folding and ordering (RFC 4790, RFC 5051).
#include "vm/match/comparator.h"

#include <array>
#include <cstdint>
#include <cstring>

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

namespace {

// AsciiUpper on each byte of a word: 'a'..'z' lose the case bit, every other
// byte (8-bit ones included) is unchanged. Byte order does not matter.
uint64_t UpperWord(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const uint64_t low7 = x & ~kHigh;
  // Per byte, the high bit of each sum says: low seven bits >= 'a', > 'z'.
  const uint64_t at_least_a = low7 + (0x80 - 'a') * kOnes;
  const uint64_t above_z = low7 + (0x80 - 'z' - 1) * kOnes;
  const uint64_t lower = at_least_a & ~above_z & ~x & kHigh;
  return x & ~(lower >> 2);  // 0x80 >> 2 == 0x20, the case bit
}

}  // namespace

void Fold(ComparatorId id, std::string_view in, std::string* out) {
  switch (id) {
    case ComparatorId::kOctet:
      out->assign(in);
      return;
    case ComparatorId::kAsciiCasemap: {
      out->resize(in.size());
      // Eight bytes at a time: every value a rule set tests is folded once
      // per message.
      const size_t n = in.size();
      size_t i = 0;
      for (; i + 8 <= n; i += 8) {
        uint64_t word;
        std::memcpy(&word, in.data() + i, 8);
        word = UpperWord(word);
        std::memcpy(out->data() + i, &word, 8);
      }
      for (; i < n; ++i) (*out)[i] = AsciiUpper(in[i]);
      return;
    }
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
