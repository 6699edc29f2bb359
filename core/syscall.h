/* Entry from the os layer: one trap of the current thread. */
#ifndef UMOL4_CORE_SYSCALL_H
#define UMOL4_CORE_SYSCALL_H

#include "core/kernel.h"

/* Handles the trap `ev` that thread t (the one that was running) took. Afterwards
 * sched_pick() says who runs next, and k->run whether the instance goes on. */
void kernel_trap(struct kernel *k, struct thread *t, const struct hw_event *ev);

#endif
