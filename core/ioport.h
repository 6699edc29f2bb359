/* ia32 I/O ports as L4 V2 resources (reference §3.1, §4.1): I/O fpages map port x at x, the
 * holder of a port may pass it on by map or grant, fpage_unmap takes it back from everyone who
 * received it, and an in/out on a port the task does not hold is an I/O fault to its pager.
 * Sigma0 holds every port, as it owns all physical memory. */
#ifndef UMOL4_CORE_IOPORT_H
#define UMOL4_CORE_IOPORT_H

#include "core/kernel.h"

#define IO_PORTS (1u << IO_PORTS_LOG2)
#define IO_CHUNK 1024u

/* The mapping database of one task's ports: per port the task number + 1 it received the port
 * from (0: not held). A task holds each port at most once (ports map idempotently), so a tree
 * node is a (task, port) pair and its parent a task number. Chunks come on demand. */
struct ioports {
	uint16_t *from[IO_PORTS / IO_CHUNK];
	unsigned held;
};

/* Whether t holds every port of [port, port + n). */
bool ioport_holds(const struct task *t, word_t port, word_t n);
/* Maps (or grants) the I/O fpage fp from src into dst, limited to dst's receive window (an I/O
 * fpage, or the whole address space for the whole I/O space). Returns the ports dst received,
 * -1 when kernel memory ran out. */
int ioport_map(struct kernel *k, struct task *src, struct task *dst, word_t fp, word_t window);
/* fpage_unmap of an I/O fpage: flush takes the ports from every task that received them from t
 * (and with `self` from t); without flush nothing changes (a port has no write right). */
void ioport_unmap(struct kernel *k, struct task *t, word_t fp, bool flush, bool self);
/* Task deletion: t's ports, and everything derived from them, go. */
void ioport_flush_task(struct kernel *k, struct task *t);

#endif
