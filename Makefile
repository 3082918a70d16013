# The two commands of the README's quick start, and a few more.
#   make demo   — set up, build, and run sievec on the bundled examples
#   make check  — set up, build, and run the whole test suite through ctest
# Each target installs missing Debian packages first (as root) or says which
# apt-get line to run. SIEVEKIT_WERROR=ON (as CI sets it) makes warnings errors.
BUILD ?= build
SIEVEKIT_WERROR ?= OFF
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all setup configure build demo check check-sanitize build-clang fuzz clean

all: build

setup:
	@scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD) -DSIEVEKIT_WERROR=$(SIEVEKIT_WERROR) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo.sh $(BUILD)/bin/sievec

check: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, in
# its own build tree (build-sanitize).
check-sanitize: setup
	@cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
	  -DSIEVEKIT_SANITIZE=ON \
	  -DSIEVEKIT_BUILD_BENCHMARKS=OFF -DSIEVEKIT_WERROR=$(SIEVEKIT_WERROR) $(CMAKE_FLAGS) >/dev/null
	@cmake --build build-sanitize -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir build-sanitize --output-on-failure -j $(JOBS)

# Everything (library, sievec, tests, benchmarks) compiled by clang as well,
# in build-clang, unoptimised: clang rejects or warns about code GCC lets
# through, and `make fuzz` builds with clang. Built only; make check runs.
build-clang:
	@SIEVEKIT_EXTRA_PACKAGES="clang" scripts/setup.sh
	@cmake -S . -B build-clang -DCMAKE_CXX_COMPILER=clang++ \
	  -DSIEVEKIT_WERROR=$(SIEVEKIT_WERROR) $(CMAKE_FLAGS) >/dev/null
	@cmake --build build-clang -j $(JOBS)

# libFuzzer targets (clang) in build-fuzz; each runs FUZZ_SECONDS seconds on
# its corpus in corpus/fuzz/<target>, new inputs going to build-fuzz/corpus.
FUZZ_SECONDS ?= 60
FUZZERS ?= parser_fuzzer compile_fuzzer binary_fuzzer message_fuzzer eval_fuzzer
fuzz:
	@SIEVEKIT_EXTRA_PACKAGES="clang libclang-rt-14-dev" scripts/setup.sh
	@cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DSIEVEKIT_BUILD_FUZZERS=ON \
	  -DSIEVEKIT_BUILD_TESTS=OFF -DSIEVEKIT_BUILD_BENCHMARKS=OFF >/dev/null
	@cmake --build build-fuzz -j $(JOBS) --target $(FUZZERS)
	@for f in $(FUZZERS); do \
	  mkdir -p build-fuzz/corpus/$$f; \
	  echo "== $$f for $(FUZZ_SECONDS) s"; \
	  build-fuzz/bin/$$f -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=build-fuzz/ build-fuzz/corpus/$$f corpus/fuzz/$$f || exit 1; \
	done

clean:
	rm -rf $(BUILD) build-sanitize build-clang build-fuzz
