// Saving a compiled Program to bytes and loading it back (the ".svbin"
// files of `sievec compile`). The layout is in binary_format.h.
//
// Loading treats the bytes as hostile: it checks the magic, the format
// version and the checksum, parses with a bounds check on every read and a
// limit on every count before anything is allocated, resolves every name
// through the registry, re-checks each call against its signature and its
// extension's validate hook (call_verifier.h), verifies the code
// (program_verifier.h) and finally prepares the program. Anything wrong is
// an Error naming the problem — never a crash, a hang or an allocation the
// file's size does not justify. Nothing here does I/O.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"
#include "ir/registry.h"
#include "ir/validation_context.h"
#include "vm/program.h"

namespace sievekit::vm {

// The binary form of `program`. Deterministic: the same program always gives
// the same bytes, and SaveProgram(*LoadProgram(SaveProgram(p))) ==
// SaveProgram(p).
std::string SaveProgram(const Program& program);

// Whether `bytes` start like a binary written by SaveProgram (the magic
// only; says nothing of the rest).
bool LooksLikeBinary(std::string_view bytes);

// A prepared, verified Program from SaveProgram's bytes, or an Error saying
// why the bytes were refused. `options` say which extensions the host offers
// (testsuite-only and disabled extensions are refused, as in a `require`)
// and bound the strings (Limits::max_string_length, max_list_length,
// max_script_size).
Result<std::shared_ptr<const Program>> LoadProgram(std::string_view bytes,
                                                   const ir::Registry& registry,
                                                   const ir::CompileOptions& options = {});

}  // namespace sievekit::vm
