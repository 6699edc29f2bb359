/* Device accesses by L4 threads (docs/devices.md): ia32 in/out on ports the task holds, and
 * loads and stores on device windows its page table maps; both are performed on the device
 * model and the thread goes on behind the instruction. */
#ifndef UMOL4_CORE_DEVTRAP_H
#define UMOL4_CORE_DEVTRAP_H

#include "core/kernel.h"

enum devtrap_result {
	DEVTRAP_NONE,	 /* addr is no device window of t: an ordinary page fault */
	DEVTRAP_DONE,	 /* performed, or sent to the pager (a store to a read-only window) */
	DEVTRAP_BADINSN, /* a device window, but an instruction umol4 does not perform there */
};

/* An in/out, ins/outs or cli/sti (tr->acc): performed if t holds the ports, else an I/O fault to
 * its pager (reference §4.1); a page fault on the memory operand of ins/outs goes to the pager
 * too. DEVTRAP_BADINSN: that operand is a device window. */
enum devtrap_result devtrap_io(struct kernel *k, struct thread *t, const struct trap *tr);

enum devtrap_result devtrap_mmio(struct kernel *k, struct thread *t, word_t addr);

#endif
