#!/usr/bin/env bash
# End-to-end: `mosh-static connect` against a real OpenSSH server (and
# Dropbear) on 127.0.0.1 with a throwaway user: the stock-compatible
# bootstrap reaching a session with stock mosh-server and mosh-client,
# IP discovery (proxy, remote, an ssh_config ProxyCommand), the
# self-upload (cache, reuse, tamper, fallbacks, cross-arch), error paths,
# --local, and `make install`.
#
# Most upload cases use the hidden --install-only (stop after the install
# and print the path) to stay fast; whole sessions after an upload, and
# stock mosh driving our server and client, are checked too.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/sshd_lib.bash"

export LANG=C.UTF-8
unset LC_ALL MOSH_PREDICTION_DISPLAY
sshd_user_create || { fail "create test user"; finish; }
sshd_start || { fail "start sshd" "$(cat "$T/sshd.log")"; finish; }
UH=$RUSER@127.0.0.1

# A client stand-in that prints what connect hands it.
cat >"$T/fakeclient" <<'EOS'
#!/bin/sh
[ "$1" = -c ] && { echo 256; exit 0; }
echo "CLIENT[$1][$2][$3] KEY=$MOSH_KEY PRED=$MOSH_PREDICTION_DISPLAY INIT=${MOSH_NO_TERM_INIT:-} OVER=${MOSH_PREDICTION_OVERWRITE:-}"
EOS
chmod 755 "$T/fakeclient"
# An ssh that records what goes into its stdin (the upload).
cat >"$T/countssh" <<EOS
#!/bin/bash
tee -a "$T/sent" | ssh "\$@"
EOS
chmod 755 "$T/countssh"

# --- command line --------------------------------------------------------
out=$("$BIN" connect --help)
check_eq "--help exits 0" 0 "$?"
check_match "--help has the usage line" '^Usage: mosh \[options\]' "$out"
bad_opt() {
	local name=$1 want=$2 out rc
	shift 2
	out=$("$BIN" connect "$@" 2>&1)
	rc=$?
	check_eq "$name: exit 255" 255 "$rc"
	check_match "$name: message" "$want" "$out"
}
bad_opt "port range from 0" "Server-side port ranges may not be used with starting port 0 \(0:5\)" -p 0:5 h
bad_opt "port too big" "Server-side \(low\) port \(70000\) must be within valid range" -p 70000 h
bad_opt "high port too big" "Server-side high port \(70000\) must be within valid range" --port=1:70000 h
bad_opt "low > high" "low port greater than high port" -p 9:3 h
bad_opt "port not a number" "Server-side port or range \(x1\) is not valid" -p x1 h
bad_opt "unknown predict" 'Unknown mode "sometimes"' --predict=sometimes h
bad_opt "unknown option" "Unknown option: frobnicate" --frobnicate h
bad_opt "bad remote-ip" "Unknown parameter nowhere" --experimental-remote-ip=nowhere h
bad_opt "bad install" "--install must be auto, always or never" --install=maybe h
bad_opt "no host" "^Usage: mosh" --ssh=ssh
out=$(MOSH_PREDICTION_DISPLAY=bogus "$BIN" connect h 2>&1)
check_match "MOSH_PREDICTION_DISPLAY validated" 'Unknown mode "bogus" \(MOSH_PREDICTION_DISPLAY' "$out"

# Fake ssh commands that print what a remote might.
fakessh() {
	printf '#!/bin/sh\n%s\n' "$2" >"$T/$1"
	chmod 755 "$T/$1"
}
fakessh linger 'echo "MOSH IP 127.0.0.1"; echo "MOSH CONNECT 60001 4KwpLyAcfVi/rnIKCMbuig"; exec sleep 30'
t0=$(date +%s)
out=$("$BIN" connect --install=never --experimental-remote-ip=remote --ssh="$T/linger" --client="$T/fakeclient" u@h 2>&1)
check_match "ssh lingering after MOSH CONNECT: client still starts" 'CLIENT\[.*\]\[127\.0\.0\.1\]\[60001\]' "$out"
check "ssh lingering after MOSH CONNECT: not waited for long" test $(($(date +%s) - t0)) -lt 20
fakessh silent 'echo "Welcome to the host"; exit 0'
out=$("$BIN" connect --install=never --ssh="$T/silent" --client="$T/fakeclient" u@h 2>&1)
check_eq "no MOSH CONNECT: exit 1" 1 "$?"
check_match "no MOSH CONNECT: other lines echoed" "Welcome to the host" "$out"
check_match "no MOSH CONNECT: stock message" 'Did not find mosh server startup message. \(Have you installed mosh on your server\?\)' "$out"
fakessh badconn 'echo "MOSH IP 127.0.0.1"; echo "MOSH CONNECT 60001 short"'
check_match "bad MOSH CONNECT line: refused" 'Bad MOSH CONNECT string: MOSH CONNECT 60001 short' "$("$BIN" connect --install=never --ssh="$T/badconn" --client="$T/fakeclient" u@h 2>&1)"
fakessh twoip 'echo "MOSH IP 127.0.0.1"; echo "MOSH IP 127.0.0.2"; echo "MOSH CONNECT 60001 4KwpLyAcfVi/rnIKCMbuig"'
check_match "second MOSH IP: refused" 'attempt to redefine MOSH IP' "$("$BIN" connect --install=never --ssh="$T/twoip" --client="$T/fakeclient" u@h 2>&1)"
fakessh noip 'echo "MOSH CONNECT 60001 4KwpLyAcfVi/rnIKCMbuig"'
check_match "no MOSH IP: stock message" 'Did not find remote IP address \(is SSH ProxyCommand disabled\?\)' "$("$BIN" connect --install=never --ssh="$T/noip" --client="$T/fakeclient" u@h 2>&1)"
fakessh badudp 'echo "mosh-server: Bad UDP port range (60001:60005)"; exit 1'
check_match "old server without port ranges: stock message" 'Server does not support UDP port range option' "$("$BIN" connect --install=never -p 60001:60005 --ssh="$T/badudp" --client="$T/fakeclient" u@h 2>&1)"
fakessh args 'for a; do printf "ARG[%s]\\n" "$a"; done'
out=$(env -u LC_ALL LANG=C.UTF-8 LC_TIME=C "$BIN" connect --install=never --ssh="$T/args -p 2222" -6 --experimental-remote-ip=remote --server=/opt/ms "u@h" -- echo "it's" 2>&1)
check_match "ssh argv: the --ssh words, -n -tt, -6 in remote mode" 'ARG\[-p\]ARG\[2222\]ARG\[-n\]ARG\[-tt\]ARG\[-6\]ARG\[u@h\]ARG\[--\]' "$(printf '%s' "$out" | tr -d '\n')"
check_match "remote command: SSH_CONNECTION prefix, server, quoted words, -l" "ARG\[sh -c '\[ -n \"\\\$SSH_CONNECTION\" \] .*; /opt/ms 'new' '-c' '[0-9]+' '-s' '-l' 'LANG=C.UTF-8' '-l' 'LC_TIME=C' '--' 'echo' 'it'\\\\''s'\]" "$out"
out=$("$BIN" connect --install=never --no-ssh-pty --bind-server=any --ssh="$T/args" "u@h" 2>&1)
check_match "proxy mode: our ProxyCommand, no -tt with --no-ssh-pty" "ARG\[-n\]ARG\[-S\]ARG\[none\]ARG\[-o\]ARG\[ProxyCommand='[^']*' connect '--family=prefer-inet' --fake-proxy -- %h %p\]" "$(printf '%s' "$out" | tr -d '\n')"
check_match "--bind-server=any: no -s" "ARG\[mosh-server 'new' '-c' '[0-9]+' '-l'" "$out"

# --- --fake-proxy ----------------------------------------------------------
out=$(printf 'SSH-2.0-probe\r\n' | timeout 10 "$BIN" connect --family=inet --fake-proxy -- 127.0.0.1 "$SSHD_PORT" 2>"$T/fp.err" | head -n 1)
check_match "--fake-proxy relays the sshd banner" '^SSH-2\.0-OpenSSH' "$out"
check_eq "--fake-proxy says MOSH IP on stderr" "MOSH IP 127.0.0.1" "$(cat "$T/fp.err")"
out=$(timeout 10 "$BIN" connect --fake-proxy -- 127.0.0.1 1 </dev/null 2>&1)
check_match "--fake-proxy to a closed port fails clearly" "Could not connect to 127.0.0.1, last tried 127.0.0.1" "$out"

# --- stock mosh-server on the remote (install=never), through fakeclient ---
out=$(timeout 30 "$BIN" connect --install=never --client="$T/fakeclient" --ssh="$SSH" -a --no-init -o "$UH" 2>&1)
check_eq "stock bootstrap exits 0" 0 "$?"
check_match "client gets -#, proxy IP and port" 'CLIENT\[-# .* \|\]\[127\.0\.0\.1\]\[6[0-9]{4}\]' "$out"
check_match "client gets MOSH_KEY and settings" 'KEY=[A-Za-z0-9+/]{22} PRED=always INIT=1 OVER=yes' "$out"
out=$(timeout 30 "$BIN" connect --install=never --experimental-remote-ip=remote --client="$T/fakeclient" --ssh="$SSH" "$UH" 2>&1)
check_match "remote mode: IP from SSH_CONNECTION" 'Using remote IP address 127\.0\.0\.1 from \$SSH_CONNECTION' "$out"
check_match "remote mode: client started" 'CLIENT\[.*\]\[127\.0\.0\.1\]' "$out"

# An ssh_config ProxyCommand for the host is kept (remote mode, said so).
cat >"$T/ssh_config" <<EOS
Host viaproxy
	HostName 127.0.0.1
	ProxyCommand $BIN connect --fake-proxy -- %h %p
Host viajump
	HostName 127.0.0.1
	ProxyJump $RUSER@localhost:$SSHD_PORT
Host *
	IdentityFile $T/userkey
	StrictHostKeyChecking no
	UserKnownHostsFile /dev/null
	LogLevel ERROR
	BatchMode yes
EOS
SSHF=${SSH/-F \/dev\/null/-F $T/ssh_config}
out=$(timeout 30 "$BIN" connect --install=never --client="$T/fakeclient" --ssh="$SSHF" "$RUSER@viaproxy" 2>&1)
check_match "configured ProxyCommand kept, said so" 'ProxyJump/ProxyCommand for .*viaproxy: keeping it' "$out"
check_match "configured ProxyCommand: session via remote IP" 'CLIENT\[.*\]\[127\.0\.0\.1\]' "$out"
out=$(timeout 30 "$BIN" connect --install=never --client="$T/fakeclient" --ssh="$SSHF" "$RUSER@viajump" 2>&1)
check_match "configured ProxyJump kept, said so" 'ProxyJump/ProxyCommand for .*viajump: keeping it' "$out"
check_match "configured ProxyJump: session via remote IP" 'CLIENT\[.*\]\[127\.0\.0\.1\]' "$out"

# --- a real session in tmux: stock server and client ----------------------
tmux_start stock 80 24 "env LANG=C.UTF-8 $BIN connect --install=never --client=mosh-client --ssh='$SSH' $UH; echo CONNECT-EXIT=\$?; sleep 60"
if wait_for 20 screen_has stock '$'; then
	tmux_ send-keys -t stock 'echo mosh-$((6*7))' Enter
	wait_for 10 screen_has stock mosh-42
	check_match "stock session: typed command shows its output" '^mosh-42' "$(tmux_capture stock)"
	tmux_ send-keys -t stock 'exit' Enter
	wait_for 15 screen_has stock CONNECT-EXIT=
	check_match "stock session: exits cleanly" 'CONNECT-EXIT=0' "$(tmux_capture stock)"
else
	fail "stock session: prompt" "$(tmux_capture stock)"
fi

# The default (--install=auto) with mosh-server on the remote's PATH: one
# ssh session without a pty, the same session as stock.
out=$(timeout 30 "$BIN" connect --experimental-remote-ip=remote --client="$T/fakeclient" --ssh="$SSH" "$UH" 2>&1)
check_match "auto + remote mode: IP from SSH_CONNECTION" 'Using remote IP address 127\.0\.0\.1' "$out"
check_match "auto + remote mode: client started" 'CLIENT\[.*\]\[127\.0\.0\.1\]\[6[0-9]{4}\]' "$out"
tmux_start auto 80 24 "env LANG=C.UTF-8 $BIN connect --client=mosh-client --ssh='$SSH' $UH; echo CONNECT-EXIT=\$?; sleep 60"
if wait_for 20 screen_has auto '$'; then
	tmux_ send-keys -t auto 'echo auto-$((8*8))' Enter
	wait_for 10 screen_has auto auto-64
	check_match "auto, server on PATH: session works" '^auto-64' "$(tmux_capture auto)"
	tmux_ send-keys -t auto 'exit' Enter
	wait_for 15 screen_has auto CONNECT-EXIT=
	check_match "auto, server on PATH: exits cleanly" 'CONNECT-EXIT=0' "$(tmux_capture auto)"
else
	fail "auto, server on PATH: prompt" "$(tmux_capture auto)"
fi

# --- upload: a remote with no server and only minimal tools ----------------
mkdir "$T/rbin"
for t in sh cat mkdir chmod mv rm uname sha256sum wc; do
	ln -s "$(command -v $t)" "$T/rbin/$t"
done
echo "PATH=$T/rbin" >"$T/renv"
SUM=$(sha256sum <"$BIN" | cut -d' ' -f1)
SIZE=$(stat -c %s "$BIN")
CACHE=$RHOME/.cache/mosh-static/0.1.0-${SUM:0:16}/mosh-static
install_only() {
	: >"$T/sent"
	timeout 60 "$BIN" connect --install-only --ssh="$T/countssh ${SSH#ssh }" "$@" 2>"$T/err"
}

out=$(timeout 30 "$BIN" connect --install=never --client="$T/fakeclient" --ssh="$SSH" "$UH" 2>&1)
check_match "install=never without a server: stock error" 'Did not find mosh server startup message' "$out"
check_match "install=never without a server: remote's own message" 'mosh-server.*not found' "$out"

out=$(install_only "$UH")
check_eq "auto: uploads into ~/.cache/mosh-static/VERSION-SHA" "$CACHE" "$out"
check_eq "auto: upload sent exactly the binary" "$SIZE" "$(stat -c %s "$T/sent")"
check_eq "auto: uploaded file has the right hash" "$SUM" "$(sha256sum <"$CACHE" | cut -d' ' -f1)"
check_eq "auto: mode 700, owned by the user" "700 $RUSER" "$(stat -c '%a %U' "$CACHE")"
check_eq "auto: no temporary file left" "mosh-static" "$(ls -A "$(dirname "$CACHE")")"
check_match "auto: says it uploads" "uploading .* \(x86_64, $SIZE bytes\)" "$(cat "$T/err")"
out=$(install_only "$UH")
check_eq "second connect: same path" "$CACHE" "$out"
check_eq "second connect: nothing uploaded" 0 "$(stat -c %s "$T/sent")"
printf 'X' | dd of="$CACHE" bs=1 seek=1000 conv=notrunc 2>/dev/null
out=$(install_only "$UH")
check_match "tampered cache: detected" "does not match its SHA-256: replacing it" "$(cat "$T/err")"
check_eq "tampered cache: uploaded again" "$SIZE" "$(stat -c %s "$T/sent")"
check_eq "tampered cache: replaced by the good binary" "$SUM" "$(sha256sum <"$CACHE" | cut -d' ' -f1)"
out=$(install_only --install=always "$UH")
check_eq "install=always: reuses the verified cache" "0 $CACHE" "$(stat -c %s "$T/sent") $out"

# --- whole sessions on our own server after an upload ----------------------
# ssh_session NAME CMD: runs CMD in a tmux pane, types a command, checks
# its output and a clean exit.  Returns 1 if the session never started.
ssh_session() {
	local name=$1 cmd=$2 n=$((RANDOM % 900 + 100))
	tmux_start "$name" 80 24 "env LANG=C.UTF-8 $cmd; echo CONNECT-EXIT=\$?; sleep 60"
	if ! wait_for 30 screen_has "$name" '$'; then
		fail "$name: prompt" "$(tmux_capture "$name")"
		return 1
	fi
	tmux_ send-keys -t "$name" "echo $name-\$(($n+1))" Enter
	wait_for 10 screen_has "$name" "$name-$((n + 1))"
	check_match "$name: typed command shows its output" "^$name-$((n + 1))" "$(tmux_capture "$name")"
	tmux_ send-keys -t "$name" 'exit' Enter
	wait_for 15 screen_has "$name" CONNECT-EXIT=
	check_match "$name: exits cleanly" 'CONNECT-EXIT=0' "$(tmux_capture "$name")"
}
rm -rf "$RHOME/.cache"
: >"$T/sent"
ssh_session upload "$BIN connect --ssh='$T/countssh ${SSH#ssh }' $UH"
check_eq "upload session: the binary went over ssh" "$SIZE" "$(stat -c %s "$T/sent")"
check_eq "upload session: cached with the right hash" "$SUM" "$(sha256sum <"$CACHE" | cut -d' ' -f1)"
: >"$T/sent"
ssh_session reuse "$BIN connect --ssh='$T/countssh ${SSH#ssh }' $UH"
check_eq "second session: nothing uploaded" 0 "$(stat -c %s "$T/sent")"
# Stock mosh (Debian's Perl wrapper) with our binary as server and client.
mkdir -p "$T/links"
"$BIN" --install -s "$T/links"
ssh_session perlwrap "mosh --ssh='$SSH' --client=$T/links/mosh-client --server='$CACHE server' $UH"

# Without a sha256 tool the fresh upload checks itself; the cache is not
# trusted unverified (uploaded again).
rm "$T/rbin/sha256sum"
out=$(install_only "$UH")
check_match "no sha256 tool: upload self-checked" "the upload checked its own hash" "$(cat "$T/err")"
check_eq "no sha256 tool: cache not reused unverified" "$SIZE" "$(stat -c %s "$T/sent")"
ln -s "$(command -v sha256sum)" "$T/rbin/sha256sum"

# A router-like remote: BusyBox sh and applets only, and its sha256sum
# reached as `busybox sha256sum` (no sha256sum link).
if command -v busybox >/dev/null; then
	mkdir "$T/bbin"
	ln -s "$(command -v busybox)" "$T/bbin/busybox"
	for t in sh cat mkdir chmod mv rm uname wc; do
		ln -s "$(command -v busybox)" "$T/bbin/$t"
	done
	echo "PATH=$T/bbin" >"$T/renv"
	rm -rf "$RHOME/.cache"
	out=$(install_only "$UH")
	check_eq "busybox remote: uploaded into the cache" "$CACHE" "$out"
	check_eq "busybox remote: verified with busybox sha256sum" "" "$(grep -i 'checked its own hash' "$T/err")"
	check_eq "busybox remote: right hash" "$SUM" "$(sha256sum <"$CACHE" | cut -d' ' -f1)"
	out=$(install_only "$UH")
	check_eq "busybox remote: cache reused" "0 $CACHE" "$(stat -c %s "$T/sent") $out"
	echo "PATH=$T/rbin" >"$T/renv"
else
	fail "busybox (package busybox) for the router-like remote"
fi

# A mosh-static of our version on the remote's PATH is used as is.
cp "$BIN" "$T/rbin/mosh-static"
out=$(install_only "$UH")
check_eq "auto: same-version mosh-static in PATH used" "$T/rbin/mosh-static 0" "$out $(stat -c %s "$T/sent")"
rm "$T/rbin/mosh-static"

# Home not writable: falls back to /tmp/mosh-static-USER.
rm -rf "$RHOME/.cache"
chmod 555 "$RHOME"
at_exit "rm -rf /tmp/mosh-static-$RUSER /var/tmp/mosh-static-$RUSER /dev/shm/mosh-static-$RUSER"
out=$(install_only "$UH")
check_eq "read-only home: falls back to /tmp" "/tmp/mosh-static-$RUSER/0.1.0-${SUM:0:16}/mosh-static" "$out"
check_eq "read-only home: fallback dir is private" "700 $RUSER" "$(stat -c '%a %U' "/tmp/mosh-static-$RUSER")"
rm -rf "/tmp/mosh-static-$RUSER"

# A noexec cache dir ($XDG_CACHE_HOME on a noexec tmpfs) is detected.
chmod 755 "$RHOME"
mkdir "$T/noexec"
if mount -t tmpfs -o noexec,mode=1777,size=8m tmpfs "$T/noexec"; then
	at_exit "umount $T/noexec"
	echo "XDG_CACHE_HOME=$T/noexec/c; export XDG_CACHE_HOME" >>"$T/renv"
	out=$(install_only "$UH")
	check_eq "noexec XDG_CACHE_HOME: falls back to ~/.cache" "$CACHE" "$out"
	check_match "noexec XDG_CACHE_HOME: says why" "cannot write and run programs in $T/noexec/c" "$(cat "$T/err")"
	echo "PATH=$T/rbin" >"$T/renv"
else
	fail "mount a noexec tmpfs (needed for the noexec case)"
fi

# No usable directory at all: a clear error.
rm -rf "$RHOME/.cache"
chmod 555 "$RHOME"
for d in /tmp /var/tmp /dev/shm; do
	mkdir -p "$d/mosh-static-$RUSER"	# owned by root: not ours
done
out=$(install_only "$UH")
check_eq "no usable directory: fails" 1 "$?"
check_match "no usable directory: says so" "no writable and executable directory for the server \(tried: .*/tmp/mosh-static-$RUSER" "$(cat "$T/err")"
rm -rf "/tmp/mosh-static-$RUSER" "/var/tmp/mosh-static-$RUSER" "/dev/shm/mosh-static-$RUSER"
chmod 755 "$RHOME"

# --- cross-arch: a remote whose uname -m says aarch64 ------------------------
A64=$E2E_TOP/mosh-static-aarch64
[ -f "$A64" ] || make -C "$E2E_TOP" ARCH=aarch64 >/dev/null 2>&1
rm "$T/rbin/uname"
cat >"$T/rbin/uname" <<'EOS'
#!/bin/sh
case $1 in -m) echo aarch64 ;; -s) echo Linux ;; *) echo Linux ;; esac
EOS
chmod 755 "$T/rbin/uname"
mkdir "$T/local" "$T/sb"
cp "$BIN" "$T/local/mosh-static"
if [ -f "$A64" ]; then
	cp "$A64" "$T/local/mosh-static-aarch64"
	cp "$A64" "$T/sb/mosh-static-aarch64"
	ASUM=$(sha256sum <"$A64" | cut -d' ' -f1)
	: >"$T/sent"
	out=$(timeout 60 "$T/local/mosh-static" connect --install-only --ssh="$T/countssh ${SSH#ssh }" "$UH" 2>"$T/err")
	check_eq "aarch64 remote: sibling binary uploaded" "$RHOME/.cache/mosh-static/0.1.0-${ASUM:0:16}/mosh-static" "$out"
	check_eq "aarch64 remote: the aarch64 bytes" "$ASUM" "$(sha256sum <"$out" 2>/dev/null | cut -d' ' -f1)"
	check_eq "aarch64 remote: sent its size" "$(stat -c %s "$A64")" "$(stat -c %s "$T/sent")"
	check_match "aarch64 binary runs (qemu)" "^mosh-static 0\.1\.0 " "$(qemu-aarch64-static "$out" --version 2>&1)"
	rm -rf "$RHOME/.cache"
	out=$(install_only --server-binaries="$T/sb" "$UH")
	check_eq "aarch64 remote: --server-binaries=DIR used" "$RHOME/.cache/mosh-static/0.1.0-${ASUM:0:16}/mosh-static" "$out"
else
	fail "aarch64 build (make ARCH=aarch64) for the cross-arch case"
fi
sed -i 's/aarch64/mips/' "$T/rbin/uname"
out=$(install_only "$UH")
check_eq "unknown arch: fails" 1 "$?"
check_match "unknown arch: says which" "runs Linux mips .*no mosh-static binary for it" "$(cat "$T/err")"
sed -i 's/Linux/Darwin/g; s/mips/arm64/' "$T/rbin/uname"
out=$(install_only "$UH")
check_match "not Linux: says mosh-static cannot run there" "runs Darwin arm64 .*runs only on Linux" "$(cat "$T/err")"
check_eq "not Linux: nothing uploaded" 0 "$(stat -c %s "$T/sent")"
sed -i 's/Darwin/Linux/g; s/arm64/aarch64/' "$T/rbin/uname"
mkdir "$T/lonely"
cp "$BIN" "$T/lonely/mosh-static"
rm -rf "$RHOME/.cache"
out=$(timeout 60 "$T/lonely/mosh-static" connect --install-only --ssh="$SSH" "$UH" 2>"$T/err")
check_match "aarch64 remote without the binary: names it" "put mosh-static-aarch64 next to this executable or in --server-binaries" "$(cat "$T/err")"
rm "$T/rbin/uname"
ln -s "$(command -v uname)" "$T/rbin/uname"

# --- ssh errors ---------------------------------------------------------------
out=$(timeout 30 "$BIN" connect --client="$T/fakeclient" --ssh="ssh -p 1 -o BatchMode=yes -F /dev/null" "$UH" 2>&1)
rc=$?
check_eq "wrong ssh port: exit 255 (ssh's)" 255 "$rc"
check_match "wrong ssh port: the reason is shown" "Could not connect to 127.0.0.1|Connection refused|closed by remote host" "$out"
check_match "wrong ssh port: our summary" "ssh failed \(exit status 255\)" "$out"
ssh-keygen -q -t ed25519 -N '' -f "$T/otherkey"
out=$(timeout 30 "$BIN" connect --client="$T/fakeclient" --ssh="${SSH/$T\/userkey/$T/otherkey}" "$UH" 2>&1)
rc=$?
check_eq "auth failure: exit 255" 255 "$rc"
check_match "auth failure: ssh's message shown" "Permission denied" "$out"

# --- UDP blocked: the server starts, but no datagram ever comes back ----------
# A stand-in server prints a MOSH CONNECT for a port behind a relay that
# drops everything; the client must say which UDP port to open.
relay_start --server 127.0.0.1:9 && relay_ctl blackhole both on >/dev/null
cat >"$T/blackserver" <<EOS
#!/bin/sh
echo "MOSH CONNECT $RELAY_PORT $("$BIN" keygen)"
EOS
chmod 755 "$T/blackserver"
cp "$T/renv" "$T/renv.saved"
echo 'PATH=/usr/local/bin:/usr/bin:/bin' >"$T/renv"
tmux_start blocked 80 24 "env LANG=C.UTF-8 $BIN connect --install=never --server=$T/blackserver --ssh='$SSH' $UH 2>$T/blocked.err; echo CONNECT-EXIT=\$? >>$T/blocked.err; sleep 60"
wait_for 10 screen_has blocked "UDP port $RELAY_PORT"
check_match "UDP blocked: the bar names the port at once" "Nothing received from server on UDP port $RELAY_PORT" "$(tmux_capture blocked)"
wait_for 30 grep -q CONNECT-EXIT= "$T/blocked.err"
check_match "UDP blocked: gives up, exit 1" 'CONNECT-EXIT=1' "$(cat "$T/blocked.err")"
check_match "UDP blocked: says which UDP port must be open" "UDP port $RELAY_PORT on the server" "$(cat "$T/blocked.err")"
mv "$T/renv.saved" "$T/renv"

# --- --local --------------------------------------------------------------------
out=$(cd / && timeout 30 "$BIN" connect --local --server=mosh-server --client="$T/fakeclient" 127.0.0.1 2>&1)
check_match "--local: client at the local IP" 'CLIENT\[.*\]\[127\.0\.0\.1\]\[6[0-9]{4}\]' "$out"
tmux_start local 80 24 "env LANG=C.UTF-8 $BIN connect --local --server=mosh-server --client=mosh-client 127.0.0.1; sleep 60"
wait_for 20 screen_has local '$'
tmux_ send-keys -t local 'echo local-$((5*5))' Enter
wait_for 10 screen_has local local-25
check_match "--local session in tmux: command output" 'local-25' "$(tmux_capture local)"
tmux_ send-keys -t local 'exit' Enter

# --- Dropbear (the routers' ssh server) ----------------------------------------
grep -qxF "$T/rshell" /etc/shells || { echo "$T/rshell" >>/etc/shells; at_exit "sed -i '\\#^$T/rshell\$#d' /etc/shells"; }
if dropbear_start; then
	rm -rf "$RHOME/.cache"
	: >"$T/sent"
	out=$(timeout 60 "$BIN" connect --install-only --ssh="$T/countssh ${SSH_DB#ssh }" "$UH" 2>"$T/err")
	check_eq "dropbear: upload lands in the cache" "$CACHE" "$out"
	check_eq "dropbear: right hash" "$SUM" "$(sha256sum <"$CACHE" 2>/dev/null | cut -d' ' -f1)"
	: >"$T/sent"
	out=$(timeout 60 "$BIN" connect --install-only --ssh="$T/countssh ${SSH_DB#ssh }" "$UH" 2>"$T/err")
	check_eq "dropbear: second connect reuses it" "0 $CACHE" "$(stat -c %s "$T/sent") $out"
	echo 'PATH=/usr/local/bin:/usr/bin:/bin' >"$T/renv"
	tmux_start db 80 24 "env LANG=C.UTF-8 $BIN connect --install=never --client=mosh-client --ssh='$SSH_DB' $UH; sleep 60"
	wait_for 20 screen_has db '$'
	tmux_ send-keys -t db 'echo dropbear-$((7*7))' Enter
	wait_for 10 screen_has db dropbear-49
	check_match "dropbear: stock session works" 'dropbear-49' "$(tmux_capture db)"
	tmux_ send-keys -t db 'exit' Enter
else
	fail "start dropbear" "$(cat "$T/dropbear.log" 2>/dev/null)"
fi

# --- make install -----------------------------------------------------------------
if make -C "$E2E_TOP" install PREFIX=/usr DESTDIR="$T/dest" >"$T/install.log" 2>&1; then
	check_eq "make install: links" "mosh-static mosh-static mosh-static" \
		"$(readlink "$T/dest/usr/bin/mosh") $(readlink "$T/dest/usr/bin/mosh-server") $(readlink "$T/dest/usr/bin/mosh-client")"
	check "make install: man page" test -f "$T/dest/usr/share/man/man1/mosh-static.1"
	check_match "make install: mosh link runs connect" '^Usage: mosh \[options\]' "$("$T/dest/usr/bin/mosh" --help)"
else
	fail "make install DESTDIR" "$(tail -5 "$T/install.log")"
fi
finish
