# test/e2e/client_checks.bash - what only a client does, checked from the
# outside (sourced after lib.sh).  client_checks SERVER_CMD CLIENT_CMD runs
# CLIENT_CMD in an outer tmux pane, through `script` (which records every
# byte the client writes to its terminal) and through test/tools/udptap.py
# (a UDP tap between client and server that can blackhole, replay and
# forge datagrams), against `SERVER_CMD new`:
#   command line and environment errors, -c;
#   title with the "[mosh] " prefix, mouse mode and bracketed paste reach
#   the outer terminal; colours and UTF-8 equal a plain pane (with SGR);
#   replayed and forged datagrams are dropped and change nothing;
#   a blackhole shows "Last contact", the client hops ports, and recovers;
#   escape-quit: exit 0, stty unchanged, the byte stream ends with the
#   reset sequences and "[mosh is exiting.]";
#   Ctrl-^ Ctrl-Z suspends, `fg` repaints, the shell's exit ends it with 0;
#   no server: "Nothing received" bar, then time-out and the message.

TAP=$E2E_TOP/test/tools/udptap.py

# free_udp_port: a port nobody listens on (now).
free_udp_port() {
	python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# session_up PANE: the client has taken the alternate screen and shows
# the remote prompt.
session_up() {
	[ "$(tmux_ display -p -t "$1" '#{alternate_on}')" = 1 ] &&
		tmux_capture "$1" | grep -q '^\$'
}

# rec_check PY: runs a python expression over the recorded bytes `b`
# (script's header and footer lines removed); passes if it is true.
rec_check() {
	python3 - "$T/rec.log" "$1" <<'PY'
import sys
b = open(sys.argv[1], "rb").read()
b = b[b.index(b"\n") + 1:]
end = b.rfind(b"\nScript done")
if end >= 0:
    b = b[:end]
ok = eval(sys.argv[2])
sys.exit(0 if ok else 1)
PY
}

client_cli_checks() {
	local client=$1 key=AAAAAAAAAAAAAAAAAAAAAA out
	check_eq "-c with TERM=xterm-256color" 256 "$(TERM=xterm-256color $client -c)"
	check_eq "-c with TERM=xterm" 8 "$(TERM=xterm $client -c)"
	check_eq "-c with TERM=dumb" 0 "$(TERM=dumb $client -c)"
	out=$(MOSH_KEY=$key $client 127.0.0.1 6x0 2>&1 </dev/null)
	check_match "bad port: stock message" 'Bad UDP port \(6x0\)' "$out"
	out=$(MOSH_KEY=$key $client not-an-ip 60001 2>&1 </dev/null)
	check_match "bad address refused" 'Bad IP address \(not-an-ip\)' "$out"
	out=$(env -u MOSH_KEY $client 127.0.0.1 60001 2>&1 </dev/null)
	check_match "missing key: stock message" '^MOSH_KEY environment variable not found\.$' "$out"
	out=$(MOSH_KEY=short $client 127.0.0.1 60001 2>&1 </dev/null)
	check_match "bad key refused" 'bad MOSH_KEY' "$out"
	out=$(MOSH_KEY=$key MOSH_PREDICTION_DISPLAY=sometimes $client 127.0.0.1 60001 2>&1 </dev/null)
	check_match "unknown prediction mode: stock message" '^Unknown prediction mode sometimes\.$' "$out"
	out=$(MOSH_KEY=$key $client 127.0.0.1 60001 2>&1 </dev/null)
	check_match "not a terminal refused" 'not a terminal' "$out"
	$client --help >/dev/null
	check_eq "--help exits 0" 0 $?
	MOSH_KEY=$key $client 127.0.0.1 2>/dev/null </dev/null
	check_eq "one argument: usage, exit 1" 1 $?
}

client_checks() {
	local server=$1 client=$2 key port tap tap_pid dead shell before after
	export LANG=C.UTF-8
	cd "$T" || return 1
	client_cli_checks "$client"

	# No server at all: runs in the background of everything else.
	dead=$(free_udp_port)
	# (With MOSH_NO_TERM_INIT and a printable escape key.)
	tmux_start lonely 80 24 "env MOSH_KEY=AAAAAAAAAAAAAAAAAAAAAA MOSH_NO_TERM_INIT=1 MOSH_ESCAPE_KEY='~' $client 127.0.0.1 $dead 2>$T/lonely.err; echo RC=\$?; sleep 60"
	wait_for 3 screen_has lonely 'Nothing received'
	check_match "no server: bar after 250 ms, with the escape key's hint" \
		"^mosh: Nothing received from server on UDP port $dead\\. \\[To quit: \"~\" \\.\\]" \
		"$(tmux_capture lonely | head -1)"
	check_eq "MOSH_NO_TERM_INIT: no alternate screen" 0 \
		"$(tmux_ display -p -t lonely '#{alternate_on}')"

	# No bracketed paste from readline (the checks set it themselves), and
	# Ctrl-L must not make the shell clear the screen (the client repaints).
	printf 'set enable-bracketed-paste off\n"\\C-l": redraw-current-line\n' >"$T/inputrc"
	shell="env PS1=$ HISTFILE=/dev/null INPUTRC=$T/inputrc bash --norc --noprofile"
	if ! mosh_server_start $server new -i 127.0.0.1 -p 0 -- $shell; then
		fail "server for the client checks starts" "$(cat "$T"/server.out.*)"
		return
	fi
	key=$MS_KEY
	port=$MS_PORT
	tap=$(free_udp_port)
	python3 "$TAP" "$tap" "$port" "$T/tap.log" &
	tap_pid=$!
	at_exit "kill $tap_pid"
	sleep 0.3

	tmux_start outer 80 24 "env PS1='outer> ' HISTFILE=/dev/null INPUTRC=/dev/null bash --norc --noprofile"
	tmux_start plain2 80 24 "$shell"
	wait_for 5 screen_has outer 'outer>'
	tmux_ send-keys -t outer "stty -a >$T/stty.before; script -q -e -f -O $T/rec.log -c 'env MOSH_KEY=$key $client -vv 127.0.0.1 $tap 2>$T/client.err'; echo OUTER-RC=\$?; stty -a >$T/stty.after" Enter
	wait_for 15 session_up outer
	check "no bar once connected" eval '! screen_has outer "mosh:"'
	check "the terminal is in the alternate screen" \
		test "$(tmux_ display -p -t outer '#{alternate_on}')" = 1

	# Title, mouse mode, bracketed paste: through to the outer terminal.
	tmux_ send-keys -t outer "clear; printf '\\033]0;T\\007\\033[?1002h\\033[?2004h\\033[?1004h'" Enter
	sleep 1
	check_eq "title reaches the outer terminal with the prefix" "[mosh] T" \
		"$(tmux_ display -p -t outer '#{pane_title}')"
	check "title and icon written as one OSC 0 with the prefix" \
		rec_check 'b"\x1b]0;[mosh] T\x07" in b and b"\x1b]1;" not in b'
	check_eq "mouse mode reaches the outer terminal" 1 \
		"$(tmux_ display -p -t outer '#{mouse_button_flag}')"
	check "bracketed paste reaches the outer terminal" rec_check 'b"\x1b[?2004h" in b'
	check "focus events reach the outer terminal" rec_check 'b"\x1b[?1004h" in b'

	# Colours and UTF-8, cell by cell with SGR, against a plain pane.
	type_both outer plain2 'clear; printf "\033[1;31mR\033[0;38;5;200mP\033[48;2;1;2;3mT\033[0;4;7mU\033[0m \xe6\xbc\xa2\xe5\xad\x97 caf\xc3\xa9 e\xcc\x81 \xf0\x9f\x98\x80 |\n"' Enter
	wait_for 5 screen_has outer '|'
	sleep 0.5
	check "colours and UTF-8 equal a plain pane (capture-pane -e)" \
		test "$(tmux_ capture-pane -p -e -t outer)" = "$(tmux_ capture-pane -p -e -t plain2)"

	# Ctrl-L and SIGCONT repaint: garbage written behind the client's back
	# goes away.
	local tty cpid
	tty=$(tmux_ display -p -t outer '#{pane_tty}')
	printf '\033[10;5HGARBAGE-ONE' >"$tty"
	wait_for 3 screen_has outer GARBAGE-ONE
	tmux_ send-keys -t outer C-l
	wait_for 3 eval '! screen_has outer GARBAGE-ONE'
	check "Ctrl-L repaints the screen" eval '! screen_has outer GARBAGE-ONE'
	cpid=$(pgrep -f "^$client -vv 127.0.0.1 $tap" | head -1)
	printf '\033[12;5HGARBAGE-TWO' >"$tty"
	wait_for 3 screen_has outer GARBAGE-TWO
	kill -CONT "$cpid"
	wait_for 3 eval '! screen_has outer GARBAGE-TWO'
	check "SIGCONT repaints the screen" eval '! screen_has outer GARBAGE-TWO'
	check "after the repaints: equal to a plain pane" \
		test "$(tmux_ capture-pane -p -e -t outer)" = "$(tmux_ capture-pane -p -e -t plain2)"

	# Replayed and forged datagrams: dropped, screen unchanged.
	before=$(tmux_ capture-pane -p -e -t outer)
	kill -USR2 "$tap_pid"
	wait_for 5 grep -q '^forged' "$T/tap.log"
	sleep 1
	after=$(tmux_ capture-pane -p -e -t outer)
	check "replayed and forged datagrams leave the screen alone" test "$before" = "$after"
	check_match "the tap replayed real datagrams" '^replayed [1-9]' "$(cat "$T/tap.log")"
	check_eq "the client dropped every one of them" \
		"$(awk '/^(replayed|forged)/ {n += $2} END {print n}' "$T/tap.log")" \
		"$(grep -c 'datagram dropped' "$T/client.err")"
	tmux_ send-keys -t outer 'echo alive-$((6*7))' Enter
	wait_for 5 screen_has outer 'alive-42'
	check "the session works after the attack" screen_has outer 'alive-42'

	# A 12 s blackhole: the bar, a port hop, and recovery.
	kill -USR1 "$tap_pid"
	wait_for 10 screen_has outer 'Last contact'
	check_match "blackhole shows the Last contact bar" \
		'^mosh: Last contact [0-9]+ seconds ago\. \[To quit: Ctrl-\^ \.\]' \
		"$(tmux_capture outer | head -1)"
	sleep 6
	kill -USR1 "$tap_pid"
	wait_for 10 eval '! screen_has outer "mosh: Last"'
	check "the bar goes when contact resumes" eval '! screen_has outer "mosh: Last"'
	check "the client hopped to a new port" \
		test "$(grep -c '^client ' "$T/tap.log")" -ge 2
	tmux_ send-keys -t outer 'clear; echo back-$((7*7))' Enter
	wait_for 5 screen_has outer 'back-49'
	check "the session works after the blackhole" screen_has outer 'back-49'

	# Escape-quit.
	tmux_ send-keys -t outer C-^
	wait_for 3 screen_has outer 'Commands: Ctrl-Z suspends'
	check "escape key shows its help" screen_has outer 'mosh: Commands: Ctrl-Z suspends, "." quits, "^" gives literal Ctrl-^'
	tmux_ send-keys -t outer .
	wait_for 10 screen_has outer 'OUTER-RC=0'
	check "escape-quit: clean exit (0)" screen_has outer 'OUTER-RC=0'
	check "[mosh is exiting.] printed" screen_has outer '[mosh is exiting.]'
	wait_for 3 test -s "$T/stty.after"
	check "stty -a unchanged by the session" cmp "$T/stty.before" "$T/stty.after"
	check_eq "no mouse mode left on" 0 "$(tmux_ display -p -t outer '#{mouse_button_flag}')"
	check_eq "the alternate screen is left" 0 "$(tmux_ display -p -t outer '#{alternate_on}')"
	check "recording ends: rmcup, then [mosh is exiting.]" \
		rec_check 'b.endswith(b"\x1b[?1049l\x1b[23;0;0t[mosh is exiting.]\r\n")'
	check "bracketed paste, focus and mouse reset after their last set" \
		rec_check 'all(b.rfind(b"\x1b[?%dl" % m) > b.rfind(b"\x1b[?%dh" % m) for m in (2004, 1004, 1002, 1))'
	check "init: smcup, application cursor keys, then a full repaint" \
		rec_check 'b.startswith(b"\x1b[?1049h\x1b[22;0;0t\x1b[?1h\x1b[?5l")'
	wait_for 5 eval '! alive $MS_PID'
	check "server exits after the client's shutdown" eval '! alive $MS_PID'

	# Suspend and resume, then the shell's exit ends the client with 0.
	if ! mosh_server_start $server new -i 127.0.0.1 -p 0 -- $shell; then
		fail "second server starts" "$(cat "$T"/server.out.*)"
		return
	fi
	tmux_ send-keys -t outer "clear; env MOSH_KEY=$MS_KEY $client 127.0.0.1 $MS_PORT" Enter
	wait_for 15 session_up outer
	tmux_ send-keys -t outer 'echo MARK-$((1+1))' Enter
	wait_for 5 screen_has outer 'MARK-2'
	tmux_ send-keys -t outer C-^ C-z
	wait_for 5 screen_has outer '[mosh is suspended.]'
	check "Ctrl-^ Ctrl-Z suspends" screen_has outer '[mosh is suspended.]'
	check "the outer shell has the terminal" screen_has outer 'Stopped'
	tmux_ send-keys -t outer 'fg; echo FG-RC=$?' Enter
	wait_for 5 screen_has outer 'MARK-2'
	sleep 0.5
	check "fg resumes with a full repaint" eval 'screen_has outer MARK-2 && ! screen_has outer "mosh is suspended"'
	tmux_ send-keys -t outer 'echo after-$((3*3))' Enter
	wait_for 5 screen_has outer 'after-9'
	check "keys work after resume" screen_has outer 'after-9'
	tmux_ send-keys -t outer 'exit' Enter
	wait_for 10 screen_has outer 'FG-RC=0'
	check "server-side exit: client exits 0" screen_has outer 'FG-RC=0'

	# SIGTERM: the shutdown handshake, then a clean exit; a crash signal:
	# the terminal is still given back.
	local sig want cpid
	for sig in TERM SEGV; do
		mosh_server_start $server new -i 127.0.0.1 -p 0 -- $shell ||
			{ fail "server for SIG$sig starts"; continue; }
		tmux_ send-keys -t outer "clear; stty -a >$T/stty.$sig.before; env MOSH_KEY=$MS_KEY $client 127.0.0.1 $MS_PORT; echo SIG-RC=\$?; stty -a >$T/stty.$sig.after" Enter
		wait_for 15 session_up outer
		cpid=$(pgrep -f "^$client 127.0.0.1 $MS_PORT\$" | head -1)
		kill -$sig "$cpid"
		want=0
		[ $sig = SEGV ] && want=139
		wait_for 10 screen_has outer "SIG-RC=$want"
		check "SIG$sig: exit status $want" screen_has outer "SIG-RC=$want"
		wait_for 3 test -s "$T/stty.$sig.after"
		check "SIG$sig: stty -a unchanged" cmp "$T/stty.$sig.before" "$T/stty.$sig.after"
		check_eq "SIG$sig: the alternate screen is left" 0 \
			"$(tmux_ display -p -t outer '#{alternate_on}')"
		[ $sig = TERM ] && wait_for 5 eval '! alive $MS_PID'
		[ $sig = TERM ] && check "SIGTERM: the server was told" eval '! alive $MS_PID'
	done

	# Nobody answers.
	wait_for 30 screen_has lonely 'RC='
	check "no server: gives up with status 1" screen_has lonely 'RC=1'
	check_match "no server: says so" \
		"mosh did not make a successful connection to 127.0.0.1:$dead\\." \
		"$(cat "$T/lonely.err")"
}
