# The two commands of the README's quick start, and a few more.
#   make demo   — set up, build, and run sievec on the bundled examples
#   make check  — set up, build, and run the whole test suite through ctest
# Each target installs missing Debian packages first (as root) or says which
# apt-get line to run. SIEVEKIT_WERROR=ON (as CI sets it) makes warnings errors.
BUILD ?= build
SIEVEKIT_WERROR ?= OFF
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all setup configure build demo check check-sanitize clean

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

clean:
	rm -rf $(BUILD)
