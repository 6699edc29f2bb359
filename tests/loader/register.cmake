# ctest registration of the loader tests (included by tests/CMakeLists.txt): the loader
# (roottask.elf) as root task on every ISA, x86 also under qemu-i386, through run_l4.sh.
#
# loader_test(NAME STATUS [CFG file] [MODULES lib-relative paths...] [PROGRAM lib-relative path]
#             [ARGS...] [REF file] [STDERR texts...] [EXPLICIT_ROOT])
#   CFG:     the configuration, or PROGRAM: a program (@OTHER@/...: one of another ISA) with
#            ARGS; umol4's positional arguments: the loader is umol4's default root task;
#   MODULES: more boot modules (--module), lib-relative;
#   EXPLICIT_ROOT: name the loader of the variant's ISA with --root=FILE instead.
set(LOADER_TESTS ${CMAKE_CURRENT_SOURCE_DIR}/loader)

function(loader_test name status)
  cmake_parse_arguments(T "EXPLICIT_ROOT" "CFG;PROGRAM;REF" "MODULES;ARGS;STDERR" ${ARGN})
  set(opts)
  if(T_EXPLICIT_ROOT)
    set(opts --root=@LIB@/roottask.elf)
  endif()
  foreach(m ${T_MODULES})
    list(APPEND opts --module=@LIB@/${m})
  endforeach()
  # the configuration, or the program, is umol4's positional argument
  set(program ${T_CFG})
  if(T_PROGRAM)
    set(program ${T_PROGRAM})
  endif()
  set(extra)
  if(T_REF)
    list(APPEND extra REF ${T_REF})
  endif()
  if(T_STDERR)
    list(APPEND extra STDERR ${T_STDERR})
  endif()
  umol4_test(loader_${name} ${program} ${status} OPTS ${opts} ${extra} ARGS ${T_ARGS}
    LABELS loader)
endfunction()

set(LOADER_SYSTEM loader/boss.elf loader/pong.elf loader/sleeper.elf loader/child.elf)

# A configuration of three programs; one starts a fourth at run time and has another killed;
# the instance ends with the first program's status after all have ended.
loader_test(system 5 CFG ${LOADER_TESTS}/system.cfg MODULES ${LOADER_SYSTEM}
  REF ${LOADER_TESTS}/system.ref
  STDERR "loader: task 5 sent a message to 7.00, which does not exist: dropped"
  "loader: no boot module called 'nothere'" "loader: cannot start system.cfg is not an ELF file")
# The RMGR client library.
loader_test(rmgr 0 PROGRAM loader/rmgr.elf REF ${LOADER_TESTS}/rmgr.ref)
# The demo of user/examples: a chief filtering between its client and a server; `umol4
# system.cfg` finds the programs the configuration names next to it.
loader_test(demo 0 PROGRAM examples/system.cfg REF ${LOADER_TESTS}/demo.ref)
# The same with --config, one program given and the other found next to the configuration.
umol4_test(loader_democonfig examples/chief.elf 0 OPTS --config=@LIB@/examples/system.cfg
  REF ${LOADER_TESTS}/demo.ref LABELS loader)
# LDR0007: several programs on the command line, each with its arguments: they start in order
# (a generated configuration), and the instance ends with the first one's status once both
# have ended. --deterministic: no timeslice preemption, so the order of their output is fixed.
umol4_test(loader_cmdline tests/exitcode.elf 42 OPTS --deterministic
  ARGS @LIB@/tests/hello.elf one two REF ${LOADER_TESTS}/cmdline.ref LABELS loader)
# Without a configuration the loader starts boot module 0; programs behave as under sigma0.
loader_test(pagefault 0 PROGRAM tests/pagefault.elf REF ${PROGS}/pagefault.ref EXPLICIT_ROOT)
loader_test(exitcode 42 PROGRAM tests/exitcode.elf REF ${PROGS}/exitcode.ref)
loader_test(badaccess 120 PROGRAM tests/badaccess.elf
  STDERR "task 5.00" "page fault not resolved by the pager at address 0x00000010 (write)")
# Attributes: a memory limit that a program exceeds, and a program loaded 1:1.
loader_test(quota 120 CFG ${LOADER_TESTS}/quota.cfg MODULES tests/pagefault.elf
  STDERR "task 5.00" "page fault not resolved by the pager")
# LDR0008: quotas hold: nothing from sigma0 around the loader, nothing beyond the limit through it.
loader_test(grabber 0 CFG ${LOADER_TESTS}/grabber.cfg MODULES loader/grabber.elf
  REF ${LOADER_TESTS}/grabber.ref)
loader_test(direct 0 CFG ${LOADER_TESTS}/direct.cfg MODULES tests/pagefault.elf
  REF ${LOADER_TESTS}/direct.ref
  STDERR "loader: cannot start pagefault.elf: its physical pages are not available")
# Refusals: a configuration mistake, a program of another ISA.
loader_test(badcfg 2 CFG ${LOADER_TESTS}/bad.cfg MODULES loader/pong.elf
  REF ${LOADER_TESTS}/bad.ref STDERR "loader: bad.cfg:4: unknown keyword 'memroy'")
loader_test(foreign 2 PROGRAM @OTHER@/tests/hello.elf EXPLICIT_ROOT
  STDERR "loader: cannot start hello.elf is a program for")
# A program talking to sigma0 across its clan's boundary, through the loader as its chief.
loader_test(outside 0 PROGRAM loader/outside.elf REF ${LOADER_TESTS}/outside.ref
  STDERR "loader: task 5 sent a message to 123.00, which does not exist: dropped")
# LDR0009: services. A task marked `service` does not keep the instance alive: it ends, killing
# the service, when the other programs have ended, with the first of those's status; a deadlock
# among them is still reported; services alone are refused. --service on the command line.
set(LOADER_SERVICE loader/counter.elf loader/adder.elf)
umol4_test(loader_services ${LOADER_TESTS}/services.cfg 7 OPTS --deterministic
  --module=@LIB@/loader/counter.elf --module=@LIB@/loader/adder.elf
  REF ${LOADER_TESTS}/services.ref LABELS loader)
loader_test(services_deadlock 121 CFG ${LOADER_TESTS}/services_deadlock.cfg
  MODULES ${LOADER_SERVICE} STDERR "deadlock" "thread 7.00")
loader_test(services_only 2 CFG ${LOADER_TESTS}/services_only.cfg MODULES ${LOADER_SERVICE}
  REF ${LOADER_TESTS}/services_only.ref
  STDERR "loader: no program but services started: nothing to serve")
umol4_test(loader_service_cmdline loader/adder.elf 4 OPTS --deterministic
  --service=@LIB@/loader/counter.elf ARGS 3 4 REF ${LOADER_TESTS}/service_cmdline.ref
  LABELS loader)
# LDR0010: a thread with a pager that never answers cannot block sigma0 or the loader with a long
# message from an unmapped page; both keep serving, also a second program.
loader_test(hostile 0 PROGRAM loader/hostile.elf REF ${LOADER_TESTS}/hostile.ref)
