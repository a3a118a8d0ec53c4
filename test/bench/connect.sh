#!/usr/bin/env bash
# test/bench/connect.sh - time from command to client start (the MOSH
# CONNECT line handled), through a local OpenSSH server: stock `mosh`
# vs `mosh-static connect` (stock-style, auto with a server on PATH,
# first connect with upload, later connect from the cache).  The client
# is a stand-in that exits at once, so only the bootstrap is timed.
# Prints medians (ms) of N runs (BENCH_N, default 7), interleaved.
. "$(dirname "$0")/../e2e/lib.sh"
. "$(dirname "$0")/../e2e/sshd_lib.bash"
N=${BENCH_N:-7}
export LANG=C.UTF-8
sshd_user_create >/dev/null && sshd_start || { echo "connect bench: no sshd"; exit 1; }
UH=$RUSER@127.0.0.1
printf '#!/bin/sh\n[ "$1" = -c ] && echo 256\nexit 0\n' >"$T/client"
chmod 755 "$T/client"
mkdir "$T/rbin"
for t in sh cat mkdir chmod mv rm uname sha256sum wc; do
	ln -s "$(command -v $t)" "$T/rbin/$t"
done
ms() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1 || echo "connect bench: failed: $*" >&2
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000000))
}
median() {
	sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'
}
full='PATH=/usr/local/bin:/usr/bin:/bin'
bare="PATH=$T/rbin"
for i in $(seq "$N"); do
	echo "$full" >"$T/renv"
	ms mosh --ssh="$SSH" --client="$T/client" "$UH" >>"$T/stock"
	ms "$BIN" connect --install=never --ssh="$SSH" --client="$T/client" "$UH" >>"$T/never"
	ms "$BIN" connect --ssh="$SSH" --client="$T/client" "$UH" >>"$T/autopath"
	echo "$bare" >"$T/renv"
	rm -rf "$RHOME/.cache"
	ms "$BIN" connect --install-only --ssh="$SSH" "$UH" >>"$T/upload"
	ms "$BIN" connect --install-only --ssh="$SSH" "$UH" >>"$T/cached"
done
size=$(stat -c %s "$BIN")
echo "connect bench (ms to client start, median of $N, sshd on 127.0.0.1):"
echo "  stock mosh (Perl wrapper, stock mosh-server)      $(median <"$T/stock")"
echo "  connect --install=never (stock mosh-server)       $(median <"$T/never")"
echo "  connect, auto, mosh-server found on PATH          $(median <"$T/autopath")"
echo "  connect, auto, first time: upload $size bytes   $(median <"$T/upload")  (install only)"
echo "  connect, auto, cached copy (nothing uploaded)     $(median <"$T/cached")  (install only)"
