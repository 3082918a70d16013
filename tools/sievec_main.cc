// sievec: the sievekit command-line tool. Dispatches to subcommands; an
// unknown subcommand gets a "did you mean" answer and exit status 2.
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "common/suggest.h"
#include "tools/subcommand.h"

namespace sievekit::tools {
namespace {

constexpr Subcommand kSubcommands[] = {
    {"check", "check [--json] FILE...", "validate scripts and report every error", RunCheck},
    {"run", "run SCRIPT MESSAGE [--json]", "show what a script does with a message", RunRun},
    {"filter", "filter SCRIPT MAILDIR|MBOX [--json]",
     "run a script over a whole mailbox (a dry run)", RunFilter},
    {"compile", "compile FILE [-o OUT]", "compile a script to a binary (FILE.svbin)", RunCompile},
    {"test", "test [--quiet] FILE.svtest...",
     "run test files written for Pigeonhole's testsuite", RunTest},
    {"fmt", "fmt [--check] FILE", "print a script in the canonical layout", RunFmt},
    {"dump", "dump [--code|--syntax|--ir] FILE",
     "disassemble a script or binary, or show its syntax tree or IR", RunDump},
    {"rules", "rules parse|emit|describe|check FILE [--profile P]",
     "rule-editor backend: a script as GUI rules (JSON) and back", RunRules},
};

void PrintHelp(std::ostream& out) {
  out << "usage: sievec COMMAND [ARGS]\n\ncommands:\n";
  for (const Subcommand& s : kSubcommands) {
    out << fmt::format("  {}\n      {}\n", s.usage, s.summary);
  }
  out << "\n'sievec FILE [OUT]' is 'sievec compile FILE -o OUT', as in Pigeonhole.\n";
  out << "Exit status: 0 success, 1 invalid input, 2 usage or I/O error.\n";
}

}  // namespace

std::span<const Subcommand> Subcommands() { return kSubcommands; }

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    PrintHelp(std::cerr);
    return kExitUsage;
  }
  const std::string& name = args[0];
  if (name == "help" || name == "--help" || name == "-h") {
    PrintHelp(std::cout);
    return kExitOk;
  }
  if (name == "--version") {
    std::cout << "sievec (sievekit) " << SIEVEKIT_VERSION << "\n";
    return kExitOk;
  }
  for (const Subcommand& s : kSubcommands) {
    if (s.name == name) return s.run(Args(args).subspan(1));
  }
  if (IsPigeonholeCompileForm(name)) return RunPigeonholeCompile(args);
  std::cerr << fmt::format("sievec: unknown command '{}'", name);
  std::vector<std::string_view> names;
  for (const Subcommand& s : kSubcommands) names.push_back(s.name);
  if (auto best = SuggestClosest(name, names)) std::cerr << fmt::format("; did you mean '{}'?", *best);
  std::cerr << "\n(run 'sievec help' for the list of commands)\n";
  return kExitUsage;
}

}  // namespace sievekit::tools

int main(int argc, char** argv) { return sievekit::tools::Main(argc, argv); }
