// The set modifiers of RFC 5229 §4.1 and the table of declared ones.
#include "extensions/variables/set_modifier.h"

#include <array>
#include <charconv>
#include <mutex>

#include "common/utf8.h"

namespace sievekit::extensions {
namespace {

// §4.1.3: only US-ASCII letters change case; everything else, UTF-8 bytes
// included, is left as it is.
char AsciiLowerChar(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
char AsciiUpperChar(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

constexpr std::array<SetModifier, 6> kBuiltins = {{
    {"lower", 40, ModifyLower},
    {"upper", 40, ModifyUpper},
    {"lowerfirst", 30, ModifyLowerFirst},
    {"upperfirst", 30, ModifyUpperFirst},
    {"quotewildcard", 20, ModifyQuoteWildcard},
    {"length", 10, ModifyLength},
}};

// Modifiers other extensions declared. Registration may build several
// registries (tests do), each declaring the same static modifiers again, so
// a name is recorded once.
struct DeclaredModifiers {
  std::mutex mutex;
  std::vector<const SetModifier*> modifiers;
};

DeclaredModifiers& Declared() {
  static DeclaredModifiers* const declared = new DeclaredModifiers();
  return *declared;
}

}  // namespace

std::string SetModifierGroup(int precedence) {
  return "set-modifier-" + std::to_string(precedence);
}

std::span<const SetModifier> BuiltinSetModifiers() { return kBuiltins; }

void DeclareSetModifier(ir::ExtensionBuilder& builder, const SetModifier& modifier) {
  builder.Tag("set", std::string(modifier.name), std::nullopt, {},
              SetModifierGroup(modifier.precedence));
  DeclaredModifiers& declared = Declared();
  std::lock_guard<std::mutex> lock(declared.mutex);
  for (const SetModifier* m : declared.modifiers) {
    if (m->name == modifier.name) return;
  }
  declared.modifiers.push_back(&modifier);
}

const SetModifier* FindSetModifier(std::string_view name) {
  for (const SetModifier& m : kBuiltins) {
    if (m.name == name) return &m;
  }
  DeclaredModifiers& declared = Declared();
  std::lock_guard<std::mutex> lock(declared.mutex);
  for (const SetModifier* m : declared.modifiers) {
    if (m->name == name) return m;
  }
  return nullptr;
}

std::string_view ApplySetModifiers(std::span<const SetModifier* const> modifiers,
                                   std::string_view value, std::string* scratch_a,
                                   std::string* scratch_b) {
  std::string* out = scratch_a;
  for (const SetModifier* m : modifiers) {
    m->apply(value, out);
    value = *out;
    out = out == scratch_a ? scratch_b : scratch_a;
  }
  return value;
}

void ModifyLower(std::string_view in, std::string* out) {
  out->resize(in.size());
  for (size_t i = 0; i < in.size(); ++i) (*out)[i] = AsciiLowerChar(in[i]);
}

void ModifyUpper(std::string_view in, std::string* out) {
  out->resize(in.size());
  for (size_t i = 0; i < in.size(); ++i) (*out)[i] = AsciiUpperChar(in[i]);
}

// §4.1.3.3-4: "the first character" — a multi-byte first character is not
// a US-ASCII letter, so only a leading ASCII byte can change.
void ModifyLowerFirst(std::string_view in, std::string* out) {
  out->assign(in);
  if (!out->empty()) (*out)[0] = AsciiLowerChar((*out)[0]);
}

void ModifyUpperFirst(std::string_view in, std::string* out) {
  out->assign(in);
  if (!out->empty()) (*out)[0] = AsciiUpperChar((*out)[0]);
}

// §4.1.2: "*", "?" and "\" get a "\" in front.
void ModifyQuoteWildcard(std::string_view in, std::string* out) {
  out->clear();
  for (char c : in) {
    if (c == '*' || c == '?' || c == '\\') out->push_back('\\');
    out->push_back(c);
  }
}

// §4.1.1: the number of characters, not bytes (RFC 5229 §1: a character
// may be several octets of UTF-8); a byte of invalid UTF-8 counts as one.
void ModifyLength(std::string_view in, std::string* out) {
  std::array<char, 24> digits;
  const auto end =
      std::to_chars(digits.data(), digits.data() + digits.size(), utf8::CountCharacters(in));
  out->assign(digits.data(), end.ptr);
}

}  // namespace sievekit::extensions
