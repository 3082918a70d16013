// GlobPattern: a compiled :matches key (RFC 5228 §2.7.1) and its matcher,
// with the match variables of RFC 5229 §3.2.
//
// Syntax: "*" matches zero or more characters, "?" exactly one, and "\"
// makes the next byte literal ("\*", "\?", "\\"; a "\" before any other byte
// is dropped, and a "\" at the very end stands for itself). What a character
// is depends on the comparator (CharacterUnitOf): one octet for i;octet and
// i;ascii-casemap, one UTF-8 character for i;unicode-casemap.
//
// Compilation splits the pattern at each "*" into segments of literals and
// "?"s and folds the literals with the comparator. The first segment must
// match at the start of the value and the last at the end; those anchored
// checks come first and reject most values at once. Each middle segment is
// then placed at its leftmost position after the previous one. That is the
// whole search — there is no backtracking — because a leftmost placement
// never rules out a match a later placement would allow. Literal-only
// segments are found with a linear KMP search, so "*a*a*a*b" style patterns
// cost O(value + pattern); segments with "?" verify candidates in place, so
// the worst case is O(value × pattern), never exponential.
//
// Captures (RFC 5229 §3.2: "The wildcards match as little as possible"):
// every "*" and "?" is one capture, numbered from 1 in pattern order, and
// capture 0 is the whole value. The leftmost placement above makes each "*"
// as short as it can be given the wildcards before it, which is exactly that
// rule read left to right: "*@*.*" on "a@b.c.d" gives "a", "b", "c.d".
// Captures are views of the ORIGINAL value, because variables keep the case
// the mail had.
//
// Positions: i;octet and i;ascii-casemap fold byte for byte, so the matcher
// runs on the folded value and its positions are positions in the original.
// i;unicode-casemap changes lengths, so it matches the ORIGINAL value one
// character at a time, folding each character as it goes (the fold is per
// character, see unicode_casemap.h) — no position map is built; the folded
// value serves only for fast rejection (anchored literals, and the longest
// literal, must occur in it). A consequence: a literal must cover whole
// characters, so "*E*" does not :match "é" although "é" :contains "e"
// (RFC 5051 substring works on the decomposed form).
//
// Immutable after Assign: concurrent Match calls are safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vm/match/bigram_sketch.h"
#include "vm/match/comparator.h"

namespace sievekit::match {

class GlobPattern {
 public:
  GlobPattern() { Assign("", ComparatorId::kOctet); }
  GlobPattern(std::string_view pattern, ComparatorId comparator) { Assign(pattern, comparator); }

  // Compiles `pattern` for `comparator`, reusing this object's buffers (no
  // allocation when warm, so runtime keys can be compiled per message).
  // i;ascii-numeric has no substring operation and never reaches here through
  // MatchOperand; given anyway, it is treated as i;octet.
  void Assign(std::string_view pattern, ComparatorId comparator);

  // Whether the whole value matches. `folded_value` must be
  // Fold(comparator, original_value). When `captures` is not null, a match
  // fills it with 1 + wildcard_count() views of original_value (see above);
  // no match leaves it empty.
  bool Match(std::string_view folded_value, std::string_view original_value,
             std::vector<std::string_view>* captures) const;

  // The number of "*" and "?" in the pattern.
  size_t wildcard_count() const { return wildcard_count_; }
  // The fewest bytes a matching value has when characters are octets
  // (i;octet, i;ascii-casemap).
  size_t min_bytes() const { return min_bytes_; }

  // The pairs of adjacent folded bytes that every matching value holds (the
  // pairs inside each literal run), for BigramSketch prefiltering; empty
  // for i;unicode-casemap, which matches characters of the original value.
  BigramSketch RequiredPairs() const;
  ComparatorId comparator() const { return comparator_; }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  // A run of folded literal bytes, or of `length` "?" wildcards.
  struct Atom {
    bool any = false;
    size_t offset = 0;   // literal: into literals_
    size_t length = 0;   // literal: bytes; any: wildcards
    size_t capture = 0;  // any: capture number of the first "?"
  };
  // The atoms between two "*" (or an end of the pattern).
  struct Segment {
    size_t first_atom = 0;
    size_t atom_count = 0;
    size_t star_capture = 0;   // capture number of the "*" before it (not segment 0)
    size_t fixed_bytes = 0;    // octet units: the exact length it matches
    size_t anchor = kNone;     // octet units: its longest literal atom
    size_t anchor_offset = 0;  // bytes from the segment start to the anchor
    size_t anchor_table = 0;   // offset of the anchor's KMP table in tables_
  };

  std::string_view Literal(const Atom& atom) const {
    return std::string_view(literals_).substr(atom.offset, atom.length);
  }
  // Completes the open (last) segment: its atom count, length and anchor.
  void FinishSegment();

  // Octet units (values folded byte for byte).
  bool MatchOctets(std::string_view value, std::string_view original,
                   std::vector<std::string_view>* captures) const;
  bool SegmentMatchesAt(const Segment& segment, std::string_view value, size_t at) const;
  size_t FindSegment(const Segment& segment, std::string_view value, size_t from,
                     size_t limit) const;
  void CaptureSegment(const Segment& segment, std::string_view original, size_t at,
                      std::vector<std::string_view>* captures) const;

  // UTF-8 character units (i;unicode-casemap): matches the original value.
  bool MatchCharacters(std::string_view folded, std::string_view original,
                       std::vector<std::string_view>* captures) const;
  size_t MatchSegmentForward(const Segment& segment, std::string_view original, size_t at,
                             std::vector<std::string_view>* captures) const;

  ComparatorId comparator_ = ComparatorId::kOctet;
  CharacterUnit unit_ = CharacterUnit::kOctet;
  std::string literals_;
  std::vector<Atom> atoms_;
  std::vector<Segment> segments_;
  std::vector<uint32_t> tables_;  // KMP failure tables of anchors
  size_t wildcard_count_ = 0;
  size_t min_bytes_ = 0;          // octet units: shortest matching value
  size_t required_atom_ = kNone;  // longest literal, for the prefilter
  size_t required_table_ = 0;
  std::string run_;  // Assign's scratch: the raw bytes of a literal run
  std::string folded_run_;
};

}  // namespace sievekit::match
