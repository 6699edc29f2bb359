/* ia32 part of the task stub: Linux i386 ABI constants and signal-frame layout.
 * Values are the i386 UAPI ones (<asm/signal.h>, <asm/unistd_32.h>, <asm/sigcontext.h>); they are
 * written out so the stub builds without the cross linux-libc-dev, and checked against those
 * headers by stub.c when they are installed. */
#ifndef UMOL4_X86_STUB_ARCH_H
#define UMOL4_X86_STUB_ARCH_H

#include "arch/x86/trapregs.h"
#include "os/linux/mbox.h"
#include "os/linux/stub/stub.h"
#include <stdint.h>

#define STUB_USER_END 0xC0000000u /* docs/abi/x86.md */

#define STUB_SIGILL  4
#define STUB_SIGTRAP 5
#define STUB_SIGBUS  7
#define STUB_SIGFPE  8
#define STUB_SIGSEGV 11
#define STUB_SIGUSR2 12
#define STUB_SIGALRM 14
#define STUB_SIGSYS  31

#define STUB_SA_SIGINFO	  0x00000004u
#define STUB_SA_ONSTACK	  0x08000000u
#define STUB_SA_RESTORER  0x04000000u
#define STUB_SIG_SETMASK  2
#define STUB_SIGSET_BYTES 8 /* _NSIG 64 */
#define STUB_SI_CODE_OFF  8 /* si_signo, si_errno, si_code */
#define STUB_SI_ADDR_OFF  12

#define STUB_NR_read	       3
#define STUB_NR_openat	       295
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
#define STUB_NR_exit_group     252

struct stub_sigaction { /* struct sigaction as rt_sigaction reads it on i386 */
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

/* The rt signal frame's ucontext: uc_flags, uc_link, uc_stack, then struct sigcontext (32-bit). */
struct stub_sigcontext {
	uint32_t gs, fs, es, ds;
	uint32_t edi, esi, ebp, esp, ebx, edx, ecx, eax;
	uint32_t trapno, err, eip, cs, eflags, esp_at_signal, ss;
	uint32_t fpstate, oldmask, cr2;
};
struct stub_ucontext {
	uint32_t flags, link;
	struct stub_stack stack;
	struct stub_sigcontext mc;
};
_Static_assert(__builtin_offsetof(struct stub_ucontext, mc) == 20, "i386 ucontext layout");
_Static_assert(__builtin_offsetof(struct stub_sigcontext, cr2) == 84, "i386 sigcontext layout");

/* Pages inside the L4 user range that the host needs and the stub must neither unmap nor let an op
 * replace. Natively there are none. qemu-i386 (the --emulate variant) keeps the guest GDT and IDT
 * it emulates in ordinary guest pages (7.2: 0x3fffd000 and 0x3fffe000, just below its guest
 * stack) and reads them on every `int` (the IDT gate's DPL decides #GP vs. syscall) and on every
 * signal delivery (segment loads): without them the first int $0x80 after the unmap kills qemu.
 * sgdt/sidt report them under qemu; natively they would hit UMIP (emulated with a kernel log line,
 * or SIGSEGV), so they are only executed when the exec stack lies below 3 GiB, which is the case
 * under qemu-i386 (guest stack at 0x40000000) and never for a native i386 process (stack near
 * 4 GiB). Returns the number of [start, end) page ranges written to keep[], sorted, disjoint. */
extern uint32_t stub_initial_sp; /* entry.S: %esp at _start; only its value is looked at */

struct stub_dtr {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

static inline unsigned stub_arch_keep(uint32_t keep[2][2])
{
	struct stub_dtr g, i;
	if (stub_initial_sp >= STUB_USER_END)
		return 0;
	__asm__ volatile("sgdt %0" : "=m"(g));
	__asm__ volatile("sidt %0" : "=m"(i));
	uint32_t a0 = g.base & ~0xfffu, a1 = (g.base + g.limit + 0x1000u) & ~0xfffu;
	uint32_t b0 = i.base & ~0xfffu, b1 = (i.base + i.limit + 0x1000u) & ~0xfffu;
	if (a0 > b0) {
		uint32_t t0 = a0, t1 = a1;
		a0 = b0, a1 = b1, b0 = t0, b1 = t1;
	}
	unsigned n = 0;
	if (a0 < STUB_USER_END && a1 > a0) {
		keep[n][0] = a0, keep[n][1] = a1;
		n++;
	}
	if (b0 < STUB_USER_END && b1 > b0) {
		if (n && b0 <= keep[n - 1][1]) { /* adjacent or overlapping: merge */
			if (b1 > keep[n - 1][1])
				keep[n - 1][1] = b1;
		} else {
			keep[n][0] = b0, keep[n][1] = b1;
			n++;
		}
	}
	for (unsigned k = 0; k < n; k++)
		if (keep[k][1] > STUB_USER_END)
			keep[k][1] = STUB_USER_END;
	return n;
}

/* Whether the stub runs under qemu-i386: by the same sign as above, its exec stack. */
static inline int stub_arch_emulated(void)
{
	return stub_initial_sp < STUB_USER_END;
}

/* Natively, host system calls are allowed only from these instruction ranges: the stub's code
 * and the vDSO page(s) with __kernel_vsyscall (entry.S calls through it). Any other is L4 code
 * (docs/security.md). Under qemu-i386 the instruction pointer is qemu's: no ranges. */
#define STUB_AUDIT_ARCH 0x40000003u /* AUDIT_ARCH_I386 */
#define STUB_NR_seccomp 354
extern char stub_text_start[], stub_text_end[];
extern uint32_t stub_vsyscall;
static inline unsigned stub_arch_syscall_ips(uint32_t r[2][2])
{
	if (stub_arch_emulated())
		return 0;
	r[0][0] = (uint32_t)(uintptr_t)stub_text_start;
	r[0][1] = (uint32_t)(uintptr_t)stub_text_end;
	if (stub_vsyscall >= r[0][0] && stub_vsyscall < r[0][1])
		return 1;
	r[1][0] = stub_vsyscall & ~0xfffu;
	r[1][1] = r[1][0] + 0x2000u;
	return 2;
}

static inline void stub_fill_sigaction(struct stub_sigaction *sa, void *handler, uint32_t flags)
{
	sa->handler = handler;
	sa->flags = flags | STUB_SA_RESTORER;
	sa->restorer =
	    (void *)stub_restorer; /* rt_sigreturn inside the stub: nothing below 3 GiB */
	sa->mask[0] = sa->mask[1] = ~0u;
}

/* qemu-i386 7.2 writes cs->exception_index into sigcontext.trapno, which is already reset to -1
 * when the frame is built (later qemu uses cs->trapnr). err is right. Reconstruct trapno from what
 * the signal says, so the kernel sees the same record natively and emulated: SIGSEGV with
 * si_code SI_KERNEL is #GP (int $0x3n, privileged instruction), other SIGSEGVs are #PF. */
#define STUB_SI_KERNEL 0x80u
static inline uint32_t stub_qemu_trapno(const struct mbox *m)
{
	switch (m->event) {
	case MBOX_EV_SEGV:
		return m->sig_code == STUB_SI_KERNEL ? 13 : 14;
	case MBOX_EV_TRAP:
		return 3; /* int3 */
	case MBOX_EV_ILL:
		return 6; /* #UD */
	case MBOX_EV_FPE:
		return 0; /* #DE */
	default:
		return ~0u;
	}
}

/* Called after event and sig_code are stored. */
static inline void stub_save_regs(struct mbox *m, void *ucp)
{
	const struct stub_sigcontext *sc = &((struct stub_ucontext *)ucp)->mc;
	m->regs[X86_EAX] = sc->eax;
	m->regs[X86_ECX] = sc->ecx;
	m->regs[X86_EDX] = sc->edx;
	m->regs[X86_EBX] = sc->ebx;
	m->regs[X86_ESP] = sc->esp;
	m->regs[X86_EBP] = sc->ebp;
	m->regs[X86_ESI] = sc->esi;
	m->regs[X86_EDI] = sc->edi;
	m->regs[X86_EIP] = sc->eip;
	m->regs[X86_EFLAGS] = sc->eflags;
	m->nregs = X86_NREGS;
	/* #GP from `int $0x3n` has trapno 13, err (0x3n << 3) | 2; #PF has trapno 14 and the
	 * write bit in err (cr2 equals si_addr, so it is not copied separately). */
	m->trapno = sc->trapno;
	m->err = sc->err;
	if (sc->trapno == ~0u)
		m->trapno = stub_qemu_trapno(m);
}

/* int $0x31 (id_nearest) with ESI = 0 (nil) */
static inline int stub_is_myself(const struct mbox *m)
{
	return m->event == MBOX_EV_SEGV && m->trapno == 13 && m->err == ((0x31u << 3) | 2) &&
	       m->regs[X86_ESI] == 0;
}

static inline int stub_call_is_myself(const struct mbox *m)
{
	return m->trapno == STUB_SYS_ID_NEAREST && m->regs[X86_ESI] == 0;
}

static inline void stub_answer_myself(struct mbox *m, int trapped)
{
	m->regs[X86_EAX] = 0;
	m->regs[X86_ESI] = m->cur_lo;
	m->regs[X86_EDI] = m->cur_hi;
	if (trapped)
		m->regs[X86_EIP] += 2;
}

#define STUB_NREGS X86_NREGS

/* The slow path's signal (os/linux/stub/stub.c): hlt is #GP in user mode, SIGSEGV, the same
 * cheap way in as an int $0x3n (ud2's #UD costs Linux several times as much). */
static inline void stub_raise_resume(void)
{
	__asm__ __volatile__("hlt");
}
#define STUB_EFLAGS_TF	 0x100u

/* entry.S loads every register and eflags itself (popfl, then a jump through the mailbox); only
 * a trap flag must come from a frame, or the step would end inside entry.S. */
static inline int stub_call_resumable(const struct mbox *m)
{
	return !(m->regs[X86_EFLAGS] & STUB_EFLAGS_TF);
}

static inline uint32_t stub_frame_ip(void *ucp)
{
	return ((struct stub_ucontext *)ucp)->mc.eip;
}

/* A debugger's single step (trap flag) that trapped inside the call entry: clear it there, so
 * the entry runs through; the kernel ends the step at the return address instead. */
static inline int stub_clear_step(void *ucp)
{
	struct stub_sigcontext *sc = &((struct stub_ucontext *)ucp)->mc;
	if (!(sc->eflags & STUB_EFLAGS_TF))
		return 0;
	sc->eflags &= ~STUB_EFLAGS_TF;
	return 1;
}

_Static_assert(X86_EAX == 0 && X86_ECX == 1 && X86_EDX == 2 && X86_EBX == 3 && X86_ESP == 4 &&
		   X86_EBP == 5 && X86_ESI == 6 && X86_EDI == 7 && X86_EIP == 8 && X86_EFLAGS == 9,
	       "entry.S stores the registers at these indices");

/* The FPU/SSE/AVX state in the frame: fpstate points to the legacy FSAVE header (112 bytes); its
 * magic 0xffff means nothing follows, else the FXSAVE image follows, and when the software bytes
 * at FXSAVE + 464 carry FP_XSTATE_MAGIC1 the XSAVE header and image with their end given as
 * extended_size from fpstate (native Linux and qemu-i386 alike). Components whose XSTATE_BV bit
 * is clear are restored to their initial state whatever the image holds, so when only x87 and
 * SSE are in use (bits 0, 1: 32-bit L4 code never touches AVX) the part up to the XSAVE header
 * is all that matters. */
static inline void *stub_fp_area(void *ucp, uint32_t *size)
{
	uint8_t *fp = (uint8_t *)(uintptr_t)((struct stub_ucontext *)ucp)->mc.fpstate;
	if (!fp)
		return 0;
	uint16_t magic = *(uint16_t *)(fp + 110);
	const uint32_t *sw = (const uint32_t *)(fp + 112 + 464), *bv = (const uint32_t *)(fp + 624);
	if (magic == 0xffff)
		*size = 112;
	else if (sw[0] != 0x46505853u)
		*size = 112 + 512;
	else
		*size = (bv[0] & ~3u) || bv[1] ? sw[1] : 112 + 512 + 64;
	return fp;
}

static inline void stub_load_regs(const struct mbox *m, void *ucp)
{
	struct stub_sigcontext *sc = &((struct stub_ucontext *)ucp)->mc;
	sc->eax = m->regs[X86_EAX];
	sc->ecx = m->regs[X86_ECX];
	sc->edx = m->regs[X86_EDX];
	sc->ebx = m->regs[X86_EBX];
	sc->esp = m->regs[X86_ESP];
	sc->ebp = m->regs[X86_EBP];
	sc->esi = m->regs[X86_ESI];
	sc->edi = m->regs[X86_EDI];
	sc->eip = m->regs[X86_EIP];
	/* rt_sigreturn keeps only the user-changeable flags (Linux FIX_EFLAGS, qemu 0x40DD5);
	 * segment registers and the FPU state stay as they are in the frame. */
	sc->eflags = m->regs[X86_EFLAGS];
}

#endif
