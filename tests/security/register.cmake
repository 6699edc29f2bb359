# The security tests on every variant (label "security"); included by tests/CMakeLists.txt.
umol4_script_test(sec_escape ${CMAKE_CURRENT_LIST_DIR}/escape_test.sh LABELS security)
umol4_script_test(sec_scribble ${CMAKE_CURRENT_LIST_DIR}/scribble_test.sh LABELS security)

# Kernel memory for mappings is bounded (--kmem): 512 MiB of scattered pages do not fit in 4 MiB;
# the refusal is reported once and the run ends with the program's unresolved fault.
umol4_test(sec_kmem tests/bigmem.elf 120 OPTS --kmem=4 --mem=768 --no-loader
  STDERR "mapping refused: kernel memory for mappings exhausted" LABELS security)

# The kernel built with AddressSanitizer runs the escape and scribble tests (docs/security.md).
add_test(NAME sec_asan
  COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/asan_test.sh ${CMAKE_SOURCE_DIR} ${UMOL4_LIBDIR}
          ${CMAKE_BINARY_DIR}/asan)
set_tests_properties(sec_asan PROPERTIES LABELS security TIMEOUT 1200)

# Many task processes in a row, each with its own seccomp listener: a listener's number is reused
# at once, and the supervisor must not take a dead process's event for its successor's (it once
# dropped the successor's listener, and the next task's exec waited for an answer forever).
umol4_test(sec_task_cycle bench/task_cycle.elf 0 OPTS --no-loader ARGS 150 LABELS security)
