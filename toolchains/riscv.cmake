# Cross toolchain for umol4 user-side code (L4 programs, sigma0, stub) on the riscv target:
# RV32IMAC, ilp32 (soft float), little-endian, from Debian's bare-metal riscv64-unknown-elf gcc,
# whose rv32imac/ilp32 multilib brings the matching libgcc.
# Everything user-side is freestanding: no target libc, only libgcc from the cross compiler.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv) # the ISA name, as umol4Config.cmake reads it
set(CMAKE_C_COMPILER riscv64-unknown-elf-gcc)
set(CMAKE_ASM_COMPILER riscv64-unknown-elf-gcc)
set(CMAKE_AR riscv64-unknown-elf-ar)
set(CMAKE_RANLIB riscv64-unknown-elf-ranlib)
set(UMOL4_TOOL_PREFIX riscv64-unknown-elf-)
# -msmall-data-limit=0: no .sdata/.srodata, which l4.ld does not place; the division check
# gives integer division by zero the same exception as on every ISA (arch/riscv/user/div0.S).
set(UMOL4_ARCH_FLAGS "-march=rv32imac -mabi=ilp32 -msmall-data-limit=0 -fsanitize=integer-divide-by-zero")
set(UMOL4_FREESTANDING_FLAGS "-ffreestanding -fno-pic -fno-pie -fno-stack-protector -fno-asynchronous-unwind-tables -fno-common")
set(CMAKE_C_FLAGS_INIT "${UMOL4_ARCH_FLAGS} ${UMOL4_FREESTANDING_FLAGS}")
set(CMAKE_ASM_FLAGS_INIT "${UMOL4_ARCH_FLAGS} -fno-pic")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-nostdlib -static -no-pie")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
# The stub area (docs/abi/riscv.md), read by os/linux/stub/stub.cmake.
set(UMOL4_STUB_BASE 0xC0000000)
