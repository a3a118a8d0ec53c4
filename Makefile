# mosh-static - one non-recursive GNU Makefile.
#
#   make                  the native static binary ./mosh-static
#   make ARCH=aarch64     ./mosh-static-aarch64 (also ARCH=armv7)
#   make release          stripped native binary
#   make test             every test suite; ends with "N passed, N failed"
#   make bench            benchmarks (figures printed, not asserted)
#   make fuzz             run every fuzz target for FUZZ_SECONDS each
#   make size             binary size and the biggest contributors
#   make install PREFIX=/usr/local
#
# Objects live in build/<variant>/; nothing is written into the sources.

VERSION := 0.1.0
NATIVE_ARCH := $(shell uname -m)
ARCH ?= $(NATIVE_ARCH)
PREFIX ?= /usr/local
FUZZ_SECONDS ?= 60
SHELL := /bin/bash

# --- toolchain per architecture -------------------------------------------
# Debian's musl-tools gives musl-gcc for the native arch; for the others the
# cross gcc is pointed at musl with the specs file musl-dev:ARCH ships.
ifeq ($(ARCH),$(NATIVE_ARCH))
  TCC := musl-gcc
  BEARSSL_LIB := /usr/lib/$(NATIVE_ARCH)-linux-gnu/libbearssl.a
  BIN := mosh-static
  RUNNER :=
else ifeq ($(ARCH),aarch64)
  TCC := aarch64-linux-gnu-gcc -specs /usr/lib/aarch64-linux-musl/musl-gcc.specs
  BEARSSL_LIB := /usr/lib/aarch64-linux-gnu/libbearssl.a
  BIN := mosh-static-aarch64
  RUNNER := qemu-aarch64-static
else ifeq ($(ARCH),armv7)
  TCC := arm-linux-gnueabihf-gcc -specs /usr/lib/arm-linux-musleabihf/musl-gcc.specs
  BEARSSL_LIB := /usr/lib/arm-linux-gnueabihf/libbearssl.a
  BIN := mosh-static-armv7
  RUNNER := qemu-arm-static
else
  $(error unknown ARCH=$(ARCH); use $(NATIVE_ARCH), aarch64 or armv7)
endif
ifeq ($(origin CC),default)
  CC := $(TCC)
endif
STRIP_aarch64 := aarch64-linux-gnu-strip
STRIP_armv7 := arm-linux-gnueabihf-strip
STRIP := $(or $(STRIP_$(ARCH)),strip)

WARN := -Wall -Wextra -Wundef -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wvla -Wno-unused-parameter
CPPFLAGS := -I. -I/usr/include/bearssl -D_GNU_SOURCE -DMOSH_VERSION='"$(VERSION)"'
CFLAGS := -std=c11 -Os $(WARN) -fno-common -ffunction-sections -fdata-sections \
	-fstack-protector-strong -MMD -MP
LDFLAGS := -static -Wl,--gc-sections -Wl,-z,relro,-z,now
LDLIBS := $(BEARSSL_LIB)

BUILD ?= build
B := $(BUILD)/$(ARCH)
LIB_SRCS := $(sort $(wildcard core/*.c crypto/*.c term/*.c net/*.c))
APP_SRCS := main.c $(sort $(wildcard applets/*.c))
UNIT_SRCS := $(sort $(wildcard test/unit/*.c))
TOOL_SRCS := $(sort $(wildcard test/tools/*.c))
BENCH_SRCS := $(sort $(wildcard test/bench/*.c))
FUZZ_SRCS := $(sort $(wildcard test/fuzz/fuzz_*.c))

LIB_OBJS := $(LIB_SRCS:%.c=$(B)/%.o)
APP_OBJS := $(APP_SRCS:%.c=$(B)/%.o)
UNIT_BINS := $(UNIT_SRCS:test/unit/%.c=$(B)/test/unit_%)
TOOL_BINS := $(TOOL_SRCS:test/tools/%.c=$(B)/tools/%)
BENCH_BINS := $(BENCH_SRCS:test/bench/%.c=$(B)/bench/%)

.PHONY: all release test unit-test unit-bins bench fuzz asan-test san-bins \
	size install clean deps check-layers cross tools
.DEFAULT_GOAL := all
# Keep intermediate objects (the harness objects) between runs.
.SECONDARY:

all: $(BIN)

# Anything missing from the toolchain is installed by scripts/deps.sh.
$(B)/.deps-ok:
	@scripts/deps.sh --check build-$(ARCH) || scripts/deps.sh build-$(ARCH)
	@mkdir -p $(@D) && touch $@

deps:
	scripts/deps.sh all

# The build id changes with each commit; the header is rewritten only when
# its text changes, so an unchanged tree does not relink.
$(B)/buildid.h: FORCE | $(B)/.deps-ok
	@mkdir -p $(@D)
	@id=$$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown); \
	 git diff --quiet HEAD -- 2>/dev/null || id="$$id-dirty"; \
	 echo "#define MOSH_BUILD_ID \"$$id $(ARCH)\"" > $@.tmp; \
	 cmp -s $@ $@.tmp 2>/dev/null && rm -f $@.tmp || mv $@.tmp $@
FORCE:

$(B)/main.o: $(B)/buildid.h
$(B)/main.o: CPPFLAGS += -include $(B)/buildid.h

$(B)/%.o: %.c | $(B)/.deps-ok
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/libmosh.a: $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(APP_OBJS) $(B)/libmosh.a
	$(CC) $(LDFLAGS) -o $@ $(APP_OBJS) $(B)/libmosh.a $(LDLIBS)

release: $(BIN)
	$(STRIP) --strip-all $(BIN)

cross:
	$(MAKE) ARCH=aarch64
	$(MAKE) ARCH=armv7

# --- tests -------------------------------------------------------------------
$(B)/test/unit_%: test/unit/%.c $(B)/test/harness.o $(B)/libmosh.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/test/harness.o \
		$(B)/libmosh.a $(LDLIBS)

$(B)/tools/%: test/tools/%.c $(B)/libmosh.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libmosh.a $(LDLIBS)

$(B)/bench/%: test/bench/%.c $(B)/libmosh.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -O2 $(LDFLAGS) -o $@ $< $(B)/libmosh.a $(LDLIBS)

tools: $(TOOL_BINS)

unit-test: $(UNIT_BINS)
	@test/run.sh units "$(RUNNER)" $(UNIT_BINS)

# `make test` runs everything CI runs and prints the grand total last:
# native unit suites, the same suites for aarch64 under qemu, the suites
# again under ASan+UBSan, a short smoke run of every fuzz target, the
# end-to-end scripts in test/e2e/, and the layering check.
test: $(BIN) $(UNIT_BINS) $(TOOL_BINS)
	@scripts/deps.sh --check test || scripts/deps.sh test
	$(MAKE) ARCH=aarch64 all unit-bins
	$(MAKE) san-bins
	@BUILD=$(BUILD) test/run.sh

unit-bins: $(UNIT_BINS)

bench: $(BIN) $(BENCH_BINS) $(TOOL_BINS)
	@BUILD=$(BUILD) test/bench/run.sh

# --- sanitizers and fuzzing (clang + glibc; the BearSSL .a links as is) -------
SAN := $(BUILD)/san
SAN_CC := clang
SAN_FLAGS := -std=c11 -g -O1 -I. -I/usr/include/bearssl -D_GNU_SOURCE \
	-DMOSH_VERSION='"$(VERSION)"' -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined
SAN_BEARSSL := /usr/lib/$(NATIVE_ARCH)-linux-gnu/libbearssl.a
SAN_UNIT_BINS := $(UNIT_SRCS:test/unit/%.c=$(SAN)/unit_%)
FUZZ_BINS := $(FUZZ_SRCS:test/fuzz/%.c=$(SAN)/%)
SAN_OBJS := $(LIB_SRCS:%.c=$(SAN)/%.o)

# Library code carries fuzzer coverage hooks too, so one archive serves both.
$(SAN)/%.o: %.c
	@mkdir -p $(@D)
	$(SAN_CC) $(SAN_FLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(SAN)/libmosh.a: $(SAN_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(SAN)/unit_%: test/unit/%.c $(SAN)/test/harness.o $(SAN)/libmosh.a
	$(SAN_CC) $(SAN_FLAGS) -o $@ $< $(SAN)/test/harness.o $(SAN)/libmosh.a \
		$(SAN_BEARSSL)

$(SAN)/fuzz_%: test/fuzz/fuzz_%.c $(SAN)/libmosh.a
	$(SAN_CC) $(SAN_FLAGS) -fsanitize=fuzzer -o $@ $< $(SAN)/libmosh.a \
		$(SAN_BEARSSL)

san-bins: $(SAN_UNIT_BINS) $(FUZZ_BINS)

asan-test: $(SAN_UNIT_BINS)
	@test/run.sh units "" $(SAN_UNIT_BINS)

fuzz: $(FUZZ_BINS)
	@test/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BINS)

# --- layering, size, install ---------------------------------------------------
check-layers:
	@scripts/check-layers.sh

size: $(BIN)
	@scripts/size.sh $(BIN) $(B)

# The binary (stripped as installed; the tree's copy is left alone), the
# stock mosh names as relative symbolic links (DESTDIR-safe, and nothing
# is run, so cross builds install too), and the man page.  The generic
# applet names (client, server, ...) are not put on PATH: `mosh-static
# --install DIR` makes those where wanted.
INSTALL_BIN := $(DESTDIR)$(PREFIX)/bin
install: $(BIN)
	install -d $(INSTALL_BIN) $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(INSTALL_BIN)/mosh-static
	$(STRIP) --strip-all $(INSTALL_BIN)/mosh-static
	for n in mosh mosh-server mosh-client; do \
		ln -sfn mosh-static $(INSTALL_BIN)/$$n || exit 1; done
	install -m 644 mosh-static.1 $(DESTDIR)$(PREFIX)/share/man/man1/mosh-static.1

clean:
	rm -rf build mosh-static mosh-static-aarch64 mosh-static-armv7

-include $(shell find build -name '*.d' 2>/dev/null)
