#!/bin/sh
# The pool of pre-started task processes (docs/architecture.md): after a task was deleted and the
# kernel idled, the next task runs in a process started ahead ("pooled" in its command line, its
# task's name as process name), confined exactly like a process started for it (the same seccomp
# filters, no_new_privs, no capabilities as sigma0's); the instance ends with status 0 and
# leaves no process behind.
# usage: pool_test.sh UMOL4 LIBDIR/<isa> [umol4 options]
set -u
umol4=$1; lib=$2; shift 2
out=$(mktemp); err=$(mktemp); trap 'rm -f "$out" "$err"' EXIT
fail() { echo "FAIL: $*"; cat "$err"; exit 1; }
"$umol4" --no-loader "$@" "$lib/bench/pool_probe.elf" > "$out" 2> "$err" &
k=$!
i=0
while ! grep -q "pool_probe: ready" "$out" && [ $i -lt 150 ]; do sleep 0.1; i=$((i+1)); done
grep -q "pool_probe: ready" "$out" || fail "the program did not get ready: $(cat "$out")"
confinement() { grep -E '^(Seccomp|Seccomp_filters|NoNewPrivs|CapEff|CapPrm|CapBnd):' "/proc/$1/status"; }
pooled=""; fresh=""
for p in $(pgrep -f "^umol4\[$k\] "); do
  args=$(tr '\0' ' ' < "/proc/$p/cmdline")
  comm=$(cat "/proc/$p/comm")
  case "$args" in
    *" pooled "*) case "$comm" in t5:*:$k) pooled=$p;; esac;;
    *" task 2 "*) fresh=$p;;
  esac
done
[ -n "$pooled" ] || fail "task 5 does not run in a pooled process: $(ps -o pid,comm,args -p "$(pgrep -d, -f "^umol4\[$k\] ")")"
[ -n "$fresh" ] || fail "no process of sigma0"
[ "$(confinement "$pooled")" = "$(confinement "$fresh")" ] ||
  fail "the pooled process is confined otherwise: $(confinement "$pooled") against $(confinement "$fresh")"
grep -q '^Seccomp:.*2' "/proc/$pooled/status" || fail "the pooled process has no seccomp filter"
wait $k; st=$?
[ $st = 0 ] || fail "status $st"
sleep 0.2
left=$(pgrep -f "^umol4\[$k\] ")
[ -z "$left" ] || fail "processes left: $left"
echo "ok: task 5 ran in pooled process $pooled, confined as sigma0's $fresh"
