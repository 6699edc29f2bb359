/* ARM device-access decoding (arch/arm/access.c). */
#ifndef UMOL4_ARM_ACCESS_H
#define UMOL4_ARM_ACCESS_H

#include "core/arch.h"

/* struct arch decode_access for ARM. */
bool arm_decode_access(const word_t *regs, word_t addr, struct dev_access *acc, umem_read_fn rd,
		       void *cx);

#endif
