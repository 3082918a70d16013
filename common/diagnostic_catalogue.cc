// The list of core diagnostic kinds (the kinds themselves are constexpr in the
// header).
#include "common/diagnostic_catalogue.h"

#include <array>

namespace sievekit::diag {

std::span<const DiagnosticKind* const> CoreKinds() {
  static constexpr std::array kAll = {
      &kEmptyScript,
      &kBinaryFile,
      &kScriptTooLarge,
      &kBlockNestingTooDeep,
      &kTestNestingTooDeep,
      &kStringTooLong,
      &kListTooLong,
      &kTooManyErrors,
      &kInvalidUtf8,
      &kInvalidUtf8Comment,
      &kNulByte,
      &kStrayCarriageReturn,
      &kUnexpectedCharacter,
      &kUnterminatedString,
      &kUnterminatedMultiLine,
      &kMultiLineStart,
      &kUnterminatedComment,
      &kNumberOverflow,
      &kMissingWhitespace,
      &kExpected,
      &kUnmatchedCloseBrace,
      &kMissingCloseBrace,
      &kUnknownCommand,
      &kUnknownTest,
      &kTestUsedAsCommand,
      &kCommandUsedAsTest,
      &kUnknownTag,
      &kDuplicateTag,
      &kConflictingTags,
      &kTagArgumentMissing,
      &kWrongTagParameter,
      &kTagAfterPositional,
      &kWrongArgumentType,
      &kMissingArgument,
      &kMissingTaggedArgument,
      &kTooManyArguments,
      &kUnexpectedTest,
      &kMissingSemicolon,
      &kMissingColon,
      &kMissingTest,
      &kUnexpectedBlock,
      &kMissingBlock,
      &kElseWithoutIf,
      &kRequireNotFirst,
      &kRequireInBlock,
      &kUnknownExtension,
      &kMissingRequire,
      &kUnknownComparator,
      &kComparatorMatchType,
      &kInvalidHeaderName,
      &kNotAnAddressHeader,
      &kInvalidAddress,
      &kInvalidValue,
      &kInvalidEnvelopePart,
      &kUnusedValue,
  };
  return kAll;
}

}  // namespace sievekit::diag
