#!/bin/sh
# One cell of the trace matrix (docs/testing.md): runs an L4 program with --deterministic --trace
# natively on x86 (the reference) and on one variant, and compares the traces with umol4-trace.
# usage: matrix_run.sh UMOL4 UMOL4_TRACE VARIANT REF.elf PROG.elf [--stdin FILE] [--opt UMOL4_OPT]...
#                      [--diff-opt OPT]... [--expect-differ TEXT]... [-- ARGS...]
#   VARIANT x86: a second native run, compared completely (paging traffic and clock included);
#   x86-emu: the same ELF under qemu-i386 (--emulate), compared completely as well;
#   every other ISA (arm, mips, ...): the ISA's build of the program, ISA-neutral parts compared;
#   --other-build: PROG is another build than REF (the trap entry's), ISA-neutral parts compared
#   on x86 and x86-emu too (code addresses, and so the paging traffic, differ).
# Both runs must end with the same exit status and write a non-empty trace; the traces must agree,
# or with --expect-differ must diverge (diff exits 1) with a report naming every TEXT.
set -u
umol4=$1 tool=$2 variant=$3 ref=$4 prog=$5
shift 5
case $tool in /*) ;; *) tool=$PWD/$tool;; esac
input=/dev/null opts="" diffopts="" expect=0 other=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# On failure the traces stay in a directory of their own, for umol4-trace diff/chrome by hand.
keep() {
  if [ -s "$tmp/x86.jsonl" ] && kept=$(mktemp -d "${TMPDIR:-/tmp}/umol4-matrix.XXXXXX"); then
    cp "$tmp"/*.jsonl "$kept" && echo "the traces are kept in $kept"
  fi
  exit 1
}
while [ $# -gt 0 ]; do
  case $1 in
    --stdin) input=$2; shift 2;;
    --opt) opts="$opts $2"; shift 2;;
    --diff-opt) diffopts="$diffopts $2"; shift 2;;
    --expect-differ) expect=1; printf '%s\n' "$2" >> "$tmp/texts"; shift 2;;
    --other-build) other=1; shift;;
    --) shift; break;;
    *) echo "matrix_run.sh: bad argument $1" >&2; exit 2;;
  esac
done
mode=""
case $variant in
  x86|x86-emu) [ $other = 1 ] || diffopts="$diffopts --with-memory --with-timing"
    [ "$variant" = x86-emu ] && mode=--emulate;;
  *) ;; # another ISA: its own build, the ISA-neutral parts
esac

# run NAME [UMOL4 OPTIONS] ELF: the trace goes to $tmp/NAME.jsonl, the status to $tmp/NAME.rc
run() {
  name=$1; shift
  # shellcheck disable=SC2086 # option lists are word lists on purpose
  timeout -k 5 60 "$umol4" --deterministic --trace="$tmp/$name.jsonl" $opts "$@" < "$input" \
    > "$tmp/$name.out" 2> "$tmp/$name.err"
  echo $? > "$tmp/$name.rc"
}
ref_name=x86 var_name=$variant
[ "$variant" = x86 ] && var_name=x86-again
run $ref_name "$ref" "$@"
# shellcheck disable=SC2086
run $var_name $mode "$prog" "$@"
fail=0
if [ "$(cat "$tmp/$ref_name.rc")" != "$(cat "$tmp/$var_name.rc")" ]; then
  echo "FAIL: exit status $(cat "$tmp/$var_name.rc") on $variant, $(cat "$tmp/$ref_name.rc") on x86"
  fail=1
fi
for n in $ref_name $var_name; do
  if [ ! -s "$tmp/$n.jsonl" ]; then
    echo "FAIL: no trace from the $n run (status $(cat "$tmp/$n.rc"))"; head -5 "$tmp/$n.err"; fail=1
  fi
done
[ $fail = 1 ] && keep
# shellcheck disable=SC2086
(cd "$tmp" && "$tool" diff $diffopts --context 4 $ref_name.jsonl $var_name.jsonl) > "$tmp/diff" 2>&1
drc=$?
if [ $expect = 0 ]; then
  if [ $drc != 0 ]; then
    echo "FAIL: the trace on $variant diverges from x86 (umol4-trace diff$diffopts: status $drc)"
    sed 's/^/  /' "$tmp/diff"; keep
  fi
  echo "PASS: $(basename "$prog") on $variant: $(cat "$tmp/diff")"; exit 0
fi
if [ $drc != 1 ]; then
  echo "FAIL: expected the traces to diverge (diff status 1), got status $drc:"; cat "$tmp/diff"
  keep
fi
while IFS= read -r text; do
  grep -qF -- "$text" "$tmp/diff" || { echo "FAIL: the diff report lacks: $text"; fail=1; }
done < "$tmp/texts"
cat "$tmp/diff"
[ $fail = 1 ] && keep
echo "PASS: the injected divergence on $variant is found and named"
