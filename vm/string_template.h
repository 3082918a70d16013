// RuntimeString: a string argument as the VM holds it — a constant, or, in
// scripts that use the variables extension (RFC 5229 §3), a template whose
// "${name}", "${ns.name}" and "${N}" references are replaced when the
// command runs.
//
// Parsing follows RFC 5229 §3 exactly: one pass, variable names are
// identifiers (case-insensitive), match variables are digits (leading zeros
// allowed), anything that is not a well-formed reference ("${}", "${doh!}",
// "${BAD${x}") stays verbatim. Expansion asks a VariableSource for values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sievekit::vm {

// The highest match variable index the VM keeps (RFC 5229 §6: at least 9
// must be supported, and a reference beyond what is supported is an error,
// which the variables extension reports at compile time). 32 admits every
// real pattern (and Pigeonhole's limit is the same) while bounding the
// copying a :matches with many wildcards does per successful match.
inline constexpr uint32_t kMaxMatchVariableIndex = 32;

// Where expansion gets variable values from (the evaluation's variables).
class VariableSource {
 public:
  virtual ~VariableSource() = default;
  // The value of a variable (lower-case name; empty namespace for plain
  // variables), or empty when unset.
  virtual std::string_view Variable(std::string_view ns, std::string_view name) const = 0;
  // The value of match variable `index` (RFC 5229 §3.2), or empty.
  virtual std::string_view MatchVariable(uint32_t index) const = 0;
};

class RuntimeString {
 public:
  struct Piece {
    enum class Kind : uint8_t { kLiteral, kVariable, kMatch };
    Kind kind = Kind::kLiteral;
    std::string text;       // literal text, or the lower-case variable name
    std::string ns;         // namespace of a kVariable ("" for none)
    uint32_t index = 0;     // kMatch
  };

  RuntimeString() = default;
  // A constant string.
  static RuntimeString Constant(std::string text);
  // Parses `text` as a template (used when the script requires variables).
  static RuntimeString Template(std::string_view text);

  bool is_constant() const { return pieces_.empty(); }
  // The constant value (the whole text for a constant).
  const std::string& constant() const { return constant_; }
  const std::vector<Piece>& pieces() const { return pieces_; }
  // Namespaces referenced (whole, e.g. "global" or "a.b"), for checks at
  // compile time.
  std::vector<std::string> Namespaces() const;

  // The value: the constant itself, or the template expanded into *scratch
  // (whose capacity is reused).
  std::string_view Expand(const VariableSource& variables, std::string* scratch) const;

 private:
  std::string constant_;
  std::vector<Piece> pieces_;  // empty for a constant
};

// Whether `name` is an RFC 5228 identifier.
bool IsIdentifier(std::string_view name);

}  // namespace sievekit::vm
