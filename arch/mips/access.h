/* MIPS device-access decoding (arch/mips/access.c), per byte order of the instruction stream. */
#ifndef UMOL4_MIPS_ACCESS_H
#define UMOL4_MIPS_ACCESS_H

#include "core/arch.h"

bool mips_decode_access_be(const word_t *regs, word_t addr, struct dev_access *acc, umem_read_fn rd,
			   void *cx);
bool mips_decode_access_le(const word_t *regs, word_t addr, struct dev_access *acc, umem_read_fn rd,
			   void *cx);

#endif
