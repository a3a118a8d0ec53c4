#!/usr/bin/env bash
# test/bench/term_callgrind.sh - emulator cost in instructions per MB of
# input (valgrind --tool=callgrind, repeatable to a fraction of a percent
# on a busy machine, unlike MB/s).  Runs `mosh-static term` on the streams
# test/bench/term.c generates (1 MB each) and subtracts the instructions
# of an empty run (start-up and printing the screen).
# For comparison: stock mosh's server needs about 1.45 billion
# instructions per MB of `seq` output (whole process).
set -u
cd "$(dirname "$0")/../.."
bin=${MOSH_STATIC_BIN:-./mosh-static}
gen=${BUILD:-build}/$(uname -m)/bench/term
if ! command -v valgrind >/dev/null; then
	echo "valgrind not installed: skipped"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ir() {
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$bin" term \
		--size "$1" "$2" 2>&1 >/dev/null | sed -n 's/.*I *refs: *//p' | tr -d ,
}
echo "emulator instructions per MB of input (callgrind)"
for size in 80x24 200x60; do
	base=$(ir "$size" /dev/null)
	for kind in seq sgr screen; do
		"$gen" --dump "$kind" "${size%x*}" "${size#*x}" >"$tmp/in"
		bytes=$(stat -c %s "$tmp/in")
		n=$(ir "$size" "$tmp/in")
		awk -v s="$size" -v k="$kind" -v n="$n" -v b="$base" -v by="$bytes" \
			'BEGIN { printf "  %-7s %-7s %8.1f M instructions/MB\n", s, k, (n - b) / (by / 1e6) / 1e6 }'
	done
done
