/* RISC-V device-access decoding (arch/riscv/access.c). */
#ifndef UMOL4_RISCV_ACCESS_H
#define UMOL4_RISCV_ACCESS_H

#include "core/arch.h"

/* struct arch decode_access for RISC-V. */
bool riscv_decode_access(const word_t *regs, word_t addr, struct dev_access *acc, umem_read_fn rd,
			 void *cx);

#endif
