// Which extensions (`require` names) a piece of Sieve uses, so the editor
// can rebuild `require` as the union of what the rules need.
//
// Commands, tests, tags and comparators are looked up in the extension
// registry; what the registry does not know (extensions a server offers but
// this engine does not, e.g. `date`) comes from a table of the registered
// Sieve extensions. The script's own `require` list settles the few names
// two extensions share (`notify`: the draft or RFC 5435; `spamtest` or
// `spamtestplus`) and whether "${...}" in strings means variables. A name
// found nowhere makes the analysis `unknown`: the caller then keeps the
// script's unexplained requires. Always-enabled comparators are never needs.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "ir/registry.h"
#include "parser/syntax_tree.h"

namespace sievekit::editor {

using NameSet = std::set<std::string, std::less<>>;

struct Needs {
  NameSet extensions;
  bool unknown = false;  // an identifier no known extension explains
};

// Adds what one command (and everything inside it) needs.
void AddNeeds(const syntax::Command& command, const ir::Registry& registry,
              const NameSet& declared, Needs* out);
// Parses `sieve` (statements, no `require`) and analyses every command.
// Text that does not parse needs nothing known and is `unknown`.
Needs NeedsOfText(std::string_view sieve, const ir::Registry& registry, const NameSet& declared);

// The capability strings of every `require` command among `commands`.
NameSet DeclaredRequires(const syntax::SyntaxTree& tree);

}  // namespace sievekit::editor
