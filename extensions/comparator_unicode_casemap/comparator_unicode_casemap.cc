// Registration of "i;unicode-casemap" (RFC 5051): case-insensitive
// comparison of Unicode text through titlecase folding and decomposition.
// RFC 5051 §2 gives it equality, substring and ordering, so every match
// type works with it. The kernel (ICU-backed folding) is
// vm/match/unicode_casemap.h.
#include "extensions/comparator_unicode_casemap/comparator_unicode_casemap.h"

namespace sievekit::extensions {

void RegisterComparatorUnicodeCasemap(ir::Registry& registry) {
  registry.Register({"comparator-i;unicode-casemap", false, false}, [](ir::ExtensionBuilder& b) {
    b.Comparator("i;unicode-casemap", /*equality=*/true, /*substring=*/true,
                 /*ordering=*/true);
  });
}

}  // namespace sievekit::extensions
