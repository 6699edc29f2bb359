/* ia32 device-access decoding (arch/x86/io.c). */
#ifndef UMOL4_X86_IO_H
#define UMOL4_X86_IO_H

#include "core/arch.h"

/* An in/out or cli/sti at the ip (a #GP in user mode): fills tr as TRAP_IO; false otherwise. */
bool x86_decode_io(const word_t *regs, struct trap *tr, umem_read_fn rd, void *cx);
/* struct arch decode_access for ia32 (mov, movzx, movsx forms). */
bool x86_decode_access(const word_t *regs, word_t addr, struct dev_access *acc, umem_read_fn rd,
		       void *cx);

#endif
