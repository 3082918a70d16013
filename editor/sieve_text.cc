// Sieve text helpers for the rule forms.
#include "editor/sieve_text.h"

#include <memory>

#include "common/source_file.h"
#include "common/utf8.h"
#include "ir/registry.h"
#include "parser/parser.h"
#include "parser/string_literal.h"

namespace sievekit::editor {

std::string SieveString(std::string_view value) { return syntax::EncodeQuotedString(value); }

std::string SieveStringList(const std::vector<std::string>& values) {
  if (values.size() == 1) return SieveString(values[0]);
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ", ";
    out += SieveString(values[i]);
  }
  return out + "]";
}

std::string SieveText(std::string_view text, std::string_view newline) {
  if (!text.empty() && text.back() == '\n') {
    std::string value;
    for (char c : text) {
      if (c == '\n') value += '\r';
      value += c;
    }
    return syntax::EncodeMultiLineString(value, newline);
  }
  // A line break inside a quoted string is the file's line break; the
  // reader turns it into the CRLF of the value.
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += newline;
    } else {
      out += c;
    }
  }
  return syntax::EncodeQuotedString(out);
}

std::optional<std::string> ModelText(std::string_view value) {
  if (!utf8::IsValid(value)) return std::nullopt;
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\r') {
      if (i + 1 >= value.size() || value[i + 1] != '\n') return std::nullopt;
      continue;
    }
    if (value[i] == '\n' && (i == 0 || value[i - 1] != '\r')) return std::nullopt;
    out += value[i];
  }
  return out;
}

bool IsLineValue(std::string_view value) {
  return utf8::IsValid(value) && value.find_first_of("\r\n") == std::string_view::npos;
}

CallArguments ReadArguments(const std::vector<syntax::Argument>& args,
                            std::initializer_list<std::string_view> param_tags) {
  CallArguments out;
  for (size_t i = 0; i < args.size(); ++i) {
    const syntax::Argument& a = args[i];
    if (!a.IsTag()) {
      out.positional.push_back(&a);
      continue;
    }
    const std::string tag = ir::AsciiLower(a.tag);
    const syntax::Argument* param = nullptr;
    for (std::string_view p : param_tags) {
      if (p != tag) continue;
      if (i + 1 >= args.size() || args[i + 1].IsTag()) {
        out.valid = false;
      } else {
        param = &args[++i];
      }
    }
    if (!out.tags.emplace(tag, param).second) out.valid = false;
  }
  return out;
}

std::optional<std::vector<std::string>> StringsOf(const syntax::Argument* arg) {
  if (arg == nullptr || !arg->IsStringList()) return std::nullopt;
  std::vector<std::string> out;
  for (const syntax::StringLiteral& s : arg->strings) out.push_back(s.value);
  return out;
}

std::optional<std::string> SingleStringOf(const syntax::Argument* arg) {
  if (arg == nullptr || !arg->IsSingleString() || arg->strings.size() != 1) return std::nullopt;
  return arg->strings[0].value;
}

namespace {

bool MailtoSafe(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("-._~!$'()*+,;:@").find(c) != std::string_view::npos;
}

}  // namespace

std::string MailtoUri(std::string_view address) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "mailto:";
  for (char c : address) {
    if (MailtoSafe(c)) {
      out += c;
    } else {
      const auto u = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    }
  }
  return out;
}

std::optional<std::string> AddressOfMailtoUri(std::string_view uri) {
  if (uri.size() < 7 || !EqualsNoCase(uri.substr(0, 7), "mailto:")) return std::nullopt;
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string address;
  for (size_t i = 7; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex(uri[i + 1]) >= 0 && hex(uri[i + 2]) >= 0) {
      address += static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2]));
      i += 2;
    } else {
      address += uri[i];
    }
  }
  if (MailtoUri(address) != uri) return std::nullopt;
  return address;
}

std::string NormalizedTokens(const syntax::SyntaxTree& tree, syntax::TokenRange range) {
  std::string out;
  for (uint32_t i = range.first; i <= range.last && i < tree.tokens.size(); ++i) {
    const syntax::Token& t = tree.tokens[i];
    if (t.kind == syntax::TokenKind::kEnd) break;
    if (!out.empty()) out += ' ';
    const std::string_view text = tree.Text(t);
    switch (t.kind) {
      case syntax::TokenKind::kIdentifier:
      case syntax::TokenKind::kTag:
        out += ir::AsciiLower(text);
        break;
      case syntax::TokenKind::kQuotedString:
        out += syntax::EncodeQuotedString(syntax::DecodeQuotedString(text));
        break;
      case syntax::TokenKind::kMultiLineString:
        out += syntax::EncodeQuotedString(syntax::DecodeMultiLineString(text));
        break;
      default:
        out += text;
        break;
    }
  }
  return out;
}

std::string NormalizedText(std::string_view sieve) {
  syntax::ParseResult r = syntax::Parse(std::make_shared<SourceFile>("t", std::string(sieve)));
  if (!r.complete || r.diagnostics.has_errors() || r.tree.tokens.empty()) return "";
  return NormalizedTokens(r.tree, {0, static_cast<uint32_t>(r.tree.tokens.size() - 1)});
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ir::AsciiLower(a) == ir::AsciiLower(b);
}

}  // namespace sievekit::editor
