#!/usr/bin/env bash
# scripts/size.sh BIN BUILDDIR - the binary's size (as built and stripped)
# and the biggest contributors: the largest linked symbols (from the
# unstripped binary) and the largest objects of ours (text+data+bss).
set -u
bin=$1
dir=$2
case $bin in
*aarch64) pfx=aarch64-linux-gnu- ;;
*armv7) pfx=arm-linux-gnueabihf- ;;
*) pfx= ;;
esac
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
cp "$bin" "$tmp"
${pfx}strip --strip-all "$tmp"
printf '%-28s %8d bytes\n' "$bin (as built)" "$(stat -c %s "$bin")"
printf '%-28s %8d bytes\n' "$bin (stripped)" "$(stat -c %s "$tmp")"
echo
${pfx}size "$bin"
echo
echo "largest symbols (bytes, type, name):"
${pfx}nm --size-sort --radix=d -S "$bin" 2>/dev/null | tail -n 25 | tac |
	awk '{printf "  %8d %s %s\n", $2, $3, $4}'
echo
echo "our objects by size (text+data+bss before --gc-sections):"
find "$dir" -name '*.o' ! -path '*/test/*' -print0 |
	xargs -0 ${pfx}size 2>/dev/null | awk 'NR > 1 {print $4, $6}' |
	sort -rn | head -n 20 | awk '{printf "  %8d %s\n", $1, $2}'
