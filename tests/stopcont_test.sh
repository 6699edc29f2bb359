#!/bin/sh
# Stopping and continuing any process of an instance (a debugger, Ctrl-Z) is harmless: ticker.elf
# runs while its kernel's task processes get SIGSTOP and SIGCONT three times, and still prints
# its ten ticks and ends with status 0 (before the fix: "access outside the L4 user range" under
# qemu, status 120).
# usage: stopcont_test.sh UMOL4 LIBDIR/<isa> [umol4 options]
set -u
umol4=$1; lib=$2; shift 2
out=$(mktemp); err=$(mktemp); trap 'rm -f "$out" "$err"' EXIT
"$umol4" "$@" "$lib/tests/ticker.elf" > "$out" 2> "$err" &
pid=$!
sleep 0.3
for round in 1 2 3; do
  kids=$(pgrep -P $pid)
  [ -n "$kids" ] && kill -STOP $kids
  sleep 0.2
  [ -n "$kids" ] && kill -CONT $kids
  sleep 0.1
done
wait $pid; rc=$?
if [ $rc != 0 ] || [ "$(grep -c '^tick' "$out")" != 10 ]; then
  echo "FAIL: status $rc"; cat "$out" "$err"; exit 1
fi
echo "PASS: stopped and continued three times, status 0"
