/* Moving one IPC message from a sender to a receiver: register words, long-message dwords,
 * indirect strings and map items (reference §2.2 "Long messages", §3). */
#ifndef UMOL4_CORE_MSG_H
#define UMOL4_CORE_MSG_H

#include "core/kernel.h"

struct xfer {
	word_t rdope; /* receiver's result: dwords, strings, m bit, error code */
	word_t serr;  /* sender's error: 0 or a send-side code */
	/* XFER_FAULT: the first page that was not accessible, and whose space it is in */
	struct thread *fault_thread;
	word_t fault_addr;
	bool fault_write;
};

enum xfer_status {
	XFER_DONE,
	XFER_FAULT, /* a buffer page is missing: resolve it through that thread's pager, retry */
};

/* Copies everything but the register words (which the caller delivers on XFER_DONE). Safe to
 * repeat after a fault: the sender's message cannot change while it waits. */
enum xfer_status msg_transfer(struct kernel *k, struct thread *s, struct thread *r,
			      struct xfer *x);

#endif
