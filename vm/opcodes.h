// The VM's instruction set: coarse instructions, one per test or command
// (DESIGN.md §6), plus jumps. Tests are compiled into conditional jumps
// ("jump lists", as in Lua's code generator), so `not` costs nothing and
// anyof/allof short-circuit. Jumps only go forward; the one way back is the
// end of a block whose command asks to run it again (foreverypart over the
// parts of a message), so every program ends.
#pragma once

#include <cstdint>
#include <string_view>

namespace sievekit::vm {

enum class Opcode : uint8_t {
  kHalt = 0,          // end of the script
  kStop = 1,          // the stop command (RFC 5228 §3.3)
  kExecute = 2,       // run command calls[a]
  kTestJumpIfTrue = 3,   // run test calls[a]; if true, jump to b
  kTestJumpIfFalse = 4,  // run test calls[a]; if false, jump to b
  kJump = 5,          // jump to b
  // A command with a block (test "name" { }, foreverypart { }): run
  // calls[a]; when it declines the block, jump to b (just past its end).
  kEnterBlock = 6,
  // The end of that block: ask calls[a] whether to run it again (jump back
  // to b, the block's first instruction) or go on.
  kEndBlock = 7,
};

inline constexpr uint8_t kOpcodeCount = 8;

std::string_view OpcodeName(Opcode op);

struct Instruction {
  Opcode op = Opcode::kHalt;
  uint32_t a = 0;  // call index
  uint32_t b = 0;  // jump target (instruction index)
};

}  // namespace sievekit::vm
