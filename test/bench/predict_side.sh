#!/usr/bin/env bash
# Local-echo benchmark, our client vs stock mosh-client (see predict_side.py).
# BENCH_QUICK=1 for one round of the trace instead of three.
cd "$(dirname "$0")/../.." || exit 1
/usr/bin/python3 -c 'import pyte' 2>/dev/null || {
	echo "predict_side: needs python3-pyte (scripts/deps.sh all installs it)"
	exit 0
}
exec /usr/bin/python3 test/bench/predict_side.py ${BENCH_QUICK:+--quick}
