// CompiledRegex: one :regex key (draft-murchison-sieve-regex-07 §3),
// translated from POSIX ERE (ere_translator.h) and compiled with RE2, the
// linear-time engine: matching costs O(pattern × value) whatever the
// pattern, so "(a*)*b" against a long run of a's is as cheap as "ab"
// (§4 warns about exactly that pattern in backtracking libraries).
//
// The work is bounded (DESIGN.md §10): a key longer than kMaxRegexSize is
// refused before it is read, and each compiled key may use at most
// kRegexMemory bytes (RE2's max_mem: the program and its DFA caches; a key
// whose program does not fit is refused, a search whose DFA cache fills up
// falls back to RE2's NFA, still linear).
//
// RE2 runs in POSIX mode with leftmost-longest matching (what POSIX regexec
// does), UTF-8 encoding, "." not matching newline and "^"/"$" matching at
// line breaks too (the draft's table in §3). Values are searched as UTF-8:
// an invalid byte is read as U+FFFD (ValidUtf8), so that "." still matches
// it. A CompiledRegex is immutable and may be shared by threads (RE2 is
// thread-safe). RE2 stays private to compiled_regex.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace sievekit::extensions::regex {

// max_regex_size: bytes of one :regex key, after variable expansion.
inline constexpr size_t kMaxRegexSize = 8 * 1024;
// max_regex_memory: RE2's memory budget for one compiled key.
inline constexpr int64_t kRegexMemory = 2 << 20;

class CompiledRegex {
 public:
  // Compiles `ere` (POSIX ERE); with `ascii_casefold`, ASCII letters match
  // either case (i;ascii-casemap). The error says why the key is refused:
  // its size, its syntax (TranslateEre) or RE2's limits.
  static Result<std::unique_ptr<const CompiledRegex>> Compile(std::string_view ere,
                                                              bool ascii_casefold);
  ~CompiledRegex();
  CompiledRegex(const CompiledRegex&) = delete;
  CompiledRegex& operator=(const CompiledRegex&) = delete;

  // Whether the regex matches somewhere in `text`, which must be valid
  // UTF-8. With `captures`, a match also fills it: [0] the leftmost-longest
  // match, [i] what group i matched ("" when it took no part), for the
  // groups up to `max_groups`.
  bool Search(std::string_view text, std::vector<std::string_view>* captures,
              uint32_t max_groups) const;

  // Capturing groups of the key.
  uint32_t groups() const { return groups_; }

 private:
  CompiledRegex(std::unique_ptr<re2::RE2> re, uint32_t groups);

  std::unique_ptr<re2::RE2> re_;
  uint32_t groups_;
};

// `text` itself when it is valid UTF-8; otherwise a copy in *scratch with
// every byte that is not part of a valid sequence replaced by U+FFFD.
std::string_view ValidUtf8(std::string_view text, std::string* scratch);

}  // namespace sievekit::extensions::regex
