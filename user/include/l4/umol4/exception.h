/*
 * Exception handlers (docs/abi/<isa>.md "Exceptions"): the V2 model of a per-thread handler
 * table indexed by ia32 vector numbers (0 divide error, 6 invalid opcode, 13 general protection,
 * 17 alignment/bus error). On ia32 the table is a real IDT installed with lidt, and the handler
 * finds EIP, CS, EFLAGS (and the error code) on its stack; on ARM and MIPS it is a table of
 * handler addresses installed with a umol4 system call, and the handler starts with
 * (vector, error code, faulting pc) as its three arguments.
 */
#ifndef __L4_UMOL4_EXCEPTION_H__
#define __L4_UMOL4_EXCEPTION_H__

#include <l4/arch/exception.h>
#include <l4/sys/l4int.h>

#define UMOL4_EXC_VECTORS 32

typedef struct {
	l4_uint8_t gate[UMOL4_EXC_VECTORS][__L4_EXC_GATE_SIZE];
} __attribute__((aligned(8))) umol4_exc_table_t;

/* Sets (or with NULL clears) the handler of one vector in a table. */
static __inline__ void umol4_exc_set(umol4_exc_table_t *t, unsigned vector, void (*handler)(void))
{
	if (vector < UMOL4_EXC_VECTORS)
		__l4_exc_gate(t->gate[vector], (l4_umword_t)handler);
}

/* Makes the table the calling thread's exception handler table. */
static __inline__ void umol4_exc_install(const umol4_exc_table_t *t)
{
	__l4_exc_install(t, sizeof *t);
}

#endif
