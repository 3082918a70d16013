// FUZZ_CHECK: an invariant a fuzz target asserts. A violation aborts, which
// libFuzzer reports as a crash with the input saved — and the replay driver
// as a failing ctest.
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, what)                                                     \
  do {                                                                                  \
    if (!(condition)) {                                                                 \
      std::fprintf(stderr, "fuzz invariant violated: %s (%s:%d)\n", what, __FILE__, __LINE__); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)
