/* The part of stub_arch.h that is the same for every ISA umol4 only ever runs under qemu-user
 * (arm, mips, riscv): arch/<isa>/stub/stub_arch.h includes it. */
#ifndef UMOL4_STUB_QEMU_H
#define UMOL4_STUB_QEMU_H

#include "os/linux/mbox.h"
#include <stdint.h>

/* stub_is_myself and stub_answer_myself for the magic-address entry (arch/magic.h): a jump to the
 * id_nearest address 0xfffffff0 with the destination's low word (slot S5) 0, nil, is answered
 * with type 0 in S0, the caller's id in S5/S6, and the return to the link register; the same
 * call through the call entry (stub_call_is_myself) already has its ip at the return. The
 * arguments are the registers' trapregs.h indices. */
#define STUB_MAGIC_MYSELF(PC, LINK, S0, S5, S6)                                                    \
	static inline int stub_is_myself(const struct mbox *m)                                     \
	{                                                                                          \
		return m->event == MBOX_EV_SEGV && m->fault_addr == 0xfffffff0u &&                 \
		       m->regs[PC] == 0xfffffff0u && m->regs[S5] == 0;                             \
	}                                                                                          \
	static inline int stub_call_is_myself(const struct mbox *m)                                \
	{                                                                                          \
		return m->trapno == STUB_SYS_ID_NEAREST && m->regs[S5] == 0;                       \
	}                                                                                          \
	static inline void stub_answer_myself(struct mbox *m, int trapped)                         \
	{                                                                                          \
		m->regs[S0] = 0;                                                                   \
		m->regs[S5] = m->cur_lo;                                                           \
		m->regs[S6] = m->cur_hi;                                                           \
		if (trapped)                                                                       \
			m->regs[PC] = m->regs[LINK];                                               \
	}

/* The call entry's jump back needs one register (entry.S): the binding declares it clobbered, the
 * slot records it as holding the return address, and entry.S loads the answer itself only while
 * that still holds, i.e. the kernel kept the caller's registers apart from the results. Else
 * the answer goes through a signal frame, which restores every register exactly. */
#define STUB_CALL_JUMP_REG(PC, JUMP)                                                               \
	static inline int stub_call_resumable(const struct mbox *m)                                \
	{                                                                                          \
		return m->regs[JUMP] == m->regs[PC];                                               \
	}

/* A single step is the debugger's business on these ISAs (breakpoints, no trap flag). */
static inline int stub_clear_step(void *uc)
{
	(void)uc;
	return 0;
}
/* The slow path's signal (os/linux/stub/stub.c): the compiler's trap instruction, which qemu
 * turns into a guest signal without a host system call. */
static inline void stub_raise_resume(void)
{
	__builtin_trap();
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
