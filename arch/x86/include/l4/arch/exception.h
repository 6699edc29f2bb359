/* ia32 exception table: an IDT of trap gates, installed with lidt (emulated by the kernel). */
#ifndef __L4_ARCH_EXCEPTION_H__
#define __L4_ARCH_EXCEPTION_H__

#include <l4/sys/l4int.h>

#define __L4_EXC_GATE_SIZE 8

static __inline__ void __l4_exc_gate(l4_uint8_t *g, l4_umword_t handler)
{
	g[0] = (l4_uint8_t)handler;
	g[1] = (l4_uint8_t)(handler >> 8);
	g[2] = 0x23; /* user code selector (ignored by the kernel) */
	g[3] = 0;
	g[4] = 0;
	g[5] = handler ? 0xef : 0; /* present, DPL 3, 32-bit trap gate */
	g[6] = (l4_uint8_t)(handler >> 16);
	g[7] = (l4_uint8_t)(handler >> 24);
}

static __inline__ void __l4_exc_install(const void *table, l4_umword_t size)
{
	struct {
		l4_uint16_t limit;
		l4_uint32_t base;
	} __attribute__((packed)) d = {(l4_uint16_t)(size - 1), (l4_uint32_t)table};
	__asm__ __volatile__("lidt %0" : : "m"(d) : "memory");
}

#endif
