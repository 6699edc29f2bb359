#!/bin/sh
# Runs one L4 program under umol4 and checks what it printed and returned.
# usage: run_l4.sh UMOL4 [UMOL4 OPTIONS (--...)] PROGRAM.elf STATUS [--ref FILE] [--stdin FILE]
#                  [--stderr TEXT]... [--quiet] [-- ARGS...]
# The program's stdout must equal the golden FILE exactly; each TEXT must occur in stderr;
# with --quiet stderr must be empty (umol4 had nothing to report).
set -u
umol4=$1; shift
opts=""
while [ "${1#--}" != "$1" ]; do opts="$opts $1"; shift; done
prog=$1; want=$2; shift 2
ref=""; input=/dev/null; quiet=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0
while [ $# -gt 0 ]; do
  case $1 in
    --ref) ref=$2; shift 2;;
    --stdin) input=$2; shift 2;;
    --stderr) n=$((n+1)); printf '%s\n' "$2" > "$tmp/pat$n"; shift 2;;
    --quiet) quiet=1; shift;;
    --) shift; break;;
    *) echo "run_l4.sh: bad argument $1" >&2; exit 2;;
  esac
done
# shellcheck disable=SC2086
timeout -k 5 120 "$umol4" $opts "$prog" "$@" < "$input" > "$tmp/out" 2> "$tmp/err"
got=$?
fail=0
if [ "$got" != "$want" ]; then
  echo "FAIL: exit status $got, expected $want"; fail=1
fi
if [ -n "$ref" ] && ! cmp -s "$ref" "$tmp/out"; then
  echo "FAIL: stdout differs from $ref:"; diff "$ref" "$tmp/out" | head -20; fail=1
fi
if [ $quiet = 1 ] && [ -s "$tmp/err" ]; then
  echo "FAIL: stderr is not empty"; fail=1
fi
i=1
while [ $i -le $n ]; do
  if ! grep -qF -f "$tmp/pat$i" "$tmp/err"; then
    echo "FAIL: stderr lacks: $(cat "$tmp/pat$i")"; fail=1
  fi
  i=$((i+1))
done
if [ $fail = 1 ]; then
  echo "--- stdout"; head -40 "$tmp/out"; echo "--- stderr"; head -40 "$tmp/err"
  exit 1
fi
echo "PASS: $(basename "$prog") status $got"
