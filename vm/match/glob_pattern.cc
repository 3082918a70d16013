// :matches compilation and matching (RFC 5228 §2.7.1, RFC 5229 §3.2).
#include "vm/match/glob_pattern.h"

#include <cstring>
#include <span>

#include "common/utf8.h"
#include "vm/match/substring_searcher.h"
#include "vm/match/unicode_casemap.h"

namespace sievekit::match {
namespace {

// Bytes of the character at text[at] (an invalid byte is a character).
size_t CharacterLength(std::string_view text, size_t at) {
  const size_t length = utf8::SequenceLength(text.substr(at));
  return length == 0 ? 1 : length;
}

void StartCaptures(size_t wildcards, std::string_view original,
                   std::vector<std::string_view>* captures) {
  captures->assign(1 + wildcards, std::string_view());
  (*captures)[0] = original;  // ${0}: the matched part, i.e. the whole value
}

}  // namespace

void GlobPattern::Assign(std::string_view pattern, ComparatorId comparator) {
  comparator_ = comparator == ComparatorId::kAsciiNumeric ? ComparatorId::kOctet : comparator;
  unit_ = CharacterUnitOf(comparator_);
  literals_.clear();
  atoms_.clear();
  segments_.assign(1, Segment{});
  tables_.clear();
  wildcard_count_ = 0;
  min_bytes_ = 0;
  required_atom_ = kNone;
  required_table_ = 0;
  run_.clear();

  // Folding a whole run equals folding its characters one by one (every fold
  // here is per character), so literals can be folded as runs.
  const auto flush_run = [this] {
    if (run_.empty()) return;
    Fold(comparator_, run_, &folded_run_);
    run_.clear();
    if (folded_run_.empty()) return;
    atoms_.push_back(Atom{false, literals_.size(), folded_run_.size(), 0});
    literals_ += folded_run_;
  };

  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      // "\x" is a literal x; a trailing "\" has nothing to escape and is kept.
      run_.push_back(i + 1 < pattern.size() ? pattern[++i] : '\\');
    } else if (c == '*') {
      flush_run();
      FinishSegment();
      segments_.push_back(Segment{});
      segments_.back().first_atom = atoms_.size();
      segments_.back().star_capture = ++wildcard_count_;
    } else if (c == '?') {
      flush_run();
      ++wildcard_count_;
      const bool extends = atoms_.size() > segments_.back().first_atom && atoms_.back().any;
      if (extends) {
        ++atoms_.back().length;
      } else {
        atoms_.push_back(Atom{true, 0, 1, wildcard_count_});
      }
    } else {
      run_.push_back(c);
    }
  }
  flush_run();
  FinishSegment();

  if (unit_ == CharacterUnit::kUtf8Character && required_atom_ != kNone) {
    required_table_ = tables_.size();
    AppendFailureTable(Literal(atoms_[required_atom_]), &tables_);
  }
}

BigramSketch GlobPattern::RequiredPairs() const {
  BigramSketch pairs;
  if (unit_ != CharacterUnit::kOctet) return pairs;
  for (const Atom& atom : atoms_) {
    if (!atom.any) pairs.AddPairs(Literal(atom));
  }
  return pairs;
}

void GlobPattern::FinishSegment() {
  Segment& segment = segments_.back();
  segment.atom_count = atoms_.size() - segment.first_atom;
  size_t offset = 0;
  size_t longest = 0;
  for (size_t i = segment.first_atom; i < atoms_.size(); ++i) {
    const Atom& atom = atoms_[i];
    if (!atom.any && atom.length > longest) {
      longest = atom.length;
      segment.anchor = i;
      segment.anchor_offset = offset;
    }
    offset += atom.length;  // in octet units a "?" is one byte
  }
  segment.fixed_bytes = offset;
  min_bytes_ += offset;
  if (segment.anchor == kNone) return;
  if (required_atom_ == kNone || longest > atoms_[required_atom_].length) {
    required_atom_ = segment.anchor;
  }
  if (unit_ == CharacterUnit::kOctet) {
    segment.anchor_table = tables_.size();
    AppendFailureTable(Literal(atoms_[segment.anchor]), &tables_);
  }
}

bool GlobPattern::Match(std::string_view folded_value, std::string_view original_value,
                        std::vector<std::string_view>* captures) const {
  bool matched = false;
  if (unit_ == CharacterUnit::kOctet) {
    // Byte-for-byte folds keep positions; should a caller break the contract,
    // capture from the folded value rather than read out of bounds.
    if (original_value.size() != folded_value.size()) original_value = folded_value;
    matched = MatchOctets(folded_value, original_value, captures);
  } else {
    matched = MatchCharacters(folded_value, original_value, captures);
  }
  if (!matched && captures != nullptr) captures->clear();
  return matched;
}

// --- Octet units -----------------------------------------------------------

bool GlobPattern::SegmentMatchesAt(const Segment& segment, std::string_view value,
                                   size_t at) const {
  for (size_t i = segment.first_atom; i < segment.first_atom + segment.atom_count; ++i) {
    const Atom& atom = atoms_[i];
    if (!atom.any &&
        std::memcmp(value.data() + at, literals_.data() + atom.offset, atom.length) != 0) {
      return false;
    }
    at += atom.length;
  }
  return true;
}

size_t GlobPattern::FindSegment(const Segment& segment, std::string_view value, size_t from,
                                size_t limit) const {
  if (limit < from || segment.fixed_bytes > limit - from) return kNone;
  // A segment of "?"s alone fits anywhere there is room; the leftmost is from.
  if (segment.anchor == kNone) return from;
  const std::string_view anchor = Literal(atoms_[segment.anchor]);
  const std::span<const uint32_t> table(tables_.data() + segment.anchor_table, anchor.size());
  // The anchor must end where the segment can still end by `limit`.
  const std::string_view window =
      value.substr(0, limit - segment.fixed_bytes + segment.anchor_offset + anchor.size());
  size_t search = from + segment.anchor_offset;
  while (true) {
    const size_t hit = FindWithFailureTable(window, search, anchor, table);
    if (hit == std::string_view::npos) return kNone;
    const size_t at = hit - segment.anchor_offset;
    // A literal-only segment is its anchor: the first hit is the answer.
    if (SegmentMatchesAt(segment, value, at)) return at;
    search = hit + 1;
  }
}

void GlobPattern::CaptureSegment(const Segment& segment, std::string_view original, size_t at,
                                 std::vector<std::string_view>* captures) const {
  for (size_t i = segment.first_atom; i < segment.first_atom + segment.atom_count; ++i) {
    const Atom& atom = atoms_[i];
    if (atom.any) {
      for (size_t k = 0; k < atom.length; ++k) {
        (*captures)[atom.capture + k] = original.substr(at + k, 1);
      }
    }
    at += atom.length;
  }
}

bool GlobPattern::MatchOctets(std::string_view value, std::string_view original,
                              std::vector<std::string_view>* captures) const {
  const size_t n = value.size();
  if (n < min_bytes_) return false;
  const Segment& first = segments_.front();
  if (segments_.size() == 1) {
    if (first.fixed_bytes != n || !SegmentMatchesAt(first, value, 0)) return false;
    if (captures != nullptr) {
      StartCaptures(wildcard_count_, original, captures);
      CaptureSegment(first, original, 0, captures);
    }
    return true;
  }
  // Anchored ends first: they reject most values without a search.
  const Segment& last = segments_.back();
  const size_t suffix = n - last.fixed_bytes;
  if (!SegmentMatchesAt(first, value, 0) || !SegmentMatchesAt(last, value, suffix)) return false;
  if (captures != nullptr) StartCaptures(wildcard_count_, original, captures);
  size_t pos = first.fixed_bytes;
  for (size_t i = 1; i + 1 < segments_.size(); ++i) {
    const Segment& segment = segments_[i];
    const size_t at = FindSegment(segment, value, pos, suffix);
    if (at == kNone) return false;
    if (captures != nullptr) {
      (*captures)[segment.star_capture] = original.substr(pos, at - pos);
      CaptureSegment(segment, original, at, captures);
    }
    pos = at + segment.fixed_bytes;
  }
  if (captures != nullptr) {
    (*captures)[last.star_capture] = original.substr(pos, suffix - pos);
    CaptureSegment(first, original, 0, captures);
    CaptureSegment(last, original, suffix, captures);
  }
  return true;
}

// --- UTF-8 character units -------------------------------------------------

size_t GlobPattern::MatchSegmentForward(const Segment& segment, std::string_view original,
                                        size_t at, std::vector<std::string_view>* captures) const {
  const size_t n = original.size();
  UnicodeFoldBuffer buffer;
  for (size_t i = segment.first_atom; i < segment.first_atom + segment.atom_count; ++i) {
    const Atom& atom = atoms_[i];
    if (atom.any) {
      for (size_t k = 0; k < atom.length; ++k) {
        if (at >= n) return kNone;
        const size_t length = CharacterLength(original, at);
        if (captures != nullptr) (*captures)[atom.capture + k] = original.substr(at, length);
        at += length;
      }
      continue;
    }
    // The literal must be the fold of whole characters of the value. Only
    // i;unicode-casemap uses character units today (CharacterUnitOf), but the
    // other folds are handled too, so that choice stays a one-line switch.
    const std::string_view literal = Literal(atom);
    const bool unicode = comparator_ == ComparatorId::kUnicodeCasemap;
    const bool octet = comparator_ == ComparatorId::kOctet;
    size_t done = 0;
    while (done < literal.size()) {
      if (at >= n) return kNone;
      const char c = original[at];
      if (static_cast<unsigned char>(c) < 0x80) {
        if ((octet ? c : AsciiUpper(c)) != literal[done]) return kNone;
        ++done;
        ++at;
        continue;
      }
      size_t consumed = CharacterLength(original, at);
      const std::string_view fold =
          unicode ? FoldUnicodeCharacter(original.substr(at), &consumed, &buffer)
                  : original.substr(at, consumed);  // these folds keep non-ASCII bytes
      if (fold.size() > literal.size() - done || literal.compare(done, fold.size(), fold) != 0) {
        return kNone;
      }
      done += fold.size();
      at += consumed;
    }
  }
  return at;
}

bool GlobPattern::MatchCharacters(std::string_view folded, std::string_view original,
                                  std::vector<std::string_view>* captures) const {
  // Necessary conditions checked on the folded value: the fold of a match
  // starts with the fold of a leading literal, ends with that of a trailing
  // one, and contains every literal.
  const Segment& first = segments_.front();
  const Segment& last = segments_.back();
  if (first.atom_count > 0) {
    const Atom& atom = atoms_[first.first_atom];
    if (!atom.any && !folded.starts_with(Literal(atom))) return false;
  }
  if (last.atom_count > 0) {
    const Atom& atom = atoms_[last.first_atom + last.atom_count - 1];
    if (!atom.any && !folded.ends_with(Literal(atom))) return false;
  }
  if (required_atom_ != kNone) {
    const std::string_view literal = Literal(atoms_[required_atom_]);
    const std::span<const uint32_t> table(tables_.data() + required_table_, literal.size());
    if (FindWithFailureTable(folded, 0, literal, table) == std::string_view::npos) return false;
  }

  if (captures != nullptr) StartCaptures(wildcard_count_, original, captures);
  const size_t n = original.size();
  size_t pos = MatchSegmentForward(first, original, 0, captures);
  if (pos == kNone) return false;
  if (segments_.size() == 1) return pos == n;
  // Each later segment starts at the first character position where it
  // matches (the last one must also end the value); trials that fail may
  // scribble on captures, but a successful one rewrites all of its own.
  for (size_t i = 1; i < segments_.size(); ++i) {
    const Segment& segment = segments_[i];
    const bool is_last = i + 1 == segments_.size();
    size_t at = pos;
    size_t end = kNone;
    while (true) {
      end = MatchSegmentForward(segment, original, at, captures);
      if (end != kNone && (!is_last || end == n)) break;
      if (at >= n) return false;
      at += CharacterLength(original, at);
    }
    if (captures != nullptr) (*captures)[segment.star_capture] = original.substr(pos, at - pos);
    pos = end;
  }
  return true;
}

}  // namespace sievekit::match
