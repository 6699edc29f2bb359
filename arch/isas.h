/* Every ISA backend of this build, for the code that chooses one (the ELF loader, tools, tests).
 * A new port adds its struct arch here and in arch/isas.c; nothing else names the backends. */
#ifndef UMOL4_ARCH_ISAS_H
#define UMOL4_ARCH_ISAS_H

#include "core/arch.h"

extern const struct arch arch_x86, arch_arm, arch_mips, arch_mipsel, arch_riscv;

/* All of them, NULL-terminated, in the order tools list them. */
extern const struct arch *const arch_isas[];

/* The backend for an ELF machine number and byte order, or NULL. */
const struct arch *arch_by_elf(unsigned machine, bool big_endian);

#endif
