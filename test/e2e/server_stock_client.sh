#!/usr/bin/env bash
# End-to-end, issue 5: Debian's stock mosh-client against our server, in
# real tmux panes, compared with the same shell in a plain tmux pane.
# SERVER=mosh-server runs the same checks on the stock pair (this checks
# the checks).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/session_checks.bash"
session_checks "${SERVER:-$BIN server}" mosh-client
finish
