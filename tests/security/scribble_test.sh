#!/bin/sh
# SEC0002: tests/security/scribble.c in every mode on this variant. Whatever a task writes into
# its mailbox, the kernel survives it: the run ends normally or with a kernel report (status 0,
# 120, 121 or 125: a kernel report), never by a signal, a sanitizer report or a hang.
# usage: scribble_test.sh UMOL4 LIBDIR/<isa> [umol4 options]
set -u
umol4=$1; lib=$2; shift 2
fail=0
err=$(mktemp); trap 'rm -f "$err"' EXIT
for mode in nops ops words random ctl; do
  out=$(timeout -k 5 60 "$umol4" "$@" "$lib/security/scribble.elf" "$mode" 2>"$err"); rc=$?
  case $rc in
    0|120|121|125) ;;
    *) echo "FAIL: $mode: status $rc"; fail=1;;
  esac
  if grep -q "Sanitizer\|runtime error" "$err"; then echo "FAIL: $mode: sanitizer"; fail=1; fi
  # these modes touch nothing the kernel may act on: the program must go on to its end
  case $mode in nops|words)
    if [ "$rc" != 0 ] || ! echo "$out" | grep -q "survived $mode"; then
      echo "FAIL: $mode: the program did not survive (status $rc)"; fail=1
    fi;;
  esac
  if [ $fail = 1 ]; then echo "$out"; head -20 "$err"; exit 1; fi
  echo "$mode: status $rc"
done
echo "PASS: the kernel survived every scribble"
