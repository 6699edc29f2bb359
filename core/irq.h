/* Interrupts as IPC (reference §2.2): interrupt n speaks as thread id n+1; a thread associates
 * with it by receiving from that id with timeout 0, and then receives its messages. */
#ifndef UMOL4_CORE_IRQ_H
#define UMOL4_CORE_IRQ_H

#include "core/kernel.h"

/* The host side signals interrupt n (console input, ...). */
void irq_raise(struct kernel *k, unsigned n);
/* t receives from an interrupt id (closed) or, with timeout 0 from nil, detaches.
 * Returns false if the receive is not about interrupts. */
bool irq_receive(struct kernel *k, struct thread *t, bool zero_timeout);
/* Open receive: delivers t's pending interrupt, if any. */
bool irq_take_pending(struct kernel *k, struct thread *t);
/* Drops every association of t (thread death, detach). */
void irq_detach_all(struct kernel *k, struct thread *t);
/* Whether an interrupt with a host source may still wake a thread. */
bool irq_host_source_attached(const struct kernel *k);
/* Fires the periodic timer interrupt when due (called with the timeouts). */
void irq_timer_fire(struct kernel *k, uint64_t now);

#endif
