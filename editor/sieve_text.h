// Small helpers shared by the Sieve forms of conditions and actions: writing
// string lists and texts (through parser/string_literal.h, the one string
// writer), reading a call's tagged and positional arguments, converting
// between model text ("\n") and Sieve values (CRLF), mailto: URIs, and a
// normalised token rendering for comparing fixed shapes.
//
// Nothing here knows what a condition or an action is.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/syntax_tree.h"

namespace sievekit::editor {

// One string as a quoted-string token.
std::string SieveString(std::string_view value);
// One value as a plain string, several as ["a", "b"].
std::string SieveStringList(const std::vector<std::string>& values);
// Model text (line breaks "\n") as a Sieve string token: `text:` when the
// text ends with a line break, else a quoted string; line breaks are written
// as `newline` (the file's) and read back as the CRLF the value holds.
std::string SieveText(std::string_view text, std::string_view newline);

// A decoded Sieve value → model text: CRLF → "\n". Nullopt when the value
// is not valid UTF-8 or holds a CR or LF outside a CRLF pair.
std::optional<std::string> ModelText(std::string_view value);
// A decoded Sieve value usable as a one-line model value (an address, a
// word, a folder): valid UTF-8 without CR or LF.
bool IsLineValue(std::string_view value);

// The arguments of one command or test, by kind.
struct CallArguments {
  // Tags in lower case, each with the argument after it when the tag takes
  // one (nullptr otherwise).
  std::map<std::string, const syntax::Argument*> tags;
  std::vector<const syntax::Argument*> positional;
  bool valid = true;  // false: a tag twice, or a tag without its parameter
};
// `param_tags`: the tags of this call that take a parameter.
CallArguments ReadArguments(const std::vector<syntax::Argument>& args,
                            std::initializer_list<std::string_view> param_tags);
// The strings of a string-list argument (nullopt for tags and numbers).
std::optional<std::vector<std::string>> StringsOf(const syntax::Argument* arg);
// The single string of an argument written without brackets.
std::optional<std::string> SingleStringOf(const syntax::Argument* arg);

// "mailto:" + the address with the characters a mailto URI cannot carry
// percent-encoded (RFC 6068), and back (nullopt when `uri` is not exactly
// what MailtoUri writes for some address).
std::string MailtoUri(std::string_view address);
std::optional<std::string> AddressOfMailtoUri(std::string_view uri);

// The tokens of a range joined by single spaces, identifiers and tags in
// lower case, strings re-quoted from their values: two shapes compare equal
// when they differ only in layout, case of keywords and string spelling.
std::string NormalizedTokens(const syntax::SyntaxTree& tree, syntax::TokenRange range);
// The same for text that holds one statement or test; "" when it does not parse.
std::string NormalizedText(std::string_view sieve);

// ASCII case-insensitive equality (header names, tags, comparator names).
bool EqualsNoCase(std::string_view a, std::string_view b);

}  // namespace sievekit::editor
