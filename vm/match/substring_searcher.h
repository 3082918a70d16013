// Single-needle substring search for :contains and for the literal anchors of
// :matches, in linear time.
//
// Knuth–Morris–Pratt over bytes: a prepared failure table means a mismatch
// never moves back in the haystack, so a search costs O(haystack + needle)
// whatever the input (a hostile header cannot make it quadratic). While no
// partial match is pending the search jumps to the next occurrence of the
// needle's first byte with memchr, which is where it spends nearly all its
// time on real mail. Works on folded bytes; knows nothing of comparators.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sievekit::match {

// Appends the failure table of `needle` to *table (needle.size() entries):
// entry i is the length of the longest proper border of needle[0..i].
void AppendFailureTable(std::string_view needle, std::vector<uint32_t>* table);

// The first position >= from at which `needle` occurs in `haystack`, or npos.
// `table` is needle's failure table. An empty needle occurs at `from` (when
// from <= haystack.size()).
size_t FindWithFailureTable(std::string_view haystack, size_t from, std::string_view needle,
                            std::span<const uint32_t> table);

class SubstringSearcher {
 public:
  static constexpr size_t npos = std::string_view::npos;

  SubstringSearcher() = default;
  explicit SubstringSearcher(std::string_view needle) { Assign(needle); }

  // Prepares a new needle, reusing the buffers (no allocation when warm).
  void Assign(std::string_view needle);

  // The first occurrence at or after `from`, or npos.
  size_t Find(std::string_view haystack, size_t from = 0) const {
    return FindWithFailureTable(haystack, from, needle_, failure_);
  }
  bool FoundIn(std::string_view haystack) const { return Find(haystack) != npos; }

  std::string_view needle() const { return needle_; }

 private:
  std::string needle_;
  std::vector<uint32_t> failure_;
};

}  // namespace sievekit::match
