// Disassemble: a deterministic text listing of a Program, for `sievec dump`
// and golden tests. One line per instruction: its pc, the opcode, the jump
// target, and for instructions that run a call the call's index, its source
// line:column and the call itself with every operand the VM will use (other
// tags, then the resolved comparator, address part and match type, defaults
// included, then the positional arguments):
//
//   program "ex.sieve" (2 calls, 3 instructions)
//      0  test-jump-if-false  -> 2  #0 @1:4 size :over 1024
//      1  execute                   #1 @1:20 discard
//      2  halt
//
// It reads the program only; it works the same on a compiled and a loaded
// program (which have no source text).
#pragma once

#include <string>

#include "vm/program.h"

namespace sievekit::vm {

std::string Disassemble(const Program& program);

}  // namespace sievekit::vm
