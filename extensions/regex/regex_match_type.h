// The run time of the :regex match type (draft-murchison-sieve-regex-07 §3):
// the vm::MatchTypeRuntime that vm::KeyMatcher calls to prepare a test's key
// list, and the matcher it builds.
//
// A value matches when some key's regex matches somewhere in it. Keys known
// at compile time are compiled once, when the program is prepared, and
// shared by every evaluation. Keys with variables (RFC 5229) are expanded
// per evaluation and compiled then; the compiled regex is kept in a
// per-evaluation-context cache (RegexCache), so a warm evaluation that
// expands a key to the same text does not compile it again. A key that
// fails to compile at run time is a runtime error ("invalid-regex"): the
// message is kept (RFC 5228 §2.10.6).
//
// Match variables: on a successful match, when the program reads them and
// the test allows it, ${0} is the matched text and ${1}... the groups
// (draft-07 leaves this as an open issue, §0.3; this is what later drafts
// and existing implementations do).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vm/call_runtime.h"

namespace sievekit::extensions::regex {

// How many compiled run-time keys one evaluation context keeps; past it the
// cache starts again (a script whose keys change with every message gains
// nothing from keeping more).
inline constexpr size_t kMaxCachedRegexes = 64;

extern const vm::MatchTypeRuntime kRegexMatchTypeRuntime;

// How many keys were compiled at run time so far, process-wide (cache
// misses), so that tests and benchmarks can check that warm evaluations
// compile nothing.
uint64_t RuntimeRegexCompilations();

// Whether the comparator may be used with :regex (§3: i;octet and
// i;ascii-casemap), and whether it makes the match case-insensitive.
bool RegexComparatorSupported(std::string_view comparator);
bool RegexComparatorFoldsCase(std::string_view comparator);

}  // namespace sievekit::extensions::regex
