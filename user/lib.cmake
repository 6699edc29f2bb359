# What L4 programs compile and link against, for one ISA (included by user/CMakeLists.txt, which
# sets UMOL4_ISA, UMOL4_ARCH, UMOL4_SRC and UMOL4_OUT):
#   ${UMOL4_OUT}/libl4.a   the small libc plus the non-inline l4sys code
#   ${UMOL4_OUT}/libl4-trap.a  the same built with -DL4_TRAP_ENTRY: the classic trap entry
#                          (umol4-cc --entry=trap, docs/abi/<arch>.md "Kernel entry")
#   ${UMOL4_OUT}/crt0.o    program entry (also in libl4.a, from where l4.ld's EXTERN(_start) takes
#                          it unless the program has a _start of its own)
#   ${UMOL4_OUT}/l4.ld     the linker script
#   umol4_add_program(<name> <sources...> [BASE <hexaddr>] [TRAP_ENTRY])  -> <name>.elf, linked
#                          like umol4-cc (TRAP_ENTRY: like umol4-cc --entry=trap)
set(UMOL4_USER_DIR ${CMAKE_CURRENT_LIST_DIR})

# Programs see the l4sys and libc headers and the compiler's freestanding ones (stdarg.h,
# stddef.h, stdint.h, ...), never the cross compiler's Linux C library headers.
execute_process(
  COMMAND ${CMAKE_C_COMPILER} -print-file-name=include
  OUTPUT_VARIABLE UMOL4_GCC_INCLUDE
  OUTPUT_STRIP_TRAILING_WHITESPACE)
add_library(umol4_headers INTERFACE)
target_include_directories(umol4_headers INTERFACE
  ${UMOL4_SRC}/user/include
  ${UMOL4_SRC}/arch/${UMOL4_ARCH}/include)
# As an option, not an include directory: CMake drops the compiler's implicit include directories.
# The toolchains' assembler flags leave out -fno-pic, and MIPS gcc defaults to PIC, which cannot
# be combined with -mno-abicalls: programs' own .S files get it here, crt0.S below.
target_compile_options(umol4_headers INTERFACE -nostdinc "SHELL:-isystem ${UMOL4_GCC_INCLUDE}"
  $<$<COMPILE_LANGUAGE:ASM>:-fno-pic>)

# One public libc function per source file, so one per object in libl4.a: a program that defines
# its own version of any of them links without a second definition coming along with a neighbour.
file(GLOB UMOL4_LIBC_SOURCES CONFIGURE_DEPENDS ${UMOL4_USER_DIR}/libc/*.c)
# What only this ISA needs in libl4 (division helpers and the like): arch/<arch>/user/ beside crt0.
file(GLOB UMOL4_ARCH_LIB_SOURCES CONFIGURE_DEPENDS ${UMOL4_SRC}/arch/${UMOL4_ARCH}/user/*.c
  ${UMOL4_SRC}/arch/${UMOL4_ARCH}/user/*.S)
list(REMOVE_ITEM UMOL4_ARCH_LIB_SOURCES ${UMOL4_SRC}/arch/${UMOL4_ARCH}/user/crt0.S)
set(UMOL4_LIB_SOURCES
  ${UMOL4_SRC}/arch/${UMOL4_ARCH}/user/crt0.S
  ${UMOL4_ARCH_LIB_SOURCES}
  ${UMOL4_LIBC_SOURCES}
  ${UMOL4_USER_DIR}/roottask/client/librmgr.c
  ${UMOL4_USER_DIR}/roottask/client/rmgr_call.c
  ${UMOL4_USER_DIR}/roottask/client/libloader.c
  ${UMOL4_USER_DIR}/roottask/client/loader_exit.c)
add_library(l4 STATIC ${UMOL4_LIB_SOURCES})
add_library(l4_trap STATIC ${UMOL4_LIB_SOURCES})
target_compile_definitions(l4_trap PUBLIC L4_TRAP_ENTRY)
foreach(lib l4 l4_trap)
  target_link_libraries(${lib} PUBLIC umol4_headers)
  set_target_properties(${lib} PROPERTIES
    C_EXTENSIONS OFF
    ARCHIVE_OUTPUT_DIRECTORY ${UMOL4_OUT})
endforeach()
set_target_properties(l4_trap PROPERTIES OUTPUT_NAME l4-trap)
# Otherwise GCC recognizes the copy loops as memcpy/memset and compiles them into calls to
# themselves.
set_source_files_properties(
  ${UMOL4_USER_DIR}/libc/memcmp.c
  ${UMOL4_USER_DIR}/libc/memcpy.c
  ${UMOL4_USER_DIR}/libc/memmove.c
  ${UMOL4_USER_DIR}/libc/memset.c
  PROPERTIES COMPILE_OPTIONS -fno-tree-loop-distribute-patterns)

add_library(umol4_crt0 OBJECT ${UMOL4_SRC}/arch/${UMOL4_ARCH}/user/crt0.S)
target_compile_options(umol4_crt0 PRIVATE -fno-pic)
add_custom_command(
  OUTPUT ${UMOL4_OUT}/crt0.o
  COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_OBJECTS:umol4_crt0> ${UMOL4_OUT}/crt0.o
  DEPENDS umol4_crt0 $<TARGET_OBJECTS:umol4_crt0>
  VERBATIM)
add_custom_command(
  OUTPUT ${UMOL4_OUT}/l4.ld
  COMMAND ${CMAKE_COMMAND} -E copy ${UMOL4_USER_DIR}/l4.ld ${UMOL4_OUT}/l4.ld
  DEPENDS ${UMOL4_USER_DIR}/l4.ld
  VERBATIM)
add_custom_target(umol4_runtime ALL DEPENDS ${UMOL4_OUT}/crt0.o ${UMOL4_OUT}/l4.ld)

# The link line umol4-cc uses too: the toolchain's -nostdlib -static -no-pie, then
#   -z max-page-size=0x1000 -T l4.ld <objects> --start-group libl4.a -lgcc --end-group
# crt0 comes from libl4.a (l4.ld: EXTERN(_start)), so a program may bring its own.
# L4 pages are 4 KiB on every ISA; MIPS ld would otherwise assume 64 KiB and merge code and data
# into one writable, executable segment. libgcc provides 64-bit division and the like, and ARM's
# calls back into libl4 (raise).
# CMake defines the RESCAN link group only for hosted platforms; the toolchains are "Generic".
set(CMAKE_C_LINK_GROUP_USING_RESCAN "LINKER:--start-group" "LINKER:--end-group")
set(CMAKE_C_LINK_GROUP_USING_RESCAN_SUPPORTED TRUE)
function(umol4_add_program name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "TRAP_ENTRY" "BASE" "")
  if(NOT arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "umol4_add_program(${name}): no sources")
  endif()
  add_executable(${name} ${arg_UNPARSED_ARGUMENTS})
  set_target_properties(${name} PROPERTIES
    SUFFIX .elf
    LINK_DEPENDS "${UMOL4_OUT}/l4.ld")
  # ld evaluates DEFINED(__l4_base) in l4.ld when it reads the script, so the symbol must be
  # defined on the command line before -T.
  if(arg_BASE)
    target_link_options(${name} PRIVATE "-Wl,--defsym=__l4_base=${arg_BASE}")
  endif()
  target_link_options(${name} PRIVATE
    "-Wl,-z,max-page-size=0x1000" "-Wl,-T,${UMOL4_OUT}/l4.ld")
  if(arg_TRAP_ENTRY)
    target_compile_definitions(${name} PRIVATE L4_TRAP_ENTRY)
    target_link_libraries(${name} PRIVATE "$<LINK_GROUP:RESCAN,l4_trap,gcc>")
  else()
    target_link_libraries(${name} PRIVATE "$<LINK_GROUP:RESCAN,l4,gcc>")
  endif()
  add_dependencies(${name} umol4_runtime)
endfunction()
