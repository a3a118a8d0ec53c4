#!/usr/bin/env bash
# End-to-end: keygen and keygen --check, and stock mosh-client (Debian's
# mosh) accepting our keys as MOSH_KEY.
. "$(dirname "$0")/lib.sh"

k1=$("$BIN" keygen)
k2=$("$BIN" keygen)
check_match "key is 22 base64 chars ending in A/Q/g/w" '^[A-Za-z0-9+/]{21}[AQgw]$' "$k1"
check "two keys differ" test "$k1" != "$k2"
check "key decodes to 16 bytes" test "$(printf '%s==' "$k1" | base64 -d | wc -c)" = 16
check "keygen output passes --check" "$BIN" keygen --check "$k1"
check "--check reads MOSH_KEY" env MOSH_KEY="$k2" "$BIN" keygen --check

# Many keys: every one valid, and the last character spreads over AQgw.
last=$(for i in $(seq 200); do "$BIN" keygen; done | tee "$T/keys" | cut -c22 | sort -u | tr -d '\n')
check_eq "200 keys, all distinct" 200 "$(sort -u "$T/keys" | wc -l)"
check_eq "last characters seen" AQgw "$last"

bad() {
	local name=$1 key=$2 want=$3 out rc
	out=$("$BIN" keygen --check "$key" 2>&1)
	rc=$?
	check_eq "$name: exit 1" 1 "$rc"
	check_match "$name: says why" "$want" "$out"
}
bad "too short" "${k1:0:21}" "exactly 22 characters"
bad "too long" "${k1}==" "exactly 22 characters"
bad "bad character" "${k1:0:5}*${k1:6}" "base64.*character 6"
bad "bad last character" "${k1:0:21}B" "one of A, Q, g or w"
bad "empty" "" "exactly 22 characters"
out=$(env -u MOSH_KEY "$BIN" keygen --check 2>&1)
check_eq "--check without key or MOSH_KEY: exit 2" 2 "$?"
"$BIN" keygen extra >/dev/null 2>&1
check_eq "unexpected argument: exit 2" 2 "$?"

# Stock mosh-client must take our key (no server runs: it should say it
# hears nothing, not complain about the key).  A bad key is the control
# that shows the check can fail.
port=$((61000 + RANDOM % 2000))
run_client() {
	tmux_start "$1" 80 24 "env LANG=C.UTF-8 MOSH_KEY=$2 mosh-client 127.0.0.1 $port; echo EXITED; sleep 60"
}
run_client good "$k1"
run_client badkey "${k1:0:21}B"
wait_for 10 screen_has good "Nothing received from server"
check_match "stock mosh-client accepts our key" "Nothing received from server on UDP port $port" \
	"$(tmux_capture good)"
wait_for 10 screen_has badkey "EXITED"
check_match "stock mosh-client rejects a bad key (control)" "key" "$(tmux_capture badkey)"
finish
