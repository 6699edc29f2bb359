#!/bin/sh
# Process hygiene: kill -9 of the kernel, kill -9 of a task process, and Ctrl-C (SIGINT) each
# leave no umol4/stub/qemu process behind within one second; ps names every task process.
set -u
umol4=$1; lib=$2
fail=0
procs() { pgrep -f "^umol4\[$1\] " ; }
nprocs() { procs "$1" | wc -l; }

errf=$(mktemp); trap 'rm -f "$errf"' EXIT
start() { # isa -> sets $k, waits until sigma0 and the root task processes exist
  "$umol4" "$lib/$1/tests/spin.elf" > /dev/null 2>"$errf" &
  k=$!
  i=0
  while [ "$(nprocs $k)" -lt 2 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
  if [ "$(nprocs $k)" -lt 2 ]; then echo "FAIL: $1: task processes did not appear"; fail=1; fi
}

gone_within_1s() { # what, kernel pid
  sleep 1
  if kill -0 "$2" 2>/dev/null; then echo "FAIL: $1: kernel $2 still running"; fail=1; kill -9 "$2"; fi
  left=$(nprocs "$2")
  if [ "$left" != 0 ]; then echo "FAIL: $1: $left task processes left"; procs "$2" | xargs -r kill -9; fail=1
  else echo "ok: $1"; fi
}

for isa in $(ls "$lib"); do # every ISA built
  start $isa
  for p in $(procs $k); do
    comm=$(cat /proc/$p/comm)
    case $comm in
      t*:$isa:$k) ;;
      *) echo "FAIL: $isa: task process $p is named '$comm'"; fail=1;;
    esac
  done
  grep -q "umol4-k$k" /proc/$k/comm || { echo "FAIL: kernel comm $(cat /proc/$k/comm)"; fail=1; }
  kill -9 $k
  gone_within_1s "$isa: kill -9 kernel" $k

  start $isa
  root=$(pgrep -f "^umol4\[$k\] task 4 ")
  kill -9 $root
  gone_within_1s "$isa: kill -9 task process" $k
  wait $k; st=$?
  [ $st = 122 ] || { echo "FAIL: $isa: status $st after a task process died, expected 122"; fail=1; }

  start $isa
  kill -INT $k
  gone_within_1s "$isa: SIGINT" $k
  wait $k; st=$?
  [ $st = 130 ] || { echo "FAIL: $isa: status $st after SIGINT, expected 130"; fail=1; }
  grep -q "^umol4: stopped by signal 2$" "$errf" ||
    { echo "FAIL: $isa: SIGINT not reported as a signal: $(cat "$errf")"; fail=1; }
done
[ $fail = 0 ] && echo "PASS"
exit $fail
