/* Fatal reports: an L4 thread that cannot continue, and the deadlock report. */
#ifndef UMOL4_CORE_REPORT_H
#define UMOL4_CORE_REPORT_H

#include "core/kernel.h"

/* Stops thread t for good and ends the instance (RUN_FATAL) after printing what/where. */
void report_fault(struct kernel *k, struct thread *t, const char *what, word_t addr, bool write);
void report_exception(struct kernel *k, struct thread *t, const char *what);
/* Prints every thread and what it waits for; sets RUN_DEADLOCK. */
void report_deadlock(struct kernel *k);
/* One line describing t's state ("waiting for a message from 2.00"). */
const char *thread_state_desc(const struct thread *t, char *buf, size_t size);

#endif
