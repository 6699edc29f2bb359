# The core unit tests cross-built for 32-bit and big-endian hosts (included from the top-level
# CMakeLists.txt after tests/): exactly the sources of the native core_unit_tests (core/, the arch
# backends, tests/unit), built by each Debian cross gcc as one static executable (glibc; picolibc
# for riscv) and run under qemu-user as ctest core_unit_<isa>. The native build is 64-bit little-endian; these prove
# that the core assumes neither the host's word size nor its byte order.
#
# Plain custom commands rather than an ExternalProject: one compiler call per ISA (about a second),
# no CMake configure step per ISA. Needs the cross compilers and their glibc
# (libc6-dev-<arch>-cross, scripts/install-deps.sh) and qemu-user.

# isa, compiler prefix, qemu-user binary, C library
set(UMOL4_XUNIT_TARGETS
  "arm,arm-linux-gnueabihf,qemu-arm,glibc"
  "mips,mips-linux-gnu,qemu-mips,glibc"
  "mipsel,mipsel-linux-gnu,qemu-mipsel,glibc"
  "i686,i686-linux-gnu,qemu-i386,glibc"
  "riscv,riscv64-unknown-elf,qemu-riscv32,rv32-picolibc")

# Debian has no glibc for rv32: picolibc (picolibc-riscv64-unknown-elf) with stdout, _exit and
# sbrk made of Linux system calls (rv32_linux.c, .S). Its uint32_t is `long unsigned int`, as
# bare-metal toolchains have it, which the same size and calling convention make no different
# from the core's "%x" for word_t; -Wformat would only object to the spelling.
set(UMOL4_XUNIT_rv32-picolibc_FLAGS --specs=picolibc.specs -nostartfiles -march=rv32imac
  -mabi=ilp32 -Wno-format -Wl,--defsym=__ram_size=0x5000000 -Wl,--defsym=__flash_size=0x1000000)
set(UMOL4_XUNIT_rv32-picolibc_SRC ${CMAKE_SOURCE_DIR}/tests/unit/rv32_linux.c
  ${CMAKE_SOURCE_DIR}/tests/unit/rv32_linux.S)

# The same sources as the native test: taken from its targets, made absolute.
set(UMOL4_XUNIT_SRC)
foreach(tgt umol4_core umol4_arch core_unit_tests)
  get_target_property(_srcs ${tgt} SOURCES)
  get_target_property(_dir ${tgt} SOURCE_DIR)
  foreach(s ${_srcs})
    cmake_path(ABSOLUTE_PATH s BASE_DIRECTORY ${_dir} NORMALIZE)
    if(s MATCHES "\\.c$")
      list(APPEND UMOL4_XUNIT_SRC ${s})
    endif()
  endforeach()
endforeach()
# Every header those sources may include, so that an edit rebuilds.
file(GLOB UMOL4_XUNIT_HDR CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/core/*.h ${CMAKE_SOURCE_DIR}/arch/*.h ${CMAKE_SOURCE_DIR}/arch/*/*.h
  ${CMAKE_SOURCE_DIR}/devices/*.h ${CMAKE_SOURCE_DIR}/tests/unit/*.h)

set(UMOL4_XUNIT_DIR ${CMAKE_BINARY_DIR}/tests/unit-cross)
file(MAKE_DIRECTORY ${UMOL4_XUNIT_DIR})

foreach(entry ${UMOL4_XUNIT_TARGETS})
  string(REPLACE "," ";" entry "${entry}")
  list(GET entry 0 isa)
  list(GET entry 1 prefix)
  list(GET entry 2 qemu)
  list(GET entry 3 libc)
  find_program(UMOL4_XUNIT_CC_${isa} ${prefix}-gcc REQUIRED)
  find_program(UMOL4_XUNIT_QEMU_${isa} ${qemu} REQUIRED)
  set(out ${UMOL4_XUNIT_DIR}/core_unit_tests_${isa})
  add_custom_command(OUTPUT ${out}
    COMMAND ${UMOL4_XUNIT_CC_${isa}} -std=c11 -O2 -Wall -Wextra -Werror -static
            ${UMOL4_XUNIT_${libc}_FLAGS} -I${CMAKE_SOURCE_DIR} -o ${out} ${UMOL4_XUNIT_SRC}
            ${UMOL4_XUNIT_${libc}_SRC}
    DEPENDS ${UMOL4_XUNIT_SRC} ${UMOL4_XUNIT_HDR} ${UMOL4_XUNIT_${libc}_SRC}
    COMMENT "Cross-building the core unit tests for ${isa} (${prefix}-gcc)"
    VERBATIM)
  add_custom_target(core_unit_tests_${isa} ALL DEPENDS ${out})
  add_test(NAME core_unit_${isa} COMMAND ${UMOL4_XUNIT_QEMU_${isa}} ${out})
  set_tests_properties(core_unit_${isa} PROPERTIES TIMEOUT 120)
endforeach()
