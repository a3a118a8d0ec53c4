#!/usr/bin/env bash
# test/e2e/relay.sh - the test relay (test/tools/relay.c) against a tiny
# python3 UDP echo server: forwarding, seeded loss (deterministic counts),
# delay, jitter (reordering), duplication, corruption, blackhole (control
# port and SIGUSR2), roaming (control port and SIGUSR1), inject, replay.
. "$(dirname "$0")/lib.sh"

RELAY=${RELAY_BIN:-$E2E_TOP/build/$(uname -m)/tools/relay}
[ -x "$RELAY" ] || { fail "relay binary" "missing $RELAY (make tools)"; finish; }

# Echo server: logs "SRC_IP:PORT HEX" per datagram and echoes it back.
cat >"$T/echo.py" <<'EOF'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
open(sys.argv[1] + ".tmp", "w").write("%d\n" % s.getsockname()[1])
import os; os.rename(sys.argv[1] + ".tmp", sys.argv[1])
log = open(sys.argv[2], "a", buffering=1)
while True:
    d, a = s.recvfrom(65536)
    log.write("%s:%d %s\n" % (a[0], a[1], d.hex()))
    s.sendto(d, a)
EOF

# Client: udpc.py PORT N GAP_MS WAIT_MS -> "sent=N recv=K min=MS max=MS
# reordered=R dups=D"; payloads are "seq:<n>:" + padding.
cat >"$T/udpc.py" <<'EOF'
import socket, sys, time
port, n, gap, wait = (int(x) for x in sys.argv[1:5])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
s.setblocking(False)
sent = {}
got = []
def drain():
    while True:
        try:
            d = s.recv(65536)
        except BlockingIOError:
            return
        seq = int(d.split(b":")[1])
        got.append((seq, time.monotonic() - sent.get(seq, time.monotonic())))
for i in range(n):
    sent[i] = time.monotonic()
    s.sendto(b"seq:%d:" % i + b"x" * 40, ("127.0.0.1", port))
    end = time.monotonic() + gap / 1000.0
    while time.monotonic() < end:
        drain(); time.sleep(0.0005)
end = time.monotonic() + wait / 1000.0
while time.monotonic() < end:
    drain(); time.sleep(0.001)
seqs = [g[0] for g in got]
re = sum(1 for a, b in zip(seqs, seqs[1:]) if b < a)
rtts = [g[1] * 1000 for g in got] or [0]
print("sent=%d recv=%d min=%d max=%d reordered=%d dups=%d" % (n, len(got),
      min(rtts), max(rtts), re, len(seqs) - len(set(seqs))))
EOF

python3 "$T/echo.py" "$T/echo.port" "$T/echo.log" &
ECHO_PID=$!
at_exit "kill $ECHO_PID"
wait_for 5 test -s "$T/echo.port"
EPORT=$(cat "$T/echo.port")

# start_relay NAME ARGS...: sets RPORT_<NAME> CPORT_<NAME> PID_<NAME>
start_relay() {
	local name=$1
	shift
	"$RELAY" --server "127.0.0.1:$EPORT" --port-file "$T/$name.ports" \
		"$@" >"$T/$name.out" 2>"$T/$name.err" &
	local pid=$!
	at_exit "kill $pid"
	wait_for 5 test -s "$T/$name.ports"
	read -r rp cp <"$T/$name.ports"
	eval "RPORT_$name=$rp CPORT_$name=$cp PID_$name=$pid"
}
ctl() {
	"$RELAY" ctl "$@"
}
field() {	# field NAME TEXT: the value of NAME=VALUE in TEXT
	printf '%s\n' "$2" | grep -Eo "(^| )$1=[^ ]+" | head -1 | cut -d= -f2
}
stat_of() {	# stat_of CPORT DIR NAME
	ctl "$1" stats | grep "^$2 " | grep -Eo "(^| )$3=[0-9]+" | cut -d= -f2
}

check "help documents commands" sh -c "'$RELAY' --help | grep -q 'roam' && '$RELAY' --help | grep -q 'inject'"

start_relay a --seed 42
out=$(python3 "$T/udpc.py" "$RPORT_a" 50 2 300)
check_eq "forwarding: all 50 echoed" 50 "$(field recv "$out")"
check_eq "stats up out" 50 "$(stat_of "$CPORT_a" up out)"
check_eq "stats down in" 50 "$(stat_of "$CPORT_a" down in)"
check_match "server sees source 127.0.0.2" '^127\.0\.0\.2:' "$(tail -1 "$T/echo.log")"

# Loss: deterministic for a seed; about 30% (binomial: 60 +- 20 of 200).
ctl "$CPORT_a" loss up 0.3 >/dev/null
out=$(python3 "$T/udpc.py" "$RPORT_a" 200 1 300)
drop_a=$(stat_of "$CPORT_a" up dropped)
check_eq "loss: echoes = forwarded" "$((200 - drop_a))" "$(field recv "$out")"
check "loss near 30% ($drop_a/200)" test "$drop_a" -ge 40 -a "$drop_a" -le 80
start_relay b --seed 42
python3 "$T/udpc.py" "$RPORT_b" 50 2 100 >/dev/null	# same prefix traffic
ctl "$CPORT_b" loss up 0.3 >/dev/null
python3 "$T/udpc.py" "$RPORT_b" 200 1 300 >/dev/null
check_eq "loss: same seed, same drops" "$drop_a" "$(stat_of "$CPORT_b" up dropped)"
start_relay c --seed 43 --loss-up 0.3
python3 "$T/udpc.py" "$RPORT_c" 250 1 300 >/dev/null
check "loss: --loss-up drops" test "$(stat_of "$CPORT_c" up dropped)" -gt 0
ctl "$CPORT_a" loss up 0 >/dev/null

# Delay: the round trip takes at least both delays.
ctl "$CPORT_a" delay both 100 >/dev/null
out=$(python3 "$T/udpc.py" "$RPORT_a" 5 20 600)
check_eq "delay: all echoed" 5 "$(field recv "$out")"
check "delay: rtt >= 200 ms ($(field min "$out"))" test "$(field min "$out")" -ge 200
ctl "$CPORT_a" delay both 0 >/dev/null

# Jitter reorders.
ctl "$CPORT_a" jitter up 60 >/dev/null
out=$(python3 "$T/udpc.py" "$RPORT_a" 100 1 400)
check_eq "jitter: all echoed" 100 "$(field recv "$out")"
check "jitter: reordered ($(field reordered "$out"))" test "$(field reordered "$out")" -gt 5
ctl "$CPORT_a" jitter up 0 >/dev/null

# Duplication.
ctl "$CPORT_a" dup up 1 >/dev/null
out=$(python3 "$T/udpc.py" "$RPORT_a" 10 5 300)
check_eq "dup: every datagram twice" 20 "$(field recv "$out")"
check_eq "dup: counted" 10 "$(stat_of "$CPORT_a" up duplicated)"
ctl "$CPORT_a" dup up 0 >/dev/null

# Blackhole via the control port, then SIGUSR2.
ctl "$CPORT_a" blackhole up on >/dev/null
out=$(python3 "$T/udpc.py" "$RPORT_a" 10 2 300)
check_eq "blackhole up: nothing back" 0 "$(field recv "$out")"
ctl "$CPORT_a" blackhole up off >/dev/null
ctl "$CPORT_a" blackhole down on >/dev/null
n0=$(wc -l <"$T/echo.log")
out=$(python3 "$T/udpc.py" "$RPORT_a" 10 2 300)
check_eq "blackhole down: nothing back" 0 "$(field recv "$out")"
check_eq "blackhole down: server still got them" $((n0 + 10)) "$(wc -l <"$T/echo.log")"
ctl "$CPORT_a" blackhole both off >/dev/null
kill -USR2 "$PID_a"
sleep 0.2
out=$(python3 "$T/udpc.py" "$RPORT_a" 10 2 300)
check_eq "SIGUSR2 blackholes both" 0 "$(field recv "$out")"
kill -USR2 "$PID_a"
sleep 0.2
out=$(python3 "$T/udpc.py" "$RPORT_a" 10 2 300)
check_eq "SIGUSR2 again: back" 10 "$(field recv "$out")"

# Roaming: the server sees a new source; replies still reach the client.
rep=$(ctl "$CPORT_a" roam)
check_match "roam reply" '^ok 127\.0\.0\.3:[0-9]+' "$rep"
out=$(python3 "$T/udpc.py" "$RPORT_a" 5 2 300)
check_eq "roam: echoed" 5 "$(field recv "$out")"
check_match "roam: server sees 127.0.0.3" '^127\.0\.0\.3:' "$(tail -1 "$T/echo.log")"
rep=$(ctl "$CPORT_a" roam 127.0.0.9 40999)
check_eq "roam to address and port" "ok 127.0.0.9:40999" "$rep"
python3 "$T/udpc.py" "$RPORT_a" 2 2 200 >/dev/null
check_match "server sees 127.0.0.9:40999" '^127\.0\.0\.9:40999 ' "$(tail -1 "$T/echo.log")"
kill -USR1 "$PID_a"
sleep 0.2
python3 "$T/udpc.py" "$RPORT_a" 2 2 200 >/dev/null
check_match "SIGUSR1 roams to the next address" '^127\.0\.0\.10:' "$(tail -1 "$T/echo.log")"

# Corruption flips exactly one bit.
ctl "$CPORT_a" corrupt up 1 >/dev/null
python3 "$T/udpc.py" "$RPORT_a" 1 2 200 >/dev/null
got=$(tail -1 "$T/echo.log" | cut -d' ' -f2)
want=$(printf 'seq:0:%s' "$(printf 'x%.0s' $(seq 40))" | od -An -tx1 | tr -d ' \n')
bits=$(python3 -c "print(bin(int('$got',16) ^ int('$want',16)).count('1'))")
check_eq "corrupt: one bit flipped" 1 "$bits"
ctl "$CPORT_a" corrupt up 0 >/dev/null

# Inject, last, replay.
check_eq "inject up" "ok 4 bytes" "$(ctl "$CPORT_a" inject up deadbeef)"
sleep 0.2
check_match "server got injected bytes" ' deadbeef$' "$(tail -1 "$T/echo.log")"
last=$(ctl "$CPORT_a" last up 1)
check_eq "last up 1 is the newest" "ok $want" "$last"
n0=$(wc -l <"$T/echo.log")
check_match "replay up" '^ok ' "$(ctl "$CPORT_a" replay up 1)"
sleep 0.2
check_eq "server got the replay" "$want" "$(tail -1 "$T/echo.log" | cut -d' ' -f2)"
check_match "bad command is an error" '^error' "$(ctl "$CPORT_a" frobnicate up 1)"
check_match "stats counts injections" 'injected=2' "$(ctl "$CPORT_a" stats)"

# quit prints the stats at exit.
ctl "$CPORT_a" quit >/dev/null
wait_for 5 sh -c "! kill -0 $PID_a 2>/dev/null"
check_match "stats at exit" 'up in=[0-9]+ out=' "$(cat "$T/a.err")"
finish
