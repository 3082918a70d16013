// Registration of "i;ascii-numeric" (RFC 4790 §9.1.1): unsigned decimal
// numbers, strings not starting with a digit being positive infinity. It
// has equality and ordering but no substring operation, so :contains and
// :matches with it are compile errors (RFC 5228 §2.7.1), which the
// validator derives from the capabilities declared here. The kernel is
// vm/match/ascii_numeric.h.
#include "extensions/comparator_ascii_numeric/comparator_ascii_numeric.h"

namespace sievekit::extensions {

void RegisterComparatorAsciiNumeric(ir::Registry& registry) {
  // RFC 5228 §2.7.3: comparators other than i;octet and i;ascii-casemap
  // must be required as "comparator-" + name.
  registry.Register({"comparator-i;ascii-numeric", false, false}, [](ir::ExtensionBuilder& b) {
    b.Comparator("i;ascii-numeric", /*equality=*/true, /*substring=*/false, /*ordering=*/true);
  });
}

}  // namespace sievekit::extensions
