# find_package(umol4): build L4 programs for umol4 from any CMake project, with the host's own
# compiler settings untouched (docs/sdk.md). Each program is compiled and linked by umol4-cc,
# the driver installed next to this package, for the ISA it names:
#
#   umol4_add_program(NAME ISA SOURCES... [BASE ADDR] [OPTIONS gcc-options...])
#     -> target NAME, building ${CMAKE_CURRENT_BINARY_DIR}/NAME.elf (property UMOL4_ELF)
#
# ISA is x86, arm, mips, mipsel or riscv (x86 programs also run under qemu-i386 with umol4 --emulate).
# Also set: UMOL4_PREFIX, UMOL4_EXECUTABLE (umol4), UMOL4_CC, UMOL4_TRACE_EXECUTABLE, UMOL4_ISAS,
# UMOL4_TOOLCHAIN_<isa> (the toolchain files below).
#
# A project configured with one of umol4's toolchain files instead
# (-DCMAKE_TOOLCHAIN_FILE=${UMOL4_PREFIX}/lib/cmake/umol4/toolchains/<isa>.cmake) builds L4
# programs for that ISA with plain add_executable: linking the target umol4::runtime adds the
# headers, crt0, the linker script and libl4.
# Everything is found relative to this file, so a moved installation keeps working.
cmake_minimum_required(VERSION 3.20) # DEPFILE with the Makefile generators

get_filename_component(UMOL4_PREFIX "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
set(UMOL4_EXECUTABLE ${UMOL4_PREFIX}/bin/umol4)
set(UMOL4_CC ${UMOL4_PREFIX}/bin/umol4-cc)
set(UMOL4_TRACE_EXECUTABLE ${UMOL4_PREFIX}/bin/umol4-trace)
# every ISA whose runtime this installation has (lib/umol4/<isa>)
file(GLOB UMOL4_ISAS LIST_DIRECTORIES true RELATIVE ${UMOL4_PREFIX}/lib/umol4 ${UMOL4_PREFIX}/lib/umol4/*)
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
    DEPENDS ${objects} ${rt}/libl4.a ${rt}/l4.ld
    COMMENT "umol4-cc --arch=${isa} -o ${name}.elf"
    VERBATIM)
  add_custom_target(${name} ALL DEPENDS ${elf})
  set_target_properties(${name} PROPERTIES UMOL4_ELF ${elf} UMOL4_ISA ${isa})
endfunction()

foreach(_umol4_isa ${UMOL4_ISAS})
  set(UMOL4_TOOLCHAIN_${_umol4_isa} ${CMAKE_CURRENT_LIST_DIR}/toolchains/${_umol4_isa}.cmake)
endforeach()

# Under an umol4 toolchain file (it sets UMOL4_TOOL_PREFIX; the ISA is the system processor).
if(DEFINED UMOL4_TOOL_PREFIX AND CMAKE_SYSTEM_PROCESSOR IN_LIST UMOL4_ISAS
   AND NOT TARGET umol4::runtime)
  set(_umol4_rt ${UMOL4_PREFIX}/lib/umol4/${CMAKE_SYSTEM_PROCESSOR})
  string(REGEX REPLACE "^mips.*" "mips" _umol4_arch ${CMAKE_SYSTEM_PROCESSOR})
  execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=include
    OUTPUT_VARIABLE _umol4_gccinc OUTPUT_STRIP_TRAILING_WHITESPACE)
  add_library(umol4::runtime INTERFACE IMPORTED)
  # -nostdinc and the compiler's own freestanding headers as options: CMake drops a compiler's
  # implicit include directories from include paths
  set_target_properties(umol4::runtime PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES
      "${UMOL4_PREFIX}/include/umol4/common;${UMOL4_PREFIX}/include/umol4/${_umol4_arch}"
    INTERFACE_COMPILE_OPTIONS "-nostdinc;SHELL:-isystem ${_umol4_gccinc}"
    INTERFACE_LINK_OPTIONS
      "LINKER:-z,max-page-size=0x1000;LINKER:-T,${_umol4_rt}/l4.ld"
    INTERFACE_LINK_LIBRARIES
      "-Wl,--start-group;${_umol4_rt}/libl4.a;-lgcc;-Wl,--end-group")
endif()
