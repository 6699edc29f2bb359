/* ARM (EABI, ARM state) part of the task stub: Linux ABI constants and signal-frame layout.
 * Values are the ARM UAPI ones (<asm/signal.h>, <asm/unistd-eabi.h>, <asm/sigcontext.h>); they
 * are written out so the stub builds without the cross linux-libc-dev, and checked against those
 * headers by stub.c when they are installed. */
#ifndef UMOL4_ARM_STUB_ARCH_H
#define UMOL4_ARM_STUB_ARCH_H

#include "arch/arm/trapregs.h"
#include "os/linux/mbox.h"
#include "os/linux/stub/stub.h"
#include "os/linux/stub/stub_qemu.h"
#include <stdint.h>

#define STUB_USER_END 0xC0000000u /* docs/abi/arm.md */

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
#define STUB_SA_RESTORER  0x04000000u
#define STUB_SIG_SETMASK  2
#define STUB_SIGSET_BYTES 8 /* _NSIG 64 */
#define STUB_SI_CODE_OFF  8 /* si_signo, si_errno, si_code */
#define STUB_SI_ADDR_OFF  12

#define STUB_NR_read	       3
#define STUB_NR_openat	       322
#define STUB_NR_close	       6
#define STUB_NR_getpid	       20
#define STUB_NR_sched_yield    158
#define STUB_NR_clock_gettime64 403
#define STUB_NR_kill	       37
#define STUB_NR_munmap	       91
#define STUB_NR_mprotect       125
#define STUB_NR_prctl	       172
#define STUB_NR_rt_sigreturn   173
#define STUB_NR_rt_sigaction   174
#define STUB_NR_rt_sigprocmask 175
#define STUB_NR_rt_sigsuspend  179
#define STUB_NR_sigaltstack    186
#define STUB_NR_mmap2	       192
#define STUB_NR_futex	       240
#define STUB_NR_exit_group     248

struct stub_sigaction { /* struct sigaction as rt_sigaction reads it on ARM */
	void *handler;
	uint32_t flags;
	void *restorer;
	uint32_t mask[2];
};

struct stub_stack { /* stack_t */
	void *sp;
	int32_t flags;
	uint32_t size;
};

/* ucontext: uc_flags, uc_link, uc_stack, then struct sigcontext: trap_no, error_code, oldmask,
 * r0..r10, fp, ip, sp, lr, pc, cpsr, fault_address. r0..cpsr is exactly the trapregs.h order. */
struct stub_ucontext {
	uint32_t flags, link;
	struct stub_stack stack;
	uint32_t trap_no, error_code, oldmask;
	uint32_t r[ARM_NREGS]; /* r0 .. cpsr */
	uint32_t fault_address;
	uint32_t sigmask[2], unused[30];
	uint32_t regspace[128]; /* blocks {magic, size, ...}: iWMMXt, VFP; ends with magic 0 */
};
_Static_assert(__builtin_offsetof(struct stub_ucontext, regspace) == 232, "ARM uc_regspace");
_Static_assert(__builtin_offsetof(struct stub_ucontext, r) == 32, "ARM ucontext layout");
_Static_assert(ARM_CPSR == 16 && ARM_NREGS == 17, "ARM trapregs order = sigcontext order");

#define STUB_ARM_CPSR_MODE 0x1fu  /* M[4:0] */
#define STUB_ARM_CPSR_AIF  0x1c0u /* A, I, F: not the user's to change */
#define STUB_ARM_CPSR_USR  0x10u

static inline void stub_fill_sigaction(struct stub_sigaction *sa, void *handler, uint32_t flags)
{
	sa->handler = handler; /* ARM-state code: bit 0 clear */
	sa->flags = flags | STUB_SA_RESTORER;
	sa->restorer = (void *)stub_restorer; /* qemu then uses it as lr, not its sigtramp page */
	sa->mask[0] = sa->mask[1] = ~0u;
}

static inline void stub_save_regs(struct mbox *m, void *ucp)
{
	const struct stub_ucontext *uc = ucp;
	for (int i = 0; i < ARM_NREGS; i++)
		m->regs[i] = uc->r[i];
	m->nregs = ARM_NREGS;
	m->trapno = 0; /* qemu always writes trap_no/error_code/fault_address as 0 */
	m->err = 0;
}

STUB_MAGIC_MYSELF(ARM_PC, ARM_LR, ARM_R0, ARM_R5, ARM_R6)
#define STUB_NREGS ARM_NREGS

/* entry.S restores r12 and pc together from memory: every answer for the caller fits. */
static inline int stub_call_resumable(const struct mbox *m)
{
	(void)m;
	return 1;
}

static inline uint32_t stub_frame_ip(void *ucp)
{
	return ((struct stub_ucontext *)ucp)->r[ARM_PC];
}

/* The VFP registers and FPSCR: the VFP block (magic 0x56465001) of uc_regspace. */
static inline void *stub_fp_area(void *ucp, uint32_t *size)
{
	uint32_t *b = ((struct stub_ucontext *)ucp)->regspace, *end = b + 128;
	while (b + 2 <= end && b[0] && b[1] >= 8 && !(b[1] & 3)) {
		if (b[0] == 0x56465001u) {
			*size = b[1];
			return b;
		}
		b += b[1] / 4;
	}
	return 0;
}

static inline void stub_load_regs(const struct mbox *m, void *ucp)
{
	struct stub_ucontext *uc = ucp;
	for (int i = 0; i < ARM_CPSR; i++)
		uc->r[i] = m->regs[i];
	/* Flags, GE, E and the Thumb/IT state come from the kernel; the mode stays user and A/I/F
	 * clear, whatever the kernel wrote (Linux would reject the frame, qemu ignores those bits).
	 */
	uc->r[ARM_CPSR] =
	    (m->regs[ARM_CPSR] & ~(STUB_ARM_CPSR_MODE | STUB_ARM_CPSR_AIF)) | STUB_ARM_CPSR_USR;
}

#endif
