# umol4 — the two set-up commands are `make run` and `make test` (see README.md).
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all deps build run cluster test test-matrix bench install package clean format

all: build

deps:
	@sh scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo > $(BUILD).cmake.log 2>&1 || \
		{ cat $(BUILD).cmake.log; exit 1; }
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@sh scripts/demo.sh $(BUILD)

# Instances of every ISA exchanging Ethernet frames over vxvde (docs/cluster.md).
cluster: build
	@sh scripts/cluster_demo.sh $(BUILD)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --repeat until-pass:3

# The cross-ISA trace matrix alone (docs/testing.md); `make test` runs it too.
test-matrix: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L matrix

bench: build
	@$(BUILD)/bin/umol4-bench --json $(BUILD)/bench.json --svg $(BUILD)/bench

# The SDK into PREFIX (docs/sdk.md); relocatable, so it may be moved afterwards.
PREFIX ?= /usr/local
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# The Debian package, $(BUILD)/umol4_<version>_amd64.deb (docs/sdk.md).
package: build
	cd $(BUILD) && cpack -G DEB

clean:
	rm -rf $(BUILD) $(BUILD).cmake.log

format:
	clang-format -i $$(git ls-files '*.c' '*.h')
