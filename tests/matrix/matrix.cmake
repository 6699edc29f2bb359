# The cross-ISA trace matrix (docs/testing.md, "Trace matrix"), included by tests/CMakeLists.txt.
# matrix_<program>_<variant>: the program runs with --deterministic --trace natively on x86 and on
# <variant>, and umol4-trace diff compares the traces (tests/matrix/matrix_run.sh). Label "matrix";
# `make test-matrix` runs only these. Also: the injected divergence (diverge.c) and the tests of
# umol4-trace itself (trace_tool_test.sh).
set(MATRIX_DIR ${CMAKE_CURRENT_LIST_DIR})
set(MATRIX_VARIANTS ${UMOL4_VARIANTS})

# matrix_test(NAME DIR [ARGS args...] [STDIN file] [OPTS umol4 options...] [DIFF diff options...]
#             [EXCLUDE variants...] [EXPECT_DIFFER variant texts...])
# DIR/NAME.elf below ${UMOL4_LIBDIR}/<isa> (or below DIR itself when it is absolute).
# TRAP: the variant runs DIR/trap/NAME.elf (built with the trap entry) against x86's DIR/NAME.elf
# (the call entry): test matrix_trap_<name>_<variant>.
function(matrix_test name dir)
  cmake_parse_arguments(M "TRAP" "STDIN" "ARGS;OPTS;DIFF;EXCLUDE;EXPECT_DIFFER" ${ARGN})
  set(extra)
  if(M_TRAP)
    list(APPEND extra --other-build)
  endif()
  if(M_STDIN)
    list(APPEND extra --stdin ${M_STDIN})
  endif()
  foreach(o ${M_OPTS})
    list(APPEND extra --opt ${o})
  endforeach()
  foreach(o ${M_DIFF})
    list(APPEND extra --diff-opt ${o})
  endforeach()
  set(differ_variant)
  set(differ)
  if(M_EXPECT_DIFFER)
    list(POP_FRONT M_EXPECT_DIFFER differ_variant)
    foreach(t ${M_EXPECT_DIFFER})
      list(APPEND differ --expect-differ ${t})
    endforeach()
  endif()
  foreach(variant ${MATRIX_VARIANTS})
    if(variant IN_LIST M_EXCLUDE)
      continue()
    endif()
    set(isa ${variant})
    if(variant STREQUAL "x86-emu")
      set(isa x86)
    endif()
    if(IS_ABSOLUTE ${dir})
      set(elf ${dir}/${isa}/${name}.elf)
      set(ref ${dir}/x86/${name}.elf)
    elseif(M_TRAP)
      set(elf ${UMOL4_LIBDIR}/${isa}/${dir}/trap/${name}.elf)
      set(ref ${UMOL4_LIBDIR}/x86/${dir}/${name}.elf)
    else()
      set(elf ${UMOL4_LIBDIR}/${isa}/${dir}/${name}.elf)
      set(ref ${UMOL4_LIBDIR}/x86/${dir}/${name}.elf)
    endif()
    set(test matrix_${name}_${variant})
    if(M_TRAP)
      set(test matrix_trap_${name}_${variant})
    endif()
    set(expect)
    if(variant STREQUAL "${differ_variant}")
      set(expect ${differ})
    endif()
    add_test(NAME ${test}
      COMMAND sh ${MATRIX_DIR}/matrix_run.sh $<TARGET_FILE:umol4> $<TARGET_FILE:umol4-trace>
              ${variant} ${ref} ${elf} ${extra} ${expect} -- ${M_ARGS})
    set_tests_properties(${test} PROPERTIES LABELS "matrix;${variant}")
  endforeach()
endfunction()

# umol4-trace is defined later (tools/trace.cmake, included after tests/); generator expressions
# resolve it at generation time.
if(NOT EXISTS ${CMAKE_SOURCE_DIR}/tools/trace.cmake)
  return()
endif()

# L4 test programs (tests/programs). Not in the matrix, docs/testing.md says why: spin (runs
# until killed), prio (needs timeslice preemption, which --deterministic turns off), bigmem
# (agrees, but each run takes ~13 s and writes a 110 MB trace).
matrix_test(hello tests ARGS one two)
foreach(prog pagefault exitcode badaccess illegal nowhere deadlock irqtimer)
  matrix_test(${prog} tests)
endforeach()
matrix_test(tasks tests OPTS --no-loader)
matrix_test(echo tests STDIN ${MATRIX_DIR}/../programs/echo.in)
# ia32 installs its exception handlers with lidt (emulated, no system call), ARM and MIPS with
# the exception_table call: that one event is a real ISA difference.
matrix_test(exception tests DIFF --ignore=syscall:exception_table)

# Conformance programs (tests/conformance/programs.cmake): every one, except
#   thr0006_preempt: preemption by timeslice, which --deterministic turns off (it never ends);
#   mem0006_exhaust: agrees on x86 and x86-emu, but like bigmem too heavy (4 s, 54 MB a run);
#   ipc0008_sigma0 on mips: sigma0 hands out the KIP by its physical frame, 0x1000 for
#   little-endian tasks and 0x2000 for big-endian ones (docs/architecture.md, Memory);
#   on every ISA but x86, the programs that command helper tasks through conf.h (conf_run,
#   conf_map, ...): the command is a function pointer sent as message word w0, a code address
#   that differs by ISA. x86 and x86-emu run the same ELF and still compare them completely.
include(${MATRIX_DIR}/../conformance/programs.cmake OPTIONAL)
foreach(prog ${CONF_PROGRAMS})
  set(src ${MATRIX_DIR}/../conformance/${prog}.c)
  set(commands OFF)
  if(EXISTS ${src})
    file(READ ${src} text)
    if(text MATCHES "conf_(run|start|map|unmap|read|write)\\(")
      set(commands ON)
    endif()
  endif()
  set(exclude)
  if(prog STREQUAL "thr0006_preempt" OR prog STREQUAL "mem0006_exhaust")
    continue()
  elseif(prog IN_LIST CONF_NOT_UNDER_QEMU_I386)
    set(exclude x86-emu)
  elseif(prog STREQUAL "ipc0008_sigma0")
    set(exclude mips)
  elseif(commands)
    set(exclude ${MATRIX_VARIANTS})
    list(REMOVE_ITEM exclude x86 x86-emu)
  endif()
  matrix_test(${prog} conformance OPTS --no-loader EXCLUDE ${exclude})
  # the trap entry must give the very same events as the call entry (docs/architecture.md);
  # not for the command programs: their messages carry code addresses, which differ by build
  if(NOT commands)
    matrix_test(${prog} conformance TRAP OPTS --no-loader EXCLUDE ${exclude})
  endif()
endforeach()

# The injected divergence: diverge.c, built per ISA with umol4-cc, agrees on the little-endian
# variants and must diverge on mips, at the ipc syscall that sends a byte-order-dependent word.
set(MATRIX_OUT ${CMAKE_BINARY_DIR}/matrix)
set(diverge_elfs)
foreach(isa ${UMOL4_ISAS})
  set(out ${MATRIX_OUT}/${isa}/diverge.elf)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${MATRIX_OUT}/${isa}
    COMMAND sh ${CMAKE_BINARY_DIR}/bin/umol4-cc --arch=${isa} -O2 -Wall -Wextra -Werror
            -o ${out} ${MATRIX_DIR}/diverge.c
    DEPENDS ${MATRIX_DIR}/diverge.c user_${isa} ${UMOL4_LIBDIR}/${isa}/libl4.a
    COMMENT "umol4-cc --arch=${isa} tests/matrix/diverge.c"
    VERBATIM)
  list(APPEND diverge_elfs ${out})
endforeach()
add_custom_target(matrix_diverge ALL DEPENDS ${diverge_elfs})
matrix_test(diverge ${MATRIX_OUT} EXPECT_DIFFER mips
  "events differ at neutral #" "syscall ipc thread 5.00" "differing: n[3] (A 68, B 17)")

# umol4-trace itself: options, bad input, diff, chrome and summary on small made-up traces.
add_test(NAME matrix_trace_tool
  COMMAND sh ${MATRIX_DIR}/trace_tool_test.sh $<TARGET_FILE:umol4-trace> ${MATRIX_DIR}/data)
set_tests_properties(matrix_trace_tool PROPERTIES LABELS "matrix;trace")
