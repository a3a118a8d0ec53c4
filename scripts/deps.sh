#!/usr/bin/env bash
# scripts/deps.sh [--check] WHAT - installs (or with --check, only checks
# for) what a build or the tests need on Debian 12.  WHAT is one of
# build (the native build), build-aarch64, build-armv7, test, all.
# Called by make when something is missing, and by .ci/run.
set -u
check=0
if [ "${1:-}" = --check ]; then
	check=1
	shift
fi
what=${1:-all}
native=$(uname -m)

# Debian packages, and a file each one provides (to check cheaply).
pkgs_build_native="make:/usr/bin/make gcc:/usr/bin/gcc musl-tools:/usr/bin/musl-gcc libbearssl-dev:/usr/lib/$native-linux-gnu/libbearssl.a"
pkgs_build_aarch64="gcc-aarch64-linux-gnu:/usr/bin/aarch64-linux-gnu-gcc musl-dev:arm64:/usr/lib/aarch64-linux-musl/musl-gcc.specs libbearssl-dev:arm64:/usr/lib/aarch64-linux-gnu/libbearssl.a"
pkgs_build_armv7="gcc-arm-linux-gnueabihf:/usr/bin/arm-linux-gnueabihf-gcc musl-dev:armhf:/usr/lib/arm-linux-musleabihf/musl-gcc.specs libbearssl-dev:armhf:/usr/lib/arm-linux-gnueabihf/libbearssl.a"
pkgs_test="git:/usr/bin/git make:/usr/bin/make tmux:/usr/bin/tmux mosh:/usr/bin/mosh-server
openssh-server:/usr/sbin/sshd openssh-client:/usr/bin/ssh dropbear-bin:/usr/sbin/dropbear
clang:/usr/bin/clang libclang-rt-14-dev:/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-$native.a
qemu-user-static:/usr/bin/qemu-aarch64-static python3:/usr/bin/python3
python3-cryptography:/usr/lib/python3/dist-packages/cryptography/__init__.py
python3-pyte:/usr/lib/python3/dist-packages/pyte/__init__.py
unicode-data:/usr/share/unicode/EastAsianWidth.txt valgrind:/usr/bin/valgrind
file:/usr/bin/file procps:/usr/bin/ps busybox:/bin/busybox less:/usr/bin/less iproute2:/usr/sbin/ip binutils:/usr/bin/size"

case $what in
build | build-$native) list=$pkgs_build_native ;;
build-aarch64) list="$pkgs_build_native $pkgs_build_aarch64" ;;
build-armv7) list="$pkgs_build_native $pkgs_build_armv7" ;;
test) list="$pkgs_build_native $pkgs_build_aarch64 $pkgs_test" ;;
all) list="$pkgs_build_native $pkgs_build_aarch64 $pkgs_build_armv7 $pkgs_test" ;;
*) echo "deps.sh: unknown target '$what'" >&2; exit 2 ;;
esac

missing=()
for entry in $list; do
	file=${entry##*:}
	pkg=${entry%:*}
	[ -e "$file" ] || missing+=("$pkg")
done
if [ $check = 1 ]; then
	[ ${#missing[@]} -eq 0 ] && exit 0
	echo "deps.sh: missing: ${missing[*]}" >&2
	exit 1
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "deps.sh: need root to install: ${missing[*]} (try: sudo $0 $what)" >&2
	exit 1
fi
for m in "${missing[@]}"; do
	case $m in
	*:arm64) dpkg --add-architecture arm64 ;;
	*:armhf) dpkg --add-architecture armhf ;;
	esac
done
# A mirror caught mid-sync makes `apt-get update` fail for one index; retry,
# then carry on with what we have (the install says clearly if that is not
# enough).
for i in 1 2 3 4 5; do
	apt-get update -q && break
	echo "deps.sh: apt-get update failed (try $i), retrying" >&2
	sleep $((i * 5))
done
export DEBIAN_FRONTEND=noninteractive
for i in 1 2 3; do
	apt-get install -y -q --no-install-recommends "${missing[@]}" && exit 0
	echo "deps.sh: apt-get install failed (try $i), retrying" >&2
	sleep $((i * 10))
	apt-get update -q
done
echo "deps.sh: could not install: ${missing[*]}" >&2
exit 1
