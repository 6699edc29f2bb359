/* The task stub: the only host code in an L4 task's process (docs/abi/<arch>.md, "stub area").
 *
 * One freestanding static executable per ISA, exec'd by the kernel natively (x86) or as
 * `qemu-<isa> stub`, with fd 3 = this task's mailbox memfd and fd 4 = the physical-memory memfd
 * (os/linux/mbox.h). It maps the mailbox over a reserved part of its own .bss, installs one signal
 * handler, unmaps the whole L4 user range and from then on lives only inside that handler:
 * every entry (fault, L4 system call, breakpoint, preemption) stores the L4 registers into the
 * mailbox, hands control to the kernel through the futex word mbox.ctl, applies the mapping
 * operations the kernel queued and returns into whatever context the kernel wrote back.
 *
 * If setup fails the process exits with one of the STUB_EXIT_* codes of os/linux/mbox.h (qemu
 * passes the status through), so the kernel can name the failing step.
 */
#include "stub_arch.h"

/* Linux ABI values that are the same on every umol4 ISA (checked below where possible). */
#define STUB_PROT_RW	 3
#define STUB_MAP_SHARED	 0x01
#define STUB_MAP_FIXED	 0x10
#define STUB_PR_SET_NAME 15
#define STUB_FUTEX_WAIT                                                                            \
	0 /* NOT the _PRIVATE variants: the word is shared with the kernel process */
#define STUB_FUTEX_WAKE 1
#define STUB_EINVAL	22
#define STUB_AT_FDCWD	(-100) /* openat: every ABI has it, the asm-generic ones no open */
#define STUB_PAGE	4096u

/* The mailbox. It lives inside the stub image, page aligned, so mapping fd 3 over it with
 * MAP_FIXED can never hit something qemu allocated for itself in the guest address space. The
 * call entries (entry.S) store the caller's registers straight into it. */
union stub_mbox stub_mbox __attribute__((aligned(STUB_PAGE), section(".bss.mbox")));
_Static_assert(MBOX_SIZE % STUB_PAGE == 0, "mailbox must be whole pages");

/* The signal stack: the handler never runs on L4 memory, whatever the L4 sp is. */
#define STUB_ALTSTACK_SIZE 0x10000u
static char altstack[STUB_ALTSTACK_SIZE] __attribute__((aligned(16)));

/* Host-owned pages inside the L4 user range (stub_arch_keep; only qemu-i386 has any). They stay
 * mapped, and no op may touch them. */
static uint32_t keep[2][2];
static unsigned nkeep;

/* The kernel's view of prot is L4 rights; the host bits happen to be the same numbers. */
_Static_assert(MBOX_PROT_R == 1 && MBOX_PROT_W == 2 && MBOX_PROT_X == 4,
	       "MBOX_PROT_* must equal PROT_READ/PROT_WRITE/PROT_EXEC");

#define SYS0(n)		    stub_syscall((n), 0, 0, 0, 0, 0, 0)
#define SYS1(n, a)	    stub_syscall((n), (long)(a), 0, 0, 0, 0, 0)
#define SYS2(n, a, b)	    stub_syscall((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define SYS3(n, a, b, c)    stub_syscall((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define SYS4(n, a, b, c, d) stub_syscall((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define SYS6(n, a, b, c, d, e, f)                                                                  \
	stub_syscall((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

static __attribute__((noreturn)) void stub_exit(int status)
{
	for (;;)
		SYS1(STUB_NR_exit_group, status);
}

static uint32_t event_of(int sig)
{
	switch (sig) {
	case STUB_SIGSEGV:
		return MBOX_EV_SEGV;
	case STUB_SIGILL:
		return MBOX_EV_ILL;
	case STUB_SIGTRAP:
		return MBOX_EV_TRAP;
	case STUB_SIGFPE:
		return MBOX_EV_FPE;
	case STUB_SIGBUS:
		return MBOX_EV_BUS;
	case STUB_SIGALRM:
		return MBOX_EV_PREEMPT;
	case STUB_SIGSYS:
		return MBOX_EV_HOSTSYS;
	default:
		return MBOX_EV_START; /* STUB_SIGUSR2: the only other signal we catch */
	}
}

static int hits_keep(uint32_t lo, uint32_t hi)
{
	for (unsigned k = 0; k < nkeep; k++)
		if (lo < keep[k][1] && hi > keep[k][0])
			return 1;
	return 0;
}

/* munmap of [lo, hi) except the host-owned pages: unmapping "everything" must not take them. */
static long unmap_around(uint32_t lo, uint32_t hi)
{
	for (unsigned k = 0; k < nkeep; k++) {
		if (lo < keep[k][1] && hi > keep[k][0]) {
			long r = keep[k][0] > lo ? unmap_around(lo, keep[k][0]) : 0;
			long r2 = hi > keep[k][1] ? unmap_around(keep[k][1], hi) : 0;
			return r < 0 ? r : r2;
		}
	}
	return SYS2(STUB_NR_munmap, lo, hi - lo);
}

/* /proc/self/maps, read whole before anything is unmapped. */
static char maps[8192];

/* A hex number at *p; saturates at 0xffffffff (a 64-bit address is beyond every L4 range). */
static uint32_t parse_hex(const char **p)
{
	uint32_t v = 0;
	for (;; (*p)++) {
		char c = **p;
		uint32_t d = c >= '0' && c <= '9'   ? (uint32_t)(c - '0')
			     : c >= 'a' && c <= 'f' ? (uint32_t)(c - 'a' + 10)
						    : 16u;
		if (d == 16u)
			return v;
		v = v > 0x0fffffffu ? 0xffffffffu : v * 16u + d;
	}
}

/* Empties the L4 user range. Natively with one munmap; under qemu-user only what the guest has
 * mapped there, as /proc/self/maps lists it (the whole range if the list cannot be had), because
 * qemu-user 7.2 allocates its page descriptor for every page of a range the guest unmaps: 19 MB
 * of heap per task process for the whole 3 GiB range, of which hardly anything is mapped. */
static long unmap_user_range(void)
{
	if (!stub_arch_emulated())
		return unmap_around(0, STUB_USER_END); /* cheaper than reading the list */
	long fd = SYS3(STUB_NR_openat, STUB_AT_FDCWD, "/proc/self/maps", 0), len = 0, r = -1;
	if (fd >= 0) {
		while (len < (long)sizeof maps - 1 &&
		       (r = SYS3(STUB_NR_read, fd, maps + len,
				 sizeof maps - 1 - (unsigned long)len)) > 0)
			len += r;
		SYS1(STUB_NR_close, fd);
	}
	if (fd < 0 || r < 0 || len >= (long)sizeof maps - 1)
		return unmap_around(0, STUB_USER_END);
	maps[len] = 0;
	for (const char *p = maps; *p;) {
		uint32_t lo = parse_hex(&p);
		if (*p++ != '-')
			return unmap_around(0, STUB_USER_END); /* not the format we know */
		uint32_t hi = parse_hex(&p);
		if (hi > STUB_USER_END)
			hi = STUB_USER_END;
		if (lo < hi && (r = unmap_around(lo, hi)) < 0)
			return r;
		while (*p && *p++ != '\n')
			;
	}
	return 0;
}

/* Apply the queued mapping operations in order. A failure is counted, the first errno kept, and
 * the rest still applied: the kernel reports the failure, the task keeps a consistent view. */
static void apply_ops(struct mbox *m)
{
	uint32_t n = m->nops;
	if (n > MBOX_MAX_OPS)
		n = MBOX_MAX_OPS;
	for (uint32_t i = 0; i < n; i++) {
		const struct mbox_op *op = &m->ops[i];
		uint32_t va = op->vaddr, np = op->npages, prot = op->prot & 7u;
		long r;
		/* Never let an op reach the stub area or host-owned pages: that would cut the
		 * ground from under us. */
		if (np == 0 || va >= STUB_USER_END || np > (STUB_USER_END - va) / STUB_PAGE) {
			r = -STUB_EINVAL;
		} else if (op->kind == MBOX_OP_UNMAP) {
			r = unmap_around(va, va + np * STUB_PAGE);
		} else if (hits_keep(va, va + np * STUB_PAGE)) {
			r = -STUB_EINVAL;
		} else if (op->kind == MBOX_OP_MAP) {
			/* mmap2: the offset is in 4096-byte units on i386, ARM EABI and MIPS o32.
			 */
			r = SYS6(STUB_NR_mmap2, va, np * STUB_PAGE, prot,
				 STUB_MAP_SHARED | STUB_MAP_FIXED, PHYS_FD, op->pfn);
			if (r >= 0 && (uint32_t)r != va)
				r = -STUB_EINVAL; /* cannot happen with MAP_FIXED; never mistake it
						     for success */
		} else if (op->kind == MBOX_OP_PROTECT) {
			r = SYS3(STUB_NR_mprotect, va, np * STUB_PAGE, prot);
		} else {
			r = -STUB_EINVAL;
		}
		/* mmap2 may return addresses >= 2 GiB, which are negative as long: only -4095..-1
		 * are errors (with MAP_FIXED the result is va < STUB_USER_END anyway). */
		if (r < 0 && r >= -4095) {
			if (m->op_errors++ == 0)
				m->first_err = (uint32_t)-r;
		}
	}
	m->nops = 0;
}

/*
 * Floating-point state per L4 thread. The host (or qemu) saves the interrupted thread's FPU
 * registers into the signal frame and restores them from there on return, but the kernel may
 * resume another thread of the task from the same frame: on such a switch the frame's state is
 * kept for the thread that trapped and the resumed thread's own is put in its place. A thread
 * that never ran gets the state the process started with.
 */
#define FP_SLOT	  4096 /* bytes; ia32 with AVX-512 needs ~2.8 KiB */
#define LTHREADS  128
#define NO_THREAD LTHREADS

static uint32_t fp_slot[LTHREADS][FP_SLOT / 4] __attribute__((aligned(64)));
static uint32_t fp_first[FP_SLOT / 4] __attribute__((aligned(64)));
static uint32_t fp_size[LTHREADS], fp_first_size; /* bytes kept; 0: none */

static void words_copy(uint32_t *to, const uint32_t *from, uint32_t bytes)
{
	for (uint32_t i = 0; i < bytes / 4; i++)
		to[i] = from[i];
}

static unsigned lthread_of(uint32_t id_lo)
{
	return (id_lo >> 10) & (LTHREADS - 1); /* docs/abi: version 0-9, lthread 10-16 */
}

static void fp_switch(void *uc, unsigned from, unsigned to)
{
	if (from == to)
		return;
	uint32_t size = 0;
	uint32_t *area = stub_fp_area(uc, &size);
	if (!area || size > FP_SLOT)
		return;
	if (from == NO_THREAD) {
		words_copy(fp_first, area, size);
		fp_first_size = size;
	} else {
		words_copy(fp_slot[from], area, size);
		fp_size[from] = size;
	}
	if (fp_size[to])
		words_copy(area, fp_slot[to], fp_size[to]);
	else if (fp_first_size)
		words_copy(area, fp_first, fp_first_size);
}

/* The stub yields for the kernel's answer at most mbox.spin times and at most this long: on a
 * busy host every yield may hand the CPU to another process for a while, and a task that waits
 * longer than the kernel spins has been put to sleep on the kernel's side as well. */
#define STUB_SPIN_US 50
/* Before it yields, the stub polls ctl this many times per permitted yield (a few µs natively,
 * some more under qemu), unless the kernel says it resumed another process (leave_cpu). */
#define STUB_POLLS_PER_YIELD 4u

/* CLOCK_MONOTONIC in µs, wrapping: only differences are used. The time64 call, because the
 * newer 32-bit ABIs (asm-generic ones such as rv32) have no other. */
static int32_t now_us(void)
{
	int64_t ts[2]; /* struct __kernel_timespec */
	SYS2(STUB_NR_clock_gettime64, 1, ts);
	return (int32_t)ts[0] * 1000000 + (int32_t)ts[1] / 1000;
}

/* Hands control to the kernel and waits for its answer: returns once the kernel said RESUME,
 * with the mapping operations applied and the registers to resume in m->regs. */
static void hand_off(struct mbox *m)
{
	for (;;) {
		/* Publish everything written before, then hand over (full barrier: the kernel reads
		 * the registers as soon as it sees IN_KERNEL). */
		__atomic_store_n(&m->leave_cpu, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&m->ctl, MBOX_IN_KERNEL, __ATOMIC_SEQ_CST);
		if (__atomic_load_n(&m->kernel_sleeps, __ATOMIC_SEQ_CST))
			SYS3(STUB_NR_futex, &m->ctl, STUB_FUTEX_WAKE, 1);
		/* Native values throughout: qemu byte-swaps the compare value for cross-endian
		 * guests, so the in-memory word and the value always agree. EINTR/EAGAIN just loop.
		 */
		uint32_t spins = __atomic_load_n(&m->spin, __ATOMIC_RELAXED), yields = 0;
		uint32_t polls = spins * STUB_POLLS_PER_YIELD, progress = 0;
		int32_t since = 0;
		while (__atomic_load_n(&m->ctl, __ATOMIC_ACQUIRE) == MBOX_IN_KERNEL) {
			if (__atomic_load_n(&m->leave_cpu, __ATOMIC_RELAXED)) {
				polls = 0; /* another process runs first: yield to it */
			} else if (polls) {
				/* the kernel, on another CPU, answers most calls within a µs:
				 * without a system call in between, the answer is seen at once */
				polls--;
				continue;
			}
			if (yields < spins) { /* then yield, for a task process on this CPU */
				SYS0(STUB_NR_sched_yield);
				/* the clock from the 8th yield on: a quick answer costs no clock
				 * read */
				if (++yields % 8 == 0) {
					int32_t t = now_us();
					uint32_t seen =
					    __atomic_load_n(&m->progress, __ATOMIC_RELAXED);
					if (yields == 8 || seen != progress) {
						/* the kernel is still at work for us: a new
						 * budget */
						since = t;
						progress = seen;
						yields = 8;
					} else if (t - since > STUB_SPIN_US) {
						yields = spins;
					}
				}
				continue;
			}
			/* announce the sleep, then look once more: the kernel sets ctl before it
			 * reads task_sleeps, so one of the two sees the other */
			__atomic_store_n(&m->task_sleeps, 1, __ATOMIC_SEQ_CST);
			if (__atomic_load_n(&m->ctl, __ATOMIC_SEQ_CST) == MBOX_IN_KERNEL)
				SYS4(STUB_NR_futex, &m->ctl, STUB_FUTEX_WAIT, MBOX_IN_KERNEL, 0);
			__atomic_store_n(&m->task_sleeps, 0, __ATOMIC_RELAXED);
		}

		if (m->nops)
			apply_ops(m);
		switch (__atomic_load_n(&m->cmd, __ATOMIC_RELAXED)) {
		case MBOX_CMD_RESUME:
			return;
		case MBOX_CMD_OPS_ONLY:
			continue; /* hand straight back; event and regs stay as they were */
		case MBOX_CMD_EXIT:
			stub_exit(0);
		default:
			stub_exit(STUB_EXIT_BADCMD);
		}
	}
}

/* stub_in_call: CALL_ENTERING from entry.S's switch to the call stack until the kernel answered,
 * then CALL_ANSWERED (the answer is in the mailbox) until entry.S has loaded it, or
 * CALL_RESUMING when a signal frame must load it (another thread, or state only a frame
 * restores): the trap stub_call then executes makes the handler do that. */
#define CALL_ENTERING 1u
#define CALL_ANSWERED 2u
#define CALL_RESUMING 3u
/* The calling thread: its FPU state is what the CPU holds while the call path runs. */
static unsigned call_caller;

/* Where ip lies in the call entry's code: CALL_ENTERING while the caller's registers are being
 * saved, CALL_ANSWERED while the answer is being loaded, 0 outside, and 0 at a slot's first
 * instruction too: nothing has been done there yet, a fault or signal there is the thread's. */
static uint32_t call_code_phase(uint32_t ip)
{
	uint32_t lo = (uint32_t)(uintptr_t)stub_call_entries;
	if (ip - lo >= (uint32_t)(stub_call_code_end - stub_call_entries))
		return 0;
	if (ip - lo >= (uint32_t)(stub_call_return - stub_call_entries))
		return CALL_ANSWERED;
	if (ip - lo < STUB_CALL_SLOT * STUB_CALL_SLOTS && (ip - lo) % STUB_CALL_SLOT == 0)
		return 0;
	return CALL_ENTERING;
}

/* Called by entry.S on the call stack, the caller's registers in m->regs. Returns when entry.S may
 * load the answer itself: the kernel resumes the caller and nothing but registers changes. */
void stub_call(void)
{
	struct mbox *m = &stub_mbox.m;
	call_caller = lthread_of(m->cur_lo);
	m->event = MBOX_EV_CALL;
	m->trapno = stub_call_nr;
	m->sig_code = 0;
	m->fault_addr = 0;
	m->err = 0;
	m->nregs = STUB_NREGS;
	if (m->fast_myself && stub_call_is_myself(m))
		stub_answer_myself(m, 0);
	else
		hand_off(m);
	__atomic_store_n(&stub_in_call, CALL_ANSWERED, __ATOMIC_RELAXED);
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	if (lthread_of(m->cur_lo) == call_caller && stub_call_resumable(m))
		return;
	/* A trap instruction, not kill(): the signal comes from the CPU (or qemu) at once, where a
	 * kill() would be a host system call the kernel's supervisor has to check. */
	__atomic_store_n(&stub_in_call, CALL_RESUMING, __ATOMIC_RELAXED);
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	stub_raise_resume(); /* the handler loads the answer and resumes L4 code from the frame */
	stub_exit(STUB_EXIT_CALLFAULT);
}

/* The only place the stub lives after startup besides the call path. Runs on the signal stack
 * with every signal blocked (so it never nests; a fault in here kills the process, which the
 * kernel detects). */
void stub_handler(int sig, void *info, void *uc)
{
	struct mbox *m = &stub_mbox.m;

	uint32_t phase = stub_in_call ? stub_in_call : call_code_phase(stub_frame_ip(uc));
	if (phase == CALL_ANSWERED && sig != STUB_SIGALRM)
		stub_exit(STUB_EXIT_CALLFAULT); /* nothing else can happen there */
	if (phase == CALL_ANSWERED || phase == CALL_RESUMING) {
		/* The kernel has answered a call: the thread it resumes stands where the answer
		 * says. Load it into the frame; the trap raised for that is done then, a
		 * preemption is that thread's. */
		stub_in_call = 0;
		stub_load_regs(m, uc);
		fp_switch(uc, call_caller, lthread_of(m->cur_lo));
		if (phase == CALL_RESUMING)
			return;
	} else if (phase == CALL_ENTERING) {
		/* The thread is entering the kernel already: a preemption needs nothing more. */
		if (sig == STUB_SIGALRM)
			return;
		/* x86: a debugger's single step from a slot's first instruction; the kernel ends
		 * that step itself at the return address, where the call leaves the thread */
		if (sig == STUB_SIGTRAP && stub_clear_step(uc))
			return;
		stub_exit(STUB_EXIT_CALLFAULT);
	}
	m->event = event_of(sig);
	unsigned trapped = m->event == MBOX_EV_START ? NO_THREAD : lthread_of(m->cur_lo);
	m->sig_code = *(const uint32_t *)((const char *)info + STUB_SI_CODE_OFF);
	m->fault_addr =
	    *(const uint32_t *)((const char *)info + STUB_SI_ADDR_OFF); /* kill(): si_pid */
	stub_save_regs(m, uc);
	if (sig == STUB_SIGSYS) {
		/* seccomp's SIGSYS: si_call_addr, si_syscall, si_arch follow si_code's word */
		m->err = *(const uint32_t *)((const char *)info + STUB_SI_ADDR_OFF + 4);
		m->trapno = *(const uint32_t *)((const char *)info + STUB_SI_ADDR_OFF + 8);
	}
	if (m->fast_myself && stub_is_myself(m)) {
		/* l4_myself: the answer only concerns the caller; the kernel published it */
		stub_answer_myself(m, 1);
		stub_load_regs(m, uc);
		return;
	}
	hand_off(m);
	/* a pooled process learns its task's name at its first resume */
	if (m->event == MBOX_EV_START)
		SYS2(STUB_NR_prctl, STUB_PR_SET_NAME, m->name);
	stub_load_regs(m, uc);
	fp_switch(uc, trapped, lthread_of(m->cur_lo));
	/* return: rt_sigreturn (restorer / MIPS entry) resumes L4 code */
}

static const int caught[] = {STUB_SIGSEGV, STUB_SIGILL,	 STUB_SIGTRAP, STUB_SIGFPE,
			     STUB_SIGBUS,  STUB_SIGALRM, STUB_SIGUSR2, STUB_SIGSYS};

/* Called from _start on the boot stack in .bss; argv/envp/auxv are never looked at because qemu
 * may have put them into the range we unmap. */
void stub_main(void)
{
	struct mbox *m = &stub_mbox.m;
	uint32_t sigset[STUB_SIGSET_BYTES / 4] = {0};

	if (SYS6(STUB_NR_mmap2, m, MBOX_SIZE, STUB_PROT_RW, STUB_MAP_SHARED | STUB_MAP_FIXED,
		 MBOX_FD, 0) != (long)m)
		stub_exit(STUB_EXIT_MBOX);

	/* The kernel wrote the name before exec; prctl copies at most 15 chars and terminates. */
	SYS2(STUB_NR_prctl, STUB_PR_SET_NAME, m->name);
	m->mbox_va = (uint32_t)(uintptr_t)m;
	m->call_entry = (uint32_t)(uintptr_t)stub_call_entries;

	struct stub_stack ss = {0};
	ss.sp = altstack;
	ss.size = sizeof altstack;
	if (SYS2(STUB_NR_sigaltstack, &ss, 0) < 0)
		stub_exit(STUB_EXIT_ALTSTACK);

	struct stub_sigaction sa = {0};
	stub_fill_sigaction(&sa, (void *)stub_sigentry, STUB_SA_SIGINFO | STUB_SA_ONSTACK);
	for (unsigned i = 0; i < sizeof caught / sizeof caught[0]; i++)
		if (SYS4(STUB_NR_rt_sigaction, caught[i], &sa, 0, STUB_SIGSET_BYTES) < 0)
			stub_exit(STUB_EXIT_SIGACTION);

	/* The signal mask survives exec: make sure nothing we need is blocked. This mask is also
	 * what every rt_sigreturn restores, i.e. the mask L4 code runs with. */
	if (SYS4(STUB_NR_rt_sigprocmask, STUB_SIG_SETMASK, sigset, 0, STUB_SIGSET_BYTES) < 0)
		stub_exit(STUB_EXIT_SIGMASK);

	/* Nothing of the host or of qemu (guest stack, argv, sigtramp page, ...) may stay visible
	 * to L4 code: the L4 user range holds exactly what the kernel maps there. */
	nkeep = stub_arch_keep(keep);
	if (unmap_user_range() < 0)
		stub_exit(STUB_EXIT_UNMAP);
	if (m->confined && stub_install_ip_filter() < 0)
		stub_exit(STUB_EXIT_FILTER);

	/* Enter the handler for the first time: it reports MBOX_EV_START and, when the kernel says
	 * RESUME, "returns" into the first L4 thread. This frame is never returned to. */
	SYS2(STUB_NR_kill, SYS0(STUB_NR_getpid), STUB_SIGUSR2);
	for (;;)
		SYS2(STUB_NR_rt_sigsuspend, sigset, STUB_SIGSET_BYTES);
}

/* Cross-check the written-out ABI numbers against the target's UAPI headers when the cross
 * linux-libc-dev package is installed (Debian: linux-libc-dev-<arch>-cross). */
#if defined(__has_include)
#if __has_include(<asm/unistd.h>) && __has_include(<asm/signal.h>) && __has_include(<linux/futex.h>)
#include <asm/signal.h>
#include <asm/unistd.h>
#include <linux/futex.h>
#include <linux/mman.h>
#include <linux/prctl.h>
#define STUB_SAME(a, b) _Static_assert((a) == (b), #a " != " #b)
STUB_SAME(STUB_SIGILL, SIGILL);
STUB_SAME(STUB_SIGTRAP, SIGTRAP);
STUB_SAME(STUB_SIGBUS, SIGBUS);
STUB_SAME(STUB_SIGFPE, SIGFPE);
STUB_SAME(STUB_SIGSEGV, SIGSEGV);
STUB_SAME(STUB_SIGUSR2, SIGUSR2);
STUB_SAME(STUB_SIGALRM, SIGALRM);
STUB_SAME(STUB_SA_SIGINFO, SA_SIGINFO);
STUB_SAME(STUB_SA_ONSTACK, SA_ONSTACK);
#ifdef SA_RESTORER
STUB_SAME(STUB_SA_RESTORER, SA_RESTORER);
#endif
STUB_SAME(STUB_SIG_SETMASK, SIG_SETMASK);
STUB_SAME(STUB_NR_read, __NR_read);
STUB_SAME(STUB_NR_sched_yield, __NR_sched_yield);
STUB_SAME(STUB_NR_clock_gettime64, __NR_clock_gettime64);
STUB_SAME(STUB_NR_openat, __NR_openat);
STUB_SAME(STUB_NR_close, __NR_close);
STUB_SAME(STUB_NR_getpid, __NR_getpid);
STUB_SAME(STUB_NR_kill, __NR_kill);
STUB_SAME(STUB_NR_munmap, __NR_munmap);
STUB_SAME(STUB_NR_mprotect, __NR_mprotect);
STUB_SAME(STUB_NR_prctl, __NR_prctl);
STUB_SAME(STUB_NR_rt_sigreturn, __NR_rt_sigreturn);
STUB_SAME(STUB_NR_rt_sigaction, __NR_rt_sigaction);
STUB_SAME(STUB_NR_rt_sigprocmask, __NR_rt_sigprocmask);
STUB_SAME(STUB_NR_rt_sigsuspend, __NR_rt_sigsuspend);
STUB_SAME(STUB_NR_sigaltstack, __NR_sigaltstack);
STUB_SAME(STUB_NR_mmap2, __NR_mmap2);
STUB_SAME(STUB_NR_futex, __NR_futex);
STUB_SAME(STUB_NR_exit_group, __NR_exit_group);
STUB_SAME(STUB_MAP_SHARED, MAP_SHARED);
STUB_SAME(STUB_MAP_FIXED, MAP_FIXED);
STUB_SAME(STUB_PROT_RW, PROT_READ | PROT_WRITE);
STUB_SAME(MBOX_PROT_X, PROT_EXEC);
STUB_SAME(STUB_PR_SET_NAME, PR_SET_NAME);
STUB_SAME(STUB_FUTEX_WAIT, FUTEX_WAIT);
STUB_SAME(STUB_FUTEX_WAKE, FUTEX_WAKE);
#endif
#endif
