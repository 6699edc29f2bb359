# ctest registration of the L4Env-compatibility tests (included by tests/CMakeLists.txt):
# programs written the way 2003 L4Env code is, compiled by umol4-cc when the test runs (so a
# program that does not build against umol4's headers and libl4 fails its test, not the build)
# with -Werror=incompatible-pointer-types, then run by umol4 on every variant.
#
# l4env_test(NAME STATUS SOURCES files... [CFLAGS flags...] [OPTS umol4 options...] [REF file]
#            [STDERR texts...])
set(L4ENV_TESTS ${CMAKE_CURRENT_SOURCE_DIR}/l4env)

function(l4env_test name status)
  cmake_parse_arguments(T "" "REF" "SOURCES;CFLAGS;OPTS;STDERR" ${ARGN})
  set(srcs)
  foreach(s ${T_SOURCES})
    list(APPEND srcs ${L4ENV_TESTS}/${s})
  endforeach()
  list(JOIN srcs " " srcs)
  # never empty: an empty argument would vanish on its way through umol4_test's lists
  list(JOIN T_CFLAGS " " cflags)
  set(cflags "-O2 ${cflags}")
  set(extra)
  if(T_REF)
    list(APPEND extra REF ${L4ENV_TESTS}/${T_REF})
  endif()
  if(T_STDERR)
    list(APPEND extra STDERR ${T_STDERR})
  endif()
  umol4_test(l4env_${name} @PROG@ ${status} OPTS ${T_OPTS} ${extra} LABELS l4env
    PREFIX sh ${L4ENV_TESTS}/l4env_test.sh ${CMAKE_BINARY_DIR}/bin/umol4-cc @ISA@ "${srcs}"
           "${cflags}")
endfunction()

# L4E0011: the 2003 integer types (l4_umword_t unsigned int, l4_addr_t l4_uint32_t).
l4env_test(types 0 SOURCES types2003.c REF types2003.ref)
# L4E0010a: a program defining its own libc functions next to ones it takes from libl4.
l4env_test(ownlibc 0 SOURCES ownlibc.c REF ownlibc.ref)
# L4E0010b: a program with its own crt0 and no main() that calls exit() and assert().
l4env_test(owncrt0 7 SOURCES crt0_own.S owncrt0.c REF owncrt0.ref)
# L4E0009: _stext/_etext/_edata/_end as main_stat.ld defines them; [_etext, _end) writable.
l4env_test(layout 0 SOURCES layout.c REF layout.ref)
# L4E0008: the RMGR pager's 4 MB superpage request.
l4env_test(superpage 0 SOURCES superpage.c REF superpage.ref)
# L4E0012: all of the above together in one L4Env-style program, with an L4Env-style pager
# that checks _stext/_etext for a child task running on the program's image.
l4env_test(l4envstyle 0 SOURCES crt0_own.S l4envstyle.c REF l4envstyle.ref)
# L4E0010c: a program with its own RMGR client library calls exit().
l4env_test(ownrmgr 3 SOURCES ownrmgr.c REF ownrmgr.ref)
