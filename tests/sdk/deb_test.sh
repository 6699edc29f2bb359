#!/bin/sh
# The Debian package (make package, docs/sdk.md): built by CPack from BUILD_DIR, inspected with
# dpkg-deb -I/-c, its Depends checked against the libraries the kernel really links and the
# packages that provide them, and its contents run after unpacking (dpkg-deb -x, no install).
# usage: deb_test.sh BUILD_DIR VERSION
set -u
build=$1; version=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

(cd "$tmp" && cpack --config "$build/CPackConfig.cmake" -B "$tmp" > cpack.log 2>&1) ||
  { cat "$tmp/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb=$tmp/umol4_${version}_amd64.deb
[ -f "$deb" ] || { ls "$tmp"; echo "FAIL: no $deb"; exit 1; }

dpkg-deb -I "$deb" > "$tmp/info" || fail "dpkg-deb -I"
for field in "Package: umol4" "Version: $version" "Architecture: amd64"; do
  grep -q "^ $field\$" "$tmp/info" || fail "control lacks '$field'"
done
depends=$(sed -n 's/^ Depends: //p' "$tmp/info")
has_dep() { echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$1"; }
# what umol4-cc and the qemu-run ISAs need
for p in qemu-user gcc-i686-linux-gnu gcc-arm-linux-gnueabihf gcc-mips-linux-gnu \
    gcc-mipsel-linux-gnu gcc-riscv64-unknown-elf; do
  has_dep "$p" || fail "Depends lacks $p"
done
# every shared library the host tools link directly (NEEDED) comes from a package Depends names
for exe in "$build/bin/umol4" "$build/bin/umol4-trace" "$build/bin/umol4-bench"; do
  needed=$(objdump -p "$exe" | awk '$1 == "NEEDED" { print $2 }')
  ldd "$exe" | awk '/=> \// { print $1, $3 }' | while read -r soname lib; do
    echo "$needed" | grep -qxF "$soname" || continue
    pkg=$(dpkg -S "$(readlink -f "$lib")" 2> /dev/null | head -n 1 | cut -d: -f1)
    [ -z "$pkg" ] && pkg=$(dpkg -S "$lib" 2> /dev/null | head -n 1 | cut -d: -f1)
    has_dep "$pkg" || echo "$lib ($pkg)" >> "$tmp/undeclared"
  done
done
# libc6 (>= V): V covers the newest GLIBC_ symbol version the tools use
need=$(for exe in umol4 umol4-trace umol4-bench; do objdump -T "$build/bin/$exe"; done |
  grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -n 1)
have=$(echo "$depends" | sed -n 's/.*libc6 (>= \([0-9.]*\)).*/\1/p')
[ -n "$have" ] && [ "$(printf '%s\n%s\n' "$need" "$have" | sort -V | tail -n 1)" = "$have" ] ||
  fail "Depends libc6 (>= $have), the tools need GLIBC_$need"
[ -e "$tmp/undeclared" ] && fail "libraries of packages not in Depends: $(cat "$tmp/undeclared")"
# every package named exists (is installed here, as on any machine that built umol4)
for p in $(echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//'); do
  dpkg-query -W "$p" > /dev/null 2>&1 || fail "Depends names $p, which is no installed package"
done

dpkg-deb -c "$deb" > "$tmp/contents" || fail "dpkg-deb -c"
for f in usr/bin/umol4 usr/bin/umol4-cc usr/bin/umol4-trace usr/bin/umol4-bench \
    usr/lib/umol4/x86/roottask.elf usr/lib/umol4/arm/stub usr/lib/umol4/mips/libl4.a \
    usr/lib/umol4/mipsel/crt0.o usr/lib/umol4/riscv/stub usr/include/umol4/common/l4/sys/ipc.h \
    usr/lib/pkgconfig/umol4-arm.pc usr/lib/cmake/umol4/umol4Config.cmake \
    usr/share/man/man1/umol4.1 usr/share/man/man1/umol4-cc.1 usr/share/doc/umol4/docs/sdk.md; do
  grep -q " \./$f\$" "$tmp/contents" || fail "package lacks /$f"
done
grep -q "rwxr-xr-x .* \./usr/lib/umol4/x86/stub\$" "$tmp/contents" ||
  fail "the x86 stub is not executable"

# unpacked anywhere, the package's umol4 and umol4-cc work (they are relocatable)
dpkg-deb -x "$deb" "$tmp/root" || fail "dpkg-deb -x"
u=$tmp/root/usr/bin
"$u/umol4-cc" --arch=mips -o "$tmp/hello.elf" "$tmp/root/usr/share/doc/umol4/examples/hello.c" ||
  fail "packaged umol4-cc"
out=$("$u/umol4" "$tmp/hello.elf") || fail "packaged umol4: status $?"
[ "$out" = "Hello, world!" ] || fail "packaged umol4 printed '$out'"

[ $fails = 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "PASS: $(basename "$deb")"
