#!/usr/bin/env bash
# End-to-end, issue 5: stock mosh-client and our server through the lossy
# relay: exact screens under 30% loss each way with delay, reordering and
# duplication; roaming; a 20 s blackhole; forged, corrupted, truncated and
# replayed datagrams at the server port.
. "$(dirname "$0")/lib.sh"
SERVER=${SERVER:-$BIN server}
export LANG=C.UTF-8

mosh_server_start $SERVER new -v -v -c 256 -i 127.0.0.1 -p 0 -- $E2E_SHELL ||
	{ fail "server starts" "$(cat "$T"/server.out.*)"; finish; }
srvlog=$(ls "$T"/server.out.*.err)
relay_start --server "127.0.0.1:$MS_PORT" --seed 7 --loss 0.3 --delay 50 \
	--jitter 30 --dup 0.1 || { fail "relay starts" "$(cat "$T/relay.err")"; finish; }

tmux_start mosh 80 24 "env MOSH_KEY=$MS_KEY MOSH_PREDICTION_DISPLAY=never mosh-client 127.0.0.1 $RELAY_PORT; echo CLIENT-EXITED; sleep 60"
tmux_start plain 80 24 "$E2E_SHELL"
wait_for 20 screen_has mosh '$'
type_both mosh plain 'clear' Enter
sleep 1
for i in 1 2 3; do
	type_both mosh plain "echo round $i; seq 1 $((i * 7)) | tail -3" Enter
	sleep 0.3
done
wait_for 30 panes_equal mosh plain
check "30% loss, 50 ms delay, jitter, dups: screens equal" panes_equal mosh plain
panes_equal mosh plain || diff <(tmux_capture plain) <(tmux_capture mosh)

# Roaming: the relay moves to a new source address and port.
relay_ctl loss both 0 >/dev/null
relay_ctl roam 127.0.0.3 >/dev/null
type_both mosh plain 'echo after roaming' Enter
wait_for 15 panes_equal mosh plain
check "after roaming to 127.0.0.3: screens equal" panes_equal mosh plain
wait_for 5 grep -q 'attached to client at 127.0.0.3' "$srvlog"
check "server follows the client to 127.0.0.3" grep -q 'attached to client at 127.0.0.3' "$srvlog"

# A 20 s outage, with typing during it.
relay_ctl blackhole both on >/dev/null
sleep 2
tmux_ send-keys -t mosh 'echo typed in the dark' Enter
sleep 18
relay_ctl blackhole both off >/dev/null
tmux_ send-keys -t plain 'echo typed in the dark' Enter
t0=$(date +%s%N)
wait_for 15 panes_equal mosh plain
t1=$(date +%s%N)
check "after a 20 s blackhole: screens equal" panes_equal mosh plain
echo "    recovered $(( (t1 - t0) / 1000000 )) ms after the network came back"

# Hostile datagrams straight at the server's port.
before=$(grep -c 'dropped datagram' "$srvlog")
python3 - "$MS_PORT" <<'PY'
import os, socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
port = int(sys.argv[1])
for n in (0, 1, 8, 23, 24, 40, 100, 1500):
    s.sendto(os.urandom(n), ("127.0.0.1", port))
PY
dg=$(relay_ctl last up 1 | awk '{print $NF}')
relay_ctl replay up 1 >/dev/null
relay_ctl replay up 2 >/dev/null
# Corrupt the newest genuine datagram in one bit, then truncate it.
bad=$(python3 -c "import sys; b=bytearray.fromhex(sys.argv[1]); b[len(b)//2]^=4; print(b.hex())" "$dg")
relay_ctl inject up "$bad" >/dev/null
relay_ctl inject up "${dg:0:60}" >/dev/null
sleep 1
after=$(grep -c 'dropped datagram' "$srvlog")
check "forged, corrupted, truncated and replayed datagrams are dropped ($((after - before)))" \
	test $((after - before)) -ge 12
type_both mosh plain 'echo still fine' Enter
wait_for 10 panes_equal mosh plain
check "session unaffected by hostile datagrams" panes_equal mosh plain

tmux_ send-keys -t mosh 'exit' Enter
wait_for 30 screen_has mosh 'CLIENT-EXITED'
check "client exits through the relay" screen_has mosh 'CLIENT-EXITED'
screen_has mosh 'CLIENT-EXITED' || { tail -n 15 "$srvlog"; relay_ctl stats; }
wait_for 15 eval '! alive $MS_PID'
check "server exits" eval '! alive $MS_PID'
finish
