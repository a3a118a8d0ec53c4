#!/usr/bin/env bash
# test/data/term/record.sh - how the recordings beside this script were
# made (run once by hand; the recordings are committed, so nothing here is
# needed at test time).  Each program runs under `script -f` inside a
# detached tmux pane of a fixed size with TERM=xterm-256color, is driven
# with send-keys, and its output stream is copied while the program is
# still on screen.  The first line (script's header) is removed.
#
# Output: NAME.COLSxROWS.ts, replayed by test/e2e/term_tmux.sh.
# Packages used (Debian 12): tmux, util-linux (script), vim, less, man-db,
# procps (top), htop, git, vttest, coreutils.
set -eu
cd "$(dirname "$0")"
out=$PWD
work=$(mktemp -d)
sock=rec-$$
trap 'tmux -L $sock kill-server 2>/dev/null; rm -rf "$work"' EXIT

# rec NAME COLS ROWS 'COMMAND' KEYS...: a key argument "@N" sleeps N
# tenths of a second; anything else goes to send-keys.
rec() {
	local name=$1 cols=$2 rows=$3 cmd=$4 k
	shift 4
	tmux -L $sock new-session -d -s "$name" -x "$cols" -y "$rows" \
		"cd $work && env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 \
		script -fq -c '$cmd' $work/$name.raw; sleep 60"
	sleep 1.5
	for k in "$@"; do
		case $k in
		@*) sleep "$(awk -v t="${k#@}" 'BEGIN { print t / 10 }')" ;;
		*) tmux -L $sock send-keys -t "$name" "$k"; sleep 0.3 ;;
		esac
	done
	sleep 1
	sed '1d' "$work/$name.raw" | sed '/^Script done on /d' \
		>"$out/$name.${cols}x$rows.ts"
	tmux -L $sock kill-session -t "$name"
	echo "$name.${cols}x$rows.ts: $(stat -c %s "$out/$name.${cols}x$rows.ts") bytes"
}

# A C file for vim (syntax colours) and a small git history.
for i in $(seq 1 120); do
	printf 'static int f%d(int x) { return x * %d; /* line %d */ }\n' \
		"$i" "$i" "$i"
done >"$work/sample.c"
(
	cd "$work" && mkdir repo && cd repo && git init -q -b main
	git config user.email t@example.org && git config user.name T
	for i in 1 2 3; do echo $i >f && git add f && git commit -qm "main $i"; done
	git checkout -qb feature && for i in 1 2; do echo f$i >g && git add g &&
		git commit -qm "feature $i"; done
	git checkout -q main && echo 4 >f && git commit -qam "main 4" &&
		git merge -q --no-edit feature && git tag v1
	git checkout -qb fix HEAD~2 && echo x >h && git add h && git commit -qm fix
	git checkout -q main && git merge -q --no-edit fix
)

# A colour test: 16 colours, the 256 palette, 24-bit gradients in the
# ';' and ':' forms, and attributes.
cat >"$work/colors.sh" <<'SH'
for i in $(seq 0 15); do printf '\033[38;5;%dm%3d\033[0m ' $i $i; done; echo
for i in 0 1 2 3 4 5 6 7; do printf '\033[%dm 3%d \033[%dm 4%d \033[0m' $((30+i)) $i $((40+i)) $i; done; echo
for i in 0 1 2 3 4 5 6 7; do printf '\033[%dm 9%d \033[%dm10%d \033[0m' $((90+i)) $i $((100+i)) $i; done; echo
for r in $(seq 0 11); do for c in $(seq 0 19); do i=$((16 + r * 20 + c)); [ $i -le 255 ] &&
	printf '\033[48;5;%dm%4d\033[0m' $i $i; done; echo; done
for i in $(seq 0 99); do printf '\033[48;2;%d;%d;%dm \033[0m' $((i * 2)) $((255 - i * 2)) 128; done; echo
for i in $(seq 0 99); do printf '\033[38:2::%d:%d:%dm#\033[0m' 255 $((i * 2)) 0; done; echo
printf '\033[1mbold\033[0m \033[3mitalic\033[0m \033[4munder\033[0m \033[5mblink\033[0m \033[7minverse\033[0m \033[9mstrike\033[0m \033[1;3;4;31;43mall\033[0m\n'
SH
# CJK, emoji and combining text, with wide characters at the line ends.
{
	echo '中文字符测试：你好，世界！日本語のテキスト。한국어 텍스트입니다.'
	echo 'Emoji: 😀 😃 🎉 🚀 ❤️ 👍 and flags 🇫🇷 (pairs) and ZWJ 👨‍👩‍👧'
	echo 'Combining: é à ö ñ ẋ̣ Z̶'
	printf '%079d中文会换行 next\n' 0
	printf '%078d中文正好\n' 0
	echo 'Fullwidth: ＡＢＣ１２３ Halfwidth: ｱｲｳ'
	for i in $(seq 1 6); do echo "行$i: 汉字汉字汉字汉字汉字汉字汉字汉字汉字汉字汉字汉字汉字汉字汉字汉字汉字汉字汉字汉字汉字汉字"; done
} >"$work/cjk.txt"

rec vim 80 24 'vim -u NONE -N -i NONE +"syntax on" +"set nu" sample.c' \
	j j j j C-f C-f C-b G k k o 'hello 世界 wörld' Escape \
	':%s/int/long/g' Enter u g g 4 j d d
rec vimsplit 100 30 'vim -u NONE -N -i NONE +"syntax on" sample.c' \
	':split' Enter ':vsplit' Enter C-d C-d C-w w 20 j C-e C-e C-y
rec less_man 80 24 'MANPAGER=less man ls' Space Space '/sort' Enter n b
rec top 100 30 'top -d 0.5' @20
rec htop 120 35 'htop -d 5' @20
rec ls_color 100 30 'ls --color=always -la /usr/lib/x86_64-linux-gnu | head -40; ls --color=always -F /etc /usr/bin | head -60; sleep 5'
rec git_log 90 30 'git -C repo --no-pager log --graph --color=always --decorate --all --oneline; git -C repo --no-pager log --color=always --stat -2 | cat; sleep 5'
rec colors 100 30 'bash colors.sh; sleep 5'
rec cjk 80 24 'cat cjk.txt; sleep 5'
rec vttest_1 80 24 'vttest' 1 Enter @10
rec vttest_1b 80 24 'vttest' 1 Enter @5 Enter @5 Enter @5
rec vttest_2 80 24 'vttest' 2 Enter @5 Enter @5 Enter @5
rec vttest_8 80 24 'vttest' 8 Enter @5 Enter @5
