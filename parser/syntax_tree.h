// The generic, lossless Sieve syntax tree.
//
// RFC 5228 §8.2 gives every statement the same shape: `identifier arguments
// (";" / block)`, where arguments are tags, numbers and string lists followed
// by an optional test or parenthesised test list. The tree mirrors exactly
// that and knows nothing about particular commands; meaning is given later by
// the validator and the extension registry.
//
// Lossless: the tree records every token (with its byte span) and every piece
// of whitespace and comment between tokens (trivia). Nodes refer to tokens by
// index. Printing the tokens of an unmodified tree with their leading trivia
// reproduces the source byte for byte (see printer.h), which is what lets the
// rule editor re-emit untouched statements exactly.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/source_file.h"
#include "common/span.h"

namespace sievekit::syntax {

enum class TokenKind : uint8_t {
  kIdentifier,
  kTag,              // ":" identifier
  kNumber,           // digits with an optional K/M/G quantifier
  kQuotedString,
  kMultiLineString,  // "text:" ... "." CRLF, including the final line ending
  kLeftBracket,
  kRightBracket,
  kLeftParen,
  kRightParen,
  kComma,
  kLeftBrace,
  kRightBrace,
  kSemicolon,
  kEnd,  // zero-width, at the end of the input; carries the trailing trivia
};

std::string_view TokenKindName(TokenKind kind);

enum class TriviaKind : uint8_t { kWhitespace, kHashComment, kBracketComment };

struct Trivia {
  TriviaKind kind;
  Span span;  // a hash comment's span includes its line ending, if any
};

struct Token {
  TokenKind kind;
  Span span;
  // The trivia before this token are trivia[first_trivia, next token's
  // first_trivia) — equivalently, everything between the previous token's end
  // and this token's begin.
  uint32_t first_trivia;
};

// Inclusive range of token indexes [first, last].
struct TokenRange {
  uint32_t first = 0;
  uint32_t last = 0;
};

struct StringLiteral {
  uint32_t token = 0;  // index of the kQuotedString or kMultiLineString token
  Span span;           // the token's span
  // The decoded value: escapes resolved for quoted strings; for multi-line
  // strings the lines after "text:" with dot-stuffing undone, each line ending
  // kept as written (CRLF or LF).
  std::string value;
};

struct Argument {
  enum class Kind : uint8_t { kTag, kNumber, kStringList };
  Kind kind = Kind::kTag;
  TokenRange tokens;
  Span span;
  std::string tag;       // kTag: the identifier after ':', as written
  uint64_t number = 0;   // kNumber: value with the quantifier applied
  std::vector<StringLiteral> strings;  // kStringList: one or more strings
  bool bracketed = false;              // kStringList: written with [ ]

  bool IsTag() const { return kind == Kind::kTag; }
  bool IsNumber() const { return kind == Kind::kNumber; }
  bool IsStringList() const { return kind == Kind::kStringList; }
  // A string list written as a single string without brackets.
  bool IsSingleString() const { return kind == Kind::kStringList && !bracketed; }
};

// `identifier arguments`: used both for tests and (through Command) commands.
struct Test {
  uint32_t identifier_token = 0;
  std::string name;  // as written; identifiers are case-insensitive
  std::vector<Argument> arguments;
  // The single test, or the members of a parenthesised test list.
  std::vector<Test> tests;
  bool test_list = false;  // tests were written in ( )
  TokenRange tokens;
  Span span;
};

struct Command;

struct Block {
  uint32_t open_token = 0;
  uint32_t close_token = 0;
  std::vector<Command> commands;
};

struct Command {
  uint32_t identifier_token = 0;
  std::string name;
  std::vector<Argument> arguments;
  std::vector<Test> tests;
  bool test_list = false;
  std::optional<Block> block;  // absent when the command ends with ';'
  TokenRange tokens;           // up to and including ';' or '}'
  Span span;
};

struct SyntaxTree {
  std::shared_ptr<const SourceFile> source;
  std::vector<Token> tokens;  // in source order; the last is kEnd
  std::vector<Trivia> trivia;  // in source order
  std::vector<Command> commands;

  std::string_view Text(const Token& token) const { return source->Slice(token.span); }
  std::string_view Text(Span span) const { return source->Slice(span); }
  // The bytes between the previous token and this one.
  Span LeadingTrivia(uint32_t token_index) const;
  // Trivia pieces before a token (a view into `trivia`).
  std::pair<const Trivia*, const Trivia*> LeadingTriviaPieces(uint32_t token_index) const;
};

}  // namespace sievekit::syntax
