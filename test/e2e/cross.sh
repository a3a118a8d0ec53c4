#!/usr/bin/env bash
# End-to-end: the router builds.  `make test` builds the aarch64 binary
# (and its unit tests, run by test/run.sh under qemu); this checks the
# binaries themselves under qemu-user.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/session_checks.bash"

a64=$E2E_TOP/mosh-static-aarch64
check_match "aarch64 binary is static" "ARM aarch64.*statically linked" "$(file "$a64")"
check_match "aarch64 --list under qemu" "^keygen$" "$(qemu-aarch64-static "$a64" --list)"
key=$(qemu-aarch64-static "$a64" keygen)
check_match "aarch64 keygen under qemu" '^[A-Za-z0-9+/]{21}[AQgw]$' "$key"
check "aarch64 key passes the native --check" "$BIN" keygen --check "$key"
check_match "aarch64 --version names the arch" "aarch64\)$" "$(qemu-aarch64-static "$a64" --version)"

# The router build as the server of a real session (under qemu-user),
# with our x86-64 client: the same screen checks as every pair.
session_checks "qemu-aarch64-static $a64 server" "$BIN client"

if make -s -C "$E2E_TOP" ARCH=armv7 >"$T/armv7.log" 2>&1; then
	pass "armv7 build"
else
	fail "armv7 build" "$(tail -5 "$T/armv7.log")"
fi
v7=$E2E_TOP/mosh-static-armv7
check_match "armv7 binary is static" "ARM, EABI5.*statically linked" "$(file "$v7")"
check_match "armv7 keygen under qemu" '^[A-Za-z0-9+/]{21}[AQgw]$' "$(qemu-arm-static "$v7" keygen)"
finish
