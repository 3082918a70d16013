// Charset conversion with ICU converters, plus fast paths for UTF-8, US-ASCII
// and ISO-8859-1 (most mail) that do not touch ICU at all.
#include "mail/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <utility>

#include "common/utf8.h"
#include "mail/ascii.h"

namespace sievekit::mail {
namespace {

// windows-1252 0x80..0x9F. The five bytes the code page leaves undefined map
// to the C1 control of the same value, as the WHATWG encoding standard does.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

enum class FastCharset { kNone, kUtf8, kAscii, kLatin1 };

FastCharset ClassifyFast(std::string_view name) {
  if (name == "utf-8" || name == "utf8") return FastCharset::kUtf8;
  if (IsAsciiCharsetName(name)) return FastCharset::kAscii;
  if (name == "iso-8859-1" || name == "iso8859-1" || name == "iso_8859-1" || name == "latin1" ||
      name == "l1") {
    return FastCharset::kLatin1;
  }
  return FastCharset::kNone;
}

// Lowercases name and drops an RFC 2231 "*language" suffix. Returns false for
// names that cannot be charsets (empty, too long, control or 8-bit bytes):
// ucnv_open("") would open the platform default, which must not happen.
bool NormalizeName(std::string_view charset, std::string* out) {
  const size_t star = charset.find('*');
  if (star != std::string_view::npos) charset = charset.substr(0, star);
  charset = ascii::Trim(charset);
  if (charset.empty() || charset.size() > 64) return false;
  out->clear();
  for (char c : charset) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F) return false;
    out->push_back(ascii::ToLower(c));
  }
  return true;
}

void AppendCodePoint(char32_t code_point, std::string* out) {
  if (!utf8::Encode(code_point, out)) utf8::Encode(0xFFFD, out);
}

// Replaces each invalid or unmappable sequence by U+FFFD and counts it.
void ReplaceAndCount(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                     UConverterCallbackReason reason, UErrorCode* status) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to do
  ++*static_cast<size_t*>(const_cast<void*>(context));
  *status = U_ZERO_ERROR;
  static const UChar kReplacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, status);
}

}  // namespace

bool IsAsciiCharsetName(std::string_view charset) {
  return ascii::EqualsIgnoreCase(charset, "us-ascii") ||
         ascii::EqualsIgnoreCase(charset, "ascii") ||
         ascii::EqualsIgnoreCase(charset, "ansi_x3.4-1968") ||
         ascii::EqualsIgnoreCase(charset, "us");
}

void AppendUtf8WithFallback(std::string_view bytes, std::string* out) {
  size_t i = 0;
  while (i < bytes.size()) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    if (byte < 0x80) {
      out->push_back(bytes[i]);
      ++i;
      continue;
    }
    const size_t length = utf8::SequenceLength(bytes.substr(i));
    if (length != 0) {
      out->append(bytes.substr(i, length));
      i += length;
      continue;
    }
    AppendCodePoint(byte < 0xA0 ? kWindows1252High[byte - 0x80] : char32_t{byte}, out);
    ++i;
  }
}

void AppendUtf16AsUtf8(std::u16string_view text, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t unit = text[i];
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 &&
        text[i + 1] <= 0xDFFF) {
      unit = 0x10000 + ((unit - 0xD800) << 10) + (char32_t{text[i + 1]} - 0xDC00);
      ++i;
    }
    AppendCodePoint(unit, out);  // a lone surrogate fails to encode: U+FFFD
  }
}

CharsetConverter::~CharsetConverter() { CloseAll(); }

CharsetConverter::CharsetConverter(CharsetConverter&& other) noexcept
    : cache_(std::move(other.cache_)), next_victim_(other.next_victim_) {
  other.cache_.clear();
}

CharsetConverter& CharsetConverter::operator=(CharsetConverter&& other) noexcept {
  if (this != &other) {
    CloseAll();
    cache_ = std::move(other.cache_);
    next_victim_ = other.next_victim_;
    other.cache_.clear();
  }
  return *this;
}

void CharsetConverter::CloseAll() {
  for (Entry& entry : cache_) {
    if (entry.converter != nullptr) ucnv_close(entry.converter);
  }
  cache_.clear();
}

UConverter* CharsetConverter::Find(std::string_view normalized_name) {
  for (const Entry& entry : cache_) {
    if (entry.name == normalized_name) return entry.converter;
  }
  UErrorCode status = U_ZERO_ERROR;
  const std::string name(normalized_name);
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status)) {
    if (converter != nullptr) ucnv_close(converter);
    converter = nullptr;
  }
  // Unknown names are cached too, so a message full of one bogus charset
  // does not search ICU's alias table for every word.
  if (cache_.size() < kMaxCachedConverters) {
    cache_.push_back({name, converter});
  } else {
    Entry& victim = cache_[next_victim_];
    if (victim.converter != nullptr) ucnv_close(victim.converter);
    victim = {name, converter};
    next_victim_ = (next_victim_ + 1) % kMaxCachedConverters;
  }
  return converter;
}

bool CharsetConverter::IsKnown(std::string_view charset) {
  if (!NormalizeName(charset, &name_)) return false;
  if (ClassifyFast(name_) != FastCharset::kNone) return true;
  return Find(name_) != nullptr;
}

ConversionResult CharsetConverter::ToUtf8(std::string_view charset, std::string_view bytes,
                                          std::string* out) {
  ConversionResult result;
  if (!NormalizeName(charset, &name_)) return result;
  switch (ClassifyFast(name_)) {
    case FastCharset::kUtf8: {
      result.known_charset = true;
      size_t i = 0;
      while (i < bytes.size()) {
        const size_t length = utf8::SequenceLength(bytes.substr(i));
        if (length == 0) {
          AppendCodePoint(0xFFFD, out);
          ++result.invalid_sequences;
          ++i;
        } else {
          out->append(bytes.substr(i, length));
          i += length;
        }
      }
      return result;
    }
    case FastCharset::kAscii:
      result.known_charset = true;
      for (char c : bytes) {
        if (static_cast<unsigned char>(c) < 0x80) {
          out->push_back(c);
        } else {
          AppendCodePoint(0xFFFD, out);
          ++result.invalid_sequences;
        }
      }
      return result;
    case FastCharset::kLatin1:
      // Read as windows-1252, as WHATWG and mail readers do: the two differ
      // only in 0x80..0x9F, C1 controls in ISO-8859-1 that no real text holds,
      // while windows-1252 text labelled ISO-8859-1 is common.
      result.known_charset = true;
      for (char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        AppendCodePoint(byte >= 0x80 && byte < 0xA0 ? kWindows1252High[byte - 0x80] : byte, out);
      }
      return result;
    case FastCharset::kNone:
      break;
  }
  UConverter* converter = Find(name_);
  if (converter == nullptr) return result;
  result.known_charset = true;
  if (bytes.empty()) return result;

  UErrorCode status = U_ZERO_ERROR;
  ucnv_resetToUnicode(converter);  // stateful charsets (ISO-2022-JP) start fresh
  ucnv_setToUCallBack(converter, ReplaceAndCount, &result.invalid_sequences, nullptr, nullptr,
                      &status);
  if (U_FAILURE(status)) {
    result.known_charset = false;
    return result;
  }
  // No charset yields more UTF-16 units than bytes plus a little (a final
  // flush of a pending sequence), so one pass normally suffices; the loop
  // handles the rest.
  utf16_.resize(bytes.size() + 16);
  const char* source = bytes.data();
  const char* const source_end = source + bytes.size();
  size_t written = 0;
  for (;;) {
    UChar* target = utf16_.data() + written;
    UChar* const target_begin = target;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter, &target, utf16_.data() + utf16_.size(), &source, source_end, nullptr,
                   /*flush=*/1, &status);
    written += static_cast<size_t>(target - target_begin);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    utf16_.resize(utf16_.size() * 2);
  }
  if (U_FAILURE(status)) ++result.invalid_sequences;
  AppendUtf16AsUtf8(std::u16string_view(utf16_.data(), written), out);
  return result;
}

}  // namespace sievekit::mail
