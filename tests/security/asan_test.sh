#!/bin/sh
# sec_asan: an AddressSanitizer build of the kernel (umol4 alone, into OUT) runs the escape and
# mailbox-scribble tests on every variant against the L4 programs of the normal build (LIB).
# Any sanitizer report fails them (a changed exit status, or the report in stderr).
# usage: asan_test.sh SOURCE_DIR LIBDIR OUT_DIR
set -u
src=$1; lib=$2; out=$3
here=$(dirname "$0")
mkdir -p "$out"
if ! { cmake -S "$src" -B "$out" -DCMAKE_BUILD_TYPE=Debug \
         -DCMAKE_C_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer" &&
       cmake --build "$out" --target umol4 -j 2; } > "$out/build.log" 2>&1; then
  tail -30 "$out/build.log"; echo "FAIL: the AddressSanitizer build failed"; exit 1
fi
mkdir -p "$out/lib"
ln -sfn "$lib" "$out/lib/umol4"
# LeakSanitizer's thread suspension cannot attach to the non-dumpable kernel: memory errors only
export ASAN_OPTIONS=detect_leaks=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fail=0
for v in x86-emu $(ls "$lib"); do # every ISA built, and x86 under qemu-i386
  isa=${v%-emu}; mode=""
  [ "$v" = x86-emu ] && mode=--emulate
  sh "$here/escape_test.sh" "$out/bin/umol4" "$lib/$isa" $mode || { echo "FAIL: escape $v"; fail=1; }
  sh "$here/scribble_test.sh" "$out/bin/umol4" "$lib/$isa" $mode || { echo "FAIL: scribble $v"; fail=1; }
done
# the debugger stub parses what gdb sends: its session on a trap-flag and a gdb-stepped ISA
for isa in x86 arm; do
  sh "$here/../debug/gdb_test.sh" "$out/bin/umol4" "$lib/$isa" || { echo "FAIL: gdb $isa"; fail=1; }
done
[ $fail = 0 ] && echo "PASS: escape, scribble and gdb tests clean under AddressSanitizer"
exit $fail
