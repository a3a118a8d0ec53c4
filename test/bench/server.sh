#!/usr/bin/env bash
# Server benchmarks, ours vs stock mosh-server (see server_bench.py).
# BENCH_QUICK=1 for a short run.
cd "$(dirname "$0")/../.." || exit 1
exec python3 test/bench/server_bench.py ${BENCH_QUICK:+--quick} ${BENCH_ONLY:+--only=$BENCH_ONLY}
