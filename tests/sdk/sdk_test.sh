#!/bin/sh
# The installed SDK (docs/sdk.md): install into a temporary prefix, move it, and from there alone
# (PATH without the build tree) build the example program with umol4-cc, with pkg-config and
# with find_package(umol4), run it on every variant, check --version and the man pages.
# usage: sdk_test.sh BUILD_DIR SOURCE_DIR
set -u
build=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

cmake --install "$build" --prefix "$tmp/first" > "$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log"; echo "FAIL: cmake --install"; exit 1; }
mv "$tmp/first" "$tmp/sdk"
P=$tmp/sdk
for f in bin/umol4 bin/umol4-cc bin/umol4-trace bin/umol4-bench lib/pkgconfig/umol4-x86.pc \
    lib/cmake/umol4/umol4Config.cmake lib/cmake/umol4/toolchains/mipsel.cmake \
    lib/cmake/umol4/toolchains/riscv.cmake include/umol4/riscv/l4/arch/syscall.h \
    include/umol4/common/l4/sys/ipc.h \
    share/doc/umol4/README.md share/doc/umol4/docs/sdk.md share/doc/umol4/examples/sdk/greet.c; do
  [ -e "$P/$f" ] || fail "not installed: $f"
done
for isa in $(ls "$P/lib/umol4"); do # every ISA installed
  for f in sigma0.elf roottask.elf stub crt0.o l4.ld libl4.a examples/system.cfg bench/idle.elf; do
    [ -e "$P/lib/umol4/$isa/$f" ] || fail "not installed: lib/umol4/$isa/$f"
  done
done
# nothing refers to where it was built or installed first
refs=$(grep -rlF -e "$src" -e "$build" -e "$tmp/first" "$P")
[ -z "$refs" ] || fail "installed files name the source, build or first install tree: $refs"

cp "$src/tests/sdk/sdk_use.sh" "$src/tests/loader/demo.ref" "$tmp/"
[ $fails = 0 ] || { echo "$fails failure(s)"; exit 1; }
if [ "$(id -u)" = 0 ] && unshare -m true 2> /dev/null; then
  echo "using the SDK with $src and $build hidden"
  unshare -m sh -c 'mount -t tmpfs none "$1" && { [ -z "${2##"$1"/*}" ] || mount -t tmpfs none "$2"; } &&
    exec sh "$3/sdk_use.sh" "$4" "$3/demo.ref" "$3"' sh "$src" "$build" "$tmp" "$P"
else
  echo "not root: the source and build trees stay reachable, only off PATH"
  sh "$tmp/sdk_use.sh" "$P" "$tmp/demo.ref" "$tmp"
fi
