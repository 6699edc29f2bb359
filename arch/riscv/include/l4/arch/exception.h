/* riscv exception table: one handler address per vector, installed by a jump to 0xffffffd4. */
#ifndef __L4_ARCH_EXCEPTION_H__
#define __L4_ARCH_EXCEPTION_H__

#include <l4/sys/l4int.h>

#define __L4_EXC_GATE_SIZE 4

static __inline__ void __l4_exc_gate(l4_uint8_t *g, l4_umword_t handler)
{
	*(l4_umword_t *)(void *)g = handler;
}

static __inline__ void __l4_exc_install(const void *table, l4_umword_t size)
{
	register const void *__s0 __asm__("a0") = table;
	(void)size;
	__asm__ __volatile__("jalr ra, -44(zero)" : "+r"(__s0) : : "ra", "memory");
}

#endif
