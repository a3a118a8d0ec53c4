#!/usr/bin/env bash
# scripts/check-layers.sh - fails if a layer includes one it may not use
# (ARCHITECTURE.md): core <- crypto <- net; core <- term; net may use term
# (the host state diffs terminals); applets and main use everything.
# Also refuses printing and exiting from library layers.
set -u
cd "$(dirname "$0")/.."
bad=0
pass=0
allowed() {
	case $1 in
	core) echo "core" ;;
	crypto) echo "core crypto" ;;
	term) echo "core term" ;;
	net) echo "core crypto term net" ;;
	esac
}
for layer in core crypto term net; do
	for f in $layer/*.[ch]; do
		[ -f "$f" ] || continue
		ok=1
		while read -r inc; do
			dir=${inc%%/*}
			case " $(allowed $layer) " in
			*" $dir "*) ;;
			*)
				echo "    $f includes $inc: $layer may not use $dir"
				ok=0
				;;
			esac
		done < <(grep -Eo '^#include "[a-z]+/[^"]+"' "$f" | sed -E 's/#include "([^"]+)"/\1/')
		# core/log.c is the one place that writes diagnostics and aborts;
		# core/pty.c's forked child must _exit if it cannot set up.
		case $f in core/log.c | core/pty.c) ;; *) false ;; esac ||
		if grep -nE '\b(printf|fprintf|puts|exit|_exit|abort|getenv)\s*\(' "$f" |
			grep -vE '^\S+:\s*(/\*|\*)' | grep -v 'snprintf' | grep -q .; then
			echo "    $f prints, reads the environment or exits (only applets may)"
			grep -nE '\b(printf|fprintf|puts|exit|_exit|abort|getenv)\s*\(' "$f" | grep -v snprintf | head -3
			ok=0
		fi
		if [ $ok = 1 ]; then
			pass=$((pass + 1))
		else
			bad=$((bad + 1))
		fi
	done
done
echo "# suite check-layers: $pass passed, $bad failed"
[ $bad = 0 ]
