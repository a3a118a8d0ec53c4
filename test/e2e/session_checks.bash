# test/e2e/session_checks.bash - the screen checks every client/server pair
# must pass (sourced after lib.sh).  session_checks SERVER_CMD CLIENT_CMD:
# runs the shell through `SERVER_CMD new ...` and `CLIENT_CMD IP PORT` in a
# tmux pane and compares it with the same shell in a plain tmux pane:
# typed commands, colour, UTF-8, a full-screen program, a resize, and both
# ends exiting with the shell.

session_checks() {
	local server=$1 client=$2
	export LANG=C.UTF-8
	cd "$T" || return 1
	seq 1 500 >"$T/lines.txt"

	if mosh_server_start $server new -c 256 -i 127.0.0.1 -p 0 -- $E2E_SHELL; then
		pass "server prints MOSH CONNECT and detaches"
	else
		fail "server prints MOSH CONNECT and detaches" "$(cat "$T"/server.out.*)"
		return
	fi
	check_match "key is a valid key" '^[A-Za-z0-9+/]{21}[AQgw]$' "$MS_KEY"
	check "server daemon is running" alive "$MS_PID"

	tmux_start mosh 80 24 "env MOSH_KEY=$MS_KEY MOSH_PREDICTION_DISPLAY=never $client 127.0.0.1 $MS_PORT; echo CLIENT-EXITED; sleep 60"
	tmux_start plain 80 24 "$E2E_SHELL"
	wait_for 10 screen_has mosh '$'
	# Both start from a cleared screen (stock servers echo a newline first).
	type_both mosh plain 'clear' Enter
	sleep 0.5
	type_both mosh plain 'echo hello; printf "\033[1;31mred\033[0m plain\n"; seq 1 30 | tail -5' Enter
	wait_for 5 screen_has mosh '30'
	sleep 0.5
	check "typed commands: screens equal" panes_equal mosh plain
	panes_equal mosh plain || diff <(tmux_capture plain) <(tmux_capture mosh) | head -20

	type_both mosh plain 'printf "\xe6\xbc\xa2\xe5\xad\x97 caf\xc3\xa9 e\xcc\x81 \xf0\x9f\x98\x80!\n"' Enter
	wait_for 5 screen_has mosh '!'
	sleep 0.5
	check "UTF-8 (CJK, combining, emoji): screens equal" panes_equal mosh plain

	# A full-screen program, then a resize.
	type_both mosh plain "less $T/lines.txt" Enter
	wait_for 5 screen_has mosh 'lines.txt'
	sleep 0.5
	check "less: screens equal" panes_equal mosh plain
	tmux_ resize-window -t mosh -x 100 -y 30
	tmux_ resize-window -t plain -x 100 -y 30
	sleep 1.5
	type_both mosh plain 'G'
	sleep 1
	check "less after resize to 100x30: screens equal" panes_equal mosh plain
	check "less shows the end after resize" screen_has mosh '500'
	type_both mosh plain 'q'
	sleep 0.5
	type_both mosh plain 'clear; stty size' Enter
	wait_for 5 screen_has mosh '30 100'
	check_match "server pty follows the resize" '30 100' "$(tmux_capture mosh)"

	# Exiting the shell ends both ends.
	tmux_ send-keys -t mosh 'exit' Enter
	wait_for 10 screen_has mosh 'CLIENT-EXITED'
	check "client exits when the shell exits" screen_has mosh 'CLIENT-EXITED'
	wait_for 10 eval '! alive $MS_PID'
	check "server exits when the shell exits" eval '! alive $MS_PID'
}
