/* The mailbox: the shared pages between the kernel and one task process (docs/architecture.md).
 *
 * Compiled both into the host kernel and into every per-ISA stub, so it uses fixed-width words
 * only. Every word is stored in the TASK's byte order: the stub simply uses native accesses, the
 * kernel goes through its per-task accessors (os/linux/taskproc.h). Offsets must not depend on
 * the compiler: all members are uint32_t or arrays of them.
 */
#ifndef UMOL4_MBOX_H
#define UMOL4_MBOX_H

#include <stdint.h>

#define MBOX_SIZE 0x4000u /* bytes; mapped from fd MBOX_FD at arch stub area */
#define MBOX_FD	  3	  /* the mailbox memfd (this task's slice of it, offset 0) */
#define PHYS_FD	  4	  /* the physical-memory memfd */

/* ctl: the futex word. Only the side that does not own the task writes it. */
#define MBOX_IN_TASK   0u /* the task process runs L4 code (kernel sleeps) */
#define MBOX_IN_KERNEL 1u /* the stub sits in its handler waiting for the kernel */

/* cmd: what the stub does after it is woken. */
#define MBOX_CMD_RESUME	  0u /* apply ops, load regs into the signal frame, return to L4 code */
#define MBOX_CMD_OPS_ONLY 1u /* apply ops, then hand control straight back (ops queue overflow) */
#define MBOX_CMD_EXIT	  2u /* exit_group(0) at once */

/* The stub's own exit statuses (qemu passes them through); the kernel names them in its report. */
#define STUB_EXIT_MBOX	    120 /* mmap of the mailbox (fd 3) failed */
#define STUB_EXIT_ALTSTACK  121 /* sigaltstack failed */
#define STUB_EXIT_SIGACTION 122 /* rt_sigaction failed */
#define STUB_EXIT_SIGMASK   123 /* rt_sigprocmask failed */
#define STUB_EXIT_UNMAP	    124 /* unmapping the L4 user range failed */
#define STUB_EXIT_BADCMD    125 /* the kernel wrote an unknown mbox.cmd */
#define STUB_EXIT_FILTER    126 /* the instruction-pointer filter could not be installed */
#define STUB_EXIT_CALLFAULT 127 /* a fault inside the call entry: its memory was tampered with */

/* ops[].kind */
#define MBOX_OP_MAP	1u /* mmap(vaddr, npages, prot, MAP_SHARED|MAP_FIXED, PHYS_FD, pfn) */
#define MBOX_OP_UNMAP	2u /* munmap(vaddr, npages) */
#define MBOX_OP_PROTECT 3u /* mprotect(vaddr, npages, prot) */

/* ops[].prot: L4 rights; the stub turns them into host PROT_* bits. */
#define MBOX_PROT_R 1u
#define MBOX_PROT_W 2u
#define MBOX_PROT_X 4u

/* event: why the stub entered the kernel. Host signal numbers differ per ISA (MIPS!), so the
 * stub translates them into these neutral values. */
#define MBOX_EV_START	1u /* first entry after exec: no L4 context yet */
#define MBOX_EV_SEGV	2u /* SIGSEGV: L4 syscall, page fault, or protection fault */
#define MBOX_EV_ILL	3u /* SIGILL */
#define MBOX_EV_TRAP	4u /* SIGTRAP: breakpoint instruction (kdebug) */
#define MBOX_EV_FPE	5u /* SIGFPE */
#define MBOX_EV_BUS	6u /* SIGBUS */
#define MBOX_EV_PREEMPT 7u /* the kernel's preemption signal (SIGALRM in the task) */
#define MBOX_EV_HOSTSYS 8u /* SIGSYS: L4 code made a host system call (docs/security.md) */
/* A system call through the stub's call entry (docs/architecture.md "Kernel entry by call"):
 * trapno is its number, the ip in regs[] already the return address. No signal involved. */
#define MBOX_EV_CALL 9u

#define MBOX_NREGS   48
#define MBOX_MAX_OPS 480

struct mbox_op {
	uint32_t kind, vaddr, npages, pfn, prot;
};

struct mbox {
	uint32_t ctl;
	uint32_t cmd;
	uint32_t event;
	uint32_t sig_code; /* (named to avoid the si_code/si_addr macros of <signal.h>) */
	uint32_t fault_addr;
	uint32_t trapno; /* x86 sigcontext trapno/err; 0 on other ISAs */
	uint32_t err;
	uint32_t nregs;		   /* filled by the stub: how many regs[] are valid */
	uint32_t regs[MBOX_NREGS]; /* trap record, order in arch/<isa>/trapregs.h */
	uint32_t nops;
	uint32_t op_errors; /* stub counts failed host mapping calls (kernel reports them) */
	uint32_t first_err; /* errno of the first failure */
	/* The kernel lets the stub answer id_nearest(nil) (l4_myself) itself, without a kernel
	 * entry, when fast_myself is set: cur_lo/cur_hi are the id of the thread it resumed. */
	uint32_t fast_myself;
	uint32_t cur_lo, cur_hi;
	uint32_t mbox_va; /* stub -> kernel at start: where the mailbox lies in the task */
	/* How often the stub yields the CPU waiting for the kernel's answer before it sleeps on
	 * ctl (umol4 --spin); 0: it sleeps at once. */
	uint32_t spin;
	/* Set by the kernel before exec: the stub lets only its own code make host system calls
	 * where it can tell (native ia32: seccomp by instruction pointer, docs/security.md). */
	uint32_t confined;
	/* Bumped by the kernel while one entry keeps it busy for long (a string copy of many
	 * pages): a stub whose spin budget ran out keeps spinning while this moves, instead of
	 * sleeping and paying a cross-CPU wake-up on the answer. Any change counts. */
	uint32_t progress;
	/* stub -> kernel at start: where its call-entry table lies (the kernel checks it against
	 * the ISA's documented address before it announces the table in the KIP) */
	uint32_t call_entry;
	/* Set by each side right before it sleeps on ctl, cleared after: the other side makes the
	 * FUTEX_WAKE only then, so a hand-off between two spinning sides makes no system call. A
	 * task can only lie about the kernel's (the kernel bounds its sleep) and its own. */
	uint32_t kernel_sleeps;
	uint32_t task_sleeps;
	/* Set by the kernel in the mailbox of the process that waits for an answer when it
	 * resumes another task process: the answer will take a while, and the CPU the waiting
	 * stub polls on may be the one the other process needs. The stub yields from then on. */
	uint32_t leave_cpu;
	char name[16]; /* process name the stub sets with PR_SET_NAME */
	struct mbox_op ops[MBOX_MAX_OPS];
};

_Static_assert(sizeof(struct mbox) <= MBOX_SIZE, "mailbox must fit its pages");
/* The call entries (arch/<isa>/stub/entry.S) store registers at fixed offsets. */
#define MBOX_REGS_OFF 32 /* also STUB_MREG in os/linux/stub/callentry.inc */
_Static_assert(__builtin_offsetof(struct mbox, regs) == MBOX_REGS_OFF, "mbox.regs offset");

#endif
