#!/usr/bin/env bash
# End-to-end, issue 5: the server survives a 50 MB cat of mixed text and
# escape sequences, with the client attached and with it gone, in bounded
# memory, and stays responsive.
. "$(dirname "$0")/lib.sh"
SERVER=${SERVER:-$BIN server}
export LANG=C.UTF-8
LIMIT_KB=${LIMIT_KB:-65536}

# 1 MB of mixed output (colours, cursor moves, erases, UTF-8, wide chars),
# played 50 times.
python3 - "$T/chunk" <<'PY'
import random, sys
r = random.Random(5)
words = ["alpha", "beta", "\u6f22\u5b57", "caf\u00e9", "e\u0301", "\U0001F600", "\t"]
out, n = [], 0
while n < 1 << 20:
    k = r.randrange(9)
    if k == 0: s = "\x1b[%d;%dm%s\x1b[0m " % (r.randrange(30, 38), r.randrange(40, 48), r.choice(words))
    elif k == 1: s = "\x1b[%d;%dH" % (r.randrange(1, 40), r.randrange(1, 120))
    elif k == 2: s = "\r\n"
    elif k == 3: s = "\x1b[K"
    elif k == 4: s = "\x1b[38;2;%d;%d;%dm" % (r.randrange(256), r.randrange(256), r.randrange(256))
    elif k == 5: s = "\x1b[%dL" % r.randrange(1, 5)
    else: s = r.choice(words) + " "
    b = s.encode(); out.append(b); n += len(b)
out.append(b"\x1b[0m\r\n")
open(sys.argv[1], "wb").write(b"".join(out))
PY

mosh_server_start $SERVER new -c 256 -i 127.0.0.1 -p 0 -- $E2E_SHELL ||
	{ fail "server starts"; finish; }
tmux_start mosh 80 24 "env MOSH_KEY=$MS_KEY MOSH_PREDICTION_DISPLAY=never mosh-client 127.0.0.1 $MS_PORT; sleep 60"
wait_for 10 screen_has mosh '$'
idle=$(vm_hwm "$MS_PID")
tmux_ send-keys -t mosh "for i in \$(seq 50); do cat $T/chunk; done; clear; echo BULK-DONE" Enter
wait_for 180 screen_has mosh BULK-DONE
check "50 MB cat with the client attached completes" screen_has mosh BULK-DONE
after=$(vm_hwm "$MS_PID")
echo "    server VmHWM: idle ${idle} kB, after 50 MB ${after} kB"
check "server memory bounded after the attached cat" test "${after:-999999}" -lt "$LIMIT_KB"
tmux_ send-keys -t mosh 'echo responsive' Enter
wait_for 10 screen_has mosh responsive
check "session responsive after the cat" screen_has mosh responsive

# Now with the client gone without a goodbye (killed, as when a laptop
# dies): output keeps coming, nobody acknowledges.
tmux_ send-keys -t mosh "sleep 2; for i in \$(seq 50); do cat $T/chunk; done; echo > $T/done" Enter
sleep 1
pkill -KILL -f "^mosh-client 127.0.0.1 $MS_PORT\$"
wait_for 180 test -e "$T/done"
check "50 MB cat with the client detached completes" test -e "$T/done"
check "server still running while detached" alive "$MS_PID"
after2=$(vm_hwm "$MS_PID")
echo "    server VmHWM after the detached cat: ${after2} kB"
check "server memory bounded after the detached cat" test "${after2:-999999}" -lt "$LIMIT_KB"
kill -TERM "$MS_PID"
wait_for 15 eval '! alive $MS_PID'
check "SIGTERM ends a detached server" eval '! alive $MS_PID'
finish
