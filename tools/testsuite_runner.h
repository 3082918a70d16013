// Running Pigeonhole-style test files (.svtest): compile with the testsuite
// extension enabled, evaluate with a TestsuiteHost, collect what every
// `test` block did. Used by `sievec test` and the conformance test.
#pragma once

#include <string>
#include <vector>

#include "extensions/testsuite/testsuite_host.h"

namespace sievekit::tools {

struct TestFileReport {
  std::string file;
  bool compiled = false;
  std::string compile_errors;  // rendered diagnostics when !compiled
  std::vector<extensions::TestOutcome> outcomes;
  std::string runtime_error;  // an error outside any test block ended the file
};

TestFileReport RunTestFile(const std::string& path);

}  // namespace sievekit::tools
