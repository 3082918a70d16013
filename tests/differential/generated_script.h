// GeneratedScript: the tree of a generated Sieve script, as the script
// generator builds it and the differential test shrinks it — statements
// and tests of its own, each atomic test and action kept as Sieve text with
// the extensions it needs.
//
// Render() turns the tree into a script (the require line computed from what
// is used); SimplerScripts() lists the scripts one step smaller, which is
// all the shrinking of a failing case needs. Nothing here is random and
// nothing validates: the generator promises valid atoms, and shrinking only
// removes or replaces whole nodes, which keeps a valid script valid.
// Test-only code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sievekit::differential {

// Extensions a construct needs, as bits.
enum Requirement : uint32_t {
  kNeedsFileinto = 1u << 0,
  kNeedsEnvelope = 1u << 1,
  kNeedsCopy = 1u << 2,
  kNeedsRelational = 1u << 3,
  kNeedsSubaddress = 1u << 4,
  kNeedsAsciiNumeric = 1u << 5,
};

struct GeneratedTest {
  enum class Kind { kTrue, kFalse, kNot, kAnyOf, kAllOf, kAtom };
  Kind kind = Kind::kTrue;
  std::vector<GeneratedTest> children;  // kNot: one; kAnyOf/kAllOf: one or more
  std::string atom;                     // kAtom: the test as Sieve text
  uint32_t requirements = 0;            // kAtom
};

struct GeneratedStatement {
  enum class Kind { kIf, kAction, kStop };
  Kind kind = Kind::kAction;
  // kIf: the if's condition and block, then one per elsif.
  std::vector<GeneratedTest> conditions;
  std::vector<std::vector<GeneratedStatement>> blocks;
  std::optional<std::vector<GeneratedStatement>> else_block;
  std::string action;         // kAction: the command without ';'
  uint32_t requirements = 0;  // kAction
};

struct GeneratedScript {
  std::vector<GeneratedStatement> body;

  // Sieve text: the require line for what the script uses, then the body.
  std::string Render() const;
};

// Scripts one step smaller than `script` (a statement dropped, an if
// replaced by one of its blocks, a branch or an else dropped, a test replaced
// by a child or by true/false, ...), for shrinking a failing case.
std::vector<GeneratedScript> SimplerScripts(const GeneratedScript& script);

// Sieve string literal for text ("..." with \\ and \" escaped).
std::string Quote(std::string_view text);

}  // namespace sievekit::differential
