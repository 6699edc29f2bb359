/* How an instance ended: --exit-report=FILE and the trace's exit event (os/linux/exitreport.c). */
#ifndef UMOL4_OS_EXITREPORT_H
#define UMOL4_OS_EXITREPORT_H

#include "core/kernel.h"
#include "os/linux/symbolize.h"

struct exit_facts {
	const char *reason; /* exit, fault, exception, kdebug, deadlock, timeout, signal, host,
			       internal */
	int status;
	const struct thread *thread; /* who ended it, or 0 */
	const char *what;	     /* the fault, exception or kdebug text */
	word_t addr;
	bool has_addr;
	struct sym_loc loc; /* the thread's ip in its program's source */
};

void exit_facts_gather(const struct kernel *k, const char *reason, int status,
		       struct exit_facts *f);
/* Writes f as one JSON object; false if the file cannot be written. */
bool exit_report_write(const char *path, const struct exit_facts *f);
/* The trace's exit event with the same facts. */
void exit_trace(struct kernel *k, const struct exit_facts *f);

#endif
