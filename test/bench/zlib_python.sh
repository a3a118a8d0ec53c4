#!/usr/bin/env bash
# test/bench/zlib_python.sh - Python's zlib (level 6, what stock mosh
# uses) on exactly the data test/bench/zlib.c measures, for a side-by-side
# view.  Prints figures; asserts nothing.
set -u
cd "$(dirname "$0")/../.."
bench=${BUILD:-build}/$(uname -m)/bench/zlib
if [ ! -x "$bench" ]; then
	echo "no $bench (make bench builds it)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bench" --dump "$tmp/big" --dump-frames "$tmp/frames" || exit 1
python3 - "$tmp/big" "$tmp/frames" <<'PY'
import struct, sys, time, zlib
big = open(sys.argv[1], "rb").read()
td = ti = 1e9
for _ in range(3):
    t = time.perf_counter(); z = zlib.compress(big, 6)
    td = min(td, time.perf_counter() - t)
    t = time.perf_counter(); zlib.decompress(z)
    ti = min(ti, time.perf_counter() - t)
print("python zlib level 6 on terminal-like data:")
print("stream %d bytes: compressed %d (%.2f%%); deflate %.1f MB/s, "
      "inflate %.1f MB/s (best of 3)" % (len(big), len(z),
      100.0 * len(z) / len(big), len(big) / td / 1e6, len(big) / ti / 1e6))
raw = open(sys.argv[2], "rb").read()
frames, i = [], 0
while i < len(raw):
    (n,) = struct.unpack(">I", raw[i:i + 4])
    frames.append(raw[i + 4:i + 4 + n])
    i += 4 + n
td = ti = 0.0
total = ztotal = 0
for f in frames:
    t = time.perf_counter(); z = zlib.compress(f, 6)
    td += time.perf_counter() - t
    t = time.perf_counter(); zlib.decompress(z)
    ti += time.perf_counter() - t
    total += len(f); ztotal += len(z)
print("%d frames, %d bytes: compressed %d (%.2f%%); deflate %.2f us/frame, "
      "inflate %.2f us/frame (includes Python call overhead)" % (len(frames),
      total, ztotal, 100.0 * ztotal / total, td * 1e6 / len(frames),
      ti * 1e6 / len(frames)))
PY
