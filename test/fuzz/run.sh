#!/usr/bin/env bash
# test/fuzz/run.sh SECONDS BIN... - runs each libFuzzer target for SECONDS
# from its seed corpus (test/fuzz/corpus/NAME/, NAME = BIN without fuzz_),
# into a scratch corpus under build/fuzz-corpus/ so the tree stays clean.
# A crash, leak or sanitizer report fails the target; the reproducer is
# kept in build/fuzz-artifacts/.  Prints the executions run per target.
set -u
secs=$1
shift
cd "$(dirname "$0")/../.."
rc=0
for bin in "$@"; do
	name=$(basename "$bin")
	seed=test/fuzz/corpus/${name#fuzz_}
	work=build/fuzz-corpus/$name
	art=build/fuzz-artifacts/$name/
	mkdir -p "$work" "$art"
	[ -d "$seed" ] && cp -n "$seed"/* "$work"/ 2>/dev/null
	log=build/fuzz-artifacts/$name.log
	"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$art" -print_final_stats=1 "$work" >"$log" 2>&1
	r=$?
	execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" |
		grep -Eo '[0-9]+$')
	if [ $r -eq 0 ]; then
		echo "fuzz $name: ${execs:-?} executions in ${secs}s, no crash"
		echo "# suite $name: 1 passed, 0 failed"
	else
		tail -n 40 "$log"
		echo "fuzz $name: FAILED (exit $r), artifacts in $art"
		echo "# suite $name: 0 passed, 1 failed"
		rc=1
	fi
done
exit $rc
