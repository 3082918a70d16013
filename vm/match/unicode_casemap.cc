// i;unicode-casemap folding through ICU (RFC 5051 §2). The only file of
// vm/match that includes ICU.
#include "vm/match/unicode_casemap.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <cstdint>
#include <vector>

#include "common/utf8.h"
#include "vm/match/comparator.h"

namespace sievekit::match {
namespace {

// Titlecase and decomposition alternate at most this many times per code
// point. No Unicode character needs more than two rounds; the bound only
// guarantees termination should some future data contain a mapping cycle.
constexpr int kMaxFoldDepth = 4;

constexpr char32_t kBmpEnd = 0x10000;

// The NFKD normaliser, or null when ICU cannot load its data; folding then
// applies titlecase only, which is still a defined result.
const icu::Normalizer2* Nfkd() {
  static const icu::Normalizer2* const nfkd = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFKDInstance(status);
    return U_SUCCESS(status) ? instance : nullptr;
  }();
  return nfkd;
}

void AppendEncoded(UChar32 code_point, std::string* out) {
  utf8::Encode(static_cast<char32_t>(code_point), out);
}

// RFC 5051 §2 steps (a) titlecase and (b) decompose, repeated on every code
// point the decomposition produces until neither changes anything.
void AppendFold(UChar32 code_point, int depth, std::string* out) {
  const UChar32 title = u_totitle(code_point);
  const icu::Normalizer2* nfkd = Nfkd();
  icu::UnicodeString decomposition;
  if (depth < kMaxFoldDepth && nfkd != nullptr && nfkd->getDecomposition(title, decomposition)) {
    for (int32_t i = 0; i < decomposition.length();) {
      const UChar32 part = decomposition.char32At(i);
      i += U16_LENGTH(part);
      AppendFold(part, depth + 1, out);
    }
  } else if (title != code_point && depth < kMaxFoldDepth) {
    AppendFold(title, depth + 1, out);
  } else {
    AppendEncoded(title, out);
  }
}

// The folds of U+0000..U+FFFF, concatenated: the fold of c is
// data[offsets[c], offsets[c + 1]). Surrogates have empty entries (they never
// decode from valid UTF-8).
struct BmpTable {
  std::vector<uint32_t> offsets;
  std::string data;

  std::string_view Get(char32_t c) const {
    return std::string_view(data).substr(offsets[c], offsets[c + 1] - offsets[c]);
  }
};

const BmpTable& Table() {
  static const BmpTable table = [] {
    BmpTable t;
    t.offsets.reserve(kBmpEnd + 1);
    t.data.reserve(200000);
    std::string fold;
    for (char32_t c = 0; c < kBmpEnd; ++c) {
      t.offsets.push_back(static_cast<uint32_t>(t.data.size()));
      fold.clear();
      if (!FoldCodePointUncached(c, &fold)) continue;
      t.data += fold;
    }
    t.offsets.push_back(static_cast<uint32_t>(t.data.size()));
    return t;
  }();
  return table;
}

}  // namespace

bool FoldCodePointUncached(char32_t code_point, std::string* out) {
  if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return false;
  const size_t start = out->size();
  AppendFold(static_cast<UChar32>(code_point), 0, out);
  if (out->size() - start > kMaxFoldedCharacterBytes) {
    // Keep the documented bound rather than overflow a UnicodeFoldBuffer.
    out->resize(start);
    AppendEncoded(static_cast<UChar32>(code_point), out);
  }
  return true;
}

std::string_view FoldUnicodeCharacter(std::string_view text, size_t* consumed,
                                      UnicodeFoldBuffer* buffer) {
  size_t length = 0;
  const std::optional<char32_t> code_point = utf8::DecodeOne(text, &length);
  if (!code_point) {
    // Not valid UTF-8 here: this byte is a character of its own, kept as is.
    *consumed = 1;
    return text.substr(0, 1);
  }
  *consumed = length;
  if (*code_point < kBmpEnd) return Table().Get(*code_point);
  // Outside the BMP few characters change, and none folds to more than 12
  // bytes (unicode_casemap_test checks), so this std::string stays within its
  // inline buffer and does not allocate.
  std::string fold;
  AppendFold(static_cast<UChar32>(*code_point), 0, &fold);
  if (fold == text.substr(0, length) || fold.size() > kMaxFoldedCharacterBytes) {
    return text.substr(0, length);
  }
  fold.copy(buffer->bytes, fold.size());
  return std::string_view(buffer->bytes, fold.size());
}

void FoldUnicodeCasemap(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  UnicodeFoldBuffer buffer;
  size_t i = 0;
  while (i < in.size()) {
    if (static_cast<unsigned char>(in[i]) < 0x80) {
      // ASCII runs dominate real headers: titlecase of ASCII is upper case and
      // nothing in ASCII decomposes.
      size_t end = i + 1;
      while (end < in.size() && static_cast<unsigned char>(in[end]) < 0x80) ++end;
      for (size_t j = i; j < end; ++j) out->push_back(AsciiUpper(in[j]));
      i = end;
      continue;
    }
    size_t consumed = 0;
    out->append(FoldUnicodeCharacter(in.substr(i), &consumed, &buffer));
    i += consumed;
  }
}

}  // namespace sievekit::match
