// Charset conversion to UTF-8: declared charsets through ICU converters, and
// the best-effort reading of unlabelled 8-bit text.
//
// CharsetConverter keeps the ICU converters it opened (a message tends to use
// one or two charsets, and opening a converter is expensive), so a warm
// converter does not allocate. It is not thread-safe: each Message owns one.
// ICU stays private to charset.cc. Nothing here parses mail syntax.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

struct UConverter;  // ICU's converter, opaque here

namespace sievekit::mail {

struct ConversionResult {
  // False when no converter exists for the charset; nothing was appended.
  bool known_charset = false;
  // Byte sequences that were invalid or unmappable in the charset; each was
  // replaced by U+FFFD.
  size_t invalid_sequences = 0;
};

class CharsetConverter {
 public:
  CharsetConverter() = default;
  ~CharsetConverter();
  CharsetConverter(const CharsetConverter&) = delete;
  CharsetConverter& operator=(const CharsetConverter&) = delete;
  CharsetConverter(CharsetConverter&& other) noexcept;
  CharsetConverter& operator=(CharsetConverter&& other) noexcept;

  // Appends bytes, read in charset (any name or alias ICU knows, case-
  // insensitive, an RFC 2231 "*language" suffix ignored), as UTF-8 to out.
  // ISO-8859-1 is read as windows-1252, as browsers and mail readers do: the
  // two differ only in 0x80..0x9F, where ISO-8859-1 has C1 controls no real
  // text holds and mislabelled windows-1252 text is common.
  ConversionResult ToUtf8(std::string_view charset, std::string_view bytes, std::string* out);

  // True when ToUtf8 would find a converter for charset.
  bool IsKnown(std::string_view charset);

  // Converters kept open; the oldest is closed when more are needed.
  static constexpr size_t kMaxCachedConverters = 12;

 private:
  struct Entry {
    std::string name;                 // normalised: lowercase, no language
    UConverter* converter = nullptr;  // nullptr: ICU does not know the name
  };

  // The cached (or newly opened) converter, nullptr when unknown.
  UConverter* Find(std::string_view normalized_name);
  void CloseAll();

  std::vector<Entry> cache_;
  size_t next_victim_ = 0;
  std::u16string utf16_;  // conversion buffer, reused
  std::string name_;      // normalisation buffer, reused
};

// Appends bytes that carry no (usable) charset label as UTF-8: valid UTF-8
// sequences are copied, and every other byte is read as windows-1252 (a
// superset of ISO-8859-1's printable characters), so raw Latin-1 text becomes
// readable and the result is always valid UTF-8.
void AppendUtf8WithFallback(std::string_view bytes, std::string* out);

// Appends UTF-16 as UTF-8; a lone surrogate becomes U+FFFD.
void AppendUtf16AsUtf8(std::u16string_view text, std::string* out);

// True for names that mean US-ASCII (the RFC 2045 default), which in practice
// labels unlabelled 8-bit text.
bool IsAsciiCharsetName(std::string_view charset);

}  // namespace sievekit::mail
