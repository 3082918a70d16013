// Span: a half-open byte range [begin, end) into one source text.
//
// Every token and syntax node carries one; line and column are computed only
// when a diagnostic is rendered (see source_file.h). A Span knows nothing of
// the text it points into and must not own or copy it.
#pragma once

#include <cstdint>

namespace sievekit {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  constexpr uint32_t size() const { return end - begin; }
  constexpr bool empty() const { return begin == end; }
  // The smallest span covering both.
  constexpr Span Cover(Span other) const {
    return {begin < other.begin ? begin : other.begin, end > other.end ? end : other.end};
  }
  friend constexpr bool operator==(Span, Span) = default;
};

}  // namespace sievekit
