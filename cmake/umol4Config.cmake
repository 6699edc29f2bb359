# find_package(umol4): build L4 programs for umol4 from any CMake project, with the host's own
# compiler settings untouched (docs/sdk.md). Each program is compiled and linked by umol4-cc,
# the driver installed next to this package, for the ISA it names:
#
#   umol4_add_program(NAME ISA SOURCES... [BASE ADDR] [OPTIONS gcc-options...])
#     -> target NAME, building ${CMAKE_CURRENT_BINARY_DIR}/NAME.elf (property UMOL4_ELF)
#
# ISA is x86, arm, mips or mipsel (x86 programs also run under qemu-i386 with umol4 --emulate).
# Also set: UMOL4_PREFIX, UMOL4_EXECUTABLE (umol4), UMOL4_CC, UMOL4_TRACE_EXECUTABLE, UMOL4_ISAS.
# Everything is found relative to this file, so a moved installation keeps working.
cmake_minimum_required(VERSION 3.20) # DEPFILE with the Makefile generators

get_filename_component(UMOL4_PREFIX "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
set(UMOL4_EXECUTABLE ${UMOL4_PREFIX}/bin/umol4)
set(UMOL4_CC ${UMOL4_PREFIX}/bin/umol4-cc)
set(UMOL4_TRACE_EXECUTABLE ${UMOL4_PREFIX}/bin/umol4-trace)
set(UMOL4_ISAS x86 arm mips mipsel)
foreach(_umol4_file ${UMOL4_EXECUTABLE} ${UMOL4_CC})
  if(NOT EXISTS ${_umol4_file})
    set(umol4_FOUND FALSE)
    set(umol4_NOT_FOUND_MESSAGE "umol4: ${_umol4_file} is missing from this installation")
    return()
  endif()
endforeach()

function(umol4_add_program name isa)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "BASE" "OPTIONS")
  if(NOT isa IN_LIST UMOL4_ISAS)
    message(FATAL_ERROR "umol4_add_program(${name}): ISA '${isa}' is not one of ${UMOL4_ISAS}")
  endif()
  if(NOT arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "umol4_add_program(${name}): no sources")
  endif()
  set(dir ${CMAKE_CURRENT_BINARY_DIR}/umol4_${name}.dir)
  set(objects)
  foreach(src ${arg_UNPARSED_ARGUMENTS})
    get_filename_component(abs ${src} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    file(RELATIVE_PATH rel ${CMAKE_CURRENT_SOURCE_DIR} ${abs})
    string(REPLACE "../" "__/" rel ${rel})
    set(obj ${dir}/${rel}.o)
    get_filename_component(objdir ${obj} DIRECTORY)
    file(MAKE_DIRECTORY ${objdir})
    add_custom_command(OUTPUT ${obj}
      COMMAND ${UMOL4_CC} --arch=${isa} ${arg_OPTIONS} -MD -MF ${obj}.d -c ${abs} -o ${obj}
      DEPENDS ${abs} ${UMOL4_CC}
      DEPFILE ${obj}.d
      COMMENT "umol4-cc --arch=${isa} ${src}"
      VERBATIM)
    list(APPEND objects ${obj})
  endforeach()
  set(elf ${CMAKE_CURRENT_BINARY_DIR}/${name}.elf)
  set(base)
  if(arg_BASE)
    set(base --base=${arg_BASE})
  endif()
  set(rt ${UMOL4_PREFIX}/lib/umol4/${isa})
  add_custom_command(OUTPUT ${elf}
    COMMAND ${UMOL4_CC} --arch=${isa} ${base} ${arg_OPTIONS} -o ${elf} ${objects}
    DEPENDS ${objects} ${rt}/libl4.a ${rt}/crt0.o ${rt}/l4.ld
    COMMENT "umol4-cc --arch=${isa} -o ${name}.elf"
    VERBATIM)
  add_custom_target(${name} ALL DEPENDS ${elf})
  set_target_properties(${name} PROPERTIES UMOL4_ELF ${elf} UMOL4_ISA ${isa})
endfunction()
