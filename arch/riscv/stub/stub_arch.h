/* RISC-V RV32 part of the task stub: Linux ABI constants and signal-frame layout. Values are the
 * asm-generic UAPI ones that RISC-V uses (<asm-generic/signal.h>, <asm-generic/unistd.h>,
 * <asm/sigcontext.h>); written out so the stub builds with the bare-metal cross compiler. rv32 is
 * a time64-only ABI: futex and clock_gettime exist only as their _time64 forms, and like every
 * asm-generic ABI it has openat but no open, and no sa_restorer. */
#ifndef UMOL4_RISCV_STUB_ARCH_H
#define UMOL4_RISCV_STUB_ARCH_H

#include "arch/riscv/trapregs.h"
#include "os/linux/mbox.h"
#include "os/linux/stub/stub.h"
#include "os/linux/stub/stub_qemu.h"
#include <stdint.h>

#define STUB_USER_END 0xC0000000u /* docs/abi/riscv.md */

#define STUB_SIGILL  4
#define STUB_SIGTRAP 5
#define STUB_SIGBUS  7
#define STUB_SIGFPE  8
#define STUB_SIGSEGV 11
#define STUB_SIGUSR2 12
#define STUB_SIGSYS  31
#define STUB_SIGALRM 14

#define STUB_SA_SIGINFO	  0x00000004u
#define STUB_SA_ONSTACK	  0x08000000u
#define STUB_SA_RESTORER  0u /* none on RISC-V */
#define STUB_SIG_SETMASK  2
#define STUB_SIGSET_BYTES 8 /* _NSIG 64 */
#define STUB_SI_CODE_OFF  8 /* si_signo, si_errno, si_code */
#define STUB_SI_ADDR_OFF  12

#define STUB_NR_read		63
#define STUB_NR_openat		56
#define STUB_NR_close		57
#define STUB_NR_getpid		172
#define STUB_NR_sched_yield	124
#define STUB_NR_clock_gettime64 403
#define STUB_NR_kill		129
#define STUB_NR_munmap		215
#define STUB_NR_mprotect	226
#define STUB_NR_prctl		167
#define STUB_NR_rt_sigreturn	139
#define STUB_NR_rt_sigaction	134
#define STUB_NR_rt_sigprocmask	135
#define STUB_NR_rt_sigsuspend	133
#define STUB_NR_sigaltstack	132
#define STUB_NR_mmap2		222 /* offset in 4096-byte units on rv32 */
#define STUB_NR_futex		422 /* futex_time64 */
#define STUB_NR_exit_group	94

struct stub_sigaction { /* struct sigaction as rt_sigaction reads it: no sa_restorer */
	void *handler;
	uint32_t flags;
	uint32_t mask[2];
};

struct stub_stack { /* stack_t */
	void *sp;
	int32_t flags;
	uint32_t size;
};

/* ucontext: uc_flags, uc_link, uc_stack, uc_sigmask and its padding to 128 bytes, then the
 * 16-byte aligned struct sigcontext: pc, x1..x31, the F/D state. mc[0] is pc, mc[n] is xn. */
struct stub_ucontext {
	uint32_t flags, link;
	struct stub_stack stack;
	uint32_t sigmask[2], unused[30];
	uint32_t pad[3];
	uint32_t mc[32];
	uint64_t fpr[32];
	uint32_t fcsr;
};
_Static_assert(__builtin_offsetof(struct stub_ucontext, mc) == 160, "riscv ucontext layout");
_Static_assert(__builtin_offsetof(struct stub_ucontext, fpr) == 288, "riscv sigcontext layout");
_Static_assert(RV_PC == 32 && RV_NREGS == 33, "riscv trapregs order");

static inline void stub_fill_sigaction(struct stub_sigaction *sa, void *handler, uint32_t flags)
{
	sa->handler = handler; /* stub_sigentry: returns by rt_sigreturn itself */
	sa->flags = flags;
	sa->mask[0] = sa->mask[1] = ~0u;
}

static inline void stub_save_regs(struct mbox *m, void *ucp)
{
	const struct stub_ucontext *uc = ucp;
	m->regs[RV_ZERO] = 0;
	for (int i = 1; i < 32; i++)
		m->regs[i] = uc->mc[i];
	m->regs[RV_PC] = uc->mc[0];
	m->nregs = RV_NREGS;
	m->trapno = 0;
	m->err = 0;
}

STUB_MAGIC_MYSELF(RV_PC, RV_RA, RV_A0, RV_A5, RV_A6)
STUB_CALL_JUMP_REG(RV_PC, RV_T6)
#define STUB_NREGS RV_NREGS

static inline uint32_t stub_frame_ip(void *ucp)
{
	return ((struct stub_ucontext *)ucp)->mc[0];
}

/* The F/D registers and fcsr (qemu's default CPU has them, though ilp32 code never uses them). */
static inline void *stub_fp_area(void *ucp, uint32_t *size)
{
	struct stub_ucontext *uc = ucp;
	*size = (uint32_t)((uint8_t *)(&uc->fcsr + 1) - (uint8_t *)uc->fpr);
	return uc->fpr;
}

static inline void stub_load_regs(const struct mbox *m, void *ucp)
{
	struct stub_ucontext *uc = ucp;
	for (int i = 1; i < 32; i++)
		uc->mc[i] = m->regs[i];
	uc->mc[0] = m->regs[RV_PC];
}

#endif
