// Modifiers of the `set` command (RFC 5229 §4.1): the six of RFC 5229 and a
// way for other extensions to add theirs (:quoteregex of regex, :encodeurl
// of enotify), each with its precedence.
//
// A modifier is a tag on `set` plus a pure function from the value to the
// modified value. Modifiers of one precedence exclude each other, which the
// validator enforces through the tag group SetModifierGroup(precedence).
// Nothing here touches evaluation state; set applies the functions.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ir/registry.h"

namespace sievekit::extensions {

struct SetModifier {
  std::string_view name;  // the tag, lower case, without ':'
  // Applied largest first (RFC 5229 §4.1: 40 case, 30 first-letter case,
  // 20 quoting, 10 :length).
  int precedence = 0;
  // Replaces *out with the modified `in` (`in` never aliases *out).
  void (*apply)(std::string_view in, std::string* out) = nullptr;
  // Optional: the length at most `limit` to which a value this modifier
  // made may be cut without splitting its units (RFC 5229 §6 truncation);
  // nullptr cuts at a UTF-8 character boundary.
  size_t (*cut)(std::string_view value, size_t limit) = nullptr;
};

// The tag group of the modifiers of one precedence ("set-modifier-40").
std::string SetModifierGroup(int precedence);

// The modifiers RFC 5229 defines.
std::span<const SetModifier> BuiltinSetModifiers();

// Declares `modifier` (static storage) as a tag of `set` owned by the
// extension being registered, so that it needs that extension's require.
// Modifier names are registered with IANA and mean the same everywhere, so
// the name → function table behind FindSetModifier is process-wide; it is
// written only here, during registration.
void DeclareSetModifier(ir::ExtensionBuilder& builder, const SetModifier& modifier);

// The modifier called `name` (lower case), built-in or declared; nullptr
// when unknown.
const SetModifier* FindSetModifier(std::string_view name);

// Applies `modifiers` — sorted by precedence, largest first — to `value`,
// using the two scratch buffers; returns a view of one of them (or `value`
// itself when the list is empty).
std::string_view ApplySetModifiers(std::span<const SetModifier* const> modifiers,
                                   std::string_view value, std::string* scratch_a,
                                   std::string* scratch_b);

// The modifier functions of RFC 5229 §4.1, for tests and for extensions
// that combine them.
void ModifyLower(std::string_view in, std::string* out);          // :lower
void ModifyUpper(std::string_view in, std::string* out);          // :upper
void ModifyLowerFirst(std::string_view in, std::string* out);     // :lowerfirst
void ModifyUpperFirst(std::string_view in, std::string* out);     // :upperfirst
void ModifyQuoteWildcard(std::string_view in, std::string* out);  // :quotewildcard
void ModifyLength(std::string_view in, std::string* out);         // :length

}  // namespace sievekit::extensions
