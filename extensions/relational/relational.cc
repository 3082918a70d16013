// Registration of the relational extension (RFC 5231).
//
// Both match types join the shared MATCH-TYPE group, so every test that
// accepts a match type (header, address, envelope, string, and those of later
// extensions) accepts them. They need a comparator with an ordering
// operation (§4.1: "any comparator that returns sort information"); the
// validator checks that and the operator ("gt", "ge", "lt", "le", "eq",
// "ne", case-insensitive). The kernels are the VM's (vm/match): :value
// compares each value with the keys, :count compares the number of values,
// which each test counts as §4.2 says (header fields, addresses, envelope
// paths, non-empty strings).
#include "extensions/relational/relational.h"

namespace sievekit::extensions {

void RegisterRelational(ir::Registry& registry) {
  registry.Register({"relational", false, false}, [](ir::ExtensionBuilder& b) {
    b.MatchType("value", ir::ComparatorNeed::kOrdering, /*relational=*/true);
    b.MatchType("count", ir::ComparatorNeed::kOrdering, /*relational=*/true);
  });
}

}  // namespace sievekit::extensions
