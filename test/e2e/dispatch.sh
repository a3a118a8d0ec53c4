#!/usr/bin/env bash
# End-to-end: the multi-call binary's dispatch, links, help and version.
. "$(dirname "$0")/lib.sh"

check_match "binary is statically linked" "statically linked" "$(file "$BIN")"
strip_size=$(cp "$BIN" "$T/s" && strip --strip-all "$T/s" && stat -c %s "$T/s")
echo "    stripped x86-64 size: $strip_size bytes"

list=$("$BIN" --list)
check_match "--list names keygen" "^keygen$" "$list"
check_eq "--list is sorted and unique" "$(printf '%s\n' "$list" | LC_ALL=C sort -u)" "$list"
check_match "--version has version and build id" \
	'^mosh-static [0-9]+\.[0-9]+\.[0-9]+ \(build [0-9a-f]{7,}(-dirty)? [a-z0-9_]+\)$' \
	"$("$BIN" --version)"
check_match "--help lists applets" "keygen +print or check" "$("$BIN" --help)"
check_match "--help APPLET shows its usage" "^Usage: mosh-static keygen" \
	"$("$BIN" --help keygen)"
check_match "APPLET --help shows its usage" "^Usage: mosh-static keygen" \
	"$("$BIN" keygen --help)"

for n in $list mosh mosh-server mosh-client; do
	check "--help $n finds it in the table" "$BIN" --help "$n"
done

out=$("$BIN" no-such-applet 2>&1)
rc=$?
check_eq "unknown applet exits 127" 127 "$rc"
check_eq "unknown applet: one line on stderr" 1 "$(printf '%s\n' "$out" | wc -l)"
check_match "unknown applet names it" "no-such-applet: applet not found" "$out"
"$BIN" >/dev/null 2>&1
check_eq "no arguments is a usage error" 2 "$?"
"$BIN" --help no-such-applet >/dev/null 2>&1
check_eq "--help of unknown applet exits 127" 127 "$?"

# Hard links (default) and symbolic links (-s) for every applet and the
# three stock mosh names.
names="$list mosh mosh-server mosh-client"
mkdir "$T/hard" "$T/sym"
check "--install DIR" "$BIN" --install "$T/hard"
check "--install -s DIR" "$BIN" --install -s "$T/sym"
check "--install again replaces links" "$BIN" --install "$T/hard"
ino=$(stat -c %i "$BIN")
for n in $names; do
	check_eq "hard link $n" "$ino" "$(stat -c %i "$T/hard/$n" 2>/dev/null)"
	check_eq "symlink $n" "$(readlink -f "$BIN")" "$(readlink "$T/sym/$n" 2>/dev/null)"
done
"$BIN" --install "$T/nonexistent" 2>/dev/null
check_eq "--install into a missing dir fails" 1 "$?"

# A link named after an applet runs it, also as a login-shell "-name".
check_match "link keygen runs keygen" '^[A-Za-z0-9+/]{21}[AQgw]$' "$("$T/sym/keygen")"
check_match "argv[0] with leading dash" '^[A-Za-z0-9+/]{21}[AQgw]$' \
	"$(bash -c 'exec -a -keygen "$0"' "$T/hard/keygen")"
check_match "renamed binary acts as the multi-call binary" "^keygen$" \
	"$(cp "$BIN" "$T/renamed" && "$T/renamed" --list)"
for n in mosh mosh-server mosh-client; do
	out=$("$T/hard/$n" --help 2>&1)
	case $n in
	mosh) want='^Usage: mosh \[options\]' ;;
	mosh-server) want='^Usage: mosh-server new ' ;;
	mosh-client) want='^Usage: mosh-client ' ;;
	esac
	check_match "link $n dispatches to its applet" "$want" "$out"
done
finish
