// The sievec subcommand table: each subcommand is a name, a one-line summary
// for `sievec help`, and a function taking its own arguments. Exit statuses
// follow one convention across subcommands: 0 success, 1 the input was bad
// (invalid script, failing test), 2 usage or I/O error.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sievekit::tools {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;
// `run`: the script compiled and ran, but a runtime error stopped it (the
// message is kept, as a delivery would keep it).
inline constexpr int kExitRuntimeError = 3;

using Args = std::span<const std::string>;

struct Subcommand {
  std::string_view name;
  std::string_view usage;    // e.g. "check [--json] FILE..."
  std::string_view summary;  // one line
  int (*run)(Args args);
};

// Every subcommand, in the order `sievec help` lists them.
std::span<const Subcommand> Subcommands();

int RunCheck(Args args);
int RunCompile(Args args);
int RunFmt(Args args);
int RunDump(Args args);
int RunRules(Args args);
int RunRun(Args args);
int RunFilter(Args args);
int RunTest(Args args);

// The Pigeonhole-compatible `sievec FILE [OUT]` (= compile FILE -o OUT),
// taken when the first argument is no subcommand but an existing file.
bool IsPigeonholeCompileForm(const std::string& first_argument);
int RunPigeonholeCompile(Args args);

}  // namespace sievekit::tools
