/* Fatal reports: an L4 thread that cannot continue, and the deadlock report. */
#ifndef UMOL4_CORE_REPORT_H
#define UMOL4_CORE_REPORT_H

#include "core/kernel.h"

/* Stops thread t for good and ends the instance (RUN_FATAL) after printing what/where, with the
 * host's views of t (plat_thread_details). */
void report_fault(struct kernel *k, struct thread *t, const char *what, word_t addr, bool write);
void report_exception(struct kernel *k, struct thread *t, const char *what);
/* enter_kdebug or a breakpoint: unless k->kdebug_continue, prints t's registers and backtrace
 * and the thread list and stops the instance (RUN_KDEBUG); true if it stopped. The caller has
 * printed the headline. */
bool report_kdebug_stop(struct kernel *k, struct thread *t, const char *what);
/* Prints every thread and what it waits for; sets RUN_DEADLOCK. */
void report_deadlock(struct kernel *k);
/* The thread list under a title line: every thread, its state and where it is. */
void report_threads(const struct kernel *k, const char *title);
/* One line describing t's state ("waiting for a message from 2.00, timeout in 3.000 ms"). */
const char *thread_state_desc(const struct kernel *k, const struct thread *t, char *buf,
			      size_t size);

#endif
