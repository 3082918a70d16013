// Limits: every bound on the resources a script or message may consume.
//
// Each limit has a name (used in diagnostics and documentation), a default
// chosen to admit any reasonable hand- or GUI-written script while keeping a
// hostile one from exhausting memory or the stack, and a diagnostic when
// exceeded. These are the compile-time limits, held in one struct so that a
// host configures them in one place; the run-time ones are
// vm::RuntimeLimits (vm/eval_context.h), the message ones mail::MessageLimits
// (mail/message_limits.h). docs/limits.md lists every limit in one table.
#pragma once

#include <cstdint>

namespace sievekit {

struct Limits {
  // Bytes of script source. Pigeonhole's default is the same 1 MiB.
  uint32_t max_script_size = 1u << 20;
  // Blocks nested inside blocks, and tests nested inside tests (`not`,
  // `anyof`, `allof`). The parser and validator recurse once per level, so
  // these are what keep a hostile script from overflowing the stack; 32 each
  // is what Pigeonhole allows, and far more than any real script uses.
  uint32_t max_block_depth = 32;
  uint32_t max_test_depth = 32;
  // Bytes of one decoded string (a vacation reason or a :mime body can be long).
  uint32_t max_string_length = 1u << 20;
  // Strings in one string list, or tests in one test list (GUI whitelists can
  // hold thousands of addresses).
  uint32_t max_list_length = 65536;
  // Errors reported per script before the compiler stops listing them.
  uint32_t max_errors = 20;
  // Variables (RFC 5229 §6 asks for at least 32-character names and 128
  // distinct variables): the length of one name, and the distinct variables
  // one script assigns with `set` (the run-time bound is
  // vm::RuntimeLimits::max_variables).
  uint32_t max_variable_name_length = 64;
  uint32_t max_variables = 256;
};

}  // namespace sievekit
