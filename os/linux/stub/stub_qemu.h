/* The part of stub_arch.h that is the same for every ISA umol4 only ever runs under qemu-user
 * (arm, mips, riscv): arch/<isa>/stub/stub_arch.h includes it. */
#ifndef UMOL4_STUB_QEMU_H
#define UMOL4_STUB_QEMU_H

#include "os/linux/mbox.h"
#include <stdint.h>

/* stub_is_myself and stub_answer_myself for the magic-address entry (arch/magic.h): a jump to the
 * id_nearest address 0xfffffff0 with the destination's low word (slot S5) 0, nil, is answered
 * with type 0 in S0, the caller's id in S5/S6, and the return to the link register. The
 * arguments are the registers' trapregs.h indices. */
#define STUB_MAGIC_MYSELF(PC, LINK, S0, S5, S6)                                                    \
	static inline int stub_is_myself(const struct mbox *m)                                     \
	{                                                                                          \
		return m->event == MBOX_EV_SEGV && m->fault_addr == 0xfffffff0u &&                 \
		       m->regs[PC] == 0xfffffff0u && m->regs[S5] == 0;                             \
	}                                                                                          \
	static inline void stub_answer_myself(struct mbox *m)                                      \
	{                                                                                          \
		m->regs[S0] = 0;                                                                   \
		m->regs[S5] = m->cur_lo;                                                           \
		m->regs[S6] = m->cur_hi;                                                           \
		m->regs[PC] = m->regs[LINK];                                                       \
	}

/* Pages inside the L4 user range the host needs kept: none (qemu-user keeps nothing there that
 * it uses after startup; its sigtramp page is bypassed by the stub's own return). */
static inline unsigned stub_arch_keep(uint32_t keep[2][2])
{
	(void)keep;
	return 0;
}

/* Whether the stub runs under qemu-user: always, umol4 runs on x86-64 hosts. */
static inline int stub_arch_emulated(void)
{
	return 1;
}

/* No instruction-pointer filter: under qemu-user every host system call is made by qemu, and a
 * guest cannot install host seccomp filters. The supervisor confines the process instead
 * (docs/security.md). */
#define STUB_AUDIT_ARCH 0u
#define STUB_NR_seccomp 0
static inline unsigned stub_arch_syscall_ips(uint32_t r[2][2])
{
	(void)r;
	return 0;
}

#endif
