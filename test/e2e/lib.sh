# test/e2e/lib.sh - shared helpers for end-to-end test scripts.
#
# Source it, call `check NAME CMD...` (or `check_eq NAME WANT GOT`) per case,
# and `finish` at the end: it prints "# suite NAME: N passed, M failed" for
# test/run.sh and exits 1 if anything failed.  Scratch files go in $T (a
# fresh directory removed at exit); tmux servers started with `tmux_start`
# run on a private socket and are killed at exit.

set -u
E2E_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E_SUITE=$(basename "$0" .sh)
BIN=${MOSH_STATIC_BIN:-$E2E_TOP/mosh-static}
T=$(mktemp -d "${TMPDIR:-/tmp}/e2e-$E2E_SUITE.XXXXXX")
E2E_PASS=0
E2E_FAIL=0
E2E_TMUX="e2e-$E2E_SUITE-$$"
E2E_CLEANUP=()

e2e_cleanup() {
	local c
	for c in "${E2E_CLEANUP[@]}"; do
		eval "$c" >/dev/null 2>&1
	done
	tmux -L "$E2E_TMUX" kill-server >/dev/null 2>&1
	rm -rf "$T"
}
trap e2e_cleanup EXIT

# at_exit CMD: runs the shell command CMD at exit (before $T is removed).
at_exit() {
	E2E_CLEANUP+=("$1")
}

pass() {
	E2E_PASS=$((E2E_PASS + 1))
	echo "  ok   $1"
}

fail() {
	E2E_FAIL=$((E2E_FAIL + 1))
	echo "  FAIL $1"
	shift
	[ $# -gt 0 ] && printf '    %s\n' "$@"
	return 0
}

# check NAME CMD...: passes if CMD exits 0; shows its output if not.
check() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then
		pass "$name"
	else
		fail "$name" "command: $*" "output: $(printf '%s' "$out" | head -c 2000)"
	fi
}

# check_eq NAME WANT GOT
check_eq() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "expected: $(printf '%q' "$2")" "got:      $(printf '%q' "$3")"
	fi
}

# check_match NAME REGEX TEXT (extended regex, matched against the whole text)
check_match() {
	if printf '%s' "$3" | grep -Eq -- "$2"; then
		pass "$1"
	else
		fail "$1" "expected to match: $2" "got: $(printf '%s' "$3" | head -c 2000)"
	fi
}

finish() {
	echo "# suite $E2E_SUITE: $E2E_PASS passed, $E2E_FAIL failed"
	[ "$E2E_FAIL" -eq 0 ]
	exit
}

# tmux helpers on the suite's private server.
tmux_() {
	tmux -L "$E2E_TMUX" "$@"
}

# tmux_start NAME COLS ROWS CMD: a detached session running CMD.
tmux_start() {
	tmux_ new-session -d -s "$1" -x "$2" -y "$3" "$4"
}

# tmux_capture NAME: the visible screen, trailing blank lines kept.
tmux_capture() {
	tmux_ capture-pane -p -t "$1"
}

# wait_for SECONDS CMD...: polls CMD every 0.1 s until it succeeds.
wait_for() {
	local deadline=$(($(date +%s%N) / 1000000 + $1 * 1000))
	shift
	while ! "$@" >/dev/null 2>&1; do
		[ $(($(date +%s%N) / 1000000)) -ge $deadline ] && return 1
		sleep 0.1
	done
	return 0
}

# screen_has NAME TEXT: the pane shows TEXT somewhere.
screen_has() {
	tmux_capture "$1" | grep -qF -- "$2"
}

# --- mosh sessions ---------------------------------------------------------
# A shell whose prompt and behaviour do not depend on the host's dotfiles.
E2E_SHELL="env PS1=\$ HISTFILE=/dev/null INPUTRC=/dev/null bash --norc --noprofile"

# mosh_server_start SERVER_CMD ARGS...: runs `SERVER_CMD new ARGS...` (our
# `$BIN server` or stock `mosh-server`), and sets MS_PORT, MS_KEY and MS_PID
# from what it prints.  Fails (returns 1) if it prints no MOSH CONNECT line.
mosh_server_start() {
	local out err line
	out="$T/server.out.$$.$RANDOM"
	err="$out.err"
	"$@" >"$out" 2>"$err" </dev/null
	line=$(grep -a '^MOSH CONNECT ' "$out" | head -1)
	MS_PORT=$(printf '%s' "$line" | awk '{print $3}')
	MS_KEY=$(printf '%s' "$line" | awk '{print $4}' | tr -d '\r')
	MS_PID=$(grep -ao 'detached, pid = [0-9]*' "$err" | grep -o '[0-9]*$')
	[ -n "$MS_PID" ] && at_exit "kill -9 $MS_PID"
	[ -n "$MS_PORT" ] && [ -n "$MS_KEY" ]
}

# panes_equal A B: the two panes show the same text.
panes_equal() {
	[ "$(tmux_capture "$1")" = "$(tmux_capture "$2")" ]
}

# type_both A B KEYS...: send-keys to both panes.
type_both() {
	local a=$1 b=$2
	shift 2
	tmux_ send-keys -t "$a" "$@"
	tmux_ send-keys -t "$b" "$@"
}

# alive PID
alive() {
	kill -0 "$1" 2>/dev/null
}

# relay_start ARGS...: the lossy relay (test/tools/relay.c) in the
# background; sets RELAY_PORT (client-facing) and RELAY_CTL (control).
relay_start() {
	local pf="$T/relay.ports.$RANDOM"
	"$E2E_TOP/build/$(uname -m)/tools/relay" --port-file "$pf" "$@" \
		>"$T/relay.out" 2>"$T/relay.err" &
	at_exit "kill $!"
	wait_for 5 test -s "$pf" || return 1
	read -r RELAY_PORT RELAY_CTL <"$pf"
}

# relay_ctl CMD...: one control command; prints the relay's reply.
relay_ctl() {
	"$E2E_TOP/build/$(uname -m)/tools/relay" ctl "$RELAY_CTL" "$@"
}

# vm_hwm PID: peak resident set size in kB.
vm_hwm() {
	awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null
}
