/* Backtraces of L4 threads through their programs' call-frame information (os/linux/unwind.c). */
#ifndef UMOL4_OS_UNWIND_H
#define UMOL4_OS_UNWIND_H

#include "core/kernel.h"

/* Fills pcs with t's ip and the return addresses of its callers, innermost first; returns how
 * many. Reads t's stack through its L4 page table as t would see it. */
unsigned unwind_thread(const struct kernel *k, const struct thread *t, word_t *pcs, unsigned max);

#endif
