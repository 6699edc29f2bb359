#!/bin/sh
# gdb-multiarch against umol4 --gdb, on one variant (docs/debugging.md):
#   a two-task system: memory of pages no task touched yet, a breakpoint in the second task,
#   bt, locals and globals, the L4 threads as gdb threads, `next` over a call, the exit status;
#   a NULL write and a division by zero stop with SIGSEGV / SIGFPE at their source line;
#   enter_kdebug stops with SIGTRAP and continues; Ctrl-C (SIGINT to gdb) stops a spinning program, the monitor
#   commands show the kernel's views, kill ends the instance; gdb's default of resuming only the
#   current task holds the others; stepi through a call entry; bad --gdb options are refused.
# usage: gdb_test.sh UMOL4 LIBDIR/<isa> [--emulate]   (umol4_script_test)
set -u
umol4=$1 lib=$2 mode=${3:-}
isa=$(basename "$lib")
dbg=$lib/tests/debug
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
sock=$tmp/gdb.sock
pid=''
trap '[ -n "$pid" ] && kill -9 $pid 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
has() { grep -qF -- "$2" "$1" || bad "$(basename "$1") lacks: $2"; }

# Starts umol4 --gdb with PROGRAMS in the background and waits for its socket.
start() {
  rm -f "$sock"
  # shellcheck disable=SC2086
  timeout -k 5 90 "$umol4" $mode --gdb=unix:"$sock" "$@" > "$tmp/out" 2> "$tmp/err" &
  pid=$!
  i=0
  while [ ! -S "$sock" ]; do
    i=$((i+1)); [ $i -gt 200 ] && { bad "no gdb socket"; return 1; }
    sleep 0.05
  done
}

# gdb-multiarch in batch mode with the commands given as -ex arguments; output in $tmp/gdb.
# Every task runs when gdb continues (schedule-multiple: docs/debugging.md) unless sm=off.
sm=on
debug() {
  timeout -k 5 60 gdb-multiarch -batch -nx -ex "set confirm off" -ex "directory $src" \
    -ex "set breakpoint pending on" -ex "set schedule-multiple $sm" \
    -ex "target remote $sock" "$@" > "$tmp/gdb" 2>&1
}

# Waits for the background umol4; st = its status.
finish() {
  wait $pid; st=$?
  left=$(pgrep -f "umol4\[$pid\]" || true)
  [ -z "$left" ] || bad "task processes left behind: $left"
  pid=''
}

# session N PROGRAM... -- GDB-ARGS...: one instance, one gdb; gdb's output in $tmp/gdbN.
session() {
  n=$1; shift
  progs=''
  while [ "$1" != -- ]; do progs="$progs $1"; shift; done
  shift
  # shellcheck disable=SC2086
  start $progs
  debug "$@"
  finish
  cp "$tmp/gdb" "$tmp/gdb$n"
}

# 1. Two tasks: gdbclient (task 5) calls gdbserver (task 6), three times.
# (task 6 may not exist yet at the first stop: then gdb hears of it as it starts)
session 1 "$dbg/gdbclient.elf" "$dbg/gdbserver.elf" -- -ex "info threads" \
  -ex "python [gdb.execute('inferior %d' % i.num) for i in gdb.inferiors() if i.pid == 5]" \
  -ex "print answer" -ex "print calls" \
  -ex "break handle" -ex "continue" -ex "bt" -ex "print request" -ex "print served" \
  -ex "info threads" -ex "next" -ex "next" -ex "next" -ex "print local" -ex "delete" \
  -ex "continue"
has "$tmp/gdb1" '"5.00 gdbclient.elf"'
has "$tmp/gdb1" '"6.00 gdbserver.elf"'
has "$tmp/gdb1" '"2.00 sigma0"'
has "$tmp/gdb1" '$1 = 42'
has "$tmp/gdb1" '$2 = 0'
has "$tmp/gdb1" 'hit Breakpoint 1, handle (request=1) at tests/debug/gdbserver.c:16'
has "$tmp/gdb1" 'in main () at tests/debug/gdbserver.c:29'
has "$tmp/gdb1" '$3 = 1'
has "$tmp/gdb1" '$4 = 0'
has "$tmp/gdb1" '(waiting for a message from 6.00)'
has "$tmp/gdb1" 'local = square(local);'
has "$tmp/gdb1" 'return (l4_umword_t)local + 1;'
has "$tmp/gdb1" '$5 = 9'
has "$tmp/gdb1" 'exited with code 07]'
has "$tmp/out" 'gdbclient: 3 -> 82'
[ "$st" = 7 ] || bad "two tasks: status $st, not 7"

# 2. A NULL write: SIGSEGV at the store, its callers in bt; continuing ends the instance.
session 2 "$dbg/nullwrite.elf" -- -ex "continue" -ex "bt" -ex "continue"
has "$tmp/gdb2" 'received signal SIGSEGV'
has "$tmp/gdb2" 'store (p='
has "$tmp/gdb2" 'tests/debug/nullwrite.c:7'
has "$tmp/gdb2" 'in fill (table='
has "$tmp/gdb2" 'at tests/debug/nullwrite.c:13'
has "$tmp/gdb2" 'terminated with signal SIGSEGV'
has "$tmp/err" 'page fault not resolved by the pager at address 0x00000000 (write)'
[ "$st" = 120 ] || bad "nullwrite: status $st, not 120"

# 3. Division by zero: SIGFPE in divide(), the same on every ISA.
session 3 "$dbg/divzero.elf" -- -ex "continue" -ex "bt" -ex "continue"
has "$tmp/gdb3" 'received signal SIGFPE'
has "$tmp/gdb3" 'divide ('
has "$tmp/gdb3" 'tests/debug/divzero.c:8'
has "$tmp/gdb3" 'average ('
[ "$st" = 120 ] || bad "divzero: status $st, not 120"

# 4. enter_kdebug: the debugger gets the stop; continuing goes on to the program's end.
session 4 "$dbg/kdebug.elf" -- -ex "continue" -ex "bt" -ex "continue"
has "$tmp/gdb4" 'received signal SIGTRAP'
has "$tmp/gdb4" 'checkpoint () at tests/debug/kdebug.c:'
has "$tmp/gdb4" 'in main () at tests/debug/kdebug.c:23'
has "$tmp/gdb4" 'exited with code 07]'
has "$tmp/out" 'after'
[ "$st" = 7 ] || bad "kdebug: status $st, not 7"

# 5. Ctrl-C (gdb's SIGINT becomes an interrupt packet): the whole instance stops in main's
#    loop; the monitor shows the kernel's views; kill ends the instance.
# the SIGINT a terminal's Ctrl-C gives gdb, raised by gdb itself while `continue` waits
session 5 "$dbg/spin.elf" -- -ex "python import os, signal, threading" \
  -ex "python threading.Timer(2, lambda: os.kill(os.getpid(), signal.SIGINT)).start()" \
  -ex "continue" -ex "bt" -ex "print counter > 0" -ex "monitor threads" \
  -ex "monitor tasks" -ex "monitor mappings 5" -ex "monitor kip" -ex "monitor mapdb 0" \
  -ex "monitor nonsense" -ex "kill"
has "$tmp/gdb5" 'received signal SIGINT'
has "$tmp/gdb5" 'main () at tests/debug/spin.c:'
has "$tmp/gdb5" '$1 = 1'
has "$tmp/gdb5" "5.00 spin.elf ($isa) prio "
has "$tmp/gdb5" "2.00 sigma0 ($isa) prio 16: waiting for a message from anyone"
has "$tmp/gdb5" "task 5 spin.elf ($isa): chief 4, clan depth 1"
has "$tmp/gdb5" '0x01000000-0x01000fff -> frames 0x'
has "$tmp/gdb5" 'magic 0x4be6344c version 0x01004444'
has "$tmp/gdb5" 'not mapped by IPC from sigma0'
has "$tmp/gdb5" "unknown monitor command 'nonsense'"
has "$tmp/err" 'killed by the debugger'
[ "$st" = 137 ] || bad "kill: status $st, not 137"

# 6. gdb's default: `continue` resumes only the current task. The client then waits for the
#    server, which gdb holds: umol4 waits for gdb instead of reporting a deadlock; Ctrl-C stops
#    it; with schedule-multiple on, everything runs again.
sm=off
session 6 "$dbg/gdbclient.elf" "$dbg/gdbserver.elf" -- \
  -ex "python [gdb.execute('inferior %d' % i.num) for i in gdb.inferiors() if i.pid == 5]" \
  -ex "break handle" -ex "python import os, signal, threading" \
  -ex "python threading.Timer(3, lambda: os.kill(os.getpid(), signal.SIGINT)).start()" \
  -ex "continue" -ex "info threads" -ex "set schedule-multiple on" -ex "continue" \
  -ex "delete" -ex "continue"
has "$tmp/gdb6" 'received signal SIGINT'
has "$tmp/gdb6" 'hit Breakpoint 1, handle (request=1)'
has "$tmp/gdb6" 'exited with code 07]'
has "$tmp/err" "it resumes only the current task unless 'set schedule-multiple on'"
[ "$st" = 7 ] || bad "held tasks: status $st, not 7"
sm=on

# 7. stepi through a system call's call entry (docs/debugging.md): the step into the stub's slot
#    stops there (it reads as a return), the next one is back in L4 code right after the call,
#    the program goes on. gdb cannot unwind at a MIPS slot: registers only, no $pc.
#    The client alone: its lookup of the server is a call to the loader, then it ends with 1.
session 7 "$dbg/gdbclient.elf" -- \
  -ex "python [gdb.execute('inferior %d' % i.num) for i in gdb.inferiors() if i.pid == 5]" \
  -ex "break main" -ex "python
# main has a location in the loader too: go on to the client's
for k in range(10):
    gdb.execute('continue')
    if gdb.selected_inferior().pid == 5 and gdb.selected_frame().name() == 'main':
        break
" -ex "delete" -ex "python
import re
def pc():
    r = gdb.execute('info registers pc', to_string=True)
    return int(re.search(r'0x[0-9a-f]+', r).group(0), 16)
for n in range(3000):
    p = pc()
    if 0x70000400 <= p < 0x70000520 or 0xc0000400 <= p < 0xc0000520:
        print('at a call entry after %d steps' % n)
        gdb.execute('stepi', to_string=True)
        print('then back in L4 code' if pc() < 0x70000000 else 'then at %#x' % pc())
        break
    gdb.execute('stepi', to_string=True)
" -ex "continue"
has "$tmp/gdb7" 'at a call entry after'
has "$tmp/gdb7" 'then back in L4 code'
has "$tmp/gdb7" 'exited with code 01]'
[ "$st" = 1 ] || bad "stepping through a call entry: status $st, not 1"

# 8. Bad --gdb options: one line, status 2.
for opt in --gdb=nonsense --gdb=99999 --gdb=unix: --gdb=1.2.3:12; do
  # shellcheck disable=SC2086
  timeout 20 "$umol4" $mode "$opt" "$dbg/spin.elf" > "$tmp/out" 2> "$tmp/err"
  st=$?
  [ "$st" = 2 ] || bad "$opt: status $st, not 2"
  [ "$(wc -l < "$tmp/err")" = 1 ] || bad "$opt: not one line: $(cat "$tmp/err")"
done

if [ $fail != 0 ]; then
  for f in "$tmp"/gdb[0-9]; do echo "--- $f"; cat "$f"; done
  echo "--- umol4 stderr"; cat "$tmp/err"
fi
[ $fail = 0 ] && echo "gdb on $isa$mode: all checks passed"
exit $fail
