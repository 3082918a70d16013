// encoded-character (RFC 5228 §2.4.2.4): "${hex:...}" and "${unicode:...}"
// sequences in strings are replaced by the octets or characters they encode,
// once, when the script is compiled.
#pragma once

#include <string>

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterEncodedCharacter(ir::Registry& registry);

// Decodes the sequences in `text`. Malformed sequences are left as they are
// (the RFC's "${hex:40" stays "${hex:40"); a well-formed ${unicode:...} whose
// value is a surrogate or above U+10FFFF makes it return false, with
// `bad_value` set to the offending hex digits. Exposed for tests.
bool DecodeEncodedCharacters(std::string* text, std::string* bad_value);

}  // namespace sievekit::extensions
