#!/usr/bin/env bash
# test/bench/run.sh - runs every benchmark: the binaries built from
# test/bench/*.c (in $BUILD/<arch>/bench/) and the scripts test/bench/*.sh.
# Benchmarks print figures; they assert nothing.
set -u
cd "$(dirname "$0")/../.."
build=${BUILD:-build}/$(uname -m)
for b in "$build"/bench/*; do
	[ -x "$b" ] || continue
	echo "=== $(basename "$b")"
	"$b" || echo "    (benchmark $(basename "$b") exited with $?)"
done
for s in test/bench/*.sh; do
	[ -f "$s" ] && [ "$s" != test/bench/run.sh ] || continue
	echo "=== $(basename "$s" .sh)"
	bash "$s" || echo "    (benchmark $(basename "$s") exited with $?)"
done
