/* The kernel's objects: one struct kernel per instance, tasks, threads. All core entry points
 * take the kernel explicitly so unit tests can run several instances side by side. */
#ifndef UMOL4_CORE_KERNEL_H
#define UMOL4_CORE_KERNEL_H

#include "core/arch.h"
#include "core/device.h"
#include "core/pagetable.h"
#include "core/types.h"

enum thread_state {
	TS_DEAD = 0,     /* lthread does not exist (yet) */
	TS_READY,        /* runnable (in the ready queue unless it is current) */
	TS_SEND_WAIT,    /* blocked sending: queued at ipc.partner */
	TS_RECV_WAIT,    /* blocked receiving: open, or closed on ipc.partner */
	TS_KILLED,       /* stopped by an unhandled exception */
	TS_XFER,         /* in a long IPC whose partner buffer page is being paged in */
};

struct task;

/* An IPC operation in progress, as decoded from the system call. */
struct ipc_op {
	word_t snd_desc, rcv_desc, timeout;
	word_t w0, w1;
	l4id_t dest;
	bool open;             /* receive phase accepts any sender */
	struct thread *partner; /* send: destination; closed receive: expected sender */
	bool pagefault;        /* kernel-made page-fault RPC on the thread's behalf */
	unsigned irq;          /* closed receive from interrupt irq-1 (0 = not) */
	word_t rcv_window;     /* receive fpage for mappings (0 = none) */
	word_t clan_dope;      /* redirect / inner-clan bits the receiving chief sees */
	l4id_t vsender;        /* deceit: the virtual sender the receiver sees */
	bool deceit;
};

struct thread {
	l4id_t id;
	struct task *task;
	unsigned lthread;
	enum thread_state state;
	word_t regs[ARCH_MAX_REGS]; /* native values, layout of task->arch */

	l4id_t pager, preempter, ext_preempter;
	unsigned prio, mcp;
	unsigned small_space;
	uint64_t timeslice; /* µs per turn; 0 = no ordinary timeslice (runs until it blocks) */
	unsigned ts_man, ts_exp; /* the timeslice as it was set, reported back as set */
	uint64_t slice_left;
	uint64_t cputime;   /* µs consumed, reported by thread_schedule */
	word_t exc_table;   /* the thread's exception handler table (ia32: its IDT), 0 = none */

	struct thread *rq_next, *rq_prev; /* ready queue (circular per priority) */
	bool queued;

	struct ipc_op ipc;
	struct thread *sendq_head;           /* senders blocked on me, FIFO */
	struct thread *sq_next, *sq_prev;    /* my links in partner's send queue */
	uint64_t wakeup;                     /* absolute µs; 0 = no timeout */
	struct thread *to_next;              /* timeout list, sorted by wakeup */

	/* A transfer that hit a missing buffer page: both partners wait in TS_XFER while the thread
	 * whose space lacks the page calls its pager (its own op parked in saved_ipc). */
	struct thread *xfer;
	bool xfer_sender;
	bool in_kpf;
	struct ipc_op saved_ipc;

	/* page-fault bookkeeping: detect a pager that answers without resolving the fault */
	word_t pf_addr, pf_ip;
	bool pf_write;
	unsigned pf_repeats;
	word_t remirror_page; /* page number + 1 last re-mirrored after a host fault, 0 = none */
	bool is_pager;        /* has received page faults: its traffic follows others' layouts */
	unsigned long long trace_seq, trace_src_seq; /* its last sending event; what it received */
};

struct task {
	unsigned nr;
	unsigned chief, nest; /* nest: the id field; depth: the real clan depth (sigma0's differ) */
	unsigned depth;
	unsigned version;
	const struct arch *arch;
	struct pagetable pt;
	bool idempotent; /* sigma0: owns all physical memory, mapped 1:1 on demand */
	struct thread *threads[L4_LTHREADS];
	const char *name;
	char name_buf[28]; /* a name a chief gave it (kdebug 0x61) */
	void *host; /* the os layer's process handle */
	struct ioports *io; /* ia32 I/O ports it holds (core/ioport.h); NULL: none */
};

#define NIRQS 16
#define IRQ_TIMER 0u   /* periodic, IRQ0_PERIOD µs */
#define IRQ_CONSOLE 1u /* the host's standard input became readable */
#define IRQ0_PERIOD 1000u

struct irq {
	struct thread *owner; /* the associated thread, or NULL */
	bool pending;
};

enum run_state {
	RUN_ACTIVE,
	RUN_EXITED,   /* a program called exit: status in exit_status */
	RUN_FATAL,    /* an unhandled exception; reported */
	RUN_DEADLOCK, /* nothing can run and nothing will wake; reported */
	RUN_KDEBUG,   /* stopped at enter_kdebug or a breakpoint (kdebug_stop); reported */
};

/* Why the instance stopped, for the exit report and the trace's exit event. */
enum stop_reason {
	STOP_NONE,
	STOP_FAULT,     /* a page fault nobody resolved */
	STOP_EXCEPTION, /* an exception without handler */
	STOP_KDEBUG,    /* enter_kdebug or a breakpoint */
};

struct stop_info {
	enum stop_reason reason;
	struct thread *thread;
	char what[128]; /* "integer division by zero", "stack overflow", an enter_kdebug text */
	word_t addr;      /* faults: the address */
	bool has_addr;
	unsigned vector; /* exceptions: the vector (ia32 numbering on every ISA) */
};

struct kernel {
	struct task *tasks[L4_TASKS];
	/* chief (owner) of every task number, active or not; 0 = nobody may create it */
	uint16_t owner[L4_TASKS];
	uint16_t version[L4_TASKS];
	struct thread *current; /* what ran when a signal or a task's death ended the run */
	struct thread *rq[256]; /* ready queue heads per priority */
	uint32_t rq_bitmap[8];
	struct thread *timeouts; /* sorted by wakeup */
	struct irq irqs[NIRQS];
	uint64_t irq0_next; /* next timer tick while IRQ 0 is associated */

	uint8_t *phys; /* the kernel's mapping of physical memory */
	word_t phys_size;
	struct kmem_budget kmem; /* kernel memory for mappings (core/pagetable.h) */
	word_t kip_phys[2]; /* KIP frame per byte order: [0] little, [1] big */
	word_t bootinfo_phys;

	struct device *devices[MAX_DEVICES]; /* core/device.h */
	unsigned ndevices;

	bool tracing;
	const struct thread *last_run; /* for the trace's switch events */

	enum run_state run;
	int exit_status;
	struct thread *exited_by;
	struct stop_info stop;
	bool kdebug_continue; /* enter_kdebug and breakpoints log and go on instead of stopping */
	/* Names a chief gave task numbers before creating them (kdebug 0x61), taken by task_new:
	 * a task is named from its first instruction on (a debugger sees the right program). */
	struct {
		uint16_t nr; /* 0: free */
		char name[28];
	} prenamed[8];
	unsigned prenamed_next;
};

#define SIGMA0_TASK 2u
#define ROOT_TASK 4u
#define DEFAULT_PRIO 0x10u
#define DEFAULT_TS_MAN 39u /* 39 * 4^(15-11) µs = 9.984 ms, about Fiasco's 10 ms */
#define DEFAULT_TS_EXP 11u

/* Physical layout the kernel reserves (docs/architecture.md). */
#define PHYS_KIP_LE 0x1000u
#define PHYS_KIP_BE 0x2000u
#define PHYS_BOOTINFO 0x3000u
#define PHYS_KERNEL_END 0x4000u

#endif
