#!/usr/bin/env bash
# test/e2e/term_applet.sh - `mosh-static term`: sizes, output shape,
# --attrs, stdin and FILE, and its errors.
source "$(dirname "$0")/lib.sh"

out=$(printf 'hello   \r\nworld' | "$BIN" term)
check_eq "default 80x24: 24 lines" 24 "$(printf 'a' | "$BIN" term | wc -l)"
check_eq "trailing blanks trimmed" "hello" "$(printf '%s\n' "$out" | head -n 1)"
check_eq "second row" "world" "$(printf '%s\n' "$out" | sed -n 2p)"

out=$(printf 'a\xe4\xb8\x80b' | "$BIN" term --size 10x3)
check_eq "--size: 3 lines" 3 "$(printf 'a' | "$BIN" term --size 10x3 | wc -l)"
check_eq "wide character printed once" "a一b" "$(printf '%s\n' "$out" | head -n 1)"

printf 'x\033[1;31mred\033[0m\033[2;5H' >"$T/in"
out=$("$BIN" term --attrs --size 8x2 "$T/in")
check_eq "--attrs: SGR and cursor line" \
	"$(printf 'x\033[0;1;31mred\033[0m\n\ncursor 1,4')" "$out"
check_eq "-s and -a short forms" "$out" "$("$BIN" term -a -s 8x2 <"$T/in")"

check_eq "12345 on 3 columns wraps" "$(printf '123\n45')" \
	"$(printf '12345' | "$BIN" term --size 3x2)"

"$BIN" term --size 0x5 </dev/null >/dev/null 2>"$T/err"
check_eq "bad size: exit 2" 2 $?
check_match "bad size: says why" "bad size" "$(cat "$T/err")"
"$BIN" term "$T/missing" >/dev/null 2>&1
check_eq "missing file: exit 1" 1 $?
"$BIN" term --bogus </dev/null >/dev/null 2>&1
check_eq "unknown option: exit 2" 2 $?
check_match "--help" "Usage: mosh-static term" "$("$BIN" term --help)"
finish
