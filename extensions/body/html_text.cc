// HTML to text in one forward pass; every search moves the position
// forward, so the work is linear in the input.
#include "extensions/body/html_text.h"

#include <array>
#include <optional>

#include "common/utf8.h"

namespace sievekit::extensions::body {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// Tags after which the text of the next element starts on a new line.
constexpr std::array<std::string_view, 29> kBlockTags = {
    "address", "article", "aside",  "blockquote", "br",     "dd",      "div",    "dl",
    "dt",      "footer",  "form",   "h1",         "h2",     "h3",      "h4",     "h5",
    "h6",      "header",  "hr",     "li",         "nav",    "ol",      "p",      "pre",
    "section", "table",   "title",  "tr",         "ul"};

bool IsBlockTag(std::string_view name) {
  for (std::string_view tag : kBlockTags) {
    if (EqualsIgnoreCase(name, tag)) return true;
  }
  return false;
}

struct NamedEntity {
  std::string_view name;
  std::string_view text;
};

// The references mail writers use most; the HTML list has two thousand.
constexpr NamedEntity kEntities[] = {
    {"amp", "&"},         {"lt", "<"},          {"gt", ">"},          {"quot", "\""},
    {"apos", "'"},        {"nbsp", " "},        {"shy", ""},          {"copy", "\u00A9"},
    {"reg", "\u00AE"},    {"trade", "\u2122"},  {"euro", "\u20AC"},   {"hellip", "\u2026"},
    {"mdash", "\u2014"},  {"ndash", "\u2013"},  {"lsquo", "\u2018"},  {"rsquo", "\u2019"},
    {"ldquo", "\u201C"},  {"rdquo", "\u201D"},  {"laquo", "\u00AB"},  {"raquo", "\u00BB"},
    {"bull", "\u2022"},   {"middot", "\u00B7"}, {"deg", "\u00B0"},    {"times", "\u00D7"},
};

// Where the tag that starts at html[begin] ('<') ends: the index of its
// '>', quoted attribute values skipped; npos when it never ends.
size_t TagEnd(std::string_view html, size_t begin) {
  char quote = 0;
  for (size_t i = begin + 1; i < html.size(); ++i) {
    const char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  return std::string_view::npos;
}

// The index just past the "</name ...>" that closes a raw-text element
// (script, style) whose content starts at `from`; the end when none does.
size_t SkipRawText(std::string_view html, size_t from, std::string_view name) {
  for (size_t i = html.find("</", from); i != std::string_view::npos;
       i = html.find("</", i + 2)) {
    const std::string_view rest = html.substr(i + 2);
    if (rest.size() >= name.size() && EqualsIgnoreCase(rest.substr(0, name.size()), name) &&
        (rest.size() == name.size() || !IsAlnum(rest[name.size()]))) {
      const size_t end = html.find('>', i);
      return end == std::string_view::npos ? html.size() : end + 1;
    }
  }
  return html.size();
}

// Decodes the character reference at html[begin] ('&'): appends its text
// and returns the index after it, or nullopt when it is not one.
std::optional<size_t> Reference(std::string_view html, size_t begin, std::string* out) {
  size_t i = begin + 1;
  if (i < html.size() && html[i] == '#') {
    ++i;
    const bool hex = i < html.size() && (html[i] == 'x' || html[i] == 'X');
    if (hex) ++i;
    const size_t digits = i;
    uint32_t value = 0;
    for (; i < html.size(); ++i) {
      const char c = Lower(html[i]);
      uint32_t d = 0;
      if (IsDigit(c)) {
        d = static_cast<uint32_t>(c - '0');
      } else if (hex && c >= 'a' && c <= 'f') {
        d = static_cast<uint32_t>(c - 'a' + 10);
      } else {
        break;
      }
      if (value <= 0x10FFFF) value = value * (hex ? 16 : 10) + d;
    }
    if (i == digits) return std::nullopt;
    if (i < html.size() && html[i] == ';') ++i;
    if (value == 0 || !utf8::Encode(static_cast<char32_t>(value), out)) {
      out->append("\xEF\xBF\xBD");  // U+FFFD, as HTML does
    }
    return i;
  }
  while (i < html.size() && IsAlnum(html[i]) && i - begin <= 8) ++i;
  if (i >= html.size() || html[i] != ';') return std::nullopt;
  const std::string_view name = html.substr(begin + 1, i - begin - 1);
  for (const NamedEntity& entity : kEntities) {
    if (entity.name == name) {
      out->append(entity.text);
      return i + 1;
    }
  }
  return std::nullopt;
}

}  // namespace

void HtmlToText(std::string_view html, std::string* out) {
  out->clear();
  size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '&') {
      if (const std::optional<size_t> next = Reference(html, i, out)) {
        i = *next;
      } else {
        out->push_back('&');
        ++i;
      }
      continue;
    }
    if (c != '<') {
      out->push_back(c);
      ++i;
      continue;
    }
    if (html.substr(i).starts_with("<!--")) {
      const size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const char next = i + 1 < html.size() ? html[i + 1] : '\0';
    if (!IsAlpha(next) && next != '/' && next != '!' && next != '?') {
      out->push_back('<');  // "a < b": not a tag
      ++i;
      continue;
    }
    const size_t end = TagEnd(html, i);
    if (end == std::string_view::npos) break;  // an unterminated tag ends the text
    const bool closing = next == '/';
    size_t name_end = i + (closing ? 2 : 1);
    const size_t name_begin = name_end;
    while (name_end < end && IsAlnum(html[name_end])) ++name_end;
    const std::string_view name = html.substr(name_begin, name_end - name_begin);
    i = end + 1;
    const bool self_closing = html[end - 1] == '/';
    if (!closing && !self_closing &&
        (EqualsIgnoreCase(name, "script") || EqualsIgnoreCase(name, "style"))) {
      i = SkipRawText(html, i, name);
    } else if (IsBlockTag(name)) {
      out->push_back('\n');
    } else if (EqualsIgnoreCase(name, "td") || EqualsIgnoreCase(name, "th")) {
      out->push_back(' ');
    }
  }
}

}  // namespace sievekit::extensions::body
