# Cross toolchain for umol4 user-side code (L4 programs, sigma0, stub) on the mipsel target.
# Everything user-side is freestanding: no target libc, only libgcc from the cross compiler.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR mipsel)
set(CMAKE_C_COMPILER mipsel-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER mipsel-linux-gnu-gcc)
set(CMAKE_AR mipsel-linux-gnu-ar)
set(CMAKE_RANLIB mipsel-linux-gnu-ranlib)
set(UMOL4_TOOL_PREFIX mipsel-linux-gnu-)
set(UMOL4_ARCH_FLAGS "-EL -mabi=32 -march=mips32r2 -mno-abicalls -G0")
set(UMOL4_FREESTANDING_FLAGS "-ffreestanding -fno-pic -fno-pie -fno-stack-protector -fno-asynchronous-unwind-tables -fno-common")
set(CMAKE_C_FLAGS_INIT "${UMOL4_ARCH_FLAGS} ${UMOL4_FREESTANDING_FLAGS}")
set(CMAKE_ASM_FLAGS_INIT "${UMOL4_ARCH_FLAGS} -fno-pic")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-nostdlib -static -no-pie")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
# The stub area (docs/abi/mips.md), read by os/linux/stub/stub.cmake.
set(UMOL4_STUB_BASE 0x70000000)
