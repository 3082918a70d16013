// Content-Type / Content-Disposition parsing and RFC 2231 parameter joining.
// Never fails on bad syntax (it keeps what it can read) and knows nothing of
// MIME trees or of which parameters matter.
#include "mail/content_type.h"

#include "mail/ascii.h"

namespace sievekit::mail {
namespace {

// RFC 2045 token bytes: US-ASCII without SP, controls and tspecials.
constexpr bool IsTokenChar(char c) {
  if (c <= 0x20 || c >= 0x7F) return false;
  switch (c) {
    case '(':
    case ')':
    case '<':
    case '>':
    case '@':
    case ',':
    case ';':
    case ':':
    case '\\':
    case '"':
    case '/':
    case '[':
    case ']':
    case '?':
    case '=':
      return false;
    default:
      return true;
  }
}

// Skips whitespace and (nested) comments.
void SkipCfws(std::string_view value, size_t* i) {
  while (*i < value.size()) {
    const char c = value[*i];
    if (ascii::IsSpace(c)) {
      ++*i;
    } else if (c == '(') {
      int depth = 0;
      for (; *i < value.size(); ++*i) {
        if (value[*i] == '\\') {
          // A quoted pair; a backslash that ends the value quotes nothing
          // (stepping past it would leave *i beyond the end).
          if (*i + 1 < value.size()) ++*i;
        } else if (value[*i] == '(') {
          ++depth;
        } else if (value[*i] == ')' && --depth == 0) {
          break;
        }
      }
      if (*i < value.size()) ++*i;
    } else {
      return;
    }
  }
}

std::string_view ReadToken(std::string_view value, size_t* i) {
  const size_t begin = *i;
  while (*i < value.size() && IsTokenChar(value[*i])) ++*i;
  return value.substr(begin, *i - begin);
}

void AppendUnescaped(std::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    out->push_back(text[i]);
  }
}

// Appends %XX-decoded text; a "%" without two hex digits stays as is.
void AppendPercentDecoded(std::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = ascii::HexValue(text[i + 1]);
      const int low = ascii::HexValue(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out->push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    out->push_back(text[i]);
  }
}

}  // namespace

std::string_view LowercaseInArena(std::string_view name, TextArena* arena, std::string* scratch) {
  if (!ascii::HasUpper(name)) return name;
  scratch->clear();
  for (char c : name) scratch->push_back(ascii::ToLower(c));
  return arena->Store(*scratch);
}

std::string_view FindParameter(std::span<const MimeParameter> params, std::string_view name) {
  for (const MimeParameter& param : params) {
    if (param.name == name) return param.value;
  }
  return {};
}

ContentHeader ContentHeaderParser::Parse(std::string_view value, bool with_subtype,
                                         TextArena* arena, WordDecoder* words,
                                         CharsetConverter* charsets,
                                         std::vector<MimeParameter>* params) {
  ContentHeader header;
  size_t i = 0;
  SkipCfws(value, &i);
  const std::string_view type = ReadToken(value, &i);
  std::string_view subtype;
  SkipCfws(value, &i);
  if (with_subtype && i < value.size() && value[i] == '/') {
    ++i;
    SkipCfws(value, &i);
    subtype = ReadToken(value, &i);
  }
  header.valid = !type.empty() && (!with_subtype || !subtype.empty());
  if (header.valid) {
    header.type = LowercaseInArena(type, arena, &text_);
    header.subtype = LowercaseInArena(subtype, arena, &text_);
  }

  raw_.clear();
  while (i < value.size()) {
    SkipCfws(value, &i);
    if (i >= value.size()) break;
    if (value[i] == ';') {
      ++i;
      continue;
    }
    std::string_view name = ReadToken(value, &i);
    // RFC 2231 also allows "*" in names; ReadToken accepted it.
    if (name.empty()) {
      ++i;  // a byte that starts nothing: skipped
      continue;
    }
    SkipCfws(value, &i);
    if (i >= value.size() || value[i] != '=') continue;  // a name without value
    ++i;
    SkipCfws(value, &i);
    RawParameter raw;
    if (i < value.size() && value[i] == '"') {
      const size_t begin = ++i;
      while (i < value.size() && value[i] != '"') i += value[i] == '\\' ? size_t{2} : size_t{1};
      if (i > value.size()) i = value.size();
      raw.value = value.substr(begin, i - begin);
      raw.quoted = true;
      if (i < value.size()) ++i;
    } else {
      // Lenient: unquoted values often hold tspecials ("boundary=----=_x").
      const size_t begin = i;
      while (i < value.size() && value[i] != ';' && !ascii::IsSpace(value[i]) && value[i] != '"') {
        ++i;
      }
      raw.value = value.substr(begin, i - begin);
    }
    if (name.ends_with('*')) {
      raw.extended = true;
      name.remove_suffix(1);
    }
    const size_t star = name.rfind('*');
    if (star != std::string_view::npos && star + 1 < name.size()) {
      int section = 0;
      bool digits = true;
      for (char c : name.substr(star + 1)) {
        if (!ascii::IsDigit(c) || section > kMaxSection) {
          digits = false;
          break;
        }
        section = section * 10 + (c - '0');
      }
      if (digits && section <= kMaxSection) {
        raw.section = section;
        name = name.substr(0, star);
      }
    }
    if (name.empty()) continue;
    raw.name = name;
    if (raw_.size() < kMaxParameters) raw_.push_back(raw);
  }
  const size_t first_param = params->size();
  for (size_t k = 0; k < raw_.size(); ++k) {
    if (!raw_[k].used) JoinParameter(k, first_param, arena, words, charsets, params);
  }
  return header;
}

void ContentHeaderParser::JoinParameter(size_t first, size_t first_param, TextArena* arena,
                                        WordDecoder* words, CharsetConverter* charsets,
                                        std::vector<MimeParameter>* params) {
  const std::string_view base = raw_[first].name;
  const RawParameter* plain = nullptr;
  const RawParameter* single_extended = nullptr;
  bool has_sections = false;
  for (RawParameter& raw : raw_) {
    if (raw.used || !ascii::EqualsIgnoreCase(raw.name, base)) continue;
    raw.used = true;
    if (raw.section >= 0) {
      has_sections = true;
    } else if (raw.extended) {
      if (single_extended == nullptr) single_extended = &raw;
    } else if (plain == nullptr) {
      plain = &raw;
    }
  }
  const std::string_view name = LowercaseInArena(base, arena, &text_);
  for (size_t k = first_param; k < params->size(); ++k) {
    if ((*params)[k].name == name) return;  // a repeated name keeps its first value
  }

  // RFC 2231 forms win over the plain one, which older readers see.
  bytes_.clear();
  std::string_view charset;
  bool joined = false;
  const auto append_segment = [&](const RawParameter& raw, bool is_first) {
    std::string_view data = raw.value;
    if (raw.extended && is_first) {
      const size_t quote = data.find('\'');
      const size_t quote2 = quote == std::string_view::npos ? quote : data.find('\'', quote + 1);
      if (quote2 != std::string_view::npos) {
        charset = data.substr(0, quote);
        data = data.substr(quote2 + 1);
      }
    }
    if (raw.extended) {
      AppendPercentDecoded(data, &bytes_);
    } else {
      AppendUnescaped(data, &bytes_);
    }
  };
  if (single_extended != nullptr) {
    append_segment(*single_extended, true);
    joined = true;
  } else if (has_sections) {
    for (int section = 0; section <= kMaxSection; ++section) {
      const RawParameter* found = nullptr;
      for (const RawParameter& raw : raw_) {
        if (raw.section == section && ascii::EqualsIgnoreCase(raw.name, base)) {
          found = &raw;
          break;
        }
      }
      if (found == nullptr) break;  // a gap ends the value
      append_segment(*found, section == 0);
      joined = true;
    }
  }
  text_.clear();
  if (joined) {
    const bool converted =
        !charset.empty() && charsets->ToUtf8(charset, bytes_, &text_).known_charset;
    if (!converted) AppendUtf8WithFallback(bytes_, &text_);
    params->push_back({name, arena->Store(text_)});
    return;
  }
  if (plain == nullptr) return;
  std::string_view value = plain->value;
  if (plain->quoted && value.find('\\') != std::string_view::npos) {
    AppendUnescaped(value, &bytes_);
    value = bytes_;
  }
  if (WordDecoder::NeedsDecoding(value)) {
    words->Decode(value, charsets, &text_);
    value = arena->Store(text_);
  } else if (value.data() == bytes_.data()) {
    value = arena->Store(value);
  }
  params->push_back({name, value});
}

}  // namespace sievekit::mail
