/* The magic-address kernel entry shared by the ARM and MIPS ABIs (docs/abi/arm.md, mips.md):
 * a branch to 0xfffffff4 - 4*n invokes system call n. The page lies outside every guest's
 * mappable range and away from qemu-arm's commpage (0xffff0000), so the fetch always faults. */
#ifndef UMOL4_ARCH_MAGIC_H
#define UMOL4_ARCH_MAGIC_H

#include "arch/common.h"

#define MAGIC_SYSCALL_TOP 0xfffffff4u

/* The system call a fetch fault at pc means, or -1. */
static inline int magic_syscall_nr(word_t pc)
{
	if (pc > MAGIC_SYSCALL_TOP || (pc & 3) || MAGIC_SYSCALL_TOP - pc >= 4u * NSYSCALLS)
		return -1;
	return (int)((MAGIC_SYSCALL_TOP - pc) / 4);
}

/* A fetch fault at a magic address is system call n; it returns to the link register. */
static inline bool magic_decode_syscall(const struct hw_event *ev, word_t *pc, word_t link,
					struct trap *tr)
{
	int nr = ev->fault_addr == *pc ? magic_syscall_nr(*pc) : -1;
	if (nr < 0)
		return false;
	tr->kind = TRAP_SYSCALL;
	tr->nr = (enum syscall_nr)nr;
	*pc = link;
	return true;
}

/* kdebug immediates of bkpt/break: 0x100|function, 0x1ff = enter_kdebug(text in S0). */
static inline void magic_kdebug(unsigned imm, word_t s0, struct trap *tr)
{
	tr->kind = TRAP_KDEBUG;
	if (imm == 0x1ff) {
		tr->kd_op = KD_ENTER;
		tr->kd_text = s0;
	} else if (imm & 0x100) {
		tr->kd_op = imm & 0xff;
	} else {
		tr->kd_op = KD_BREAKPOINT;
	}
}

/* The arm/mips exception table: one handler address per vector, in the task's byte order. */
static inline word_t magic_gate_le(const uint8_t *g) { return word_bytes(g, false); }
static inline word_t magic_gate_be(const uint8_t *g) { return word_bytes(g, true); }

#endif
