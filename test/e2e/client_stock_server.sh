#!/usr/bin/env bash
# End-to-end, issue 6: our client against Debian's stock mosh-server, in
# real tmux panes: the shared session checks, then what only a client
# does (title, modes reaching the outer terminal, escape key, suspend,
# forged datagrams).  CLIENT=mosh-client runs the shared checks on the
# stock pair (this checks the checks).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/session_checks.bash"
. "$(dirname "$0")/client_checks.bash"
session_checks mosh-server "${CLIENT:-$BIN client}"
[ -n "${CLIENT:-}" ] || client_checks mosh-server "$BIN client"
finish
