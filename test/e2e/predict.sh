#!/usr/bin/env bash
# End-to-end, issue 7: local echo prediction in our client, through the
# relay at 250 ms RTT (125 ms each way), against our server and the stock
# mosh-server:
# - typing into a shell shows the characters (underlined) long before the
#   server's echo can have arrived (measured from the client's pane);
# - `read -s` shows nothing of what is typed, sampled every ~20 ms, also
#   behind a prompt that arrives late and starts like the typed keys;
# - vim normal mode (no echo): no wrong character remains once the server
#   state has arrived (the pane equals the expected screen).
. "$(dirname "$0")/lib.sh"

export LANG=C.UTF-8
unset MOSH_PREDICTION_DISPLAY MOSH_PREDICTION_OVERWRITE
SECRET=zqjx	# none of these letters appear anywhere else on the screen

now_ms() {
	echo $(($(date +%s%N) / 1000000))
}

# early PANE CHAR TEXT: types CHAR; prints the ms until the pane shows
# TEXT (or "none" within 600 ms), and "ul" if the echo line then carries an
# underline (SGR 4) in the pane, "plain" if not.
early() {
	local pane=$1 ch=$2 text=$3 t0 t
	t0=$(now_ms)
	tmux_ send-keys -t "$pane" -l "$ch"
	while :; do
		t=$(now_ms)
		if screen_has "$pane" "$text"; then
			if tmux_ capture-pane -p -e -t "$pane" | grep -F echo |
				grep -Eq $'\e\\[([0-9]+;)*4(;[0-9]+)*m'; then
				echo "$((t - t0)) ul"
			else
				echo "$((t - t0)) plain"
			fi
			return
		fi
		[ $((t - t0)) -gt 600 ] && { echo none; return; }
		sleep 0.01
	done
}

# secret_shown PANE: types $SECRET a key at a time (40 ms apart), sampling
# the pane every ~20 ms for 1.5 s; prints how many samples showed any of
# its letters.
secret_shown() {
	local pane=$1 i n=0 end
	for i in $(seq 0 $((${#SECRET} - 1))); do
		tmux_ send-keys -t "$pane" -l "${SECRET:$i:1}"
		tmux_capture "$pane" | grep -q "[$SECRET]" && n=$((n + 1))
		sleep 0.02
		tmux_capture "$pane" | grep -q "[$SECRET]" && n=$((n + 1))
		sleep 0.02
	done
	end=$(($(now_ms) + 1500))
	while [ "$(now_ms)" -lt $end ]; do
		tmux_capture "$pane" | grep -q "[$SECRET]" && n=$((n + 1))
		sleep 0.02
	done
	echo $n
}

# run_checks LABEL SERVER_CMD...: one session through the relay.
run_checks() {
	local label=$1 ms pane=p$RANDOM
	shift
	mosh_server_start "$@" new -c 256 -i 127.0.0.1 -p 0 -- $E2E_SHELL ||
		{ fail "$label: server starts" "$(cat "$T"/server.out.*)"; return; }
	relay_start --server "127.0.0.1:$MS_PORT" --seed 7 --delay 125 ||
		{ fail "$label: relay starts" "$(cat "$T/relay.err")"; return; }
	tmux_start "$pane" 80 24 "env MOSH_KEY=$MS_KEY $BIN client 127.0.0.1 $RELAY_PORT; sleep 60"
	wait_for 20 screen_has "$pane" '$'
	# The first keys are tentative until the server echoes one.
	tmux_ send-keys -t "$pane" -l 'echo '
	wait_for 5 screen_has "$pane" '$echo '
	sleep 1
	set -- $(early "$pane" a '$echo a')
	check "$label: a typed character shows before the echo (${1} ms)" \
		test "$1" != none -a "${1:-999}" -lt 200
	check_eq "$label: ... underlined" ul "${2:-}"
	set -- $(early "$pane" b '$echo ab')
	check "$label: and the next one (${1} ms)" \
		test "$1" != none -a "${1:-999}" -lt 200
	check_eq "$label: ... underlined" ul "${2:-}"
	wait_for 5 screen_has "$pane" '$echo ab'
	sleep 1
	check "$label: once echoed, no underline remains" \
		eval "! tmux_ capture-pane -p -e -t $pane | grep -q \$'\\e\\\\[[0-9;]*4[0-9;]*m'"
	tmux_ send-keys -t "$pane" C-u
	sleep 0.6

	# A password prompt: read -s never echoes.
	tmux_ send-keys -t "$pane" -l 'read -s PW; echo got=${#PW}'
	wait_for 5 screen_has "$pane" 'got=${#PW}'
	sleep 0.6
	tmux_ send-keys -t "$pane" Enter
	check_eq "$label: read -s: samples showing a typed secret letter" 0 \
		"$(secret_shown "$pane")"
	tmux_ send-keys -t "$pane" Enter
	wait_for 5 screen_has "$pane" "got=${#SECRET}"
	check "$label: read -s got the secret" screen_has "$pane" "got=${#SECRET}"
	check "$label: and it never reached the screen" \
		eval "! tmux_capture $pane | grep -q '[$SECRET]'"

	# A prompt that arrives after the first keys and starts like them.
	tmux_ send-keys -t "$pane" -l 'read -s -p Pa PW; echo got=${#PW}'
	wait_for 5 screen_has "$pane" 'Pa PW; echo got=${#PW}'
	sleep 0.6
	tmux_ send-keys -t "$pane" Enter
	tmux_ send-keys -t "$pane" -l 'Pa'
	check_eq "$label: read -s -p Pa, typed Pa first: samples showing a secret letter" 0 \
		"$(secret_shown "$pane")"
	tmux_ send-keys -t "$pane" Enter
	wait_for 5 screen_has "$pane" "got=$((${#SECRET} + 2))"
	check "$label: read -s -p got the secret" screen_has "$pane" "got=$((${#SECRET} + 2))"

	# vim normal mode: keys are commands, never echoed.
	printf 'alpha one\nbravo two\ncharlie three\n' >"$T/v.txt"
	tmux_ send-keys -t "$pane" -l "clear; vim -u NONE -N -n $T/v.txt"
	tmux_ send-keys -t "$pane" Enter
	wait_for 10 screen_has "$pane" 'charlie three'
	sleep 0.5
	tmux_ send-keys -t "$pane" -l 'iok '
	sleep 0.8
	tmux_ send-keys -t "$pane" Escape
	sleep 0.5
	tmux_ send-keys -t "$pane" -l 'jjx'
	wait_for 5 screen_has "$pane" 'chrlie three'
	sleep 1
	check_eq "$label: vim normal mode: no wrong character remains" \
		"$(printf 'ok alpha one\nbravo two\nchrlie three')" \
		"$(tmux_capture "$pane" | head -3)"
	check "$label: ... nor on the rest of the screen" \
		eval "! tmux_capture $pane | sed -n '4,23p' | grep -q '[a-z]'"
	tmux_ send-keys -t "$pane" -l ':q!'
	tmux_ send-keys -t "$pane" Enter
	sleep 0.5
	tmux_ send-keys -t "$pane" -l 'exit'
	tmux_ send-keys -t "$pane" Enter
	wait_for 10 eval '! alive $MS_PID'
}

run_checks ours $BIN server
run_checks stock mosh-server
finish
