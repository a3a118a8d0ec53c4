#!/usr/bin/env bash
# test/bench/client.sh - our client and stock mosh-client side by side,
# against the same stock mosh-server, in the same run (A B A B ...):
# client CPU time while the server streams a 20 MB `cat`, resident memory
# idle (connected, nothing happening) and peak after the stream (VmHWM),
# and the bytes each client wrote to its terminal (recorded by `script`).
# Figures only; nothing is asserted.  ROUNDS=n (default 2).
. "$(dirname "$0")/../e2e/lib.sh"
export LANG=C.UTF-8
ROUNDS=${ROUNDS:-2}
seq 1 4000000 | head -c 20000000 >"$T/big.txt"
tick=$(getconf CLK_TCK)

# cpu_ms PID: user + system time so far.
cpu_ms() {
	awk -v t="$tick" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat"
}

# one NAME CLIENT_CMD PROCESS_PATTERN: prints one line of figures.
one() {
	local name=$1 client=$2 pat=$3 pid idle c0 c1 hwm bytes t0 t1 pane
	mosh_server_start mosh-server new -i 127.0.0.1 -p 0 -- \
		sh -c "sleep 3; cat $T/big.txt; echo; echo STREAM-DONE; sleep 600" ||
		{ echo "    $name: server did not start"; return; }
	pane=b$name$RANDOM
	tmux_start "$pane" 80 24 "script -q -f -O $T/rec.$name -c 'env MOSH_KEY=$MS_KEY $client 127.0.0.1 $MS_PORT'"
	sleep 1.5
	pid=$(pgrep -n -f "$pat 127.0.0.1 $MS_PORT")
	[ -n "$pid" ] || { echo "    $name: client not found"; return; }
	idle=$(awk '/^VmRSS:/ {print $2}' /proc/$pid/status)
	c0=$(cpu_ms "$pid")
	t0=$(date +%s%N)
	wait_for 90 screen_has "$pane" STREAM-DONE || echo "    $name: no end of stream seen"
	t1=$(date +%s%N)
	sleep 1
	c1=$(cpu_ms "$pid")
	hwm=$(vm_hwm "$pid")
	bytes=$(stat -c %s "$T/rec.$name")
	printf '    %-6s cpu %5d ms (%4d ms/MB)  wall %5d ms  rss idle %6d kB  peak %6d kB  tty bytes %9d\n' \
		"$name" $((c1 - c0)) $(((c1 - c0) / 20)) $(((t1 - t0) / 1000000)) \
		"$idle" "$hwm" "$bytes"
	kill -TERM "$pid" 2>/dev/null
	sleep 0.5
	kill -9 "$MS_PID" 2>/dev/null
}

echo "client: 20 MB cat from stock mosh-server, $ROUNDS rounds each"
for r in $(seq 1 "$ROUNDS"); do
	one ours "$BIN client" "$BIN client"
	one stock mosh-client "mosh-client"
done

# Instructions (callgrind).  A live session's frame count depends on how
# fast the client acks (slower under valgrind: fewer frames), so first one
# live 20 MB stream from stock mosh-server is recorded through
# test/tools/udptap.py, then the same datagrams are played to each client
# under callgrind (test/tools/udpreplay.py, 30 ms apart), ending with the
# server's shutdown: both clients apply and draw exactly the same states.
free_udp_port() {
	python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

cg_record() {
	local tap pid
	mosh_server_start mosh-server new -i 127.0.0.1 -p 0 -- \
		sh -c "sleep 3; cat $T/big.txt; echo; echo STREAM-DONE; sleep 1" ||
		return 1
	tap=$(free_udp_port)
	python3 "$E2E_TOP/test/tools/udptap.py" "$tap" "$MS_PORT" "$T/tap.log" \
		"$T/stream.rec" &
	pid=$!
	sleep 0.3
	tmux_start "rec$RANDOM" 80 24 "env MOSH_KEY=$MS_KEY $BIN client 127.0.0.1 $tap; sleep 600"
	wait_for 120 eval '! alive $MS_PID'
	sleep 1
	kill "$pid"
	CG_KEY=$MS_KEY
	echo "    recorded $(stat -c %s "$T/stream.rec") bytes of server datagrams"
}

cg_one() {
	local name=$1 client=$2 port out
	port=$(free_udp_port)
	python3 "$E2E_TOP/test/tools/udpreplay.py" "$port" "$T/stream.rec" 30 \
		>/dev/null &
	at_exit "kill $!"
	sleep 0.3
	out=$T/cg.$name.$RANDOM
	tmux_start "c$name$RANDOM" 80 24 "env MOSH_KEY=$CG_KEY valgrind -q --tool=callgrind --callgrind-out-file=$out $client 127.0.0.1 $port; sleep 600"
	wait_for 300 test -s "$out" || { echo "    $name: no callgrind output"; return; }
	sleep 1
	awk -v n="$name" '/^(summary|totals):/ {printf "    %-6s %11d instructions, %9d per MB streamed\n", n, $2, $2 / 20; exit}' "$out"
}

if [ "${CALLGRIND:-1}" != 0 ] && command -v valgrind >/dev/null; then
	echo "client: callgrind, one recorded 20 MB stream played to each client"
	if cg_record; then
		cg_one ours "$BIN client"
		cg_one stock "$(command -v mosh-client)"
		cg_one ours "$BIN client"
		cg_one stock "$(command -v mosh-client)"
	else
		echo "    recording failed"
	fi
fi
