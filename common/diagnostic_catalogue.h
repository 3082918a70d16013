// The core diagnostic catalogue: every message the parser and the validator
// can produce, each with a stable id. Extensions add their own kinds in their
// folders (registered through the extension registry), never here.
//
// Messages are short, lower-case, name the offending thing in single quotes,
// and say what was expected. Ids are kebab-case and never change meaning.
#pragma once

#include <span>

#include "common/diagnostic.h"

namespace sievekit::diag {

using enum Severity;

// Input and limits.
inline constexpr DiagnosticKind kEmptyScript{
    "empty-script", kWarning, "script is empty; every message gets the implicit keep"};
inline constexpr DiagnosticKind kBinaryFile{"binary-file", kError,
                                            "this is binary data, not a Sieve script"};
inline constexpr DiagnosticKind kScriptTooLarge{
    "script-too-large", kError,
    "script is {} bytes, more than the limit of {} bytes (max_script_size)"};
inline constexpr DiagnosticKind kBlockNestingTooDeep{
    "block-nesting-too-deep", kError,
    "blocks are nested deeper than the limit of {} (max_block_depth)"};
inline constexpr DiagnosticKind kTestNestingTooDeep{
    "test-nesting-too-deep", kError,
    "tests are nested deeper than the limit of {} (max_test_depth)"};
inline constexpr DiagnosticKind kStringTooLong{
    "string-too-long", kError,
    "string is {} bytes long, more than the limit of {} bytes (max_string_length)"};
inline constexpr DiagnosticKind kListTooLong{
    "list-too-long", kError, "list has more than the limit of {} items (max_list_length)"};
inline constexpr DiagnosticKind kTooManyErrors{
    "too-many-errors", kError, "too many errors; stopping after {} (max_errors)"};

// Lexical structure (RFC 5228 section 8.1).
// RFC 5228 §2.4.2: "implementations MUST accept all strings that match the
// grammar", UTF-8 or not; commands that need UTF-8 (fileinto) check their own.
inline constexpr DiagnosticKind kInvalidUtf8{"invalid-utf8", kWarning, "{} is not valid UTF-8"};
inline constexpr DiagnosticKind kInvalidUtf8Comment{"invalid-utf8-comment", kWarning,
                                                    "comment is not valid UTF-8"};
inline constexpr DiagnosticKind kNulByte{"nul-byte", kError, "NUL byte in script"};
inline constexpr DiagnosticKind kStrayCarriageReturn{
    "stray-carriage-return", kError, "carriage return not followed by a line feed"};
inline constexpr DiagnosticKind kUnexpectedCharacter{"unexpected-character", kError,
                                                     "unexpected {}"};
inline constexpr DiagnosticKind kUnterminatedString{"unterminated-string", kError,
                                                    "missing terminating '\"' of string"};
inline constexpr DiagnosticKind kUnterminatedMultiLine{
    "unterminated-multi-line", kError,
    "multi-line string is not terminated by a line containing only '.'"};
inline constexpr DiagnosticKind kMultiLineStart{
    "multi-line-start", kError, "'text:' must be followed by the end of the line or a # comment"};
inline constexpr DiagnosticKind kUnterminatedComment{"unterminated-comment", kError,
                                                     "missing '*/' at the end of the comment"};
inline constexpr DiagnosticKind kNumberOverflow{
    "number-overflow", kError, "number '{}' is too large; the largest number is {}"};
inline constexpr DiagnosticKind kMissingWhitespace{
    "missing-whitespace", kError, "missing whitespace between {} and {}"};

// Grammar (RFC 5228 section 8.2).
inline constexpr DiagnosticKind kExpected{"expected", kError, "expected {}, found {}"};
inline constexpr DiagnosticKind kUnmatchedCloseBrace{"unmatched-close-brace", kError,
                                                     "'}}' without a matching '{{'"};
inline constexpr DiagnosticKind kMissingCloseBrace{"missing-close-brace", kError,
                                                   "expected '}}' to close the block"};

// Commands, tests and arguments (RFC 5228 sections 2.6-2.7, 3-5). Where the
// wording can be the same as Pigeonhole's without contortion, it is, so that
// error-matching tests of its suite read our messages too.
inline constexpr DiagnosticKind kUnknownCommand{"unknown-command", kError,
                                                "unknown command '{}'"};
inline constexpr DiagnosticKind kUnknownTest{"unknown-test", kError, "unknown test '{}'"};
inline constexpr DiagnosticKind kTestUsedAsCommand{"test-used-as-command", kError,
                                                   "cannot use test '{}' as a command"};
inline constexpr DiagnosticKind kCommandUsedAsTest{"command-used-as-test", kError,
                                                   "cannot use command '{}' as a test"};
// An unknown tag is reported once per call name in a script: later uses
// repeat the same mistake.
inline constexpr DiagnosticKind kUnknownTag{"unknown-tag", kError,
                                            "unknown tagged argument ':{}' for the {} {} ({})"};
inline constexpr DiagnosticKind kDuplicateTag{
    "duplicate-tag", kError, "tagged argument ':{}' is given more than once to the {} {}"};
inline constexpr DiagnosticKind kConflictingTags{
    "conflicting-tags", kError, "tagged argument ':{}' cannot be combined with ':{}' in the {} {}"};
inline constexpr DiagnosticKind kTagArgumentMissing{
    "tag-argument-missing", kError, "the ':{}' tag of the {} {} must be followed by {}"};
inline constexpr DiagnosticKind kWrongTagParameter{
    "wrong-tag-parameter", kError, "the ':{}' tag of the {} {} expects {}, but {} was found"};
inline constexpr DiagnosticKind kTagAfterPositional{
    "tag-after-positional", kError,
    "unexpected tagged argument ':{}' after the positional arguments of the {} {}"};
inline constexpr DiagnosticKind kWrongArgumentType{
    "wrong-argument-type", kError, "the {} {} expects {} as argument {} ({}), but {} was found"};
inline constexpr DiagnosticKind kMissingArgument{
    "missing-argument", kError,
    "the {} {} requires {} positional argument{}, but {} {} specified"};
inline constexpr DiagnosticKind kMissingTaggedArgument{
    "missing-tagged-argument", kError, "the {} {} requires one of the tagged arguments {}"};
inline constexpr DiagnosticKind kTooManyArguments{"too-many-arguments", kError,
                                                  "too many arguments for the {} {}: it takes {}"};
inline constexpr DiagnosticKind kUnexpectedTest{"unexpected-test", kError,
                                                "the {} {} accepts no {}, but {} specified"};
inline constexpr DiagnosticKind kMissingSemicolon{"missing-semicolon", kError,
                                                  "missing semicolon after the {} command"};
inline constexpr DiagnosticKind kMissingColon{"missing-colon", kError,
                                              "missing colon before the '{}' tag of the {} {}"};
inline constexpr DiagnosticKind kMissingTest{"missing-test", kError, "the {} {} requires {}"};
inline constexpr DiagnosticKind kUnexpectedBlock{
    "unexpected-block", kError, "the {} command does not take a block; end it with ';'"};
inline constexpr DiagnosticKind kMissingBlock{"missing-block", kError,
                                              "the {} command requires a block {{ ... }}"};

// Control structure (RFC 5228 section 3).
inline constexpr DiagnosticKind kElseWithoutIf{"else-without-if", kError,
                                               "'{}' is not preceded by 'if' or 'elsif'"};
inline constexpr DiagnosticKind kRequireNotFirst{
    "require-not-first", kError, "'require' must come before every other command"};
inline constexpr DiagnosticKind kRequireInBlock{"require-in-block", kError,
                                                "'require' is only allowed at the top level"};
inline constexpr DiagnosticKind kUnknownExtension{"unknown-extension", kError,
                                                  "unsupported extension '{}'"};
inline constexpr DiagnosticKind kMissingRequire{
    "missing-require", kError, "{} '{}' needs the extension '{}', which is not required"};

// Comparators, match types and values (RFC 5228 section 2.7, RFC 4790).
inline constexpr DiagnosticKind kUnknownComparator{"unknown-comparator", kError,
                                                   "unknown comparator '{}'"};
inline constexpr DiagnosticKind kComparatorMatchType{
    "comparator-match-type", kError, "comparator '{}' does not support {} matching"};
inline constexpr DiagnosticKind kInvalidHeaderName{
    "invalid-header-name", kError, "'{}' is not a valid header field name"};
inline constexpr DiagnosticKind kNotAnAddressHeader{
    "not-an-address-header", kError,
    "header '{}' is not allowed in the address test: it does not contain addresses"};
inline constexpr DiagnosticKind kInvalidAddress{"invalid-address", kError,
                                                "'{}' is not a valid mail address: {}"};
inline constexpr DiagnosticKind kInvalidValue{"invalid-value", kError, "{}"};
inline constexpr DiagnosticKind kInvalidEnvelopePart{"invalid-envelope-part", kError,
                                                     "'{}' is not a known envelope part"};
inline constexpr DiagnosticKind kUnusedValue{"unused-value", kWarning, "{}"};

// Every kind above, for listing and for the uniqueness test.
std::span<const DiagnosticKind* const> CoreKinds();

}  // namespace sievekit::diag
