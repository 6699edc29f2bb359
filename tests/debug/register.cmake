# The debugging tests on every variant (included by tests/CMakeLists.txt): fault reports that name
# the function and source line of the ip and of each caller, integer division by zero and stack
# overflow with one result on every ISA, enter_kdebug stops, and the views while a system runs.
set(DBG tests/debug)

umol4_test(debug_divzero ${DBG}/divzero.elf 120 LABELS debug
  STDERR "task 5.00 (@ISA@, divzero.elf): integer division by zero at ip 0x"
         " in divide (divzero.c:8)" "runs @LIB@/tests/debug/divzero.elf"
         "#0 0x" "divide (divzero.c:8)" "#1 0x" "average (divzero.c:12)"
         "#2 0x" "main (divzero.c:18)" "_start (crt0.S:")
umol4_test(debug_divisions ${DBG}/divisions.elf 0 LABELS debug
  REF ${CMAKE_CURRENT_LIST_DIR}/divisions.ref)
umol4_test(debug_overflow ${DBG}/overflow.elf 120 LABELS debug
  STDERR "(@ISA@, overflow.elf): stack overflow: page fault not resolved by the pager at address"
         "in recurse (overflow.c:" "#1 0x" "recurse (overflow.c:11)" "more frames at 0x")
umol4_test(debug_nullwrite tests/hello.elf 120 LABELS debug
  ARGS @LIB@/${DBG}/nullwrite.elf
  STDERR "task 6.00 (@ISA@, nullwrite.elf): page fault not resolved by the pager at address 0x00000000 (write)"
         " in store (nullwrite.c:" "thread 6.00 runs @LIB@/tests/debug/nullwrite.elf" "backtrace:"
         "#1 0x" "fill (nullwrite.c:13)" "main (nullwrite.c:19)")
umol4_test(debug_kdebug_stop ${DBG}/kdebug.elf 125 LABELS debug
  STDERR "task 5.00 (@ISA@, kdebug.elf): enter_kdebug \"checkpoint reached\" at ip 0x"
         " in checkpoint (kdebug.c:" "main (kdebug.c:23)" "threads at the stop:"
         "thread 5.00 (@ISA@, kdebug.elf): ready, ip 0x" "thread 2.00 (@ISA@, sigma0): waiting")
umol4_test(debug_kdebug_continue ${DBG}/kdebug.elf 7 LABELS debug OPTS --kdebug=continue
  REF ${CMAKE_CURRENT_LIST_DIR}/kdebug_continue.ref
  STDERR "enter_kdebug \"checkpoint reached\" at ip 0x")
# Threads blocked in a system call: on ia32 the backtrace first undoes the binding's pushes.
umol4_test(debug_deadlock tests/deadlock.elf 121 LABELS debug
  STDERR "thread 5.00 (@ISA@, deadlock.elf): waiting for a message from 2.00, ip 0x"
         " in main (" "thread 5.00 runs @LIB@/tests/deadlock.elf" "#0 0x"
         "#1 0x" "__crt0_main (crt0_main.c:")

# The views while it runs, the exit report and umol4's own crash: a script per variant.
umol4_script_test(debug_views ${CMAKE_CURRENT_LIST_DIR}/views_test.sh LABELS debug)

# gdb-multiarch against --gdb: breakpoints in a second task, stepping, faults, Ctrl-C, monitor.
umol4_script_test(debug_gdb ${CMAKE_CURRENT_LIST_DIR}/gdb_test.sh LABELS debug)
