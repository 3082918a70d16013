// Flag syntax and the flag set.
#include "extensions/imap4flags/flag_set.h"

#include <algorithm>
#include <array>

namespace sievekit::extensions::imap4flags {
namespace {

// ATOM-CHAR of RFC 3501 §9: any CHAR except atom-specials, which are
// "(" / ")" / "{" / SP / CTL / "%" / "*" / DQUOTE / "\" / "]".
bool IsAtomChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u <= 0x20 || u >= 0x7f) return false;
  switch (c) {
    case '(':
    case ')':
    case '{':
    case '%':
    case '*':
    case '"':
    case '\\':
    case ']':
      return false;
    default:
      return true;
  }
}

// The flags of RFC 3501 §2.3.2 that a STORE may set; \Recent is not one.
constexpr std::array<std::string_view, 5> kSystemFlags = {"\\answered", "\\flagged", "\\deleted",
                                                          "\\seen", "\\draft"};

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool SameFlag(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool IsSettableFlag(std::string_view flag) {
  if (flag.empty()) return false;
  if (flag.front() == '\\') {
    return std::any_of(kSystemFlags.begin(), kSystemFlags.end(),
                       [&](std::string_view system) { return SameFlag(flag, system); });
  }
  return std::all_of(flag.begin(), flag.end(), IsAtomChar);
}

bool FlagSet::Contains(std::string_view flag) const {
  for (size_t i = 0; i < size_; ++i) {
    if (SameFlag(flags_[i], flag)) return true;
  }
  return false;
}

void FlagSet::Add(std::string_view flag) {
  if (size_ == kMaxFlags || Contains(flag)) return;
  if (size_ == flags_.size()) flags_.emplace_back();
  flags_[size_++].assign(flag);
}

void FlagSet::Remove(std::string_view flag) {
  for (size_t i = 0; i < size_; ++i) {
    if (SameFlag(flags_[i], flag)) {
      // Keep the order; the removed string's storage moves to the spare end.
      std::rotate(flags_.begin() + static_cast<std::ptrdiff_t>(i),
                  flags_.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                  flags_.begin() + static_cast<std::ptrdiff_t>(size_));
      --size_;
      return;  // a set holds each flag once
    }
  }
}

void FlagSet::AddWords(std::string_view list, bool settable_only) {
  ForEachWord(list, [&](std::string_view word) {
    if (!settable_only || IsSettableFlag(word)) Add(word);
  });
}

void FlagSet::RemoveWords(std::string_view list, bool settable_only) {
  ForEachWord(list, [&](std::string_view word) {
    if (!settable_only || IsSettableFlag(word)) Remove(word);
  });
}

void FlagSet::Join(std::string* out) const {
  out->clear();
  for (size_t i = 0; i < size_; ++i) {
    if (i > 0) *out += ' ';
    *out += flags_[i];
  }
}

void FlagSet::CopyTo(std::vector<std::string>* out) const {
  out->resize(size_);
  for (size_t i = 0; i < size_; ++i) (*out)[i].assign(flags_[i]);
}

}  // namespace sievekit::extensions::imap4flags
