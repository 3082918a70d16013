// Marker comments: where rule names, ids and enabled state live in a Sieve
// script, written by rule editors on the line before each rule.
//
// Read: the canonical form (below); Roundcube's `# rule:[name]`; sievelib's
// `# Filter: name`; Open-Xchange's `## Flag: flags|UniqueId:n|Rulename: name`;
// and SnappyMail's (RainLoop's) bracket comment holding the filter as
// base64-encoded JSON between `BEGIN:HEADER` and `END:HEADER`.
// (Horde Ingo and Nextcloud Mail name rules with a plain `# name` comment;
// that needs the whole script's context and is done by the projection.)
//
// Written: one canonical form, Roundcube's marker with attributes after it,
// so Roundcube and tools that read its marker still see the name:
//   # rule:[Drop all messages from the spam.com domain] id=r1
//   # rule:[Spam] id=spam kind=spam contacts=yes
//   # rule:[Old] id=r7 disabled
// The name is escaped with syntax::EncodeCommentText (no line breaks);
// attributes contain no ']' so readers that take the name up to the last
// ']' of the line (Roundcube does) get it right. This file neither parses
// Sieve nor decides what a rule is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "editor/rule_model.h"

namespace sievekit::editor {

enum class MarkerStyle : uint8_t {
  kCanonical,    // ours: `# rule:[name] id=...`
  kRoundcube,    // `# rule:[name]`
  kSievelib,     // `# Filter: name`
  kOpenXchange,  // `## Flag: ...|UniqueId:n|Rulename: name`
  kPlainComment, // `# name` (Ingo, Nextcloud; decided by the projection)
  kSnappyMail,   // `/* BEGIN:FILTER:id BEGIN:HEADER base64 END:HEADER */`
};

struct Marker {
  MarkerStyle style = MarkerStyle::kCanonical;
  std::string name;
  std::string id;                   // empty when the marker has none
  std::optional<RuleKind> kind;     // kSpam / kOutOfOffice, canonical only
  bool disabled = false;            // canonical only
  // Spam rule: "yes" when the contacts test follows the whitelist test,
  // "pending" when contacts are trusted but no list was supplied.
  std::string contacts;
};

// Reads one hash comment (its text from '#' on; a line ending is ignored).
std::optional<Marker> ReadMarker(std::string_view comment);

// Reads one bracket comment (its text from "/*" to "*/"): SnappyMail's and
// RainLoop's filter header, whose JSON gives the name ("Name") and the id
// ("ID", when it is a valid id). Nullopt for any other comment, and for a
// header whose base64 or JSON does not decode.
std::optional<Marker> ReadFilterHeader(std::string_view comment);

// The canonical marker line for a rule, without a line ending.
// `contacts` as in Marker (spam rules only).
std::string WriteMarker(const Rule& rule, std::string_view contacts = "");

// Ids are 1 to 64 characters of [A-Za-z0-9._-], starting with a letter or
// digit, so they fit a marker attribute and any host's storage.
bool IsValidId(std::string_view id);

}  // namespace sievekit::editor
