/*
 * Internal: the boundary between the generic l4sys bindings and the per-ISA register pinning.
 *
 * docs/abi/<isa>.md describe every system call as argument/result slots S0..S6 (plus S7/S8, the
 * virtual sender of a deceiting IPC) with the same role per slot on every ISA (S0 = EAX's role,
 * S1 = ECX's, ... S6 = EDI's). The generic headers fill a struct __l4_slots and call one primitive
 * per system call; arch/<isa>/include/l4/arch/syscall.h loads the slots into that ISA's registers,
 * enters the kernel and stores every slot back (the kernel preserves what it does not return, so
 * treating all slots as in/out is exact).
 */
#ifndef __L4_SYS_SYSENTRY_H__
#define __L4_SYS_SYSENTRY_H__

#include <l4/sys/l4int.h>

struct __l4_slots {
	l4_umword_t s0, s1, s2, s3, s4, s5, s6; /* in and out */
	l4_umword_t s7, s8;			/* in only: deceit virtual sender low/high */
};

#include <l4/arch/syscall.h>

/* The contract every port must fulfil (see arch/x86/include/l4/arch/syscall.h for the list). */
#ifndef __L4_ARCH_SYSCALLS
#error "arch/<isa>/include/l4/arch/syscall.h must define the system-call primitives"
#endif
#ifndef IPC_SYSENTER
#error "arch/<isa>/include/l4/arch/syscall.h must define IPC_SYSENTER"
#endif

#endif
