#!/usr/bin/env bash
# test/e2e/term_tmux.sh - replays recorded output of real programs (vim,
# less on a man page, top, htop, ls --color, git log --graph, a colour
# test, CJK and emoji text, vttest screens; see test/data/term/record.sh)
# through `mosh-static term` and through a real tmux pane of the same
# size, and compares the screens: the text, the renditions (tmux's
# `capture-pane -e` output is normalised by running it through our
# emulator, so both sides print SGR the same way) and the cursor.
#
# Where tmux 3.3a is known to differ from xterm (TESTING.md) the check is
# skipped and said so, e.g. the cursor after the last column.  Recordings
# in KNOWN_DIFF below differ from tmux for a documented reason; for them
# our screen is compared with NAME.SIZE.expected, checked by hand against
# what the program says the screen should show.
source "$(dirname "$0")/lib.sh"

DATA=$E2E_TOP/test/data/term
# NAME -> why tmux differs from xterm on that recording.
declare -A KNOWN_DIFF=(
	[vttest_1b]="vttest's autowrap test does BS right after writing the
last column; xterm moves to column 79, tmux 3.3a (cursor kept at x ==
width) to 80, so tmux breaks every fourth line pair"
)

strip() {
	sed -e 's/[[:space:]]*$//'
}

n=0
for f in "$DATA"/*.ts; do
	base=$(basename "$f" .ts)
	name=${base%.*}
	size=${base##*.}
	cols=${size%x*}
	rows=${size#*x}
	n=$((n + 1))
	ours=$("$BIN" term --size "$size" "$f" | strip)
	ours_attrs=$("$BIN" term --attrs --size "$size" "$f")
	tmux_start "$name" "$cols" "$rows" \
		"stty raw -echo; cat '$f'; touch '$T/$name.done'; sleep 600"
	if ! wait_for 20 test -f "$T/$name.done"; then
		fail "$name: tmux replay did not finish"
		continue
	fi
	# tmux may still be drawing what cat wrote: wait for a stable screen.
	prev=""
	for _ in $(seq 1 50); do
		sleep 0.2
		theirs=$(tmux_ capture-pane -p -e -t "$name")
		[ "$theirs" = "$prev" ] && break
		prev=$theirs
	done
	theirs=$(tmux_ capture-pane -p -t "$name" | strip)
	# Renditions: tmux's SGR output, re-rendered by our emulator.
	theirs_attrs=$(tmux_ capture-pane -p -e -t "$name" |
		awk 'NR > 1 { printf "\r\n" } { printf "%s", $0 }' |
		"$BIN" term --attrs --size "$size" | sed '$d')
	tcur=$(tmux_ display -p -t "$name" '#{cursor_y},#{cursor_x}')
	tmux_ kill-session -t "$name"
	why=${KNOWN_DIFF[$name]:-}
	if [ -n "$why" ]; then
		echo "  skip $name against tmux: $why"
		check_eq "$name: text as expected" \
			"$(strip <"$DATA/$base.expected")" "$ours"
		continue
	fi
	if [ "$ours" = "$theirs" ]; then
		pass "$name: text"
	else
		fail "$name: text differs from tmux" \
			"$(diff <(echo "$theirs") <(echo "$ours") | head -20)"
	fi
	if [ "$(echo "$ours_attrs" | sed '$d')" = "$theirs_attrs" ]; then
		pass "$name: renditions"
	else
		fail "$name: renditions differ from tmux" \
			"$(diff <(echo "$theirs_attrs") <(echo "$ours_attrs" | sed '$d') |
				head -10 | cat -v)"
	fi
	ocur=$(echo "$ours_attrs" | tail -n 1 | sed 's/^cursor //')
	if [ "${tcur#*,}" -ge "$cols" ]; then
		echo "  skip $name: cursor (tmux 3.3a leaves it past the last column)"
	else
		check_eq "$name: cursor" "$tcur" "$ocur"
	fi
done
check "recordings found" test "$n" -ge 10
finish
