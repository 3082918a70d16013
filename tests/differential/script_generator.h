// Random Sieve scripts for the differential test, deterministic from a seed.
//
// It builds a GeneratedScript (generated_script.h), rendered to Sieve text
// and shrunk structurally when a case fails. It uses only what the reference evaluator supports:
// if/elsif/ else nested up to three levels, not/anyof/allof/true/false, header, address, envelope,
// exists and size with random comparators, match types, relational operators and address parts, and
// keep, discard, fileinto, redirect (with :copy, and often twice to the same place) and stop —
// never variables, imap4flags or reject. Keys come from vocabulary.h, shared with the message
// generator, or are cut and turned into patterns from its values, so that about half of the tests
// hold; key lists sometimes have four to six keys, where the VM changes strategy.
//
// Every script it renders must pass validation; combinations the language
// forbids (:contains or :matches with i;ascii-numeric, :user without
// subaddress, ...) are never produced, and `require` lists exactly the
// extensions a script uses. Test-only code.
#pragma once

#include <cstddef>
#include <cstdint>

#include "tests/differential/generated_script.h"

namespace sievekit::differential {

struct ScriptGeneratorOptions {
  size_t max_top_level_statements = 6;
  size_t max_block_depth = 3;  // nesting of if blocks
  size_t max_test_depth = 2;   // nesting of not/anyof/allof
};

GeneratedScript GenerateScript(uint64_t seed, const ScriptGeneratorOptions& options = {});

}  // namespace sievekit::differential
