#!/usr/bin/env bash
# End-to-end, issue 6: our client against our server: the shared session
# checks, the client checks, then through the lossy relay: exact screens
# at 30% loss each way with delay, reordering and duplication; roaming;
# a 20 s blackhole that shows the "Last contact" bar and recovers.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/session_checks.bash"
. "$(dirname "$0")/client_checks.bash"
session_checks "$BIN server" "$BIN client"
client_checks "$BIN server" "$BIN client"

export LANG=C.UTF-8
mosh_server_start $BIN server new -v -v -c 256 -i 127.0.0.1 -p 0 -- $E2E_SHELL ||
	{ fail "server starts" "$(cat "$T"/server.out.*)"; finish; }
srvlog=$(ls -t "$T"/server.out.*.err | head -1)
relay_start --server "127.0.0.1:$MS_PORT" --seed 11 --loss 0.3 --delay 50 \
	--jitter 30 --dup 0.1 || { fail "relay starts" "$(cat "$T/relay.err")"; finish; }

tmux_start rmosh 80 24 "env MOSH_KEY=$MS_KEY $BIN client 127.0.0.1 $RELAY_PORT; echo CLIENT-RC=\$?; sleep 60"
tmux_start rplain 80 24 "$E2E_SHELL"
wait_for 20 screen_has rmosh '$'
type_both rmosh rplain 'clear' Enter
sleep 1
for i in 1 2 3 4; do
	type_both rmosh rplain "echo round $i; seq 1 $((i * 9)) | tail -4; printf '\\033[3${i}mcolour $i\\033[0m\\n'" Enter
	sleep 0.3
done
type_both rmosh rplain 'printf "\xe6\xbc\xa2\xe5\xad\x97 e\xcc\x81 \xf0\x9f\x98\x80\n"' Enter
wait_for 30 panes_equal rmosh rplain
check "30% loss each way, delay, reordering, dups: screens equal" panes_equal rmosh rplain
panes_equal rmosh rplain || diff <(tmux_capture rplain) <(tmux_capture rmosh)
check "... and equal with SGR (capture-pane -e)" \
	test "$(tmux_ capture-pane -p -e -t rmosh)" = "$(tmux_ capture-pane -p -e -t rplain)"

# Roaming: the relay moves to a new source address and port.
relay_ctl loss both 0 >/dev/null
relay_ctl roam 127.0.0.3 >/dev/null
type_both rmosh rplain 'echo after roaming' Enter
wait_for 15 panes_equal rmosh rplain
check "after roaming to 127.0.0.3: screens equal" panes_equal rmosh rplain
wait_for 5 grep -q 'attached to client at 127.0.0.3' "$srvlog"
check "server follows the client to 127.0.0.3" grep -q 'attached to client at 127.0.0.3' "$srvlog"

# A 20 s blackhole, with typing during it.
relay_ctl blackhole both on >/dev/null
sleep 2
tmux_ send-keys -t rmosh 'echo typed in the dark' Enter
wait_for 10 screen_has rmosh 'mosh: Last contact'
check_match "blackhole: the Last contact bar" \
	'^mosh: Last contact [0-9]+ seconds ago\. \[To quit: Ctrl-\^ \.\]' \
	"$(tmux_capture rmosh | head -1)"
sleep 9
check_match "blackhole: the bar counts on" \
	'^mosh: Last contact 1[0-9] seconds ago\.' "$(tmux_capture rmosh | head -1)"
sleep 7
relay_ctl blackhole both off >/dev/null
tmux_ send-keys -t rplain 'echo typed in the dark' Enter
wait_for 15 panes_equal rmosh rplain
check "after a 20 s blackhole: bar gone, screens equal" panes_equal rmosh rplain

tmux_ send-keys -t rmosh 'exit' Enter
wait_for 15 screen_has rmosh 'CLIENT-RC=0'
check "client exits 0 through the relay when the shell exits" screen_has rmosh 'CLIENT-RC=0'
wait_for 15 eval '! alive $MS_PID'
check "server exits" eval '! alive $MS_PID'
finish
