# Registers the conformance programs (programs.cmake) with ctest, included by tests/CMakeLists.txt:
# conf_<ID>_<variant> (conf_trap_<ID>_<variant>: built with the trap entry) runs ${UMOL4_LIBDIR}/<isa>/conformance/<program>.elf through run_l4.sh on
# x86 (native), x86-emu (ia32 under qemu-i386), arm, mips and mipsel; the program must exit 0 and
# print exactly tests/conformance/<program>.ref, one golden file for every ISA. They test the
# kernel alone: each boots as the root task (--no-loader), talks to sigma0 directly and owns
# every other task number, as test programs under Fiasco's sigma0 did.
include(${CMAKE_CURRENT_LIST_DIR}/programs.cmake)
foreach(prog ${CONF_PROGRAMS})
  string(REGEX MATCH "^[a-z]+[0-9]+" conf_id ${prog})
  string(TOUPPER ${conf_id} conf_id)
  set(skip)
  if(prog IN_LIST CONF_NOT_UNDER_QEMU_I386)
    set(skip SKIP x86-emu)
  endif()
  umol4_test(conf_${conf_id} conformance/${prog}.elf 0 OPTS --no-loader
    REF ${CMAKE_CURRENT_LIST_DIR}/${prog}.ref LABELS conformance ${skip})
  # the same program built with the classic trap entry (-DL4_TRAP_ENTRY): same output
  umol4_test(conf_trap_${conf_id} conformance/trap/${prog}.elf 0 OPTS --no-loader
    REF ${CMAKE_CURRENT_LIST_DIR}/${prog}.ref LABELS conformance trap ${skip})
endforeach()
