/* thread_schedule (reference §2.6) and CPU-time accounting with timeslices. */
#ifndef UMOL4_CORE_SCHEDULE_H
#define UMOL4_CORE_SCHEDULE_H

#include "core/kernel.h"

void sys_thread_schedule(struct kernel *k, struct thread *t);
/* t ran for `us` microseconds: charge it; at the end of its timeslice it goes behind its peers. */
void sched_charge(struct kernel *k, struct thread *t, uint64_t us);
/* How long t may run before it must be preempted (UINT64_MAX: unbounded). */
uint64_t sched_slice_left(const struct thread *t);
/* A V2 timeout-format encoding (mantissa << 4 | exponent, 12 bits) of a duration in µs. */
unsigned timeout_encode(uint64_t us, unsigned *man, unsigned *exp);

#endif
