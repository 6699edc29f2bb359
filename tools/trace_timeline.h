/* A trace as a timeline, for `umol4-trace chrome` and `summary`: the threads in order of
 * appearance, the intervals each one ran ("run" to the next "run" or "exit"), waited in an IPC
 * (its ipc syscall or pagefault to its ipc_done) or served as a pager (an ipc_done that received
 * to its next syscall, for threads that are never scheduled by a "run" event: sigma0), and the
 * messages as flows from the sender's syscall (or pagefault) to the receiver's ipc_done.
 * Idle time is every gap between two events in which every thread seen so far was waiting and
 * that a timeout or an interrupt ended: no thread ran then, so it is nobody's run time. */
#ifndef UMOL4_TOOLS_TRACE_TIMELINE_H
#define UMOL4_TOOLS_TRACE_TIMELINE_H

#include "trace_read.h"

enum tl_slice { TL_RUN, TL_WAIT, TL_SERVE };

struct tl_thread {
	struct tid id;
	char name[16];	  /* "4.00" */
	char arch[16];	  /* from the first event that tells */
	char program[48]; /* the task's name (kdebug task_name), "" if the trace has none */
	bool ran;	  /* has been named by a "run" event */
	bool gone;	  /* its task was deleted (until it shows up again) */
	/* open intervals */
	bool waiting, serving;
	double wait_start, serve_start;
	char wait_what[16]; /* "ipc" or "pagefault" */
	struct tid wait_peer, serve_peer;
	bool wait_has_peer;
	/* the message this thread sent that nobody has received yet (flow id, 0 = none) */
	unsigned long pend_flow;
	struct tid pend_dest;
	unsigned long long pend_seq;
	bool pf_open;
	/* totals, in µs of the trace clock */
	double run_time, wait_time[2], serve_time; /* wait_time: [0] ipc, [1] pagefault */
	unsigned long runs, syscalls, waits[2], received, serves;
};

/* What the walker made of the current event. */
struct tl_info {
	double ts; /* "us", made strictly increasing: +1 ns per event within one µs */
	struct tl_thread *thread; /* 0 if the event names none */
	unsigned long flow_out;	  /* this event sends the message with this flow id (0: none) */
	unsigned long flow_in;	  /* this event receives that message */
	const struct tl_thread *flow_from; /* its sender */
};

struct tl_hooks {
	void *ctx;
	void (*thread)(void *ctx, const struct tl_thread *t); /* first appearance */
	void (*event)(void *ctx, const struct tev *e, const struct tl_info *in);
	/* an interval; `what` is "run", "ipc", "pagefault" or "serve"; peer "4.01" or "" */
	void (*slice)(void *ctx, const struct tl_thread *t, enum tl_slice kind, const char *what,
		      double start, double end, const char *peer, bool unfinished);
};

struct tl_result {
	unsigned long events, flows, flows_matched;
	double first_ts, last_ts;
	double idle_time; /* µs in which no thread could run */
	unsigned long idle_gaps;
	struct tl_thread **threads;
	unsigned nthreads;
};

/* Walks the trace at path through the hooks (any may be 0), the first `limit` events only if
 * limit is not 0: 0, or 2 after printing one line about bad input. The result holds every thread
 * with its totals until tl_free. */
int tl_walk(const char *path, unsigned long limit, const struct tl_hooks *h, struct tl_result *r);
void tl_free(struct tl_result *r);

#endif
