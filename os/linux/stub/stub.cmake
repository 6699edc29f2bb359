# The per-ISA task stub (os/linux/stub/stub.c + arch/<arch>/stub/), included by user/CMakeLists.txt.
# Produces ${UMOL4_OUT}/stub: a freestanding static ELF linked at the stub area of
# docs/abi/<arch>.md, run by the kernel natively (x86) or as `qemu-<isa> stub`.
# The base comes from toolchains/<isa>.cmake (UMOL4_STUB_BASE), next to the ISA's other facts.
if(NOT UMOL4_STUB_BASE)
  message(FATAL_ERROR "toolchains/${UMOL4_ISA}.cmake must set UMOL4_STUB_BASE (the stub area)")
endif()

set(_umol4_stub_ld ${CMAKE_CURRENT_BINARY_DIR}/umol4_stub/stub.ld)
configure_file(${UMOL4_SRC}/os/linux/stub/stub.ld.in ${_umol4_stub_ld} @ONLY)

add_executable(umol4_stub
  ${UMOL4_SRC}/os/linux/stub/stub.c
  ${UMOL4_SRC}/os/linux/stub/ipfilter.c
  ${UMOL4_SRC}/arch/${UMOL4_ARCH}/stub/entry.S)
set_target_properties(umol4_stub PROPERTIES
  OUTPUT_NAME stub
  RUNTIME_OUTPUT_DIRECTORY ${UMOL4_OUT}
  LINK_DEPENDS ${_umol4_stub_ld})
target_include_directories(umol4_stub PRIVATE ${UMOL4_SRC} ${UMOL4_SRC}/arch/${UMOL4_ARCH}/stub)
# -fno-tree-loop-distribute-patterns / -fno-builtin: no implicit memcpy/memset calls (there is no
# libc); -O2 keeps the handler path short.
target_compile_options(umol4_stub PRIVATE -O2 -fno-builtin -fno-tree-loop-distribute-patterns
  # The toolchain files give ASM only the arch flags; the MIPS driver defaults to PIC, which
  # -mno-abicalls rejects. The stub is position dependent everywhere.
  $<$<COMPILE_LANGUAGE:ASM>:-fno-pic>)
# -z noexecstack: a PT_GNU_STACK header, so a native i386 stub does not get READ_IMPLIES_EXEC and
# MBOX_PROT_X is honoured exactly as the kernel queued it. noseparate-code/max-page-size=4K: one
# R+X and one RW segment, the .bss (mailbox first) starting on its own 4 KiB page on every ISA.
target_link_options(umol4_stub PRIVATE
  -nostdlib -static -Wl,-T,${_umol4_stub_ld} -Wl,--build-id=none
  -Wl,-z,noexecstack -Wl,-z,noseparate-code -Wl,-z,max-page-size=0x1000)
