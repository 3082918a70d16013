// Content-Type and Content-Disposition values (RFC 2045 §5, RFC 2183) with
// their parameters, including RFC 2231 continuations, charsets and languages
// ("filename*0*=utf-8''%E2%82%AC; filename*1=.pdf") and the RFC 2047 encoded
// words that many mailers put in quoted parameter values.
//
// Tolerant like the rest of mail/: comments anywhere, missing ";" between
// parameters, unquoted values holding tspecials, a trailing ";", unterminated
// quotes. Type, subtype and parameter names come back lowercase; values are
// UTF-8. Strings point into the value or into the caller's arena. This file
// knows nothing of MIME trees.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mail/arena.h"
#include "mail/charset.h"
#include "mail/encoded_words.h"

namespace sievekit::mail {

struct MimeParameter {
  std::string_view name;   // lowercase, without RFC 2231 "*N*" decoration
  std::string_view value;  // unquoted, continuations joined, decoded to UTF-8
};

struct ContentHeader {
  // Lowercase. For Content-Disposition only type is set ("attachment").
  std::string_view type;
  std::string_view subtype;
  // False when the type (or, for Content-Type, "/subtype") is missing or not
  // a token; the caller applies the RFC 2045 default then.
  bool valid = false;
};

// Parses header values; reusable (keeps its buffers), not thread-safe.
class ContentHeaderParser {
 public:
  // Parses an unfolded value. with_subtype: Content-Type ("type/subtype");
  // otherwise Content-Disposition ("type"). Parameters are appended to params
  // in order of first appearance; a repeated name keeps its first value.
  ContentHeader Parse(std::string_view value, bool with_subtype, TextArena* arena,
                      WordDecoder* words, CharsetConverter* charsets,
                      std::vector<MimeParameter>* params);

  // Parameters kept per header; the rest are ignored. Bounds the work of
  // joining continuations on a hostile header.
  static constexpr size_t kMaxParameters = 64;
  // Highest RFC 2231 continuation number accepted.
  static constexpr int kMaxSection = 99;

 private:
  struct RawParameter {
    std::string_view name;   // lowercase base name
    std::string_view value;  // as written, quotes removed, escapes intact
    int section = -1;        // N of "name*N", -1 when absent
    bool extended = false;   // ends in "*": charset'language'%XX form
    bool quoted = false;
    bool used = false;
  };

  // Joins every raw parameter named like raw_[first] into one, appended to
  // params unless params[first_param..] already has that name.
  void JoinParameter(size_t first, size_t first_param, TextArena* arena, WordDecoder* words,
                     CharsetConverter* charsets, std::vector<MimeParameter>* params);

  std::vector<RawParameter> raw_;
  std::string bytes_;
  std::string text_;
};

// The value of the first parameter named name (lowercase), or empty.
std::string_view FindParameter(std::span<const MimeParameter> params, std::string_view name);

// name lowercased: the view itself when it has no uppercase letter, else an
// arena copy.
std::string_view LowercaseInArena(std::string_view name, TextArena* arena, std::string* scratch);

}  // namespace sievekit::mail
