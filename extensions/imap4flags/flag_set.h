// Flag lists of the imap4flags extension (RFC 5232 §2): splitting a
// list-of-flags string at spaces, checking a flag against the IMAP syntax
// (RFC 3501 §9), and FlagSet, an ordered set of flags compared without
// regard to ASCII case.
//
// Pure data handling: nothing here reads the message or the script. A
// FlagSet keeps the storage of removed flags so that a warm evaluation that
// rebuilds a set allocates nothing; it must not be shared between threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sievekit::extensions::imap4flags {

// Calls fn(word) for each space-separated word of `list`: runs of spaces
// count as one and leading or trailing spaces are ignored (RFC 5232 §2), so
// no word is empty. Only the space character separates.
template <typename Fn>
void ForEachWord(std::string_view list, Fn fn) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && list[i] == ' ') ++i;
    const size_t start = i;
    while (i < list.size() && list[i] != ' ') ++i;
    if (i > start) fn(list.substr(start, i - start));
  }
}

// Whether `flag` is one a script may set (RFC 5232 §2): one of the system
// flags \Answered, \Flagged, \Deleted, \Seen, \Draft (any case), or a
// keyword, an IMAP atom (RFC 3501 §9: ASCII without controls, space and
// atom-specials). \Recent and other backslash names are not settable.
bool IsSettableFlag(std::string_view flag);

// ASCII case-insensitive equality (IMAP flag names, RFC 3501 §2.3.2).
bool SameFlag(std::string_view a, std::string_view b);

// An ordered set of at most kMaxFlags flags. Further flags are ignored, as
// flags a mailbox cannot store are (RFC 5232 §5); the bound keeps every
// operation on a set linear in its input however hostile the script, since
// membership is checked by scanning.
class FlagSet {
 public:
  static constexpr size_t kMaxFlags = 256;

  // Forgets every flag, keeping the storage.
  void Clear() { size_ = 0; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view operator[](size_t i) const { return flags_[i]; }

  bool Contains(std::string_view flag) const;
  // Appends `flag` unless the set has it already (in any case) or is full;
  // the first spelling stays.
  void Add(std::string_view flag);
  // Removes `flag` (in any case); no-op when absent.
  void Remove(std::string_view flag);

  // Adds or removes every word of a list-of-flags string. With
  // `settable_only`, words that are not settable flags are ignored
  // (RFC 5232 §2: "If a flag validity check fails, the flag MUST be
  // ignored").
  void AddWords(std::string_view list, bool settable_only);
  void RemoveWords(std::string_view list, bool settable_only);

  // The flags, in order, separated by single spaces (the value a flag
  // variable holds, RFC 5232 §3), written over *out.
  void Join(std::string* out) const;
  // Copies the flags into *out, reusing its strings' storage.
  void CopyTo(std::vector<std::string>* out) const;

 private:
  std::vector<std::string> flags_;  // [0, size_) are the set; the rest is spare storage
  size_t size_ = 0;
};

}  // namespace sievekit::extensions::imap4flags
