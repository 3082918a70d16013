// Text helpers for the JSON form of the rule model: base64 (RFC 4648 §4)
// for script bytes that are not UTF-8, and indentation of compact JSON so
// that `sievec rules parse` prints a model a person can read and edit.
// Neither knows anything about the model.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace sievekit::editor {

// Base64 with padding; Base64Decode accepts only what Base64Encode writes.
std::string Base64Encode(std::string_view bytes);
Result<std::string> Base64Decode(std::string_view text);

// Re-indents compact JSON (as JsonWriter writes it): two spaces per level;
// an array or object of at most 72 characters stays on one line, with ", "
// and ": " between its parts. Strings are copied as they are.
std::string PrettyJson(std::string_view compact);

}  // namespace sievekit::editor
