/* The kernel's run loop (os/linux/runloop.c): picks the next thread, runs it in its task
 * process until it enters the kernel, hands the event to the core; idles until the next timeout
 * or input; the views while it runs (SIGQUIT, --timeout) and the debugger's hooks. */
#ifndef UMOL4_OS_RUNLOOP_H
#define UMOL4_OS_RUNLOOP_H

#include "core/kernel.h"

/* umol4's exit statuses (docs/usage.md). */
enum {
	EXIT_USAGE = 2,	      /* bad option, missing or malformed program */
	EXIT_L4_FAULT = 120,  /* an L4 thread died of an unhandled fault or exception */
	EXIT_DEADLOCK = 121,  /* no thread can ever run again */
	EXIT_TASK_DIED = 122, /* a task process was killed or crashed from outside */
	EXIT_INTERNAL = 123,  /* umol4 itself failed (host resources) */
	EXIT_TIMEOUT = 124,   /* --timeout ran out (as timeout(1)) */
	EXIT_KDEBUG = 125,    /* stopped at enter_kdebug or a breakpoint */
	EXIT_SIGNAL_BASE = 128,
};

/* SIGQUIT prints the thread list; a --timeout of SECONDS (0: none) stops the run. */
bool runloop_views(double timeout);
/* Runs instance k to its end: its exit status; *signalled tells an end by a host signal
 * (or --timeout: EXIT_TIMEOUT) from a program's own status, which may be any value as well. */
int runloop_run(struct kernel *k, bool *signalled);

#endif
