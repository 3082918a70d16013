// `sievec test [--quiet] FILE.svtest...`: run test files written for
// Pigeonhole's testsuite (vnd.dovecot.testsuite) and print, per test,
// "PASS name" or "FAIL name: reason", then "N passed, N failed". Exit 0 when
// everything passed, 1 when anything failed, 2 on usage errors.
#include <iostream>

#include <fmt/format.h>

#include "tools/subcommand.h"
#include "tools/testsuite_runner.h"

namespace sievekit::tools {

int RunTest(Args args) {
  bool quiet = false;
  std::vector<std::string> files;
  for (const std::string& arg : args) {
    if (arg == "--quiet") {
      quiet = true;
    } else if (!arg.empty() && arg[0] == '-') {
      std::cerr << "sievec test: unknown option '" << arg << "'\n";
      return kExitUsage;
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) {
    std::cerr << "usage: sievec test [--quiet] FILE.svtest...\n";
    return kExitUsage;
  }
  size_t passed = 0, failed = 0;
  for (const std::string& file : files) {
    const TestFileReport report = RunTestFile(file);
    if (!report.compiled) {
      ++failed;
      std::cout << fmt::format("FAIL {}: does not compile\n", file);
      if (!quiet) std::cerr << report.compile_errors;
      continue;
    }
    for (const extensions::TestOutcome& t : report.outcomes) {
      if (t.passed) {
        ++passed;
        if (!quiet) std::cout << fmt::format("PASS {}: {}\n", file, t.name);
      } else {
        ++failed;
        std::cout << fmt::format("FAIL {}: {}: {}\n", file, t.name, t.reason);
      }
    }
    if (!report.runtime_error.empty()) {
      ++failed;
      std::cout << fmt::format("FAIL {}: stopped: {}\n", file, report.runtime_error);
    }
  }
  std::cout << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed == 0 ? kExitOk : kExitInvalid;
}

}  // namespace sievekit::tools
