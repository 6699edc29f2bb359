#!/bin/sh
# The views of a running system and how a run ends, on one variant:
#   SIGQUIT prints the thread list and the run goes on; SIGINT prints it and ends with 130;
#   --timeout ends a run with the list and status 124; --exit-report writes the JSON facts of
#   every end; the trace's exit event carries them; a crash of umol4 itself prints its backtrace
#   and leaves no task process behind.
# usage: views_test.sh UMOL4 LIBDIR/<isa> [--emulate]   (umol4_script_test)
set -u
umol4=$1 lib=$2 mode=${3:-}
isa=$(basename "$lib")
dbg=$lib/tests/debug
tmp=$(mktemp -d)
pid=''
trap '[ -n "$pid" ] && kill -9 $pid 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
has() { grep -qF -- "$2" "$1" || bad "$1 lacks: $2"; }

# Runs umol4 in the foreground (at most 60 s); st = its status.
run() {
  # shellcheck disable=SC2086
  timeout -k 5 60 "$umol4" $mode "$@" > "$tmp/out" 2> "$tmp/err"
  st=$?
}

# Starts spin.elf in the background and waits until it runs.
start_spin() {
  # shellcheck disable=SC2086
  env "$@" "$umol4" $mode "$dbg/spin.elf" > "$tmp/out" 2> "$tmp/err" &
  pid=$!
  i=0
  while ! grep -q spinning "$tmp/out" 2>/dev/null; do
    i=$((i+1)); [ $i -gt 300 ] && { bad "spin.elf did not start"; return 1; }
    sleep 0.1
  done
}

# Waits for the background umol4 (at most 20 s); sets st to its status.
finish() {
  i=0
  while kill -0 $pid 2>/dev/null; do
    i=$((i+1)); [ $i -gt 200 ] && { bad "umol4 did not end"; kill -9 $pid; }
    sleep 0.1
  done
  wait $pid; st=$?
  left=$(pgrep -f "umol4\[$pid\]" || true)
  [ -z "$left" ] || bad "task processes left behind: $left"
  pid=''
}

# SIGQUIT: the list, and the run goes on; then SIGINT: the list again, status 130.
if start_spin; then
  kill -QUIT $pid
  i=0
  while ! grep -q "SIGQUIT" "$tmp/err"; do
    i=$((i+1)); [ $i -gt 100 ] && break
    sleep 0.1
  done
  has "$tmp/err" "threads (SIGQUIT; the instance goes on):"
  has "$tmp/err" "thread 5.00 ($isa, spin.elf): ready, ip 0x"
  has "$tmp/err" " in main (spin.c:"
  has "$tmp/err" "thread 2.00 ($isa, sigma0): waiting for a message from anyone"
  kill -0 $pid 2>/dev/null || bad "SIGQUIT ended the run"
  kill -INT $pid
  finish
  [ "$st" = 130 ] || bad "SIGINT: status $st, expected 130"
  has "$tmp/err" "threads when the signal came:"
  has "$tmp/err" "stopped by signal 2"
fi

# A task process killed from outside: the report names the thread that ran in it.
if start_spin; then
  sleep 0.3
  victim=$(pgrep -f "umol4\[$pid\] task 5 " | head -1)
  if [ -n "$victim" ]; then kill -9 "$victim"; else bad "no process of task 5"; fi
  finish
  [ "$st" = 122 ] || bad "killed task: status $st, expected 122"
  has "$tmp/err" "task 5 ($isa, spin.elf): host process $victim killed by signal 9"
  has "$tmp/err" "thread 5.00 runs $dbg/spin.elf"
  has "$tmp/err" "main (spin.c:"
fi

# --timeout with the exit report.
run --timeout=1.5 --exit-report="$tmp/t.json" "$dbg/spin.elf"
[ "$st" = 124 ] || bad "--timeout: status $st, expected 124"
has "$tmp/err" "timeout: the run took longer than --timeout; its threads:"
has "$tmp/err" "thread 2.00 ($isa, sigma0):"
has "$tmp/err" "stopped by --timeout"
has "$tmp/t.json" '{"reason":"timeout","status":124,'

# A fault: the exit report and the trace's exit event carry the same facts.
run --exit-report="$tmp/f.json" --trace="$tmp/f.jsonl" "$dbg/divzero.elf"
[ "$st" = 120 ] || bad "divzero: status $st, expected 120"
has "$tmp/f.json" '{"reason":"exception","status":120,"task":"5","thread":"5.00","program":"divzero.elf",'
has "$tmp/f.json" "\"file\":\"$dbg/divzero.elf\""
has "$tmp/f.json" '"what":"integer division by zero","function":"divide",'
has "$tmp/f.json" '"line":8}'
tail -1 "$tmp/f.jsonl" > "$tmp/exit_event"
has "$tmp/exit_event" '"ev":"exit","thread":"5.00","program":"divzero.elf","name":"exception","n":[120]'
has "$tmp/exit_event" '"where":"divide:8"'

# A page fault: the address; an ordinary exit: the exiting thread.
run --exit-report="$tmp/o.json" "$dbg/overflow.elf"
has "$tmp/o.json" '{"reason":"fault","status":120,'
has "$tmp/o.json" '"address":"0x0'
has "$tmp/o.json" '"what":"stack overflow","function":"recurse",'
run --kdebug=continue --exit-report="$tmp/e.json" "$dbg/kdebug.elf"
has "$tmp/e.json" '{"reason":"exit","status":7,'
run --exit-report="$tmp/k.json" "$dbg/kdebug.elf"
has "$tmp/k.json" '{"reason":"kdebug","status":125,"task":"5","thread":"5.00","program":"kdebug.elf",'
has "$tmp/k.json" '"what":"enter_kdebug \"checkpoint reached\"","function":"checkpoint",'

# umol4's own crash (injected on the SIGQUIT path): its backtrace, then no task process left.
if start_spin UMOL4_INJECT_CRASH=1; then
  kill -QUIT $pid
  finish
  [ "$st" = 139 ] || bad "crash: status $st, expected 139 (SIGSEGV)"
  has "$tmp/err" "umol4: internal error: Segmentation fault in the kernel process; its backtrace:"
  has "$tmp/err" "umol4:   #0 0x"
  has "$tmp/err" " poll_console"
  has "$tmp/err" "every task process is killed"
fi

if [ $fail = 1 ]; then
  echo "--- stderr"; head -40 "$tmp/err"
  exit 1
fi
echo "PASS: views on $isa $mode"
