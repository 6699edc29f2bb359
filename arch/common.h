/* Decoding shared by every ISA backend: the host events whose meaning does not depend on the
 * ISA (arithmetic and bus errors, illegal instructions, preemption). */
#ifndef UMOL4_ARCH_COMMON_H
#define UMOL4_ARCH_COMMON_H

#include "core/arch.h"

/* Integer division by zero reads the same on every ISA (vector 0, ia32's #DE). */
#define ARCH_DIV0_TEXT "integer division by zero"

/* get_ip, set_ip, get_sp, set_sp of a backend whose context keeps ip and sp in slots IP and SP. */
#define ARCH_IP_SP_ACCESSORS(IP, SP)                                                               \
	static word_t get_ip(const word_t *r)                                                      \
	{                                                                                          \
		return r[IP];                                                                      \
	}                                                                                          \
	static void set_ip(word_t *r, word_t v)                                                    \
	{                                                                                          \
		r[IP] = v;                                                                         \
	}                                                                                          \
	static word_t get_sp(const word_t *r)                                                      \
	{                                                                                          \
		return r[SP];                                                                      \
	}                                                                                          \
	static void set_sp(word_t *r, word_t v)                                                    \
	{                                                                                          \
		r[SP] = v;                                                                         \
	}

/* The struct arch operations every backend defines under these names. */
#define ARCH_OPS                                                                                   \
	.init_regs = init_regs, .set_entry_args = set_entry_args, .get_ip = get_ip,                \
	.set_ip = set_ip, .get_sp = get_sp, .set_sp = set_sp, .get_flags = get_flags,              \
	.get_slot = get_slot, .set_slot = set_slot, .exc_enter = exc_enter

static inline void arch_exception(struct trap *tr, unsigned vector, const char *what)
{
	tr->kind = TRAP_EXCEPTION;
	tr->vector = vector;
	tr->what = what;
}

/* Vectors are ia32's on every ISA (docs/abi "Exceptions"). false: not one of these events. */
static inline bool arch_decode_common(const struct hw_event *ev, struct trap *tr)
{
	switch (ev->kind) {
	case HWEV_ILL:
		arch_exception(tr, 6, "illegal instruction");
		return true;
	case HWEV_FPE:
		/* the host's si_code: an integer divide (ia32 #DE) or another arithmetic fault */
		arch_exception(
		    tr, 0, ev->sig_code == HWCODE_INTDIV ? ARCH_DIV0_TEXT : "arithmetic exception");
		return true;
	case HWEV_BUS:
		arch_exception(tr, 17, "bus error");
		tr->has_err = true;
		return true;
	case HWEV_PREEMPT:
		tr->kind = TRAP_PREEMPT;
		return true;
	default:
		return false;
	}
}

#endif
