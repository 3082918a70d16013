// Knuth–Morris–Pratt search with a memchr skip.
#include "vm/match/substring_searcher.h"

#include <cstring>

namespace sievekit::match {

void AppendFailureTable(std::string_view needle, std::vector<uint32_t>* table) {
  const size_t base = table->size();
  table->resize(base + needle.size());
  uint32_t* border = table->data() + base;
  if (needle.empty()) return;
  border[0] = 0;
  uint32_t k = 0;
  for (size_t i = 1; i < needle.size(); ++i) {
    while (k > 0 && needle[i] != needle[k]) k = border[k - 1];
    if (needle[i] == needle[k]) ++k;
    border[i] = k;
  }
}

size_t FindWithFailureTable(std::string_view haystack, size_t from, std::string_view needle,
                            std::span<const uint32_t> table) {
  const size_t n = haystack.size();
  const size_t m = needle.size();
  if (from > n) return std::string_view::npos;
  if (m == 0) return from;
  if (m > n - from) return std::string_view::npos;
  const char* data = haystack.data();
  size_t i = from;
  size_t matched = 0;  // bytes of needle matched ending just before i
  while (i < n) {
    if (matched == 0) {
      // Nothing pending: skip straight to the next candidate first byte.
      const void* hit = std::memchr(data + i, needle[0], n - i);
      if (hit == nullptr) return std::string_view::npos;
      i = static_cast<size_t>(static_cast<const char*>(hit) - data);
      if (m > n - i) return std::string_view::npos;
    }
    if (data[i] == needle[matched]) {
      ++i;
      if (++matched == m) return i - m;
    } else if (matched > 0) {
      matched = table[matched - 1];  // i stays: the byte is tried again
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

void SubstringSearcher::Assign(std::string_view needle) {
  needle_.assign(needle);
  failure_.clear();
  AppendFailureTable(needle_, &failure_);
}

}  // namespace sievekit::match
