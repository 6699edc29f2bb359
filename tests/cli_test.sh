#!/bin/sh
# Bad input gets one clear line on stderr and exit status 2, never a hang (each run is bounded by
# a timeout), on every ISA and with and without the loader; --help documents every option.
set -u
umol4=$1; lib=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
expect2() { # description, then the umol4 arguments
  what=$1; shift
  timeout -k 2 20 "$umol4" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null; st=$?
  lines=$(wc -l < "$tmp/err")
  if [ "$st" != 2 ] || [ "$lines" != 1 ]; then
    echo "FAIL: $what: status $st, $lines stderr lines:"; cat "$tmp/err"; fail=1
  else
    echo "ok: $what: $(cat "$tmp/err")"
  fi
}
hello=$lib/x86/tests/hello.elf
expect2 "no program" 
expect2 "unknown option" --bogus "$hello"
expect2 "bad --mem" --mem=lots "$hello"
expect2 "--mem too small" --mem=1 "$hello"
expect2 "bad --serial" --serial=tty "$hello"
expect2 "empty --serial" --serial= "$hello"
expect2 "bad --net" --net=switch "$hello"
expect2 "bad --mac" --mac=zz "$hello"
expect2 "missing file" "$tmp/does-not-exist.elf"
printf 'this is not an ELF file\n' > "$tmp/text"
expect2 "text file" "$tmp/text"
expect2 "x86-64 host program" /bin/true
head -c 300 "$hello" > "$tmp/truncated.elf"
expect2 "truncated ELF" "$tmp/truncated.elf"
head -c 30 "$hello" > "$tmp/header.elf"
expect2 "truncated header" "$tmp/header.elf"
cp "$hello" "$tmp/ppc.elf"
printf '\024\000' | dd of="$tmp/ppc.elf" bs=1 seek=18 conv=notrunc 2>/dev/null
expect2 "wrong machine" "$tmp/ppc.elf"
grep -q "unsupported machine PowerPC" "$tmp/err" || { echo "FAIL: machine not named"; fail=1; }
# what to boot: programs of two ISAs, configurations that are not one, arguments that a
# generated configuration cannot carry
expect2 "programs of two ISAs" "$hello" "$lib/arm/tests/hello.elf"
expect2 "--config not a .cfg" --config="$tmp/text" "$hello"
expect2 "--config missing" --config="$tmp/missing.cfg"
printf 'task "nothere"\n' > "$tmp/lonely.cfg"
expect2 "config names an unknown program" "$tmp/lonely.cfg"
grep -q "lonely.cfg:1: no program 'nothere'" "$tmp/err" || { echo "FAIL: no line number"; fail=1; }
expect2 "quote in arguments of several programs" "$hello" 'a"b' "$hello"
expect2 "--no-loader without a program" --no-loader
expect2 "--no-loader with a text file" --no-loader "$tmp/text"
# --service: only with programs under the loader
printf 'task "hello"\n' > "$tmp/plain.cfg"
expect2 "--service with a configuration" --service="$hello" "$tmp/plain.cfg" "$hello"
expect2 "--service without a program" --service="$hello"
expect2 "--service with --no-loader" --no-loader --service="$hello" "$hello"
expect2 "--service of another ISA" --service="$lib/arm/tests/hello.elf" "$hello"
# a short option names itself, not garbage (the message once printed a pointer as a char)
expect2 "unknown short option" -V "$hello"
grep -q "unknown or incomplete option '-V'" "$tmp/err" || { echo "FAIL: -V not named"; fail=1; }
# --version: release, git revision, runtime and qemu per ISA
"$umol4" --version > "$tmp/version" 2>&1 || { echo "FAIL: --version status"; fail=1; }
grep -Eq '^umol4 [0-9]+\.[0-9]+\.[0-9]+ \(git [0-9a-f]+' "$tmp/version" &&
  grep -q '^isa arm .*runtime ok, *qemu-arm version' "$tmp/version" &&
  grep -q '^isa x86 .*runtime ok, *native' "$tmp/version" &&
  grep -q '^isolation: ' "$tmp/version" ||
  { echo "FAIL: --version:"; cat "$tmp/version"; fail=1; }
# --trace=-: the trace on stdout (no file called "-"), the program's output then on stderr
(cd "$tmp" && "$umol4" --trace=- "$hello" one > trace.out 2> trace.err) ||
  { echo "FAIL: --trace=- status"; fail=1; }
if [ -e "$tmp/-" ] || ! head -n 1 "$tmp/trace.out" | grep -q '^{"seq":1,' ||
   ! grep -q '"ev":"exit"' "$tmp/trace.out" || ! grep -q '^arg 1: one$' "$tmp/trace.err"; then
  echo "FAIL: --trace=-"; fail=1
else
  echo "ok: --trace=-"
fi
# Per ISA (x86 also under qemu-i386), through the loader and as the root task (--no-loader):
# FIFOs as program, configuration and module; malformed ELF program headers (overlapping
# segments, a wrong entry size); command lines a program could not get whole; and a
# configuration mistake the loader finds, which it reports on stderr, not on the console.
mkfifo "$tmp/fifo.elf" "$tmp/fifo.cfg" "$tmp/fifo"
patch_elf() { # in out what: overlap (2nd PT_LOAD onto the 1st) | phentsize
  python3 - "$@" <<'PY'
import struct, sys
src, dst, what = sys.argv[1:4]
b = bytearray(open(src, "rb").read())
e = ">" if b[5] == 2 else "<"
phoff, = struct.unpack_from(e + "I", b, 28)
phentsize, phnum = struct.unpack_from(e + "HH", b, 42)
if what == "phentsize":
    struct.pack_into(e + "H", b, 42, 40)
else:
    loads = [phoff + i * phentsize for i in range(phnum)
             if struct.unpack_from(e + "I", b, phoff + i * phentsize)[0] == 1]
    va, = struct.unpack_from(e + "I", b, loads[0] + 8)
    struct.pack_into(e + "II", b, loads[1] + 8, va + 0x10, va + 0x10)
open(dst, "wb").write(b)
PY
}
long=$(head -c 5000 /dev/zero | tr '\0' a)
many=$(seq 1 40 | tr '\n' ' ')
for variant in x86-emu $(ls "$lib"); do # every ISA built, and x86 under qemu-i386
  isa=${variant%-emu}; emu=""; [ "$variant" = x86-emu ] && emu=--emulate
  prog=$lib/$isa/tests/hello.elf
  patch_elf "$prog" "$tmp/overlap.elf" overlap
  patch_elf "$prog" "$tmp/phent.elf" phentsize
  for root in "" --no-loader; do
    v="$variant${root:+ $root}"
    expect2 "$v: FIFO as program" $emu $root "$tmp/fifo.elf"
    expect2 "$v: FIFO as module" $emu $root --module="$tmp/fifo" "$prog"
    expect2 "$v: FIFO as configuration" $emu $root --config="$tmp/fifo.cfg" "$prog"
    expect2 "$v: overlapping segments" $emu $root "$tmp/overlap.elf"
    expect2 "$v: program header entry size" $emu $root "$tmp/phent.elf"
    expect2 "$v: 5000-byte argument" $emu $root "$prog" "$long"
    expect2 "$v: 40 arguments" $emu $root "$prog" $many
  done
  arg900=$(head -c 900 /dev/zero | tr '\0' b)
  expect2 "$variant: module lines beyond the boot information" $emu "$prog" "$arg900" \
    "$prog" "$arg900" "$prog" "$arg900"
  printf 'task "hello" "%s"\n' "$(head -c 1020 /dev/zero | tr '\0' d)" > "$tmp/long.cfg"
  expect2 "$variant: configured arguments too long for the program (the loader)" $emu \
    "$tmp/long.cfg" "$prog"
  grep -q "^loader: cannot start hello.elf: command line longer than 1023 bytes" "$tmp/err" ||
    { echo "FAIL: $variant: the loader does not refuse the long command line"; fail=1; }
  printf 'task "hello"\n  memroy 64\n' > "$tmp/bad.cfg"
  expect2 "$variant: configuration mistake (the loader)" $emu "$tmp/bad.cfg" "$prog"
  grep -q "^loader: .*bad.cfg:2: unknown keyword 'memroy'" "$tmp/err" ||
    { echo "FAIL: $variant: the loader's line is not on stderr"; fail=1; }
  [ -s "$tmp/out" ] && { echo "FAIL: $variant: the loader wrote to stdout: $(cat "$tmp/out")"; fail=1; }
done
expect2 "bad --kdebug" --kdebug=maybe "$hello"
expect2 "bad --timeout" --timeout=soon "$hello"
expect2 "zero --timeout" --timeout=0 "$hello"
expect2 "negative --timeout" --timeout=-1 "$hello"
expect2 "unwritable --exit-report" --exit-report="$tmp/no/such/dir/r.json" "$hello"
"$umol4" --help > "$tmp/help" 2>&1 || { echo "FAIL: --help status"; fail=1; }
for opt in --mem --emulate --sigma0 --cpu --no-pin --no-spin --help --config --no-loader --root --module --serial --net --mac \
    --trace --deterministic --check-mappings --service --version --kdebug --timeout --exit-report SIGQUIT 124 125; do
  grep -q -- "$opt" "$tmp/help" || { echo "FAIL: --help lacks $opt"; fail=1; }
done
[ $fail = 0 ] && echo "PASS"
exit $fail
