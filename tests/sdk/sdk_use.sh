#!/bin/sh
# Part of sdk_test.sh: with only the installed SDK at P (PATH without the build tree), build the
# example program with umol4-cc, with pkg-config and with find_package, run it on every
# variant, run the installed demo, check --version and the man pages.
# usage: sdk_use.sh P DEMO_REF SCRATCH_DIR
set -u
P=$1; demo_ref=$2; tmp=$3
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
PATH=$P/bin:/usr/bin:/bin
export PATH
unset PKG_CONFIG_PATH CMAKE_PREFIX_PATH
# run NAME ELF [umol4 options]: "greetings from task 5 one two", status 2
run() {
  what=$1; elf=$2; shift 2
  out=$(umol4 "$@" "$elf" one two 2> "$tmp/err"); st=$?
  if [ "$st" != 2 ] || [ "$out" != "greetings from task 5 one two" ]; then
    fail "$what: status $st, output '$out' $(cat "$tmp/err")"
  else
    echo "ok: $what"
  fi
}
cp -r "$P/share/doc/umol4/examples/sdk" "$tmp/ex"
cd "$tmp/ex" || exit 1
for isa in $(ls "$P/lib/umol4"); do # every ISA installed
  umol4-cc --arch=$isa -O2 -Wall -Werror -o cc-$isa.elf greet.c || fail "umol4-cc --arch=$isa"
  run "umol4-cc $isa" cc-$isa.elf
  umol4-cc --arch=$isa --entry=trap -O2 -Wall -Werror -o trap-$isa.elf greet.c ||
    fail "umol4-cc --arch=$isa --entry=trap"
  run "umol4-cc --entry=trap $isa" trap-$isa.elf
  PKG_CONFIG_PATH=$P/lib/pkgconfig make -s ISA=$isa > "$tmp/make.log" 2>&1 ||
    { cat "$tmp/make.log"; fail "pkg-config build for $isa"; }
  run "pkg-config $isa" greet-$isa.elf
done
run "umol4-cc x86-emu" cc-x86.elf --emulate
# the trap build really traps: int $0x30 (cd 30) and no call to the call entries
i686-linux-gnu-objdump -d trap-x86.elf | grep -q "int  *\$0x30" || fail "--entry=trap built no int \$0x30"
i686-linux-gnu-objdump -d trap-x86.elf | grep -q "call  *c00004" && fail "--entry=trap built a call entry"
i686-linux-gnu-objdump -d cc-x86.elf | grep -q "call  *c00004" || fail "the default built no call entry"
umol4-cc --arch=arm --entry=fast -o bad.elf greet.c 2> "$tmp/err"
[ $? = 2 ] && [ "$(wc -l < "$tmp/err")" = 1 ] || fail "umol4-cc --entry=fast: $(cat "$tmp/err")"
run "pkg-config x86-emu" greet-x86.elf --emulate
if cmake -S . -B b -DCMAKE_PREFIX_PATH="$P" > "$tmp/cmake.log" 2>&1 &&
   cmake --build b > "$tmp/build.log" 2>&1; then
  for isa in $(ls "$P/lib/umol4"); do
    run "find_package $isa" b/greet_$isa.elf
  done
  run "find_package x86-emu" b/greet_x86.elf --emulate
  ctest --test-dir b > "$tmp/ctest.log" 2>&1 || { cat "$tmp/ctest.log"; fail "the example's ctest"; }
else
  cat "$tmp/cmake.log" "$tmp/build.log"; fail "find_package(umol4) build"
fi

# an umol4 toolchain file and plain add_executable with umol4::runtime
for isa in $(ls "$P/lib/umol4"); do # every ISA installed
  if cmake -S toolchain -B tc-$isa -DCMAKE_PREFIX_PATH="$P" \
       -DCMAKE_TOOLCHAIN_FILE="$P/lib/cmake/umol4/toolchains/$isa.cmake" > "$tmp/tc.log" 2>&1 &&
     cmake --build tc-$isa > "$tmp/tcb.log" 2>&1; then
    run "toolchain $isa" tc-$isa/greet.elf
  else
    cat "$tmp/tc.log" "$tmp/tcb.log"; fail "toolchain build for $isa"
  fi
done
run "toolchain x86-emu" tc-x86/greet.elf --emulate

# the installed demo runs from its own folder, as its comment says
(cd "$P/lib/umol4/arm/examples" && umol4 system.cfg > "$tmp/demo.out") || fail "installed demo"
cmp -s "$tmp/demo.out" "$demo_ref" || fail "installed demo output"

# --version: the release and revision, the runtime of this installation, qemu per ISA
for tool in umol4 umol4-cc umol4-trace umol4-bench; do
  $tool --version > "$tmp/v" 2>&1 || fail "$tool --version status"
  grep -Eq "^$tool [0-9]+\.[0-9]+\.[0-9]+ \(git [0-9a-f]+" "$tmp/v" || fail "$tool --version line 1"
  grep -qxF "runtime: $P/lib/umol4" "$tmp/v" || fail "$tool --version runtime"
  grep -q "^isa mipsel .*runtime ok, *qemu-mipsel version" "$tmp/v" || fail "$tool --version qemu"
  grep -q "^isa riscv .*runtime ok, *qemu-riscv32 version" "$tmp/v" || fail "$tool --version qemu-riscv32"
done
grep -q "^cc  arm  *arm-linux-gnueabihf-gcc [0-9]" "$tmp/v" 2>/dev/null ||
  { umol4-cc --version | grep -q "^cc  arm  *arm-linux-gnueabihf-gcc [0-9]" ||
    fail "umol4-cc --version names no compiler"; }

# man pages render, and name every option their tool's --help names
for tool in umol4 umol4-cc umol4-trace umol4-bench; do
  page=$P/share/man/man1/$tool.1
  MANWIDTH=100 man -l "$page" > "$tmp/man" 2> "$tmp/manerr" || fail "man -l $tool.1"
  [ -s "$tmp/manerr" ] && fail "man -l $tool.1 warns: $(cat "$tmp/manerr")"
  grep -q "^NAME" "$tmp/man" || fail "$tool.1 has no NAME"
  $tool --help | grep -o -- '--[a-z][a-z-]*' | sort -u | while read -r opt; do
    grep -q -- "$opt" "$tmp/man" || echo "$opt" >> "$tmp/missing.$tool"
  done
  [ -e "$tmp/missing.$tool" ] && fail "$tool.1 lacks $(cat "$tmp/missing.$tool")"
done

[ $fails = 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "PASS: installed SDK"
