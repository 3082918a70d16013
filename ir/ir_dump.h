// DumpIr: a deterministic S-expression view of the validated IR, for golden
// files and `sievec dump --ir`. Unlike the syntax tree dump it shows what the
// validator resolved: lower-case names, the comparator, match type and
// address part of every test that takes them (defaults included), and the
// if/elsif/else chain as one node.
//   require ["fileinto"]
//   (if (header :comparator "i;ascii-casemap" :is ["Sender"] ["x"]) {(fileinto "a")} else {(keep)})
#pragma once

#include <string>

#include "ir/ir.h"

namespace sievekit::ir {

std::string DumpIr(const Script& script);

}  // namespace sievekit::ir
