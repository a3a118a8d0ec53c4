#!/usr/bin/env bash
# test/run.sh - runs test suites and adds up their "# suite X: N passed,
# M failed" lines into one closing line "total: N passed, M failed".
#
#   test/run.sh                     everything `make test` promises
#   test/run.sh units RUNNER BIN... just these unit-test binaries
#
# Environment: FUZZ_SMOKE_SECONDS (default 20) per fuzz target;
# E2E_ONLY=pattern to run only matching end-to-end scripts.
set -u
cd "$(dirname "$0")/.."
total_pass=0
total_fail=0
failed_suites=()
build=${BUILD:-build}
log_dir=$build/test-logs
mkdir -p "$log_dir"

# run_suite NAME CMD... : runs CMD, shows its output, adds its counts.
run_suite() {
	local name=$1 log out p f rc
	shift
	log="$log_dir/${name//\//_}.log"
	echo "=== $name"
	"$@" >"$log" 2>&1
	rc=$?
	grep -v '^  ok ' "$log" | tail -n 200
	out=$(grep -E '^# suite [^:]+: [0-9]+ passed, [0-9]+ failed$' "$log" |
		sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\1 \2/' |
		awk '{p+=$1; f+=$2} END {print p+0, f+0}')
	p=${out% *}
	f=${out#* }
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "    $name exited with status $rc"
		f=1
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		echo "    $name ran no test"
		f=1
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	[ "$f" -eq 0 ] || failed_suites+=("$name")
}

finish() {
	if [ ${#failed_suites[@]} -gt 0 ]; then
		echo "failed suites: ${failed_suites[*]} (logs in $log_dir/)"
	fi
	echo "total: $total_pass passed, $total_fail failed"
	[ "$total_fail" -eq 0 ]
	exit
}

if [ "${1:-}" = units ]; then
	runner=$2
	shift 2
	for bin in "$@"; do
		case $bin in *.d) continue ;; esac
		run_suite "$bin" $runner "$bin"
	done
	finish
fi

native=$(uname -m)
for bin in "$build/$native"/test/unit_*; do
	case $bin in *.d) continue ;; esac
	[ -x "$bin" ] && run_suite "$bin" "$bin"
done
for bin in "$build"/aarch64/test/unit_*; do
	case $bin in *.d) continue ;; esac
	[ -x "$bin" ] && run_suite "$bin (qemu)" qemu-aarch64-static "$bin"
done
for bin in "$build"/san/unit_*; do
	case $bin in *.d) continue ;; esac
	[ -x "$bin" ] && run_suite "$bin" "$bin"
done
for bin in "$build"/san/fuzz_*; do
	case $bin in *.d) continue ;; esac
	[ -x "$bin" ] && run_suite "$bin" test/fuzz/run.sh \
		"${FUZZ_SMOKE_SECONDS:-20}" "$bin"
done
run_suite check-layers scripts/check-layers.sh
for t in test/e2e/*.sh; do
	[ -f "$t" ] || continue
	[ "$t" = test/e2e/lib.sh ] && continue	# sourced libraries are *.bash
	case "$t" in *"${E2E_ONLY:-}"*) ;; *) continue ;; esac
	run_suite "$t" bash "$t"
done
finish
