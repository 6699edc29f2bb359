/* The event trace (umol4 --trace=FILE, docs/tracing.md). Events carry ISA-neutral values (ids,
 * message words, error codes, counts) apart from ISA-specific ones (ip, sp, addresses), so that
 * traces of one program on different ISAs can be compared. Off by default: every emission point
 * tests k->tracing first, nothing else is done on the IPC path. */
#ifndef UMOL4_CORE_TRACE_H
#define UMOL4_CORE_TRACE_H

#include "core/kernel.h"

enum trace_kind {
	TR_SYSCALL,   /* name; n[] = neutral arguments */
	TR_IPC_DONE,  /* an IPC operation ended: n[0] = dope/error, n[1..2] = w0, w1; peer = source */
	TR_PAGEFAULT, /* n[0] = write; peer = pager; addr = fault address */
	TR_MAP,       /* n[0] = pages, n[1] = grant; peer = receiving task */
	TR_UNMAP,     /* n[0] = flush, n[1] = own space */
	TR_RUN,       /* the scheduler switches to this thread */
	TR_PREEMPT,   /* the thread's timeslice ended or a timeout woke someone */
	TR_IRQ,       /* n[0] = interrupt, delivered to thread */
	TR_TASK_NEW,  /* peer = the new (or inactive) task */
	TR_TASK_DEL,  /* peer = the deleted task */
	TR_EXCEPTION, /* name, n[0] = vector */
	TR_KDEBUG,    /* name (outstring, exit, ...), n[0] = argument when neutral */
	TR_OUTPUT,    /* text = what the program printed */
	TR_EXIT,      /* n[0] = status; name = how; thread, addr, where = function:line if known */
	TR_DEVICE,    /* n[] = port?, width, write, bus value; addr = port or physical address */
};

struct trace_ev {
	enum trace_kind kind;
	const struct thread *thread;
	const char *name;
	word_t n[6];
	unsigned nn;
	l4id_t peer;
	bool has_peer;
	const char *text; /* TR_OUTPUT */
	size_t textlen;
	bool mem; /* paging traffic: depends on the program's memory layout, so on the ISA */
	/* ISA-specific */
	word_t addr;
	bool has_addr;
	word_t isa_n[4];
	unsigned isa_nn;
	unsigned long long src_seq; /* ipc_done: the event that sent the message (0 = none) */
	const char *where; /* exit: function:line of the thread's ip (lines differ between ISAs) */
};

/* The system-call event of t, its arguments split into neutral and ISA-specific ones. */
void trace_syscall(struct kernel *k, const struct thread *t, enum syscall_nr nr);
/* The end of t's IPC operation with `dope`. */
void trace_ipc_done(struct kernel *k, const struct thread *t, word_t dope);
/* The run loop is about to run t (emits a switch event when t differs from the last). */
void trace_run(struct kernel *k, const struct thread *t);

/* The end of the instance, for every way it ends ("exit", "fault", "deadlock", ...): the thread
 * that ended it (or 0), the fault address, and where in its source it was ("divide:5"). */
void trace_end(struct kernel *k, const char *how, int status, const struct thread *t, word_t addr,
	       bool has_addr, const char *where);

/* Hands the event to the host side (os/linux/trace_json.c); returns its sequence number. */
unsigned long long plat_trace(const struct trace_ev *e);

#define TRACE(k, ...)                                                                             \
	do {                                                                                      \
		if ((k)->tracing) {                                                               \
			struct trace_ev ev_ = {__VA_ARGS__};                                      \
			(void)plat_trace(&ev_);                                                   \
		}                                                                                 \
	} while (0)

#endif
