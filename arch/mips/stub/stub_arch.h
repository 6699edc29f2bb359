/* MIPS o32 part of the task stub (big- and little-endian): Linux ABI constants and signal-frame
 * layout. Values are the MIPS UAPI ones (<asm/signal.h>, <asm/unistd_o32.h>, <asm/sigcontext.h>);
 * they are written out so the stub builds without the cross linux-libc-dev, and checked against
 * those headers by stub.c when they are installed. Note the MIPS differences: signal numbers,
 * SA_SIGINFO, SIG_SETMASK, 128-bit sigset, struct sigaction order, stack_t order, swapped
 * si_code/si_errno, no sa_restorer. */
#ifndef UMOL4_MIPS_STUB_ARCH_H
#define UMOL4_MIPS_STUB_ARCH_H

#include "arch/mips/trapregs.h"
#include "os/linux/mbox.h"
#include "os/linux/stub/stub.h"
#include "os/linux/stub/stub_qemu.h"
#include <stdint.h>

#define STUB_USER_END 0x70000000u /* docs/abi/mips.md */

#define STUB_SIGILL  4
#define STUB_SIGTRAP 5
#define STUB_SIGFPE  8
#define STUB_SIGBUS  10
#define STUB_SIGSEGV 11
#define STUB_SIGALRM 14
#define STUB_SIGUSR2 17
#define STUB_SIGSYS  12

#define STUB_SA_SIGINFO	  0x00000008u
#define STUB_SA_ONSTACK	  0x08000000u
#define STUB_SA_RESTORER  0u /* none on MIPS */
#define STUB_SIG_SETMASK  3
#define STUB_SIGSET_BYTES 16 /* _NSIG 128 */
#define STUB_SI_CODE_OFF  4  /* si_signo, si_code, si_errno */
#define STUB_SI_ADDR_OFF  12

#define STUB_NR_BASE	       4000
#define STUB_NR_read	       (STUB_NR_BASE + 3)
#define STUB_NR_openat	       (STUB_NR_BASE + 288)
#define STUB_NR_close	       (STUB_NR_BASE + 6)
#define STUB_NR_getpid	       (STUB_NR_BASE + 20)
#define STUB_NR_sched_yield    (STUB_NR_BASE + 162)
#define STUB_NR_clock_gettime64 (STUB_NR_BASE + 403)
#define STUB_NR_kill	       (STUB_NR_BASE + 37)
#define STUB_NR_munmap	       (STUB_NR_BASE + 91)
#define STUB_NR_mprotect       (STUB_NR_BASE + 125)
#define STUB_NR_prctl	       (STUB_NR_BASE + 192)
#define STUB_NR_rt_sigreturn   (STUB_NR_BASE + 193)
#define STUB_NR_rt_sigaction   (STUB_NR_BASE + 194)
#define STUB_NR_rt_sigprocmask (STUB_NR_BASE + 195)
#define STUB_NR_rt_sigsuspend  (STUB_NR_BASE + 199)
#define STUB_NR_sigaltstack    (STUB_NR_BASE + 206)
#define STUB_NR_mmap2	       (STUB_NR_BASE + 210)
#define STUB_NR_futex	       (STUB_NR_BASE + 238)
#define STUB_NR_exit_group     (STUB_NR_BASE + 246)

struct stub_sigaction { /* struct sigaction as rt_sigaction reads it on o32 */
	uint32_t flags;
	void *handler;
	uint32_t mask[4];
};

struct stub_stack { /* stack_t: size before flags on MIPS */
	void *sp;
	uint32_t size;
	int32_t flags;
};

/* ucontext: uc_flags, uc_link, uc_stack, then the o32 struct sigcontext (8-byte aligned, so it
 * starts at 24). Registers are 64-bit slots; the value is the slot's numeric low word, which a
 * plain uint64_t access gets right for both byte orders. */
struct stub_sigcontext {
	uint32_t regmask, status;
	uint64_t pc;
	uint64_t regs[32];
	uint64_t fpregs[32];
	uint32_t acx, fpc_csr, fpc_eir, used_math, dsp;
	uint64_t mdhi, mdlo; /* preceded by 4 bytes of padding */
};
struct stub_ucontext {
	uint32_t flags, link;
	struct stub_stack stack;
	struct stub_sigcontext mc;
};
_Static_assert(__builtin_offsetof(struct stub_ucontext, mc) == 24, "o32 ucontext layout");
_Static_assert(__builtin_offsetof(struct stub_sigcontext, regs) == 16, "o32 sigcontext layout");
_Static_assert(__builtin_offsetof(struct stub_sigcontext, mdhi) == 552, "o32 sigcontext layout");
_Static_assert(MIPS_PC == 32 && MIPS_HI == 33 && MIPS_LO == 34, "trapregs order");

static inline void stub_fill_sigaction(struct stub_sigaction *sa, void *handler, uint32_t flags)
{
	sa->flags = flags;
	sa->handler = handler; /* stub_sigentry: returns by rt_sigreturn itself */
	sa->mask[0] = sa->mask[1] = sa->mask[2] = sa->mask[3] = ~0u;
}

static inline void stub_save_regs(struct mbox *m, void *ucp)
{
	const struct stub_sigcontext *sc = &((struct stub_ucontext *)ucp)->mc;
	for (int i = 0; i < 32; i++)
		m->regs[i] = (uint32_t)sc->regs[i];
	m->regs[MIPS_PC] =
	    (uint32_t)sc->pc; /* the branch itself if the fault was in a delay slot */
	m->regs[MIPS_HI] = (uint32_t)sc->mdhi;
	m->regs[MIPS_LO] = (uint32_t)sc->mdlo;
	m->nregs = MIPS_NREGS;
	m->trapno = 0;
	m->err = 0;
}

/* The floating-point registers and the FPU control/status word (fpregs, ownedfp, fpc_csr lie
 * together in the o32 sigcontext). */
static inline void *stub_fp_area(void *ucp, uint32_t *size)
{
	struct stub_sigcontext *sc = &((struct stub_ucontext *)ucp)->mc;
	*size = (uint32_t)((uint8_t *)(&sc->fpc_csr + 1) - (uint8_t *)sc->fpregs);
	return sc->fpregs;
}

/* 32-bit values live sign-extended in the 64-bit slots, as a MIPS64 kernel would write them. */
#define STUB_SEXT(v) ((uint64_t)(int64_t)(int32_t)(v))

STUB_MAGIC_MYSELF(MIPS_PC, MIPS_RA, MIPS_A0, MIPS_T1, MIPS_T2)
STUB_CALL_JUMP_REG(MIPS_PC, MIPS_T9)
#define STUB_NREGS MIPS_NREGS

static inline uint32_t stub_frame_ip(void *ucp)
{
	return (uint32_t)((struct stub_ucontext *)ucp)->mc.pc;
}

static inline void stub_load_regs(const struct mbox *m, void *ucp)
{
	struct stub_sigcontext *sc = &((struct stub_ucontext *)ucp)->mc;
	for (int i = 1; i < 32; i++) /* $zero stays zero */
		sc->regs[i] = STUB_SEXT(m->regs[i]);
	sc->pc = STUB_SEXT(m->regs[MIPS_PC]);
	sc->mdhi = STUB_SEXT(m->regs[MIPS_HI]);
	sc->mdlo = STUB_SEXT(m->regs[MIPS_LO]);
}

#endif
