# Cross toolchain for umol4 user-side code (L4 programs, sigma0, stub) on the x86 target.
# Everything user-side is freestanding: no target libc, only libgcc from the cross compiler.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR x86)
set(CMAKE_C_COMPILER i686-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER i686-linux-gnu-gcc)
set(CMAKE_AR i686-linux-gnu-ar)
set(CMAKE_RANLIB i686-linux-gnu-ranlib)
set(UMOL4_TOOL_PREFIX i686-linux-gnu-)
set(UMOL4_ARCH_FLAGS "-m32 -march=i686")
set(UMOL4_FREESTANDING_FLAGS "-ffreestanding -fno-pic -fno-pie -fno-stack-protector -fno-asynchronous-unwind-tables -fno-common")
set(CMAKE_C_FLAGS_INIT "${UMOL4_ARCH_FLAGS} ${UMOL4_FREESTANDING_FLAGS}")
set(CMAKE_ASM_FLAGS_INIT "${UMOL4_ARCH_FLAGS} -fno-pic")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-nostdlib -static -no-pie")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
# The stub area (docs/abi/x86.md), read by os/linux/stub/stub.cmake.
set(UMOL4_STUB_BASE 0xC0000000)
