/* Ready queues (256 priorities, round robin within one) and the timeout list. */
#ifndef UMOL4_CORE_SCHED_H
#define UMOL4_CORE_SCHED_H

#include "core/kernel.h"

/* front: the thread runs next among its priority (a woken IPC receiver, as Fiasco switches to
 * the receiver); otherwise it goes to the back. */
void sched_ready(struct kernel *k, struct thread *t, bool front);
void sched_unready(struct kernel *k, struct thread *t);
/* Move t behind the other threads of its priority (yield, timeslice end). */
void sched_rotate(struct kernel *k, struct thread *t);
/* Highest-priority ready thread, or NULL. Fires expired timeouts first. */
struct thread *sched_pick(struct kernel *k);

void timeout_arm(struct kernel *k, struct thread *t, uint64_t wakeup);
void timeout_disarm(struct kernel *k, struct thread *t);
/* Earliest pending wakeup, 0 if none. */
uint64_t timeout_next(const struct kernel *k);
/* Wakes every thread whose timeout has passed at `now`. */
void timeout_fire(struct kernel *k, uint64_t now);

#endif
